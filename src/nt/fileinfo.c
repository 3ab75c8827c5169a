/* File information classes shared by ntdll's NtQueryInformationFile and
 * NtSetInformationFile and kernel32's Get/SetFileInformationByHandle(Ex):
 * each fills a Windows structure from fstat and the handle's state, or
 * changes the file as one asks. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "file.h"
#include "fileinfo.h"
#include "path.h"
#include "status.h"
#include "wstr.h"

static LARGE_INTEGER ft_of(time_t sec, long nsec)
{
    FILETIME ft;
    file_time_from_timespec(&ft, sec, nsec);
    LARGE_INTEGER li;
    li.QuadPart = (LONGLONG)((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime);
    return li;
}

void fileinfo_basic(const struct stat *st, const char *path, FILE_BASIC_INFORMATION *b)
{
    b->CreationTime = ft_of(st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
    b->LastAccessTime = ft_of(st->st_atim.tv_sec, st->st_atim.tv_nsec);
    b->LastWriteTime = ft_of(st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
    b->ChangeTime = b->LastWriteTime;
    b->FileAttributes = file_attributes(st, path);
}

void fileinfo_standard(struct file *f, const struct stat *st, FILE_STANDARD_INFORMATION *s)
{
    int dir = S_ISDIR(st->st_mode);
    s->AllocationSize.QuadPart = dir ? 0 : (LONGLONG)st->st_blocks * 512;
    s->EndOfFile.QuadPart = dir ? 0 : st->st_size;
    s->NumberOfLinks = st->st_nlink;
    s->DeletePending = f && file_delete_pending(f);
    s->Directory = dir;
}

/* The file's name without the drive, "\dir\file", as Windows reports it. */
static size_t name_of(const struct file *f, WCHAR *out, size_t max_units)
{
    WCHAR *dos = f->unix_path ? path_unix_to_dos(f->unix_path) : NULL;
    const WCHAR *n = dos ? dos + 2 : u"";
    size_t len = wstr_len(n);
    if (out)
        memcpy(out, n, (len < max_units ? len : max_units) * sizeof(WCHAR));
    free(dos);
    return len;
}

#define FILE_SYNCHRONOUS_IO_NONALERT 0x20

/* A class's structure must fit in the caller's `len` bytes. */
#define FITS(type)                              \
    do {                                        \
        if (len < sizeof(type))                 \
            return STATUS_INFO_LENGTH_MISMATCH; \
    } while (0)

NTSTATUS fileinfo_query(struct file *f, int cls, void *buf, ULONG len, ULONG *written)
{
    struct stat st;
    *written = 0;
    if (fstat(f->fd, &st) < 0)
        return errno_to_status(errno);
#define NEED(type)                   \
    do {                             \
        FITS(type);                  \
        *written = sizeof(type);     \
    } while (0)
    switch (cls) {
    case FileBasicInformation:
        NEED(FILE_BASIC_INFORMATION);
        fileinfo_basic(&st, f->unix_path, buf);
        return STATUS_SUCCESS;
    case FileStandardInformation:
        NEED(FILE_STANDARD_INFORMATION);
        fileinfo_standard(f, &st, buf);
        return STATUS_SUCCESS;
    case FileInternalInformation:
        NEED(LARGE_INTEGER);
        ((LARGE_INTEGER *)buf)->QuadPart = st.st_ino;
        return STATUS_SUCCESS;
    case FileEaInformation:
        NEED(ULONG);
        *(ULONG *)buf = 0;
        return STATUS_SUCCESS;
    case FileAccessInformation:
        NEED(ULONG);
        *(ULONG *)buf = f->access;
        return STATUS_SUCCESS;
    case FilePositionInformation: {
        NEED(LARGE_INTEGER);
        off_t pos = f->kind == FILE_TYPE_DISK ? lseek(f->fd, 0, SEEK_CUR) : 0;
        ((LARGE_INTEGER *)buf)->QuadPart = pos < 0 ? 0 : pos;
        return STATUS_SUCCESS;
    }
    case FileModeInformation:
        NEED(ULONG);
        *(ULONG *)buf = f->options & FILE_FLAG_OVERLAPPED ? 0 : FILE_SYNCHRONOUS_IO_NONALERT;
        return STATUS_SUCCESS;
    case FileAlignmentInformation:
        NEED(ULONG);
        *(ULONG *)buf = 0;
        return STATUS_SUCCESS;
    case FileNameInformation: {
        if (len < sizeof(ULONG))
            return STATUS_INFO_LENGTH_MISMATCH;
        FILE_NAME_INFORMATION *n = buf;
        size_t room = (len - offsetof(FILE_NAME_INFORMATION, FileName)) / sizeof(WCHAR);
        size_t units = name_of(f, n->FileName, room);
        n->FileNameLength = units * sizeof(WCHAR);
        *written = offsetof(FILE_NAME_INFORMATION, FileName) +
                   (units < room ? units : room) * sizeof(WCHAR);
        return units <= room ? STATUS_SUCCESS : STATUS_BUFFER_OVERFLOW;
    }
    case FileNetworkOpenInformation: {
        NEED(FILE_NETWORK_OPEN_INFORMATION);
        FILE_NETWORK_OPEN_INFORMATION *n = buf;
        FILE_BASIC_INFORMATION b;
        FILE_STANDARD_INFORMATION s;
        fileinfo_basic(&st, f->unix_path, &b);
        fileinfo_standard(f, &st, &s);
        n->CreationTime = b.CreationTime;
        n->LastAccessTime = b.LastAccessTime;
        n->LastWriteTime = b.LastWriteTime;
        n->ChangeTime = b.ChangeTime;
        n->AllocationSize = s.AllocationSize;
        n->EndOfFile = s.EndOfFile;
        n->FileAttributes = b.FileAttributes;
        return STATUS_SUCCESS;
    }
    case FileAttributeTagInformation: {
        NEED(FILE_ATTRIBUTE_TAG_INFORMATION);
        FILE_ATTRIBUTE_TAG_INFORMATION *t = buf;
        t->FileAttributes = file_attributes(&st, f->unix_path);
        t->ReparseTag = 0;
        return STATUS_SUCCESS;
    }
    case FileAllInformation: {
        if (len < offsetof(FILE_ALL_INFORMATION, NameInformation.FileName))
            return STATUS_INFO_LENGTH_MISMATCH;
        FILE_ALL_INFORMATION *a = buf;
        memset(a, 0, offsetof(FILE_ALL_INFORMATION, NameInformation));
        fileinfo_basic(&st, f->unix_path, &a->BasicInformation);
        fileinfo_standard(f, &st, &a->StandardInformation);
        a->InternalInformation.QuadPart = st.st_ino;
        a->AccessInformation = f->access;
        off_t pos = f->kind == FILE_TYPE_DISK ? lseek(f->fd, 0, SEEK_CUR) : 0;
        a->PositionInformation.QuadPart = pos < 0 ? 0 : pos;
        a->ModeInformation =
            f->options & FILE_FLAG_OVERLAPPED ? 0 : FILE_SYNCHRONOUS_IO_NONALERT;
        size_t room = (len - offsetof(FILE_ALL_INFORMATION, NameInformation.FileName)) /
                      sizeof(WCHAR);
        size_t units = name_of(f, a->NameInformation.FileName, room);
        a->NameInformation.FileNameLength = units * sizeof(WCHAR);
        *written = offsetof(FILE_ALL_INFORMATION, NameInformation.FileName) +
                   (units < room ? units : room) * sizeof(WCHAR);
        return units <= room ? STATUS_SUCCESS : STATUS_BUFFER_OVERFLOW;
    }
    case FileIdInformation: {
        NEED(FILE_ID_INFORMATION);
        FILE_ID_INFORMATION *id = buf;
        memset(id, 0, sizeof *id);
        id->VolumeSerialNumber = file_volume_serial(st.st_dev);
        memcpy(id->FileId, &st.st_ino, sizeof st.st_ino);
        return STATUS_SUCCESS;
    }
    default:
        FIXME("file information class %d", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
#undef NEED
}

/* ---- setting ---------------------------------------------------------------- */

/* A time of FILE_BASIC_INFORMATION: 0 leaves it alone, and so do -1
 * ("stop updating it", which Linux cannot) and -2 ("resume"). */
static void set_time(LARGE_INTEGER t, struct timespec *ts)
{
    if (t.QuadPart == 0 || t.QuadPart == -1 || t.QuadPart == -2)
        return;
    FILETIME ft;
    ft.dwLowDateTime = (DWORD)t.QuadPart;
    ft.dwHighDateTime = (DWORD)(t.QuadPart >> 32);
    file_timespec_from_time(&ft, ts);
}

/* Linux keeps no creation time, and sets the change time itself. */
static NTSTATUS set_basic(struct file *f, const FILE_BASIC_INFORMATION *b)
{
    if (!(f->access & FILE_WRITE_ATTRIBUTES))
        return STATUS_ACCESS_DENIED;
    struct timespec ts[2] = {{0, UTIME_OMIT}, {0, UTIME_OMIT}};
    set_time(b->LastAccessTime, &ts[0]);
    set_time(b->LastWriteTime, &ts[1]);
    if (ts[0].tv_nsec != UTIME_OMIT || ts[1].tv_nsec != UTIME_OMIT) {
        int r = futimens(f->fd, ts);
        if (r < 0 && errno == EBADF && f->unix_path) /* an O_PATH handle */
            r = utimensat(AT_FDCWD, f->unix_path, ts, 0);
        if (r < 0)
            return errno_to_status(errno);
    }
    if (b->FileAttributes && f->unix_path)
        return file_set_attributes(f->unix_path, b->FileAttributes);
    return STATUS_SUCCESS;
}

/* The end of file, or a smaller allocation (which cuts the file). */
static NTSTATUS set_size(struct file *f, LONGLONG size, int allocation)
{
    struct stat st;
    if (!(f->access & FILE_WRITE_DATA))
        return STATUS_ACCESS_DENIED;
    if (size < 0)
        return STATUS_INVALID_PARAMETER;
    if (allocation && (fstat(f->fd, &st) < 0 || size >= st.st_size))
        return STATUS_SUCCESS; /* allocation is the file system's business */
    if (ftruncate(f->fd, size) < 0)
        return errno == EINVAL || errno == EBADF ? STATUS_ACCESS_DENIED : errno_to_status(errno);
    return STATUS_SUCCESS;
}

#define FILE_DISPOSITION_DELETE 0x1
#define FILE_DISPOSITION_POSIX_SEMANTICS 0x2
#define FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE 0x10

NTSTATUS fileinfo_set(struct file *f, int cls, const void *buf, ULONG len)
{
    switch (cls) {
    case FileBasicInformation:
        FITS(FILE_BASIC_INFORMATION);
        return set_basic(f, buf);
    case FileDispositionInformation:
        FITS(BOOLEAN);
        return file_set_delete_pending(f, *(const BOOLEAN *)buf != 0);
    case FileDispositionInformationEx: {
        FITS(ULONG);
        ULONG flags = *(const ULONG *)buf;
        if (flags & ~(FILE_DISPOSITION_DELETE | FILE_DISPOSITION_POSIX_SEMANTICS |
                      FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE))
            FIXME("disposition flags %#x", flags);
        return file_set_delete_pending(f, flags & FILE_DISPOSITION_DELETE);
    }
    case FilePositionInformation: {
        FITS(LARGE_INTEGER);
        LONGLONG pos = ((const LARGE_INTEGER *)buf)->QuadPart;
        if (pos < 0)
            return STATUS_INVALID_PARAMETER;
        return lseek(f->fd, pos, SEEK_SET) < 0 ? errno_to_status(errno) : STATUS_SUCCESS;
    }
    case FileEndOfFileInformation:
        FITS(LARGE_INTEGER);
        return set_size(f, ((const LARGE_INTEGER *)buf)->QuadPart, 0);
    case FileAllocationInformation:
        FITS(LARGE_INTEGER);
        return set_size(f, ((const LARGE_INTEGER *)buf)->QuadPart, 1);
    default:
        FIXME("setting file information class %d", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
}
