/* I/O completion ports (iocp.c). */
#ifndef DECANT_IOCP_H
#define DECANT_IOCP_H

#include "object.h"

struct iocp_packet {
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED *overlapped;
    NTSTATUS status;
};

struct object *iocp_create(void);
NTSTATUS iocp_post(struct object *port, DWORD bytes, ULONG_PTR key, OVERLAPPED *ov,
                   NTSTATUS status);
/* WAIT_OBJECT_0 with *out filled, WAIT_TIMEOUT, WAIT_IO_COMPLETION, or
 * WAIT_ABANDONED_0 when the port's last handle was closed. */
DWORD iocp_get(struct object *port, struct iocp_packet *out, DWORD timeout, BOOL alertable);

#endif
