/* ntdll's file services over the file objects kernel32 uses (src/nt):
 * opening by NT path, anonymous pipes, reading and writing with
 * IO_STATUS_BLOCKs. decant completes every operation
 * before returning, so the status returned is the final one (save the
 * end of a file on an asynchronous handle: see ntdll_complete()); the
 * event, APC and completion port still get their completion, as Windows
 * gives them for an operation that finished at once. Directories:
 * directory.c; information: fileinfo.c. Tests: tests/programs/ntfile. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "file.h"
#include "fileinfo.h"
#include "iocp.h"
#include "ntdll_private.h"
#include "ntfile.h"
#include "path.h"
#include "process.h"
#include "status.h"
#include "wstr.h"

/* ---- names ----------------------------------------------------------------- */

size_t ntdll_prefix(const WCHAR *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (wstr_lower(s[i]) != wstr_lower((WCHAR)p[i]))
            return 0;
    return k;
}

/* Does the name have a "." or ".." component? NT names are not
 * normalised: file systems refuse those as names. */
static int has_dot_component(const WCHAR *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '\\')
            j++;
        if ((j - i == 1 && s[i] == '.') || (j - i == 2 && s[i] == '.' && s[i + 1] == '.'))
            return 1;
        i = j + 1;
    }
    return 0;
}

NTSTATUS ntdll_nt_to_dos(const OBJECT_ATTRIBUTES *attr, WCHAR **out)
{
    const UNICODE_STRING *us = attr->ObjectName;
    size_t n = us && us->Buffer ? us->Length / sizeof(WCHAR) : 0;
    const WCHAR *s = n ? us->Buffer : u"";
    WCHAR *dos;
    if (has_dot_component(s, n))
        return STATUS_OBJECT_NAME_INVALID;
    if (attr->RootDirectory) {
        if (n && s[0] == '\\')
            return STATUS_INVALID_PARAMETER;
        struct file *root = file_ref(attr->RootDirectory);
        if (!root)
            return STATUS_INVALID_HANDLE;
        WCHAR *base = root->unix_path ? path_unix_to_dos(root->unix_path) : NULL;
        int is_dir = root->is_dir;
        object_put(&root->obj);
        if (!base)
            return STATUS_OBJECT_TYPE_MISMATCH;
        if (!is_dir && n) {
            free(base);
            return STATUS_OBJECT_PATH_NOT_FOUND;
        }
        size_t b = wstr_len(base);
        dos = malloc((b + n + 2) * sizeof(WCHAR));
        memcpy(dos, base, b * sizeof(WCHAR));
        free(base);
        if (n && b && dos[b - 1] != '\\')
            dos[b++] = '\\';
        memcpy(dos + b, s, n * sizeof(WCHAR));
        dos[b + n] = 0;
        *out = dos;
        return STATUS_SUCCESS;
    }
    if (!n)
        return STATUS_OBJECT_NAME_INVALID;
    if (s[0] != '\\')
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    size_t skip;
    if (ntdll_prefix(s, n, "\\??\\"))
        skip = 4;
    else if (ntdll_prefix(s, n, "\\DosDevices\\"))
        skip = 12;
    else if (ntdll_prefix(s, n, "\\GLOBAL??\\"))
        skip = 10;
    else if (n == 12 && ntdll_prefix(s, n, "\\Device\\Null")) {
        *out = wstr_dup(u"\\\\.\\NUL");
        return STATUS_SUCCESS;
    } else
        return STATUS_OBJECT_PATH_NOT_FOUND;
    s += skip;
    n -= skip;
    /* a drive path or UNC\ under \\?\, anything else (NUL, CONOUT$)
     * is a device name under \\.\ */
    int drive = n >= 2 && s[1] == ':';
    dos = malloc((n + 5) * sizeof(WCHAR));
    memcpy(dos, drive || ntdll_prefix(s, n, "UNC\\") ? u"\\\\?\\" : u"\\\\.\\", 4 * sizeof(WCHAR));
    memcpy(dos + 4, s, n * sizeof(WCHAR));
    dos[n + 4] = 0;
    *out = dos;
    return STATUS_SUCCESS;
}

/* ---- anonymous pipes -------------------------------------------------------
 * What Rust's std does for a child's stdio: open the pipe file system's
 * root (\??\PIPE\), create a pipe with NtCreateNamedPipeFile relative to
 * it and no name, then open the other end with NtOpenFile relative to
 * the pipe itself, again with no name. An anonymous pipe is a Linux pipe
 * (a socket pair when one handle reads and writes); its other end waits
 * in the first handle until it is opened. Named pipes are not here yet. */

static int name_is_empty(const OBJECT_ATTRIBUTES *attr)
{
    return !attr->ObjectName || !attr->ObjectName->Length;
}

static int is_npfs_root_name(const OBJECT_ATTRIBUTES *attr)
{
    if (attr->RootDirectory || name_is_empty(attr))
        return 0;
    const WCHAR *s = attr->ObjectName->Buffer;
    size_t n = attr->ObjectName->Length / sizeof(WCHAR);
    return (n == 9 && ntdll_prefix(s, n, "\\??\\PIPE\\")) ||
           (n == 18 && ntdll_prefix(s, n, "\\Device\\NamedPipe\\"));
}

/* A new handle to fd as a file object with `access`; async unless the
 * options ask for synchronous I/O. */
static HANDLE pipe_handle(int fd, ACCESS_MASK access, ULONG options, BOOL inherit,
                          struct file **out)
{
    HANDLE h = file_handle_from_fd(fd, access, inherit);
    struct file *f = file_ref(h);
    if (!(options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT)))
        f->options |= FILE_FLAG_OVERLAPPED;
    if (out)
        *out = f;
    else
        object_put(&f->obj);
    return h;
}

/* NtOpenFile/NtCreateFile of the pipe root or of a pipe's other end;
 * 0 = not one of those. */
static NTSTATUS open_pipe(HANDLE *out, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                          ULONG options, ULONG_PTR *info)
{
    BOOL inherit = (attr->Attributes & OBJ_INHERIT) != 0;
    if (is_npfs_root_name(attr)) {
        int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return errno_to_status(errno);
        struct file *f;
        *out = pipe_handle(fd, access, options, inherit, &f);
        f->npfs_root = 1;
        object_put(&f->obj);
        *info = FILE_OPENED;
        return STATUS_SUCCESS;
    }
    if (!attr->RootDirectory || !name_is_empty(attr))
        return 0;
    struct file *root = file_ref(attr->RootDirectory);
    if (!root || (!root->has_peer && root->kind != FILE_TYPE_PIPE)) {
        if (root)
            object_put(&root->obj);
        return 0;
    }
    pthread_mutex_lock(&sync_lock);
    int fd = root->has_peer ? root->peer_fd : -1;
    root->has_peer = 0;
    sync_unlock();
    object_put(&root->obj);
    if (fd < 0)
        return STATUS_PIPE_NOT_AVAILABLE; /* its one client end is taken */
    *out = pipe_handle(fd, access, options, inherit, NULL);
    *info = FILE_OPENED;
    return STATUS_SUCCESS;
}

/* NtCreateNamedPipeFile (ntdll): anonymous pipes only (see above). */
NTSTATUS WINAPI NtCreateNamedPipeFile(HANDLE *out, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                      IO_STATUS_BLOCK *io, ULONG share, ULONG disposition,
                                      ULONG options, ULONG type, ULONG read_mode,
                                      ULONG completion, ULONG max_instances, ULONG in_quota,
                                      ULONG out_quota, LARGE_INTEGER *timeout)
{
    if (!out || !attr || !io)
        return STATUS_ACCESS_VIOLATION;
    struct file *root = attr->RootDirectory ? file_ref(attr->RootDirectory) : NULL;
    int anonymous = root && root->npfs_root && name_is_empty(attr);
    if (root)
        object_put(&root->obj);
    if (!anonymous) {
        FIXME("named pipes");
        return STATUS_NOT_SUPPORTED;
    }
    access = file_map_access(access);
    int rd = (access & FILE_READ_DATA) != 0, wr = (access & FILE_WRITE_DATA) != 0;
    int fds[2], ours, peer;
    if (rd && wr) {
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0)
            return errno_to_status(errno);
        ours = fds[0], peer = fds[1];
    } else {
        if (pipe2(fds, O_CLOEXEC) < 0)
            return errno_to_status(errno);
        ours = wr ? fds[1] : fds[0];
        peer = wr ? fds[0] : fds[1];
        ULONG quota = in_quota > out_quota ? in_quota : out_quota;
        if (quota > 65536)
            fcntl(fds[0], F_SETPIPE_SZ, quota);
    }
    struct file *f;
    *out = pipe_handle(ours, access, options, (attr->Attributes & OBJ_INHERIT) != 0, &f);
    f->peer_fd = peer;
    f->has_peer = 1;
    object_put(&f->obj);
    io->Status = STATUS_SUCCESS;
    io->Information = FILE_CREATED;
    return STATUS_SUCCESS;
}

/* NtCreateFile (ntdll) */
NTSTATUS WINAPI NtCreateFile(HANDLE *out, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                             IO_STATUS_BLOCK *io, LARGE_INTEGER *alloc_size, ULONG attrs,
                             ULONG share, ULONG disposition, ULONG options, PVOID ea,
                             ULONG ea_len)
{
    if (!out || !attr || !io)
        return STATUS_ACCESS_VIOLATION;
    *out = NULL;
    if (ea && ea_len)
        FIXME("extended attributes ignored");
    WCHAR *dos;
    ULONG_PTR info = 0;
    NTSTATUS st = open_pipe(out, access, attr, options, &info);
    if (st || *out) {
        if (!st) {
            io->Status = st;
            io->Information = info;
        }
        return st;
    }
    st = ntdll_nt_to_dos(attr, &dos);
    if (!st) {
        st = file_create(dos, access, attrs, share, disposition, options,
                         (attr->Attributes & OBJ_INHERIT) != 0, out, &info);
        if (TRACE_ON()) {
            char *u = wstr_to_utf8_alloc(dos);
            TRACE("%s access %#x share %#x disp %u options %#x -> %#x info %lu", u, access,
                  share, disposition, options, st, (unsigned long)info);
            free(u);
        }
        free(dos);
    }
    if (!st) {
        io->Status = st;
        io->Information = info;
    }
    return st;
}

/* NtOpenFile (ntdll) */
NTSTATUS WINAPI NtOpenFile(HANDLE *out, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                           IO_STATUS_BLOCK *io, ULONG share, ULONG options)
{
    return NtCreateFile(out, access, attr, io, NULL, 0, share, FILE_OPEN, options, NULL, 0);
}

/* ---- reading and writing ------------------------------------------------------ */

struct io_apc {
    PIO_APC_ROUTINE fn;
    PVOID ctx;
    IO_STATUS_BLOCK *io;
};

static void WINAPI run_io_apc(ULONG_PTR arg)
{
    struct io_apc a = *(struct io_apc *)arg;
    free((void *)arg);
    a.fn(a.ctx, a.io, 0);
}

/* Delivers a finished operation: the status block, then the event, the
 * APC to this thread or the completion port packet. A failed operation
 * completes nothing, as on Windows for an error returned at once (the
 * caller sees the status returned; a synchronous handle's status block
 * has it too), except the end of a file read through an asynchronous
 * handle: that completes like a transfer, after STATUS_PENDING
 * (ReadFileEx succeeds and its routine gets ERROR_HANDLE_EOF). */
NTSTATUS ntdll_complete(struct file *f, HANDLE event, PIO_APC_ROUTINE apc, PVOID ctx,
                        IO_STATUS_BLOCK *io, NTSTATUS st, ULONG_PTR info)
{
    NTSTATUS ret = st;
    if (st == STATUS_END_OF_FILE && f->options & FILE_FLAG_OVERLAPPED && f->kind == FILE_TYPE_DISK)
        ret = STATUS_PENDING; /* Windows finds the end of a file asynchronously */
    else if (NT_ERROR(st)) {
        if (!(f->options & FILE_FLAG_OVERLAPPED)) {
            io->Status = st;
            io->Information = info;
        }
        object_put(&f->obj);
        return st;
    }
    io->Status = st;
    io->Information = info;
    if (event) {
        struct object *e = handle_ref(event, OBJ_EVENT);
        if (e) {
            event_set(e, NULL);
            object_put(e);
        }
    }
    if (apc) {
        struct io_apc *a = malloc(sizeof *a);
        a->fn = apc;
        a->ctx = ctx;
        a->io = io;
        sync_queue_apc(nt_current_thread(), run_io_apc, (ULONG_PTR)a);
    } else if (f->port && ctx && !(f->skip_port_on_success && st == STATUS_SUCCESS)) {
        iocp_post(f->port, (DWORD)info, f->port_key, ctx, st);
    }
    object_put(&f->obj);
    return ret;
}

/* The status for a handle that is not a file. */
NTSTATUS ntdll_not_a_file(HANDLE h)
{
    struct object *o = handle_ref(h, 0);
    object_put(o);
    return o ? STATUS_OBJECT_TYPE_MISMATCH : STATUS_INVALID_HANDLE;
}

/* The event is reset when the operation starts, as the I/O manager does. */
NTSTATUS ntdll_reset_event(HANDLE event)
{
    if (!event)
        return STATUS_SUCCESS;
    struct object *e = handle_ref(event, OBJ_EVENT);
    if (!e)
        return ntdll_not_a_file(event) == STATUS_INVALID_HANDLE ? STATUS_INVALID_HANDLE
                                                                : STATUS_OBJECT_TYPE_MISMATCH;
    event_reset(e, NULL);
    object_put(e);
    return STATUS_SUCCESS;
}

/* The byte offset of a transfer: NULL for "the current position" (only
 * handles opened for synchronous I/O have one), else the offset. */
static NTSTATUS transfer_offset(struct file *f, LARGE_INTEGER *offset, int write,
                                LARGE_INTEGER **out)
{
    *out = offset;
    if (offset && offset->HighPart == -1 &&
        (offset->LowPart == FILE_USE_FILE_POINTER_POSITION ||
         (!write && offset->LowPart == FILE_WRITE_TO_END_OF_FILE)))
        *out = NULL;
    if (!*out && f->options & FILE_FLAG_OVERLAPPED && f->kind == FILE_TYPE_DISK)
        return STATUS_INVALID_PARAMETER;
    return STATUS_SUCCESS;
}

/* NtReadFile (ntdll): STATUS_END_OF_FILE when a file has no byte left at
 * the offset; STATUS_PIPE_BROKEN at the end of a pipe. */
NTSTATUS WINAPI NtReadFile(HANDLE h, HANDLE event, PIO_APC_ROUTINE apc, PVOID ctx,
                           IO_STATUS_BLOCK *io, PVOID buf, ULONG len, LARGE_INTEGER *offset,
                           ULONG *key)
{
    struct file *f = file_ref(h);
    if (!f)
        return ntdll_not_a_file(h);
    LARGE_INTEGER *off;
    NTSTATUS st = transfer_offset(f, offset, 0, &off);
    if (!st)
        st = ntdll_reset_event(event);
    if (st) {
        object_put(&f->obj);
        return st;
    }
    DWORD done = 0;
    st = file_read(f, buf, len, &done, off);
    if (!st && !done && len && f->kind == FILE_TYPE_DISK)
        st = STATUS_END_OF_FILE;
    return ntdll_complete(f, event, apc, ctx, io, st, done);
}

/* NtWriteFile (ntdll): offset FILE_WRITE_TO_END_OF_FILE appends. */
NTSTATUS WINAPI NtWriteFile(HANDLE h, HANDLE event, PIO_APC_ROUTINE apc, PVOID ctx,
                            IO_STATUS_BLOCK *io, const void *buf, ULONG len,
                            LARGE_INTEGER *offset, ULONG *key)
{
    struct file *f = file_ref(h);
    if (!f)
        return ntdll_not_a_file(h);
    LARGE_INTEGER *off;
    NTSTATUS st = transfer_offset(f, offset, 1, &off);
    if (!st)
        st = ntdll_reset_event(event);
    if (st) {
        object_put(&f->obj);
        return st;
    }
    DWORD done = 0;
    st = file_write(f, buf, len, &done, off);
    return ntdll_complete(f, event, apc, ctx, io, st, done);
}

/* NtCancelIoFileEx (ntdll): nothing is ever pending in decant, so there
 * is nothing to cancel. */
NTSTATUS WINAPI NtCancelIoFileEx(HANDLE h, IO_STATUS_BLOCK *req, IO_STATUS_BLOCK *io)
{
    struct file *f = file_ref(h);
    if (!f)
        return STATUS_INVALID_HANDLE;
    object_put(&f->obj);
    return STATUS_NOT_FOUND;
}

/* NtCancelIoFile (ntdll) */
NTSTATUS WINAPI NtCancelIoFile(HANDLE h, IO_STATUS_BLOCK *io)
{
    struct file *f = file_ref(h);
    if (!f)
        return STATUS_INVALID_HANDLE;
    object_put(&f->obj);
    io->Status = STATUS_SUCCESS;
    io->Information = 0;
    return STATUS_SUCCESS;
}
