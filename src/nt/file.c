/* File objects over Linux fds: opening with Windows dispositions, access
 * and sharing; reads and writes with Windows' end-of-file and pipe rules. */
#include <errno.h>
#include <poll.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "blocking.h"
#include "clock.h"
#include "debug.h"
#include "dirscan.h"
#include "file.h"
#include "ntfile.h"
#include "path.h"
#include "status.h"
#include "wstr.h"

#define FILE_GENERIC_READ 0x120089
#define FILE_GENERIC_WRITE 0x120116
#define FILE_GENERIC_EXECUTE 0x1200a0
#define FILE_ALL_ACCESS 0x1f01ff
#define MAXIMUM_ALLOWED 0x02000000

DWORD file_map_access(DWORD a)
{
    if (a & GENERIC_READ)
        a |= FILE_GENERIC_READ;
    if (a & GENERIC_WRITE)
        a |= FILE_GENERIC_WRITE;
    if (a & GENERIC_EXECUTE)
        a |= FILE_GENERIC_EXECUTE;
    if (a & (GENERIC_ALL | MAXIMUM_ALLOWED))
        a |= FILE_ALL_ACCESS;
    return a & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL |
                 MAXIMUM_ALLOWED);
}

/* ---- sharing modes -------------------------------------------------------
 * Windows refuses an open whose access conflicts with the share mode of a
 * handle already open on the same file, or whose share mode excludes
 * access another handle already has. Tracked per (device, inode) within
 * the process. */
struct share_entry {
    struct share_entry *next;
    dev_t dev;
    ino_t ino;
    int readers, writers, deleters;        /* handles with that access */
    int share_read, share_write, share_delete; /* handles sharing it */
    int handles;
    int delete_pending; /* deleted when its last handle closes */
};
static struct share_entry *shares;
static pthread_mutex_t share_lock = PTHREAD_MUTEX_INITIALIZER;

#define WANTS_READ(a) ((a) & (FILE_READ_DATA | 0x20 /* FILE_EXECUTE */))
#define WANTS_WRITE(a) ((a) & (FILE_WRITE_DATA | FILE_APPEND_DATA))
#define WANTS_DELETE(a) ((a) & DELETE)

static NTSTATUS share_acquire(struct file *f, const struct stat *st)
{
    pthread_mutex_lock(&share_lock);
    struct share_entry *e = shares;
    while (e && (e->dev != st->st_dev || e->ino != st->st_ino))
        e = e->next;
    if (e) {
        DWORD a = f->access, s = f->share;
        if (e->delete_pending) {
            pthread_mutex_unlock(&share_lock);
            return STATUS_DELETE_PENDING;
        }
        if ((WANTS_READ(a) && e->share_read < e->handles) ||
            (WANTS_WRITE(a) && e->share_write < e->handles) ||
            (WANTS_DELETE(a) && e->share_delete < e->handles) ||
            (e->readers && !(s & FILE_SHARE_READ)) ||
            (e->writers && !(s & FILE_SHARE_WRITE)) ||
            (e->deleters && !(s & FILE_SHARE_DELETE))) {
            pthread_mutex_unlock(&share_lock);
            return STATUS_SHARING_VIOLATION;
        }
    } else {
        e = calloc(1, sizeof *e);
        e->dev = st->st_dev;
        e->ino = st->st_ino;
        e->next = shares;
        shares = e;
    }
    e->handles++;
    e->readers += !!WANTS_READ(f->access);
    e->writers += !!WANTS_WRITE(f->access);
    e->deleters += !!WANTS_DELETE(f->access);
    e->share_read += !!(f->share & FILE_SHARE_READ);
    e->share_write += !!(f->share & FILE_SHARE_WRITE);
    e->share_delete += !!(f->share & FILE_SHARE_DELETE);
    f->share_entry = e;
    pthread_mutex_unlock(&share_lock);
    return STATUS_SUCCESS;
}

/* 1 when this was the file's last handle and it was marked for deletion. */
static int share_release(struct file *f)
{
    struct share_entry *e = f->share_entry;
    int delete = 0;
    if (!e)
        return 0;
    pthread_mutex_lock(&share_lock);
    if (f->options & FILE_FLAG_DELETE_ON_CLOSE)
        e->delete_pending = 1;
    e->handles--;
    e->readers -= !!WANTS_READ(f->access);
    e->writers -= !!WANTS_WRITE(f->access);
    e->deleters -= !!WANTS_DELETE(f->access);
    e->share_read -= !!(f->share & FILE_SHARE_READ);
    e->share_write -= !!(f->share & FILE_SHARE_WRITE);
    e->share_delete -= !!(f->share & FILE_SHARE_DELETE);
    if (!e->handles) {
        delete = e->delete_pending;
        for (struct share_entry **p = &shares; *p; p = &(*p)->next)
            if (*p == e) {
                *p = e->next;
                break;
            }
        free(e);
    }
    pthread_mutex_unlock(&share_lock);
    return delete;
}

/* FileDispositionInformation: the mark is the file's, not the handle's;
 * new opens fail while it is set. */
NTSTATUS file_set_delete_pending(struct file *f, BOOL delete)
{
    if (!(f->access & DELETE))
        return STATUS_ACCESS_DENIED;
    if (!f->share_entry) { /* not a disk file: the handle's own flag */
        if (delete)
            f->options |= FILE_FLAG_DELETE_ON_CLOSE;
        else
            f->options &= ~FILE_FLAG_DELETE_ON_CLOSE;
        return STATUS_SUCCESS;
    }
    pthread_mutex_lock(&share_lock);
    f->share_entry->delete_pending = !!delete;
    pthread_mutex_unlock(&share_lock);
    if (!delete)
        f->options &= ~FILE_FLAG_DELETE_ON_CLOSE;
    return STATUS_SUCCESS;
}

int file_delete_pending_at(const struct stat *st)
{
    int r = 0;
    pthread_mutex_lock(&share_lock);
    for (struct share_entry *e = shares; e; e = e->next)
        if (e->dev == st->st_dev && e->ino == st->st_ino)
            r = e->delete_pending;
    pthread_mutex_unlock(&share_lock);
    return r;
}

int file_delete_pending(struct file *f)
{
    if (!f->share_entry)
        return 0;
    pthread_mutex_lock(&share_lock);
    int r = f->share_entry->delete_pending;
    pthread_mutex_unlock(&share_lock);
    return r;
}

/* ---- objects ------------------------------------------------------------ */

static void file_destroy(struct object *o)
{
    struct file *f = (struct file *)o;
    int delete = f->share_entry ? share_release(f) : !!(f->options & FILE_FLAG_DELETE_ON_CLOSE);
    object_put(f->port);
    if (delete && f->unix_path) {
        if (f->is_dir)
            rmdir(f->unix_path);
        else
            unlink(f->unix_path);
    }
    if (f->fd > 2)
        close(f->fd);
    if (f->has_peer)
        close(f->peer_fd);
    dirscan_free(f->dir_scan);
    free(f->unix_path);
    free(f);
}

/* Files are always signalled: a wait on a file handle returns at once. */
static int file_signaled(struct object *o, struct thread *t) { return 1; }
static int file_acquire(struct object *o, struct thread *t) { return 0; }
static const struct object_ops file_ops = {file_destroy, file_signaled,
                                           file_acquire};

static int kind_of(const struct stat *st)
{
    if (S_ISCHR(st->st_mode))
        return FILE_TYPE_CHAR;
    if (S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode))
        return FILE_TYPE_PIPE;
    return FILE_TYPE_DISK;
}

static struct file *file_alloc(int fd, DWORD access)
{
    struct file *f = calloc(1, sizeof *f);
    object_init(&f->obj, OBJ_FILE, &file_ops);
    f->fd = fd;
    f->access = access;
    f->share = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
    struct stat st;
    f->kind = fstat(fd, &st) == 0 ? kind_of(&st) : FILE_TYPE_UNKNOWN;
    return f;
}

HANDLE file_handle_from_fd(int fd, DWORD access, BOOL inherit)
{
    struct file *f = file_alloc(fd, file_map_access(access));
    HANDLE h = handle_alloc(&f->obj, inherit);
    object_put(&f->obj);
    return h;
}

void file_init_std_handles(HANDLE *in, HANDLE *out, HANDLE *err)
{
    int fds[3] = {0, 1, 2};
    HANDLE *slots[3] = {in, out, err};
    for (int i = 0; i < 3; i++) {
        if (fcntl(fds[i], F_GETFD) < 0) {
            *slots[i] = NULL;
            continue;
        }
        *slots[i] = file_handle_from_fd(fds[i], i ? GENERIC_WRITE | GENERIC_READ
                                                  : GENERIC_READ | GENERIC_WRITE,
                                        TRUE);
    }
}

struct file *file_ref(HANDLE h)
{
    return (struct file *)handle_ref(h, OBJ_FILE);
}

static file_cancel_fn cancel_hook;

void file_set_cancel_hook(file_cancel_fn fn)
{
    __atomic_store_n(&cancel_hook, fn, __ATOMIC_RELEASE);
}

int file_cancel_async(struct file *f, OVERLAPPED *ov, struct thread *issuer)
{
    file_cancel_fn fn = __atomic_load_n(&cancel_hook, __ATOMIC_ACQUIRE);
    return fn ? fn(f, ov, issuer) : 0;
}

/* ---- open --------------------------------------------------------------- */

static NTSTATUS open_device(enum path_device dev, DWORD access, HANDLE *out,
                            BOOL inherit)
{
    int fd = -1;
    int want_write = WANTS_WRITE(access) != 0;
    switch (dev) {
    case DEV_NUL:
        fd = open("/dev/null", O_RDWR | O_CLOEXEC);
        break;
    case DEV_CONIN:
        fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
        if (fd < 0)
            fd = dup(0);
        break;
    case DEV_CONOUT:
        fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
        if (fd < 0)
            fd = dup(1);
        break;
    case DEV_CON:
        fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
        if (fd < 0)
            fd = dup(want_write ? 1 : 0);
        break;
    default:
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }
    if (fd < 0)
        return errno_to_status(errno);
    struct file *f = file_alloc(fd, access);
    *out = handle_alloc(&f->obj, inherit);
    object_put(&f->obj);
    return STATUS_SUCCESS;
}

/* The Linux open for one NT disposition; *existed says whether the
 * file was there before. -1 with errno on failure. */
static int open_disposition(const char *path, int oflags, int wr, DWORD disposition,
                            DWORD options, int *existed)
{
    int fd = -1;
    *existed = 0;
    if (options & FILE_DIRECTORY_FILE) {
        /* a directory is made by its create, as on Windows */
        if (disposition == FILE_CREATE || disposition == FILE_OPEN_IF) {
            if (mkdir(path, 0777) == 0)
                return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (errno != EEXIST || disposition == FILE_CREATE)
                return -1;
        }
        *existed = 1;
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
        return fd;
    }
    switch (disposition) {
    case FILE_CREATE:
        return open(path, oflags | O_CREAT | O_EXCL, 0666);
    case FILE_OPEN:
        *existed = 1;
        return open(path, oflags, 0666);
    case FILE_OVERWRITE:
        *existed = 1;
        if (!wr)
            oflags = (oflags & ~O_ACCMODE) | O_RDWR;
        return open(path, oflags | O_TRUNC, 0666);
    default: /* FILE_SUPERSEDE, FILE_OPEN_IF, FILE_OVERWRITE_IF */
        /* Try to create first: a new file is never truncated (truncating
         * forces ext4 to write back at close). */
        fd = open(path, oflags | O_CREAT | O_EXCL, 0666);
        if (fd < 0 && errno == EEXIST) {
            *existed = 1;
            int extra = disposition == FILE_OPEN_IF ? 0 : O_TRUNC;
            if (extra && !wr)
                oflags = (oflags & ~O_ACCMODE) | O_RDWR;
            fd = open(path, oflags | extra, 0666);
        }
        return fd;
    }
}

NTSTATUS file_create(const WCHAR *name, DWORD access, DWORD attrs, DWORD share,
                     DWORD disposition, DWORD options, BOOL inherit, HANDLE *out,
                     ULONG_PTR *info)
{
    access = file_map_access(access);
    if (disposition > FILE_OVERWRITE_IF ||
        (options & FILE_DIRECTORY_FILE && options & FILE_NON_DIRECTORY_FILE) ||
        (options & FILE_DIRECTORY_FILE && disposition != FILE_CREATE &&
         disposition != FILE_OPEN && disposition != FILE_OPEN_IF) ||
        (options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT) &&
         !(access & SYNCHRONIZE)) ||
        (options & FILE_DELETE_ON_CLOSE && !(access & DELETE)))
        return STATUS_INVALID_PARAMETER;
    if (options & FILE_OPEN_BY_FILE_ID) {
        FIXME("FILE_OPEN_BY_FILE_ID");
        return STATUS_NOT_IMPLEMENTED;
    }
    enum path_device dev;
    NTSTATUS st;
    char *path = path_dos_to_unix(name, &dev, &st);
    if (dev) {
        if (options & FILE_DIRECTORY_FILE)
            return STATUS_NOT_A_DIRECTORY;
        st = open_device(dev, access, out, inherit);
        if (!st && info)
            *info = FILE_OPENED;
        return st;
    }
    if (!path)
        return st;
    int rd = WANTS_READ(access) != 0, wr = WANTS_WRITE(access) != 0;
    int oflags = O_CLOEXEC | O_NOCTTY;
    oflags |= rd && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY;
    if ((access & FILE_APPEND_DATA) && !(access & FILE_WRITE_DATA))
        oflags |= O_APPEND;
    size_t plen = strlen(path);
    int trailing_slash = plen > 1 && path[plen - 1] == '/';
    if (trailing_slash)
        path[plen - 1] = 0;

    int existed;
    struct stat sb;
    int fd = -1;
    errno = 0;
    if (options & FILE_OPEN_REPARSE_POINT && disposition != FILE_CREATE &&
        lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
        /* the link itself: an O_PATH handle, for its information and
         * attributes; a Linux link has no data of its own to read */
        existed = 1;
        fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    }
    if (fd < 0 && !errno)
        fd = open_disposition(path, oflags, wr, disposition, options, &existed);
    if (fd < 0 && errno == EISDIR) {
        /* A directory: not with FILE_NON_DIRECTORY_FILE, never truncated,
         * and open read-only whatever access was asked (Linux refuses
         * writers; Windows' FILE_WRITE_DATA on a directory is "add file"). */
        if (options & FILE_NON_DIRECTORY_FILE) {
            free(path);
            return STATUS_FILE_IS_A_DIRECTORY;
        }
        if (disposition != FILE_OPEN && disposition != FILE_OPEN_IF) {
            free(path);
            return STATUS_ACCESS_DENIED;
        }
        existed = 1;
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    if (fd < 0 && errno == EACCES && !rd && !wr)
        fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        st = e == ENOENT ? path_enoent_status(path)
           : e == EEXIST ? STATUS_OBJECT_NAME_COLLISION
           : e == ENOTDIR ? STATUS_OBJECT_PATH_NOT_FOUND
                          : errno_to_status(e);
        TRACE("%s: %s", path, strerror(e));
        free(path);
        return st;
    }
    fstat(fd, &sb);
    st = STATUS_SUCCESS;
    if (S_ISDIR(sb.st_mode) && options & FILE_NON_DIRECTORY_FILE)
        st = STATUS_FILE_IS_A_DIRECTORY;
    else if (!S_ISDIR(sb.st_mode) && options & FILE_DIRECTORY_FILE)
        st = STATUS_NOT_A_DIRECTORY;
    else if (wr && S_ISREG(sb.st_mode) && !(sb.st_mode & 0222) && existed)
        st = STATUS_ACCESS_DENIED; /* a read-only file: Windows refuses writers, root or not */
    else if (trailing_slash && !S_ISDIR(sb.st_mode))
        st = STATUS_OBJECT_NAME_INVALID;
    if (st) {
        close(fd);
        free(path);
        return st;
    }
    struct file *f = calloc(1, sizeof *f);
    object_init(&f->obj, OBJ_FILE, &file_ops);
    f->fd = fd;
    f->access = access;
    f->share = share;
    if (options & FILE_DELETE_ON_CLOSE)
        f->options |= FILE_FLAG_DELETE_ON_CLOSE;
    if (!(options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT)))
        f->options |= FILE_FLAG_OVERLAPPED;
    if (options & FILE_OPEN_FOR_BACKUP_INTENT)
        f->options |= FILE_FLAG_BACKUP_SEMANTICS;
    if (options & FILE_WRITE_THROUGH)
        f->options |= FILE_FLAG_WRITE_THROUGH;
    if (options & FILE_NO_INTERMEDIATE_BUFFERING)
        f->options |= FILE_FLAG_NO_BUFFERING;
    f->unix_path = path;
    f->is_dir = S_ISDIR(sb.st_mode);
    f->kind = kind_of(&sb);
    if (f->kind == FILE_TYPE_DISK && (st = share_acquire(f, &sb))) {
        /* a file or directory we just created is removed again */
        if (!existed)
            f->is_dir ? rmdir(path) : unlink(path);
        f->options &= ~FILE_FLAG_DELETE_ON_CLOSE;
        object_put(&f->obj);
        return st;
    }
    if (!existed) {
        path_note_created(path);
        if (attrs & (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM))
            file_store_attributes(path, FILE_ATTRIBUTE_ARCHIVE | attrs);
        if (attrs & FILE_ATTRIBUTE_READONLY && !f->is_dir)
            fchmod(fd, sb.st_mode & ~0222);
    }
    *out = handle_alloc(&f->obj, inherit);
    object_put(&f->obj);
    if (info)
        *info = !existed ? FILE_CREATED
              : disposition == FILE_SUPERSEDE ? FILE_SUPERSEDED
              : disposition == FILE_OVERWRITE || disposition == FILE_OVERWRITE_IF
                  ? FILE_OVERWRITTEN
                  : FILE_OPENED;
    TRACE("%s -> %p", path, *out);
    return STATUS_SUCCESS;
}

/* ---- read and write ------------------------------------------------------ */

/* Sockets are non-blocking underneath (ws2_32); ReadFile and WriteFile on
 * one block as on Windows by waiting for it. */
static int wait_ready(int fd, short events)
{
    struct pollfd p = {fd, events, 0};
    return BLOCKING(poll(&p, 1, -1)) >= 0 || errno == EINTR;
}

NTSTATUS file_read(struct file *f, void *buf, DWORD len, DWORD *done,
                   const LARGE_INTEGER *offset)
{
    *done = 0;
    if (!(f->access & FILE_READ_DATA))
        return STATUS_ACCESS_DENIED;
    if (f->is_dir)
        return STATUS_INVALID_DEVICE_REQUEST;
    ssize_t n;
    for (;;) {
        if (offset && f->kind == FILE_TYPE_DISK) {
            n = BLOCKING(pread(f->fd, buf, len, offset->QuadPart));
            /* a synchronous handle's position follows the explicit
             * offset, as on Windows */
            if (n >= 0)
                lseek(f->fd, offset->QuadPart + n, SEEK_SET);
        } else {
            n = BLOCKING(read(f->fd, buf, len));
        }
        if (n < 0 && errno == EAGAIN && wait_ready(f->fd, POLLIN))
            continue;
        if (n >= 0 || errno != EINTR)
            break;
    }
    if (n < 0)
        return errno == EISDIR ? STATUS_INVALID_DEVICE_REQUEST
                               : errno_to_status(errno);
    *done = n;
    /* A pipe whose writers are gone reports ERROR_BROKEN_PIPE at its end;
     * a file just reads 0 bytes. */
    if (n == 0 && len && f->kind == FILE_TYPE_PIPE)
        return STATUS_PIPE_BROKEN;
    return STATUS_SUCCESS;
}

NTSTATUS file_write(struct file *f, const void *buf, DWORD len, DWORD *done,
                    const LARGE_INTEGER *offset)
{
    *done = 0;
    if (!(f->access & (FILE_WRITE_DATA | FILE_APPEND_DATA)))
        return STATUS_ACCESS_DENIED;
    const uint8_t *p = buf;
    DWORD left = len;
    int64_t pos = offset ? offset->QuadPart : -1;
    /* offset -1 (0xffffffff:ffffffff) means "at the end of file" */
    if (offset && offset->LowPart == 0xffffffffu && offset->HighPart == -1)
        pos = lseek(f->fd, 0, SEEK_END);
    while (left) {
        ssize_t n = pos >= 0 && f->kind == FILE_TYPE_DISK
                        ? BLOCKING(pwrite(f->fd, p, left, pos))
                        : BLOCKING(write(f->fd, p, left));
        if (n < 0) {
            if (errno == EINTR || (errno == EAGAIN && wait_ready(f->fd, POLLOUT)))
                continue;
            if (errno == EPIPE)
                return STATUS_PIPE_CLOSING; /* no reader: ERROR_NO_DATA */
            return errno_to_status(errno);
        }
        p += n;
        left -= n;
        *done += n;
        if (pos >= 0)
            pos += n;
    }
    if (pos >= 0 && f->kind == FILE_TYPE_DISK)
        lseek(f->fd, pos, SEEK_SET);
    return STATUS_SUCCESS;
}

/* ---- attributes and times ------------------------------------------------ */

NTSTATUS file_check_delete_sharing(const struct stat *st, struct file *self)
{
    NTSTATUS r = STATUS_SUCCESS;
    pthread_mutex_lock(&share_lock);
    for (struct share_entry *e = shares; e; e = e->next) {
        int own = self && self->share_entry == e;
        if (e->dev == st->st_dev && e->ino == st->st_ino &&
            e->share_delete + (own && !(self->share & FILE_SHARE_DELETE)) < e->handles)
            r = STATUS_SHARING_VIOLATION;
    }
    pthread_mutex_unlock(&share_lock);
    return r;
}

DWORD file_volume_serial(dev_t dev)
{
    return (DWORD)dev * 2654435761u; /* spread: st_dev numbers are small */
}

void file_time_from_timespec(FILETIME *ft, time_t sec, long nsec)
{
    uint64_t t = (uint64_t)((int64_t)sec * 10000000 + nsec / 100) + CLOCK_EPOCH_1601;
    ft->dwLowDateTime = (DWORD)t;
    ft->dwHighDateTime = (DWORD)(t >> 32);
}

void file_timespec_from_time(const FILETIME *ft, struct timespec *ts)
{
    int64_t t = (int64_t)(((uint64_t)ft->dwHighDateTime << 32 | ft->dwLowDateTime) -
                          CLOCK_EPOCH_1601);
    ts->tv_sec = t / 10000000;
    ts->tv_nsec = (t % 10000000) * 100;
    if (ts->tv_nsec < 0) {
        ts->tv_sec--;
        ts->tv_nsec += 1000000000;
    }
}
