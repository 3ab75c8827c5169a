/* Shared by ntdll's files: how a file operation delivers its result. */
#ifndef DECANT_NTDLL_PRIVATE_H
#define DECANT_NTDLL_PRIVATE_H

#include "ntfile.h"

struct file;

/* Delivers a finished operation on f (and puts f's reference): the status
 * block, the event, the APC or the completion port packet (file.c). */
NTSTATUS ntdll_complete(struct file *f, HANDLE event, PIO_APC_ROUTINE apc, PVOID ctx,
                        IO_STATUS_BLOCK *io, NTSTATUS st, ULONG_PTR info);
/* The status for a handle that is not a file. */
NTSTATUS ntdll_not_a_file(HANDLE h);
/* Resets an operation's event as it starts, as the I/O manager does. */
NTSTATUS ntdll_reset_event(HANDLE event);

#endif
