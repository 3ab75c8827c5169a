/* Shared by ntdll's files: how a file operation delivers its result,
 * NT names, and which process a handle names. */
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
/* The length of the ASCII prefix p when the n units at s start with it
 * (ignoring case), else 0. */
size_t ntdll_prefix(const WCHAR *s, size_t n, const char *p);
/* An NT file name (plus the directory it is relative to) as the DOS
 * path file_create takes: "\??\C:\x" is "\\?\C:\x" (not normalised,
 * as NT names are not), "\??\NUL" and "\Device\Null" are devices,
 * a relative name continues its root directory's path. Malloc'ed. */
NTSTATUS ntdll_nt_to_dos(const OBJECT_ATTRIBUTES *attr, WCHAR **out);

/* The key a named object goes by (object.c), malloc'ed; NULL for an
 * unnamed one. */
NTSTATUS ntdll_object_name(const OBJECT_ATTRIBUTES *attr, WCHAR **out);
/* STATUS_SUCCESS when a process handle is this process,
 * STATUS_NOT_SUPPORTED (logged) for another, else why it is no process
 * handle (object.c). */
NTSTATUS ntdll_check_self(HANDLE process);

#endif
