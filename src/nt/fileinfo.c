/* File information classes shared by ntdll's NtQueryInformationFile and
 * kernel32's GetFileInformationByHandleEx: each fills a Windows structure
 * from fstat and the handle's state. */
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

NTSTATUS fileinfo_query(struct file *f, int cls, void *buf, ULONG len, ULONG *written)
{
    struct stat st;
    *written = 0;
    if (fstat(f->fd, &st) < 0)
        return errno_to_status(errno);
#define NEED(type)                          \
    do {                                    \
        if (len < sizeof(type))             \
            return STATUS_INFO_LENGTH_MISMATCH; \
        *written = sizeof(type);            \
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
