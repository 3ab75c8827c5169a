/* ioapiset: completion ports and the completion of overlapped I/O. decant
 * completes file I/O synchronously; an associated port still gets its
 * packet, as Windows queues one for synchronous completions too (unless
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS). */
#include <string.h>

#define DEBUG_CHANNEL sync
#include "debug.h"
#include "file.h"
#include "iocp.h"
#include "kernel32_private.h"

#define FILE_SKIP_COMPLETION_PORT_ON_SUCCESS 0x1
#define FILE_SKIP_SET_EVENT_ON_HANDLE 0x2

typedef struct {
    ULONG_PTR lpCompletionKey;
    OVERLAPPED *lpOverlapped;
    ULONG_PTR Internal;
    DWORD dwNumberOfBytesTransferred;
} OVERLAPPED_ENTRY;

/* CreateIoCompletionPort (kernel32): a new port, or a file associated with
 * one (existing or new). */
HANDLE WINAPI CreateIoCompletionPort(HANDLE file, HANDLE existing, ULONG_PTR key,
                                     DWORD threads)
{
    struct object *port;
    if (existing) {
        port = handle_ref(existing, OBJ_IOCP);
        if (!port) {
            set_last_error(ERROR_INVALID_PARAMETER);
            return NULL;
        }
    } else {
        port = iocp_create();
    }
    HANDLE ret = existing;
    if (file != INVALID_HANDLE_VALUE) {
        struct file *f = file_ref(file);
        if (!f) {
            object_put(port);
            set_last_error(ERROR_INVALID_HANDLE);
            return NULL;
        }
        if (f->port) {
            object_put(&f->obj);
            object_put(port);
            set_last_error(ERROR_INVALID_PARAMETER);
            return NULL;
        }
        f->port = object_ref(port);
        f->port_key = key;
        object_put(&f->obj);
    }
    if (!existing)
        ret = handle_alloc(port, FALSE);
    object_put(port);
    return ret;
}

/* PostQueuedCompletionStatus (kernel32) */
BOOL WINAPI PostQueuedCompletionStatus(HANDLE h, DWORD bytes, ULONG_PTR key, OVERLAPPED *ov)
{
    struct object *port = handle_ref(h, OBJ_IOCP);
    if (!port)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    NTSTATUS st = iocp_post(port, bytes, key, ov, STATUS_SUCCESS);
    object_put(port);
    return set_ntstatus(st);
}

/* GetQueuedCompletionStatus (kernel32): FALSE with a NULL overlapped on
 * timeout; FALSE with the overlapped set when the I/O itself failed. */
BOOL WINAPI GetQueuedCompletionStatus(HANDLE h, LPDWORD bytes, ULONG_PTR *key,
                                      OVERLAPPED **ov, DWORD timeout)
{
    struct object *port = handle_ref(h, OBJ_IOCP);
    if (!port)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    struct iocp_packet p;
    DWORD r = iocp_get(port, &p, timeout, FALSE);
    object_put(port);
    if (r != WAIT_OBJECT_0) {
        *ov = NULL;
        set_last_error(r == WAIT_ABANDONED_0 ? ERROR_ABANDONED_WAIT_0 : WAIT_TIMEOUT);
        return FALSE;
    }
    *bytes = p.bytes;
    *key = p.key;
    *ov = p.overlapped;
    if (p.status)
        return set_ntstatus(p.status);
    return TRUE;
}

/* GetQueuedCompletionStatusEx (kernel32): up to `count` packets; waits
 * only for the first. */
BOOL WINAPI GetQueuedCompletionStatusEx(HANDLE h, OVERLAPPED_ENTRY *entries, ULONG count,
                                        ULONG *removed, DWORD timeout, BOOL alertable)
{
    struct object *port = handle_ref(h, OBJ_IOCP);
    if (!port)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    ULONG n = 0;
    struct iocp_packet p;
    DWORD r = iocp_get(port, &p, timeout, alertable);
    while (r == WAIT_OBJECT_0) {
        entries[n].lpCompletionKey = p.key;
        entries[n].lpOverlapped = p.overlapped;
        entries[n].Internal = p.status;
        entries[n].dwNumberOfBytesTransferred = p.bytes;
        if (++n == count)
            break;
        r = iocp_get(port, &p, 0, FALSE);
    }
    object_put(port);
    *removed = n;
    if (!n) {
        set_last_error(r == WAIT_IO_COMPLETION ? WAIT_IO_COMPLETION
                       : r == WAIT_ABANDONED_0 ? ERROR_ABANDONED_WAIT_0
                                               : WAIT_TIMEOUT);
        return FALSE;
    }
    return TRUE;
}

/* SetFileCompletionNotificationModes (kernel32) */
BOOL WINAPI SetFileCompletionNotificationModes(HANDLE h, UCHAR flags)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    f->skip_port_on_success = !!(flags & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS);
    object_put(&f->obj);
    return TRUE;
}

/* GetOverlappedResultEx (kernel32): waits up to `ms` for a pending
 * operation (only sockets have them) on its event, or without one by
 * polling, since a file handle is always signalled here. */
BOOL WINAPI GetOverlappedResultEx(HANDLE h, OVERLAPPED *ov, LPDWORD bytes, DWORD ms,
                                  BOOL alertable)
{
    ULONGLONG start = GetTickCount64();
    while ((NTSTATUS)__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE) == STATUS_PENDING) {
        ULONGLONG spent = GetTickCount64() - start;
        if (ms != INFINITE && spent >= ms) {
            set_last_error(ms ? WAIT_TIMEOUT : ERROR_IO_INCOMPLETE);
            return FALSE;
        }
        DWORD left = ms == INFINITE ? INFINITE : (DWORD)(ms - spent);
        DWORD r = ov->hEvent ? WaitForSingleObjectEx(ov->hEvent, left, alertable)
                             : SleepEx(left < 1 ? left : 1, alertable);
        if (r == WAIT_IO_COMPLETION) {
            set_last_error(WAIT_IO_COMPLETION);
            return FALSE;
        }
    }
    *bytes = ov->InternalHigh;
    return set_ntstatus(ov->Internal);
}

/* GetOverlappedResult (kernel32) */
BOOL WINAPI GetOverlappedResult(HANDLE h, OVERLAPPED *ov, LPDWORD bytes, BOOL wait)
{
    return GetOverlappedResultEx(h, ov, bytes, wait ? INFINITE : 0, FALSE);
}

/* CancelIoEx (kernel32): file I/O completes synchronously; sockets keep
 * pending operations (ws2_32), cancelled through the file layer's hook. */
BOOL WINAPI CancelIoEx(HANDLE h, OVERLAPPED *ov)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    int n = file_cancel_async(f, ov, NULL);
    object_put(&f->obj);
    if (!n) {
        set_last_error(ERROR_NOT_FOUND_WIN32);
        return FALSE;
    }
    return TRUE;
}

/* CancelIo (kernel32): the calling thread's operations on h. */
BOOL WINAPI CancelIo(HANDLE h)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    file_cancel_async(f, NULL, nt_current_thread());
    object_put(&f->obj);
    return TRUE;
}

/* Called by ReadFile/WriteFile after an overlapped operation on f. */
void kernel32_complete_overlapped(struct file *f, OVERLAPPED *ov, DWORD bytes, NTSTATUS st)
{
    if (!ov)
        return;
    ov->Internal = st;
    ov->InternalHigh = bytes;
    if (ov->hEvent) /* the low bit is a tag: the event is still set */
        SetEvent(ov->hEvent);
    /* the low bit of hEvent asks for no completion packet */
    if (f->port && !((ULONG_PTR)ov->hEvent & 1) && !(f->skip_port_on_success && !st))
        iocp_post(f->port, bytes, f->port_key, ov, st);
}
