/* Anonymous pipes. */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "file.h"
#include "kernel32_private.h"

/* CreatePipe (kernel32) */
BOOL WINAPI CreatePipe(HANDLE *rd, HANDLE *wr, SECURITY_ATTRIBUTES *sa, DWORD size)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return set_ntstatus(errno_to_status(errno));
    if (size > 65536)
        fcntl(fds[1], F_SETPIPE_SZ, size);
    BOOL inherit = sa && sa->bInheritHandle;
    *rd = file_handle_from_fd(fds[0], GENERIC_READ, inherit);
    *wr = file_handle_from_fd(fds[1], GENERIC_WRITE, inherit);
    return TRUE;
}

/* PeekNamedPipe (kernel32): how much can be read without blocking. */
BOOL WINAPI PeekNamedPipe(HANDLE h, LPVOID buf, DWORD size, LPDWORD read_n,
                          LPDWORD avail, LPDWORD left)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    int n = 0;
    int r = ioctl(f->fd, FIONREAD, &n);
    object_put(&f->obj);
    if (r < 0)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    if (buf && size && read_n)
        *read_n = 0; /* FIXME: peeking the data itself */
    else if (read_n)
        *read_n = 0;
    if (avail)
        *avail = n;
    if (left)
        *left = 0;
    return TRUE;
}
