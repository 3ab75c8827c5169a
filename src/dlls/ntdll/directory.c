/* NtQueryDirectoryFile: a directory handle's entries, in the information
 * classes programs ask for (kernel32's GetFileInformationByHandleEx reads
 * directories through it too, as on Windows). A handle's first query
 * reads the listing (src/fs/dirscan.c, FindFirstFile's too) with that
 * query's mask; later masks are ignored, RestartScan reads it again.
 * Tests: tests/programs/ntfile/directory.c, file/dir_by_handle.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "dirscan.h"
#include "file.h"
#include "fileinfo.h"
#include "ntdll_private.h"
#include "ntfile.h"
#include "path.h"
#include "status.h"
#include "wstr.h"

/* Where each class keeps its fields. All but FileNamesInformation start
 * like FILE_DIRECTORY_INFORMATION: NextEntryOffset, FileIndex, four
 * times, EndOfFile, AllocationSize, FileAttributes, FileNameLength. */
struct dir_class {
    int cls;
    ULONG name_off;  /* FileName */
    ULONG id_off;    /* FileId (LARGE_INTEGER, or FILE_ID_128 for the Extd class), 0 = none */
};

static const struct dir_class dir_classes[] = {
    {FileDirectoryInformation, 64, 0},
    {FileFullDirectoryInformation, 68, 0},       /* + EaSize */
    {FileBothDirectoryInformation, 94, 0},       /* + EaSize, ShortNameLength, ShortName[12] */
    {FileNamesInformation, 12, 0},               /* NextEntryOffset, FileIndex, FileNameLength */
    {FileIdBothDirectoryInformation, 104, 96},
    {FileIdFullDirectoryInformation, 80, 72},
    {FileIdExtdDirectoryInformation, 88, 72},    /* + EaSize, ReparsePointTag, FileId (16) */
};

#define ALIGN8(x) (((x) + 7) & ~(ULONG)7)

static void put32(BYTE *p, ULONG v) { memcpy(p, &v, 4); }
static void put64(BYTE *p, ULONGLONG v) { memcpy(p, &v, 8); }

static ULONGLONG ticks(const struct timespec *ts)
{
    FILETIME ft;
    file_time_from_timespec(&ft, ts->tv_sec, ts->tv_nsec);
    return (ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime;
}

/* One entry's fixed part at p, as GetFileInformationByHandle reports
 * the file (creation time = ctime, change time = write time). */
static void fill_entry(BYTE *p, const struct dir_class *c, const struct stat *st, DWORD attrs,
                       ULONG name_bytes)
{
    memset(p, 0, c->name_off);
    if (c->cls == FileNamesInformation) {
        put32(p + 8, name_bytes);
        return;
    }
    int dir = S_ISDIR(st->st_mode);
    put64(p + 8, ticks(&st->st_ctim));
    put64(p + 16, ticks(&st->st_atim));
    put64(p + 24, ticks(&st->st_mtim));
    put64(p + 32, ticks(&st->st_mtim));
    put64(p + 40, dir ? 0 : (ULONGLONG)st->st_size);
    put64(p + 48, dir ? 0 : (ULONGLONG)st->st_blocks * 512);
    put32(p + 56, attrs);
    put32(p + 60, name_bytes);
    if (c->id_off)
        put64(p + c->id_off, st->st_ino);
}

/* Is the directory a drive's root ("C:\", "Z:\")? Those list no "." and "..". */
static int is_drive_root(const struct file *f)
{
    WCHAR *dos = f->unix_path ? path_unix_to_dos(f->unix_path) : NULL;
    int root = dos && wstr_len(dos) <= 3;
    free(dos);
    return root;
}

/* The handle's scan, made by this query (*first) if it is the first. */
static NTSTATUS get_scan(struct file *f, const UNICODE_STRING *mask, struct dirscan **out,
                         int *first)
{
    *first = 0;
    struct dirscan *s = __atomic_load_n(&f->dir_scan, __ATOMIC_ACQUIRE);
    if (!s) {
        int err, fd = openat(f->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return errno_to_status(errno);
        const WCHAR *m = mask && mask->Length ? mask->Buffer : NULL;
        s = dirscan_open(fd, f->unix_path ? f->unix_path : "", m,
                         m ? mask->Length / sizeof(WCHAR) : 0, !is_drive_root(f), &err);
        if (!s)
            return errno_to_status(err);
        struct dirscan *none = NULL;
        if (__atomic_compare_exchange_n(&f->dir_scan, &none, s, 0, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE)) {
            *first = 1;
        } else { /* another thread's query made it first */
            dirscan_free(s);
            s = none;
        }
    }
    *out = s;
    return STATUS_SUCCESS;
}

/* The entries that fit in buf: STATUS_BUFFER_OVERFLOW when not even the
 * first one's name does (its fixed part and as much of the name as fits
 * are there, and the entry is used up). */
static NTSTATUS fill_entries(struct dirscan *s, const struct dir_class *c, BYTE *buf, ULONG len,
                             BOOLEAN single, int first, ULONG *written)
{
    ULONG end = 0, last = 0;
    int count = 0;
    NTSTATUS st = STATUS_SUCCESS;
    const struct dirscan_entry *e;
    while ((e = dirscan_next(s))) {
        struct stat sb;
        DWORD attrs = 0;
        memset(&sb, 0, sizeof sb);
        if (c->cls != FileNamesInformation && dirscan_stat(s, e, &sb, &attrs) < 0)
            continue; /* gone since the listing was read */
        ULONG start = ALIGN8(end), name_bytes = e->wlen * sizeof(WCHAR), room = name_bytes;
        if (count && (start > len || len - start < c->name_off + name_bytes)) {
            dirscan_unread(s);
            break;
        }
        if (!count && len - c->name_off < name_bytes)
            room = (len - c->name_off) & ~(ULONG)1;
        fill_entry(buf + start, c, &sb, attrs, name_bytes);
        memcpy(buf + start + c->name_off, e->wname, room);
        if (count)
            put32(buf + last, start - last);
        last = start;
        end = start + c->name_off + room;
        count++;
        if (room < name_bytes) {
            st = STATUS_BUFFER_OVERFLOW;
            break;
        }
        if (single)
            break;
    }
    *written = end;
    if (!count)
        return first ? STATUS_NO_SUCH_FILE : STATUS_NO_MORE_FILES;
    return st;
}

/* NtQueryDirectoryFile (ntdll): errors leave the status block alone;
 * STATUS_NO_MORE_FILES (a warning) completes like a success. */
NTSTATUS WINAPI NtQueryDirectoryFile(HANDLE h, HANDLE event, PIO_APC_ROUTINE apc, PVOID ctx,
                                     IO_STATUS_BLOCK *io, PVOID buf, ULONG len, int cls,
                                     BOOLEAN single, UNICODE_STRING *mask, BOOLEAN restart)
{
    const struct dir_class *c = NULL;
    for (size_t i = 0; i < sizeof dir_classes / sizeof *dir_classes; i++)
        if (dir_classes[i].cls == cls)
            c = &dir_classes[i];
    if (!c) {
        FIXME("directory information class %d", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
    if (len < ALIGN8(c->name_off + sizeof(WCHAR)))
        return STATUS_INFO_LENGTH_MISMATCH;
    struct file *f = file_ref(h);
    if (!f)
        return ntdll_not_a_file(h);
    NTSTATUS st = !f->is_dir ? STATUS_INVALID_PARAMETER
                : !(f->access & FILE_LIST_DIRECTORY) ? STATUS_ACCESS_DENIED
                : !buf || !io ? STATUS_ACCESS_VIOLATION
                              : ntdll_reset_event(event);
    struct dirscan *s = NULL;
    int first = 0;
    if (!st)
        st = get_scan(f, mask, &s, &first);
    ULONG written = 0;
    if (!st) {
        pthread_mutex_lock(&s->lock);
        int err = restart && !first ? dirscan_restart(s) : 0;
        st = err ? errno_to_status(err)
                 : fill_entries(s, c, buf, len, single, first, &written);
        pthread_mutex_unlock(&s->lock);
    }
    TRACE("%p class %d single %d restart %d -> %#x, %lu bytes", h, cls, single, restart, st,
          (unsigned long)written);
    if ((ULONG)st >> 30 == 3) { /* NT_ERROR */
        object_put(&f->obj);
        return st;
    }
    return ntdll_complete(f, event, apc, ctx, io, st, written);
}

#define SL_RESTART_SCAN 0x1
#define SL_RETURN_SINGLE_ENTRY 0x2

/* NtQueryDirectoryFileEx (ntdll): the same with the flags in one word. */
NTSTATUS WINAPI NtQueryDirectoryFileEx(HANDLE h, HANDLE event, PIO_APC_ROUTINE apc, PVOID ctx,
                                       IO_STATUS_BLOCK *io, PVOID buf, ULONG len, int cls,
                                       ULONG flags, UNICODE_STRING *mask)
{
    return NtQueryDirectoryFile(h, event, apc, ctx, io, buf, len, cls,
                                (flags & SL_RETURN_SINGLE_ENTRY) != 0, mask,
                                (flags & SL_RESTART_SCAN) != 0);
}
