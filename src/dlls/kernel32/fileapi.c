/* fileapi: opening, reading, writing, positioning and describing files. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "blocking.h"
#include "debug.h"
#include "file.h"
#include "kernel32_private.h"
#include "fileinfo.h"
#include "ntfile.h"
#include "path.h"

#define FILE_FLAG_RANDOM_ACCESS 0x10000000u
#define FILE_FLAG_SEQUENTIAL_SCAN 0x08000000u

/* CreateFileW (kernel32): the Win32 face of NtCreateFile (file_create),
 * translated as Windows' kernelbase does: dispositions to NT's,
 * FILE_FLAG_* to create options, SYNCHRONIZE and FILE_READ_ATTRIBUTES
 * always asked, DELETE with delete-on-close. */
HANDLE WINAPI CreateFileW(LPCWSTR name, DWORD access, DWORD share,
                          SECURITY_ATTRIBUTES *sa, DWORD disposition,
                          DWORD flags, HANDLE template)
{
    static const DWORD nt_disposition[] = {
        [CREATE_NEW] = FILE_CREATE, [CREATE_ALWAYS] = FILE_OVERWRITE_IF,
        [OPEN_EXISTING] = FILE_OPEN, [OPEN_ALWAYS] = FILE_OPEN_IF,
        [TRUNCATE_EXISTING] = FILE_OVERWRITE};
    if (!name) {
        set_last_error(ERROR_PATH_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    if (disposition < CREATE_NEW || disposition > TRUNCATE_EXISTING ||
        (disposition == TRUNCATE_EXISTING && !(file_map_access(access) & FILE_WRITE_DATA))) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    DWORD options = flags & FILE_FLAG_BACKUP_SEMANTICS ? FILE_OPEN_FOR_BACKUP_INTENT
                                                       : FILE_NON_DIRECTORY_FILE;
    if (!(flags & FILE_FLAG_OVERLAPPED))
        options |= FILE_SYNCHRONOUS_IO_NONALERT;
    if (flags & FILE_FLAG_WRITE_THROUGH)
        options |= FILE_WRITE_THROUGH;
    if (flags & FILE_FLAG_NO_BUFFERING)
        options |= FILE_NO_INTERMEDIATE_BUFFERING;
    if (flags & FILE_FLAG_RANDOM_ACCESS)
        options |= FILE_RANDOM_ACCESS;
    if (flags & FILE_FLAG_SEQUENTIAL_SCAN)
        options |= FILE_SEQUENTIAL_ONLY;
    if (flags & FILE_FLAG_OPEN_REPARSE_POINT)
        options |= FILE_OPEN_REPARSE_POINT;
    if (flags & FILE_FLAG_DELETE_ON_CLOSE) {
        options |= FILE_DELETE_ON_CLOSE;
        access |= DELETE;
    }
    access |= SYNCHRONIZE | FILE_READ_ATTRIBUTES;
    HANDLE h;
    ULONG_PTR info = 0;
    NTSTATUS st = file_create(name, access, flags & 0x7fa7 /* FILE_ATTRIBUTE_VALID_FLAGS */,
                              share, nt_disposition[disposition], options,
                              sa && sa->bInheritHandle, &h, &info);
    if (TRACE_ON()) {
        char *n = wstr_to_utf8_alloc(name);
        TRACE("L\"%s\" access %#x share %#x disp %u flags %#x -> %#x", n,
              access, share, disposition, flags, st);
        free(n);
    }
    if (st) {
        /* CREATE_NEW on an existing file: ERROR_FILE_EXISTS, not 183 */
        if (st == STATUS_OBJECT_NAME_COLLISION)
            set_last_error(ERROR_FILE_EXISTS);
        else
            set_ntstatus(st);
        return INVALID_HANDLE_VALUE;
    }
    set_last_error((disposition == CREATE_ALWAYS && info == FILE_OVERWRITTEN) ||
                           (disposition == OPEN_ALWAYS && info == FILE_OPENED)
                       ? ERROR_ALREADY_EXISTS
                       : 0);
    return h;
}

/* CreateFileA (kernel32) */
HANDLE WINAPI CreateFileA(LPCSTR name, DWORD access, DWORD share,
                          SECURITY_ATTRIBUTES *sa, DWORD disposition,
                          DWORD flags, HANDLE template)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = CreateFileW(w, access, share, sa, disposition, flags, template);
    free(w);
    return h;
}

typedef struct {
    DWORD dwSize;
    DWORD dwFileAttributes, dwFileFlags, dwSecurityQosFlags;
    SECURITY_ATTRIBUTES *lpSecurityAttributes;
    HANDLE hTemplateFile;
} CREATEFILE2_EXTENDED_PARAMETERS;

/* CreateFile2 (kernel32) */
HANDLE WINAPI CreateFile2(LPCWSTR name, DWORD access, DWORD share,
                          DWORD disposition, CREATEFILE2_EXTENDED_PARAMETERS *p)
{
    DWORD flags = p ? p->dwFileAttributes | p->dwFileFlags : 0;
    return CreateFileW(name, access, share, p ? p->lpSecurityAttributes : NULL,
                       disposition, flags, NULL);
}

/* ReadFile (kernel32) */
BOOL WINAPI ReadFile(HANDLE h, LPVOID buf, DWORD len, LPDWORD nread,
                     OVERLAPPED *ov)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    LARGE_INTEGER off, *offp = NULL;
    if (ov) {
        off.LowPart = ov->Offset;
        off.HighPart = ov->OffsetHigh;
        offp = &off;
    }
    DWORD done;
    NTSTATUS st = file_read(f, buf, len, &done, offp);
    kernel32_complete_overlapped(f, ov, done, st);
    object_put(&f->obj);
    if (nread)
        *nread = done;
    if (st == STATUS_END_OF_FILE && !ov)
        return TRUE;
    return set_ntstatus(st);
}

/* WriteFile (kernel32) */
BOOL WINAPI WriteFile(HANDLE h, LPCVOID buf, DWORD len, LPDWORD written,
                      OVERLAPPED *ov)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    LARGE_INTEGER off, *offp = NULL;
    if (ov) {
        off.LowPart = ov->Offset;
        off.HighPart = ov->OffsetHigh;
        offp = &off;
    }
    DWORD done;
    NTSTATUS st = file_write(f, buf, len, &done, offp);
    kernel32_complete_overlapped(f, ov, done, st);
    object_put(&f->obj);
    if (written)
        *written = done;
    return set_ntstatus(st); /* no reader: ERROR_NO_DATA, "The pipe is being closed." */
}

typedef void(WINAPI *LPOVERLAPPED_COMPLETION_ROUTINE)(DWORD err, DWORD bytes, OVERLAPPED *ov);

/* The APC behind ReadFileEx/WriteFileEx: the OVERLAPPED is the status
 * block (Internal, InternalHigh = Status, Information). */
static void WINAPI fileex_apc(PVOID routine, IO_STATUS_BLOCK *io, ULONG reserved)
{
    LPOVERLAPPED_COMPLETION_ROUTINE fn = (LPOVERLAPPED_COMPLETION_ROUTINE)routine;
    fn(io->Status ? status_to_win32(io->Status) : 0, (DWORD)io->Information,
       (OVERLAPPED *)io);
}

/* ReadFileEx (kernel32): the completion routine runs as an APC in this
 * thread's next alertable wait (SleepEx, WaitFor...Ex). hEvent is the
 * program's own (Rust keeps a pointer there); an error reported at once
 * queues no routine (the end of a file comes through the routine). */
BOOL WINAPI ReadFileEx(HANDLE h, LPVOID buf, DWORD len, OVERLAPPED *ov,
                       LPOVERLAPPED_COMPLETION_ROUTINE fn)
{
    if (!ov || !fn)
        return set_ntstatus(STATUS_INVALID_PARAMETER);
    LARGE_INTEGER off;
    off.LowPart = ov->Offset;
    off.HighPart = ov->OffsetHigh;
    ov->Internal = STATUS_PENDING;
    NTSTATUS st = NtReadFile(h, NULL, fileex_apc, (PVOID)fn, (IO_STATUS_BLOCK *)ov, buf, len,
                             &off, NULL);
    return st == STATUS_PENDING || set_ntstatus(st);
}

/* WriteFileEx (kernel32) */
BOOL WINAPI WriteFileEx(HANDLE h, LPCVOID buf, DWORD len, OVERLAPPED *ov,
                        LPOVERLAPPED_COMPLETION_ROUTINE fn)
{
    if (!ov || !fn)
        return set_ntstatus(STATUS_INVALID_PARAMETER);
    LARGE_INTEGER off;
    off.LowPart = ov->Offset;
    off.HighPart = ov->OffsetHigh;
    ov->Internal = STATUS_PENDING;
    NTSTATUS st = NtWriteFile(h, NULL, fileex_apc, (PVOID)fn, (IO_STATUS_BLOCK *)ov, buf, len,
                              &off, NULL);
    return st == STATUS_PENDING || set_ntstatus(st);
}

/* SetFilePointerEx (kernel32) */
BOOL WINAPI SetFilePointerEx(HANDLE h, LARGE_INTEGER dist, LARGE_INTEGER *newpos,
                             DWORD method)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    int whence = method == FILE_BEGIN ? SEEK_SET
               : method == FILE_CURRENT ? SEEK_CUR
               : method == FILE_END ? SEEK_END : -1;
    off_t r = -1;
    NTSTATUS st = STATUS_SUCCESS;
    if (whence < 0) {
        st = STATUS_INVALID_PARAMETER;
    } else if (f->kind != FILE_TYPE_DISK) {
        st = STATUS_INVALID_PARAMETER; /* pipes and consoles have none */
        if (f->kind == FILE_TYPE_CHAR) {
            st = STATUS_SUCCESS;
            r = 0;
        }
    } else {
        off_t cur = whence == SEEK_SET ? 0 : lseek(f->fd, 0, whence);
        if (cur + dist.QuadPart < 0) {
            set_last_error(ERROR_NEGATIVE_SEEK);
            object_put(&f->obj);
            return FALSE;
        }
        r = lseek(f->fd, cur + dist.QuadPart, SEEK_SET);
        if (r < 0)
            st = errno_to_status(errno);
    }
    object_put(&f->obj);
    if (st)
        return set_ntstatus(st);
    if (newpos)
        newpos->QuadPart = r;
    return TRUE;
}

/* SetFilePointer (kernel32): INVALID_SET_FILE_POINTER is also a valid low
 * half, so success clears the last error. */
DWORD WINAPI SetFilePointer(HANDLE h, LONG dist, LONG *high, DWORD method)
{
    LARGE_INTEGER d, np;
    d.QuadPart = high ? ((LONGLONG)*high << 32) | (DWORD)dist : dist;
    if (!SetFilePointerEx(h, d, &np, method))
        return INVALID_SET_FILE_POINTER;
    if (high)
        *high = np.HighPart;
    else if (np.HighPart) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return INVALID_SET_FILE_POINTER;
    }
    set_last_error(0);
    return np.LowPart;
}

/* SetEndOfFile (kernel32): the end of file where the file pointer is. */
BOOL WINAPI SetEndOfFile(HANDLE h)
{
    IO_STATUS_BLOCK io;
    LARGE_INTEGER pos;
    NTSTATUS st = NtQueryInformationFile(h, &io, &pos, sizeof pos, FilePositionInformation);
    if (!st)
        st = NtSetInformationFile(h, &io, &pos, sizeof pos, FileEndOfFileInformation);
    return set_ntstatus(st);
}

/* SetFileValidData (kernel32) */
BOOL WINAPI SetFileValidData(HANDLE h, LONGLONG len) { return TRUE; }

/* FlushFileBuffers (kernel32) */
BOOL WINAPI FlushFileBuffers(HANDLE h)
{
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtFlushBuffersFile(h, &io));
}

/* GetFileType (kernel32) */
DWORD WINAPI GetFileType(HANDLE h)
{
    struct file *f = file_ref(h);
    if (!f) {
        struct object *o = handle_ref(h, 0);
        set_last_error(o ? 0 : ERROR_INVALID_HANDLE);
        object_put(o);
        return FILE_TYPE_UNKNOWN;
    }
    DWORD k = f->kind;
    object_put(&f->obj);
    set_last_error(0);
    return k;
}

static BOOL fstat_handle(HANDLE h, struct stat *st, struct file **out)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    if (fstat(f->fd, st) < 0) {
        object_put(&f->obj);
        return set_ntstatus(errno_to_status(errno));
    }
    if (out)
        *out = f;
    else
        object_put(&f->obj);
    return TRUE;
}

/* GetFileSizeEx (kernel32) */
BOOL WINAPI GetFileSizeEx(HANDLE h, LARGE_INTEGER *size)
{
    struct stat st;
    if (!fstat_handle(h, &st, NULL))
        return FALSE;
    size->QuadPart = S_ISREG(st.st_mode) ? st.st_size : 0;
    return TRUE;
}

/* GetFileSize (kernel32) */
DWORD WINAPI GetFileSize(HANDLE h, LPDWORD high)
{
    LARGE_INTEGER s;
    if (!GetFileSizeEx(h, &s))
        return 0xffffffffu;
    if (high)
        *high = s.HighPart;
    set_last_error(0);
    return s.LowPart;
}

/* GetFileTime (kernel32): Linux has no creation time in struct stat;
 * the change time stands in, as in Wine. */
BOOL WINAPI GetFileTime(HANDLE h, FILETIME *create, FILETIME *access,
                        FILETIME *write)
{
    struct stat st;
    if (!fstat_handle(h, &st, NULL))
        return FALSE;
    if (create)
        file_time_from_timespec(create, st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
    if (access)
        file_time_from_timespec(access, st.st_atim.tv_sec, st.st_atim.tv_nsec);
    if (write)
        file_time_from_timespec(write, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    return TRUE;
}

static LARGE_INTEGER nt_time(const FILETIME *ft)
{
    LARGE_INTEGER t;
    t.QuadPart = ft ? (LONGLONG)((ULONGLONG)ft->dwHighDateTime << 32 | ft->dwLowDateTime) : 0;
    return t;
}

/* SetFileTime (kernel32): a NULL or zero time leaves that time alone,
 * and so does -1; creation time cannot be set on Linux. */
BOOL WINAPI SetFileTime(HANDLE h, const FILETIME *create, const FILETIME *access,
                        const FILETIME *write)
{
    FILE_BASIC_INFORMATION b = {0};
    IO_STATUS_BLOCK io;
    b.CreationTime = nt_time(create);
    b.LastAccessTime = nt_time(access);
    b.LastWriteTime = nt_time(write);
    return set_ntstatus(NtSetInformationFile(h, &io, &b, sizeof b, FileBasicInformation));
}

/* GetFileInformationByHandle (kernel32) */
BOOL WINAPI GetFileInformationByHandle(HANDLE h, BY_HANDLE_FILE_INFORMATION *info)
{
    struct stat st;
    struct file *f;
    if (!fstat_handle(h, &st, &f))
        return FALSE;
    memset(info, 0, sizeof *info);
    info->dwFileAttributes = file_attributes(&st, f->unix_path);
    file_time_from_timespec(&info->ftCreationTime, st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
    file_time_from_timespec(&info->ftLastAccessTime, st.st_atim.tv_sec, st.st_atim.tv_nsec);
    file_time_from_timespec(&info->ftLastWriteTime, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    info->dwVolumeSerialNumber = file_volume_serial(st.st_dev);
    uint64_t size = S_ISDIR(st.st_mode) ? 0 : st.st_size;
    info->nFileSizeHigh = size >> 32;
    info->nFileSizeLow = (DWORD)size;
    info->nNumberOfLinks = st.st_nlink;
    info->nFileIndexHigh = (uint64_t)st.st_ino >> 32;
    info->nFileIndexLow = (DWORD)st.st_ino;
    object_put(&f->obj);
    return TRUE;
}

#define VOLUME_NAME_GUID 0x1
#define VOLUME_NAME_NT 0x2
#define VOLUME_NAME_NONE 0x4
#define FILE_NAME_OPENED 0x8

/* The Linux path of an open file, as it is now: the path it was opened
 * by while that still names the same file (it keeps the drive the
 * program used), else what the kernel knows for the fd (after a rename
 * elsewhere, or for a std handle). NULL for pipes and devices. */
static char *current_unix_path(struct file *f)
{
    struct stat fs, ps;
    if (fstat(f->fd, &fs) < 0)
        return NULL;
    if (f->unix_path && stat(f->unix_path, &ps) == 0 && ps.st_dev == fs.st_dev &&
        ps.st_ino == fs.st_ino)
        return strdup(f->unix_path);
    if (!S_ISREG(fs.st_mode) && !S_ISDIR(fs.st_mode))
        return NULL;
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", f->fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0 || target[0] != '/')
        return NULL;
    target[n] = 0;
    return strdup(target);
}

/* GetFinalPathNameByHandleW (kernel32): "\\?\C:\dir\file" for
 * VOLUME_NAME_DOS, "\dir\file" for VOLUME_NAME_NONE, the volume device
 * for VOLUME_NAME_NT. decant has no volume GUIDs (VOLUME_NAME_GUID fails
 * with ERROR_PATH_NOT_FOUND, as for a volume without one). Returns the
 * length, or the size needed with the NUL when buf is too small. */
DWORD WINAPI GetFinalPathNameByHandleW(HANDLE h, LPWSTR buf, DWORD size, DWORD flags)
{
    if (flags & ~(DWORD)(VOLUME_NAME_GUID | VOLUME_NAME_NT | VOLUME_NAME_NONE | FILE_NAME_OPENED)) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    DWORD vol = flags & (VOLUME_NAME_GUID | VOLUME_NAME_NT | VOLUME_NAME_NONE);
    if (vol & (vol - 1)) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    struct file *f = file_ref(h);
    if (!f) {
        set_last_error(ERROR_INVALID_HANDLE);
        return 0;
    }
    char *u = current_unix_path(f);
    object_put(&f->obj);
    if (!u) {
        set_last_error(ERROR_GEN_FAILURE); /* a pipe or device: no DOS volume (as Wine) */
        return 0;
    }
    WCHAR *dos = path_unix_to_dos(u);
    free(u);
    if (vol == VOLUME_NAME_GUID) {
        free(dos);
        set_last_error(ERROR_PATH_NOT_FOUND);
        return 0;
    }
    /* dos is "X:\rest" */
    WCHAR *nt = vol == VOLUME_NAME_NT ? path_dos_to_nt_device(dos) : NULL;
    const WCHAR *rest = nt ? nt : dos + 2;
    WCHAR prefix[8];
    if (vol == VOLUME_NAME_NONE || vol == VOLUME_NAME_NT) {
        prefix[0] = 0;
    } else {
        prefix[0] = '\\', prefix[1] = '\\', prefix[2] = '?', prefix[3] = '\\';
        prefix[4] = dos[0], prefix[5] = ':', prefix[6] = 0;
    }
    size_t pl = wstr_len(prefix), rl = wstr_len(rest);
    DWORD need = (DWORD)(pl + rl);
    if (need + 1 <= size) {
        memcpy(buf, prefix, pl * sizeof(WCHAR));
        memcpy(buf + pl, rest, (rl + 1) * sizeof(WCHAR));
    }
    free(nt);
    free(dos);
    return need + 1 > size ? need + 1 : need;
}

/* GetFinalPathNameByHandleA (kernel32) */
DWORD WINAPI GetFinalPathNameByHandleA(HANDLE h, LPSTR buf, DWORD size, DWORD flags)
{
    WCHAR *w = malloc(32768 * sizeof(WCHAR));
    DWORD n = GetFinalPathNameByHandleW(h, w, 32768, flags);
    DWORD r = n && n < 32768 ? w_result_to_a(w, buf, size) : 0;
    free(w);
    return r;
}

/* ---- by name ---------------------------------------------------------------- */

/* GetFileAttributesW (kernel32) */
DWORD WINAPI GetFileAttributesW(LPCWSTR name)
{
    FILE_NETWORK_OPEN_INFORMATION info;
    NTSTATUS st = file_query_name(name, &info);
    return set_ntstatus(st) ? info.FileAttributes : INVALID_FILE_ATTRIBUTES;
}

/* GetFileAttributesA (kernel32) */
DWORD WINAPI GetFileAttributesA(LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    DWORD r = GetFileAttributesW(w);
    free(w);
    return r;
}

static FILETIME filetime(LARGE_INTEGER t)
{
    FILETIME ft;
    ft.dwLowDateTime = (DWORD)t.QuadPart;
    ft.dwHighDateTime = (DWORD)(t.QuadPart >> 32);
    return ft;
}

/* GetFileAttributesExW (kernel32) */
BOOL WINAPI GetFileAttributesExW(LPCWSTR name, int level, LPVOID out)
{
    if (level != 0) { /* GetFileExInfoStandard */
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    FILE_NETWORK_OPEN_INFORMATION info;
    NTSTATUS st = file_query_name(name, &info);
    if (st)
        return set_ntstatus(st);
    WIN32_FILE_ATTRIBUTE_DATA *d = out;
    d->dwFileAttributes = info.FileAttributes;
    d->ftCreationTime = filetime(info.CreationTime);
    d->ftLastAccessTime = filetime(info.LastAccessTime);
    d->ftLastWriteTime = filetime(info.LastWriteTime);
    d->nFileSizeHigh = (DWORD)(info.EndOfFile.QuadPart >> 32);
    d->nFileSizeLow = (DWORD)info.EndOfFile.QuadPart;
    return TRUE;
}

/* GetFileAttributesExA (kernel32) */
BOOL WINAPI GetFileAttributesExA(LPCSTR name, int level, LPVOID out)
{
    WCHAR *w = a_to_w(name);
    BOOL r = GetFileAttributesExW(w, level, out);
    free(w);
    return r;
}

/* SetFileAttributesW (kernel32): READONLY maps to the write bits, the
 * others are stored beside the file (file_set_attributes). */
BOOL WINAPI SetFileAttributesW(LPCWSTR name, DWORD attrs)
{
    NTSTATUS st;
    char *p = file_unix_name(name, &st);
    if (!p)
        return set_ntstatus(st);
    st = file_set_attributes(p, attrs);
    free(p);
    return set_ntstatus(st);
}

/* SetFileAttributesA (kernel32) */
BOOL WINAPI SetFileAttributesA(LPCSTR name, DWORD attrs)
{
    WCHAR *w = a_to_w(name);
    BOOL r = SetFileAttributesW(w, attrs);
    free(w);
    return r;
}

/* DeleteFileW (kernel32) */
BOOL WINAPI DeleteFileW(LPCWSTR name)
{
    NTSTATUS st = file_delete_name(name);
    return st ? set_ntstatus(st) : TRUE;
}

/* DeleteFileA (kernel32) */
BOOL WINAPI DeleteFileA(LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    BOOL r = DeleteFileW(w);
    free(w);
    return r;
}

/* CreateDirectoryW (kernel32) */
BOOL WINAPI CreateDirectoryW(LPCWSTR name, SECURITY_ATTRIBUTES *sa)
{
    NTSTATUS st;
    char *p = file_unix_name(name, &st);
    if (!p)
        return set_ntstatus(st);
    if (mkdir(p, 0777) < 0) {
        st = errno == EEXIST ? STATUS_OBJECT_NAME_COLLISION : file_stat_status(p);
        free(p);
        return set_ntstatus(st);
    }
    free(p);
    return TRUE;
}

/* CreateDirectoryA (kernel32) */
BOOL WINAPI CreateDirectoryA(LPCSTR name, SECURITY_ATTRIBUTES *sa)
{
    WCHAR *w = a_to_w(name);
    BOOL r = CreateDirectoryW(w, sa);
    free(w);
    return r;
}

/* CreateDirectoryExW (kernel32) */
BOOL WINAPI CreateDirectoryExW(LPCWSTR templ, LPCWSTR name, SECURITY_ATTRIBUTES *sa)
{
    return CreateDirectoryW(name, sa);
}

/* RemoveDirectoryW (kernel32) */
BOOL WINAPI RemoveDirectoryW(LPCWSTR name)
{
    NTSTATUS st;
    char *p = file_unix_name(name, &st);
    if (!p)
        return set_ntstatus(st);
    char cwd[4096], *real = realpath(p, NULL);
    int is_cwd = real && getcwd(cwd, sizeof cwd) && !strcmp(real, cwd);
    free(real);
    if (is_cwd) { /* Windows holds the current directory open */
        free(p);
        return set_ntstatus(STATUS_SHARING_VIOLATION);
    }
    /* a directory link goes, not its target; a file link is refused as
     * a file is (tests/programs/file/symlink.c) */
    struct stat sb;
    if (lstat(p, &sb) == 0 && S_ISLNK(sb.st_mode) &&
        file_attributes(&sb, p) & FILE_ATTRIBUTE_DIRECTORY) {
        if (unlink(p) < 0) {
            st = errno_to_status(errno);
            free(p);
            return set_ntstatus(st);
        }
        free(p);
        return TRUE;
    }
    if (rmdir(p) < 0) {
        st = errno == ENOTDIR ? STATUS_NOT_A_DIRECTORY
           : errno == EEXIST ? STATUS_DIRECTORY_NOT_EMPTY
                             : file_stat_status(p);
        free(p);
        return set_ntstatus(st);
    }
    free(p);
    return TRUE;
}

/* RemoveDirectoryA (kernel32) */
BOOL WINAPI RemoveDirectoryA(LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    BOOL r = RemoveDirectoryW(w);
    free(w);
    return r;
}

static NTSTATUS copy_fd(int in, int out)
{
    char buf[65536];
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0)
            return errno_to_status(errno);
        if (!n)
            return STATUS_SUCCESS;
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(out, buf + off, n - off);
            if (w < 0)
                return errno_to_status(errno);
            off += w;
        }
    }
}

static NTSTATUS copy_file(const char *from, const char *to, int fail_if_exists)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return file_stat_status(from);
    struct stat sb;
    fstat(in, &sb);
    if (S_ISDIR(sb.st_mode)) {
        close(in);
        return STATUS_ACCESS_DENIED;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_CLOEXEC | (fail_if_exists ? O_EXCL : O_TRUNC),
                   sb.st_mode & 0777);
    if (out < 0) {
        NTSTATUS st = errno == EEXIST ? STATUS_OBJECT_NAME_COLLISION : file_stat_status(to);
        close(in);
        return st;
    }
    NTSTATUS st = copy_fd(in, out);
    struct timespec ts[2] = {sb.st_atim, sb.st_mtim};
    futimens(out, ts); /* CopyFile keeps the last-write time */
    close(in);
    close(out);
    return st;
}

/* CopyFileW (kernel32) */
BOOL WINAPI CopyFileW(LPCWSTR from, LPCWSTR to, BOOL fail_if_exists)
{
    NTSTATUS st;
    char *a = file_unix_name(from, &st);
    if (!a)
        return set_ntstatus(st);
    char *b = file_unix_name(to, &st);
    if (!b) {
        free(a);
        return set_ntstatus(st);
    }
    st = copy_file(a, b, fail_if_exists);
    free(a);
    free(b);
    if (st == STATUS_OBJECT_NAME_COLLISION) {
        set_last_error(ERROR_FILE_EXISTS);
        return FALSE;
    }
    return set_ntstatus(st);
}

/* CopyFileA (kernel32) */
BOOL WINAPI CopyFileA(LPCSTR from, LPCSTR to, BOOL fail_if_exists)
{
    WCHAR *a = a_to_w(from), *b = a_to_w(to);
    BOOL r = CopyFileW(a, b, fail_if_exists);
    free(a);
    free(b);
    return r;
}

/* CopyFileExW (kernel32): no progress callbacks. */
BOOL WINAPI CopyFileExW(LPCWSTR from, LPCWSTR to, void *progress, void *data,
                        BOOL *cancel, DWORD flags)
{
    return CopyFileW(from, to, flags & 1 /* COPY_FILE_FAIL_IF_EXISTS */);
}

/* MoveFileExW (kernel32): file_rename, or a copy across file systems
 * with MOVEFILE_COPY_ALLOWED. */
BOOL WINAPI MoveFileExW(LPCWSTR from, LPCWSTR to, DWORD flags)
{
    NTSTATUS st;
    char *a = file_unix_name(from, &st);
    if (!a)
        return set_ntstatus(st);
    if (!to) { /* delete (at reboot on Windows; now here) */
        BOOL r = unlink(a) == 0 || rmdir(a) == 0;
        st = r ? STATUS_SUCCESS : file_stat_status(a);
        free(a);
        return set_ntstatus(st);
    }
    char *b;
    st = file_rename(a, to, !!(flags & MOVEFILE_REPLACE_EXISTING), NULL, &b);
    struct stat sa;
    if (st == STATUS_NOT_SAME_DEVICE && (flags & MOVEFILE_COPY_ALLOWED) &&
        lstat(a, &sa) == 0 && !S_ISDIR(sa.st_mode)) {
        st = copy_file(a, b, 0);
        if (!st)
            unlink(a);
    }
    free(a);
    free(b);
    return set_ntstatus(st);
}

/* MoveFileExA (kernel32) */
BOOL WINAPI MoveFileExA(LPCSTR from, LPCSTR to, DWORD flags)
{
    WCHAR *a = a_to_w(from), *b = a_to_w(to);
    BOOL r = MoveFileExW(a, b, flags);
    free(a);
    free(b);
    return r;
}

/* MoveFileW (kernel32) */
BOOL WINAPI MoveFileW(LPCWSTR from, LPCWSTR to)
{
    return MoveFileExW(from, to, MOVEFILE_COPY_ALLOWED);
}

/* MoveFileA (kernel32) */
BOOL WINAPI MoveFileA(LPCSTR from, LPCSTR to)
{
    return MoveFileExA(from, to, MOVEFILE_COPY_ALLOWED);
}

/* LockFileEx (kernel32): byte-range locks as OFD locks, so they belong to
 * the handle and conflict across processes as on Windows. */
BOOL WINAPI LockFileEx(HANDLE h, DWORD flags, DWORD reserved, DWORD low,
                       DWORD high, OVERLAPPED *ov)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    struct flock fl = {0};
    fl.l_type = flags & 2 /* LOCKFILE_EXCLUSIVE_LOCK */ ? F_WRLCK : F_RDLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = ov ? ((off_t)ov->OffsetHigh << 32 | ov->Offset) : 0;
    fl.l_len = (off_t)high << 32 | low;
    int cmd = flags & 1 /* LOCKFILE_FAIL_IMMEDIATELY */ ? F_OFD_SETLK : F_OFD_SETLKW;
    int r = BLOCKING(fcntl(f->fd, cmd, &fl));
    object_put(&f->obj);
    if (r < 0) {
        set_last_error(ERROR_LOCK_VIOLATION);
        return FALSE;
    }
    return TRUE;
}

/* UnlockFileEx (kernel32) */
BOOL WINAPI UnlockFileEx(HANDLE h, DWORD reserved, DWORD low, DWORD high,
                         OVERLAPPED *ov)
{
    struct file *f = file_ref(h);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    struct flock fl = {0};
    fl.l_type = F_UNLCK;
    fl.l_start = ov ? ((off_t)ov->OffsetHigh << 32 | ov->Offset) : 0;
    fl.l_len = (off_t)high << 32 | low;
    fcntl(f->fd, F_OFD_SETLK, &fl);
    object_put(&f->obj);
    return TRUE;
}

/* LockFile (kernel32) */
BOOL WINAPI LockFile(HANDLE h, DWORD off_low, DWORD off_high, DWORD low, DWORD high)
{
    OVERLAPPED ov = {0};
    ov.Offset = off_low;
    ov.OffsetHigh = off_high;
    return LockFileEx(h, 3, 0, low, high, &ov);
}

/* UnlockFile (kernel32) */
BOOL WINAPI UnlockFile(HANDLE h, DWORD off_low, DWORD off_high, DWORD low, DWORD high)
{
    OVERLAPPED ov = {0};
    ov.Offset = off_low;
    ov.OffsetHigh = off_high;
    return UnlockFileEx(h, 0, low, high, &ov);
}

/* kernel32's FILE_INFO_BY_HANDLE_CLASS -> ntdll's information class */
static int by_handle_class(int cls)
{
    switch (cls) {
    case 0: return FileBasicInformation;          /* FileBasicInfo */
    case 1: return FileStandardInformation;       /* FileStandardInfo */
    case 2: return FileNameInformation;           /* FileNameInfo */
    case 9: return FileAttributeTagInformation;   /* FileAttributeTagInfo */
    case 18: return FileIdInformation;            /* FileIdInfo */
    default: return -1;
    }
}

/* The classes that read a directory's entries, the "Restart" ones from
 * the first entry: NtQueryDirectoryFile's class, -1 for others. */
static int by_handle_dir_class(int cls, BOOLEAN *restart)
{
    *restart = cls == 11 || cls == 15 || cls == 20;
    switch (cls) {
    case 10: /* FileIdBothDirectoryInfo */
    case 11: /* FileIdBothDirectoryRestartInfo */
        return FileIdBothDirectoryInformation;
    case 14: /* FileFullDirectoryInfo */
    case 15: /* FileFullDirectoryRestartInfo */
        return FileFullDirectoryInformation;
    case 19: /* FileIdExtdDirectoryInfo */
    case 20: /* FileIdExtdDirectoryRestartInfo */
        return FileIdExtdDirectoryInformation;
    default:
        return -1;
    }
}

/* GetFileInformationByHandleEx (kernel32): ERROR_MORE_DATA when a name
 * does not fit, ERROR_NO_MORE_FILES after a directory's last entry. */
BOOL WINAPI GetFileInformationByHandleEx(HANDLE h, int cls, LPVOID buf, DWORD len)
{
    BOOLEAN restart;
    int nt = by_handle_dir_class(cls, &restart);
    if (nt >= 0) {
        IO_STATUS_BLOCK io;
        return set_ntstatus(NtQueryDirectoryFile(h, NULL, NULL, NULL, &io, buf, len, nt, FALSE,
                                                 NULL, restart));
    }
    nt = by_handle_class(cls);
    if (nt < 0) {
        FIXME("class %d", cls);
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtQueryInformationFile(h, &io, buf, len, nt));
}

typedef struct {
    union {
        BOOLEAN ReplaceIfExists;
        DWORD Flags; /* FileRenameInfoEx */
    };
    HANDLE RootDirectory;
    DWORD FileNameLength;
    WCHAR FileName[1];
} FILE_RENAME_INFO;

/* FileRenameInfo(Ex) with a DOS path, as NtSetInformationFile wants it:
 * "\??\" and the full path. An NT name, a bare name, or one relative to
 * RootDirectory passes as it is. Malloc'ed; *size its size. */
static FILE_RENAME_INFO *nt_rename_info(const FILE_RENAME_INFO *r, DWORD len, DWORD *size)
{
    size_t n = len >= offsetof(FILE_RENAME_INFO, FileName) + r->FileNameLength
                   ? r->FileNameLength / sizeof(WCHAR)
                   : 0;
    int path = 0;
    for (size_t i = 0; i < n; i++)
        path |= r->FileName[i] == '\\' || r->FileName[i] == '/' || r->FileName[i] == ':';
    WCHAR *name = malloc((n + 1) * sizeof(WCHAR)), *full = NULL;
    memcpy(name, r->FileName, n * sizeof(WCHAR));
    name[n] = 0;
    if (path && !r->RootDirectory && wstr_nicmp(name, u"\\??\\", 4)) {
        WCHAR *dos = path_full_dos(name);
        size_t skip = dos[0] == '\\' && dos[1] == '\\' && (dos[2] == '?' || dos[2] == '.') &&
                              dos[3] == '\\'
                          ? 4 /* \\?\C:\x is \??\C:\x */
                          : 0;
        size_t d = wstr_len(dos + skip);
        full = malloc((d + 5) * sizeof(WCHAR));
        memcpy(full, u"\\??\\", 4 * sizeof(WCHAR));
        memcpy(full + 4, dos + skip, (d + 1) * sizeof(WCHAR));
        free(dos);
        free(name);
        name = full;
    }
    size_t units = wstr_len(name);
    *size = offsetof(FILE_RENAME_INFO, FileName) + (units + 1) * sizeof(WCHAR);
    FILE_RENAME_INFO *out = malloc(*size);
    out->Flags = r->Flags;
    out->RootDirectory = r->RootDirectory;
    out->FileNameLength = units * sizeof(WCHAR);
    memcpy(out->FileName, name, (units + 1) * sizeof(WCHAR));
    free(name);
    return out;
}

/* SetFileInformationByHandle (kernel32): NtSetInformationFile with NT's
 * class (the structures are the same), renames with NT names. */
BOOL WINAPI SetFileInformationByHandle(HANDLE h, int cls, LPVOID buf, DWORD len)
{
    static const int nt_class[] = {
        [0] = FileBasicInformation,        /* FileBasicInfo */
        [3] = FileRenameInformation,       /* FileRenameInfo */
        [4] = FileDispositionInformation,  /* FileDispositionInfo */
        [5] = FileAllocationInformation,   /* FileAllocationInfo */
        [6] = FileEndOfFileInformation,    /* FileEndOfFileInfo */
        [21] = FileDispositionInformationEx, /* FileDispositionInfoEx */
        [22] = FileRenameInformationEx,    /* FileRenameInfoEx */
    };
    int nt = cls >= 0 && cls < (int)(sizeof nt_class / sizeof nt_class[0]) ? nt_class[cls] : 0;
    if (!nt) {
        FIXME("class %d", cls);
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    IO_STATUS_BLOCK io;
    if (nt != FileRenameInformation && nt != FileRenameInformationEx)
        return set_ntstatus(NtSetInformationFile(h, &io, buf, len, nt));
    if (len < sizeof(FILE_RENAME_INFO))
        return set_ntstatus(STATUS_INFO_LENGTH_MISMATCH);
    DWORD size;
    FILE_RENAME_INFO *r = nt_rename_info(buf, len, &size);
    NTSTATUS st = NtSetInformationFile(h, &io, r, size, nt);
    free(r);
    return set_ntstatus(st);
}
