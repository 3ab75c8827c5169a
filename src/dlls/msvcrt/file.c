/* Files by name: remove/rename/_unlink, directories, _access/_chmod,
 * _stat/_fstat in msvcrt's x64 layouts, the _findfirst family, _utime.
 * Narrow names are in the ANSI code page and go to the W functions. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"
#include "status.h"
#include "wstr.h"

/* Runs fn on the wide form of a narrow path. */
#define WITH_WIDE(path, expr)                                               \
    ({                                                                      \
        int r_ = -1;                                                        \
        if (!(path)) {                                                      \
            crt_set_errno(M_EINVAL);                                        \
        } else {                                                            \
            WCHAR *w = crt_acp_to_wcs(path);                                \
            if (w) {                                                        \
                r_ = (expr);                                                \
                msvcrt_free(w);                                             \
            }                                                               \
        }                                                                   \
        r_;                                                                 \
    })

static int win32_result(BOOL ok)
{
    if (ok)
        return 0;
    crt_dosmaperr(GetLastError());
    return -1;
}

/* _wunlink / _unlink / _wremove / remove (msvcrt) */
int CDECL msvcrt__wunlink(const WCHAR *p)
{
    if (!p) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    return win32_result(DeleteFileW(p));
}
int CDECL msvcrt__unlink(const char *p) { return WITH_WIDE(p, msvcrt__wunlink(w)); }
int CDECL msvcrt__wremove(const WCHAR *p) { return msvcrt__wunlink(p); }
int CDECL msvcrt_remove(const char *p) { return msvcrt__unlink(p); }

/* _wrename / rename (msvcrt): never replaces an existing file. */
int CDECL msvcrt__wrename(const WCHAR *from, const WCHAR *to)
{
    if (!from || !to) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    return win32_result(MoveFileExW(from, to, MOVEFILE_COPY_ALLOWED));
}
int CDECL msvcrt_rename(const char *from, const char *to)
{
    if (!to) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    WCHAR *wt = crt_acp_to_wcs(to);
    int r = wt ? WITH_WIDE(from, msvcrt__wrename(w, wt)) : -1;
    msvcrt_free(wt);
    return r;
}

/* _wmkdir / _mkdir / _wrmdir / _rmdir / _wchdir / _chdir (msvcrt) */
int CDECL msvcrt__wmkdir(const WCHAR *p) { return win32_result(CreateDirectoryW(p, NULL)); }
int CDECL msvcrt__mkdir(const char *p) { return WITH_WIDE(p, msvcrt__wmkdir(w)); }
int CDECL msvcrt__wrmdir(const WCHAR *p) { return win32_result(RemoveDirectoryW(p)); }
int CDECL msvcrt__rmdir(const char *p) { return WITH_WIDE(p, msvcrt__wrmdir(w)); }
int CDECL msvcrt__wchdir(const WCHAR *p) { return win32_result(SetCurrentDirectoryW(p)); }
int CDECL msvcrt__chdir(const char *p) { return WITH_WIDE(p, msvcrt__wchdir(w)); }

/* _wgetcwd / _getcwd (msvcrt): a NULL buffer is allocated, at least
 * `size` bytes. */
WCHAR *CDECL msvcrt__wgetcwd(WCHAR *buf, int size)
{
    DWORD n = GetCurrentDirectoryW(0, NULL);
    if (!n) {
        crt_dosmaperr(GetLastError());
        return NULL;
    }
    WCHAR *tmp = msvcrt_malloc(n * sizeof(WCHAR));
    if (!tmp)
        return NULL;
    GetCurrentDirectoryW(n, tmp);
    size_t len = wstr_len(tmp);
    if (!buf) {
        size_t want = (size_t)size > len + 1 ? (size_t)size : len + 1;
        buf = msvcrt_realloc(tmp, want * sizeof(WCHAR));
        return buf ? buf : tmp;
    }
    if (len + 1 > (size_t)size) {
        msvcrt_free(tmp);
        crt_set_errno(M_ERANGE);
        return NULL;
    }
    memcpy(buf, tmp, (len + 1) * sizeof(WCHAR));
    msvcrt_free(tmp);
    return buf;
}
char *CDECL msvcrt__getcwd(char *buf, int size)
{
    WCHAR *w = msvcrt__wgetcwd(NULL, 0);
    if (!w)
        return NULL;
    char *a = crt_wcs_to_acp(w);
    msvcrt_free(w);
    if (!a)
        return NULL;
    size_t len = strlen(a);
    if (!buf) {
        if ((size_t)size > len + 1) {
            char *b = msvcrt_realloc(a, size);
            return b ? b : a;
        }
        return a;
    }
    if (len + 1 > (size_t)size) {
        msvcrt_free(a);
        crt_set_errno(M_ERANGE);
        return NULL;
    }
    memcpy(buf, a, len + 1);
    msvcrt_free(a);
    return buf;
}

/* _getdrive (msvcrt): 1 = A:, 3 = C:, 26 = Z:. */
int CDECL msvcrt__getdrive(void)
{
    WCHAR buf[MAX_PATH];
    DWORD n = GetCurrentDirectoryW(MAX_PATH, buf);
    if (n >= 2 && buf[1] == ':')
        return (buf[0] | 0x20) - 'a' + 1;
    return 0;
}

/* _getdcwd / _wgetdcwd (msvcrt): only the current drive is tracked. */
char *CDECL msvcrt__getdcwd(int drive, char *buf, int size)
{
    if (drive && drive != msvcrt__getdrive())
        FIXME("per-drive current directory for drive %d", drive);
    return msvcrt__getcwd(buf, size);
}
WCHAR *CDECL msvcrt__wgetdcwd(int drive, WCHAR *buf, int size)
{
    if (drive && drive != msvcrt__getdrive())
        FIXME("per-drive current directory for drive %d", drive);
    return msvcrt__wgetcwd(buf, size);
}

/* _waccess / _access / _waccess_s / _access_s (msvcrt) */
int CDECL msvcrt__waccess(const WCHAR *p, int mode)
{
    if (!p || (mode & ~6)) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    DWORD a = GetFileAttributesW(p);
    if (a == INVALID_FILE_ATTRIBUTES) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    if ((a & FILE_ATTRIBUTE_READONLY) && !(a & FILE_ATTRIBUTE_DIRECTORY) &&
        (mode & 2)) {
        crt_dosmaperr(ERROR_ACCESS_DENIED);
        return -1;
    }
    return 0;
}
int CDECL msvcrt__access(const char *p, int mode) { return WITH_WIDE(p, msvcrt__waccess(w, mode)); }
int CDECL msvcrt__waccess_s(const WCHAR *p, int mode)
{
    return msvcrt__waccess(p, mode) ? crt_thread()->err : 0;
}
int CDECL msvcrt__access_s(const char *p, int mode)
{
    return msvcrt__access(p, mode) ? crt_thread()->err : 0;
}

/* _wchmod / _chmod (msvcrt): only the write bit means anything. */
int CDECL msvcrt__wchmod(const WCHAR *p, int mode)
{
    DWORD a = GetFileAttributesW(p);
    if (a == INVALID_FILE_ATTRIBUTES) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    a = (mode & M_S_IWRITE) ? a & ~FILE_ATTRIBUTE_READONLY : a | FILE_ATTRIBUTE_READONLY;
    return win32_result(SetFileAttributesW(p, a));
}
int CDECL msvcrt__chmod(const char *p, int mode) { return WITH_WIDE(p, msvcrt__wchmod(w, mode)); }

/* What every _stat layout holds. */
struct stat_info {
    unsigned dev;
    unsigned short mode;
    LONGLONG size, atime, mtime, ctime;
};

static int is_exe_name(const WCHAR *p)
{
    size_t n = wstr_len(p);
    if (n < 4 || p[n - 4] != '.')
        return 0;
    static const char *const exts[] = {"exe", "com", "bat", "cmd"};
    for (size_t i = 0; i < ARRAY_SIZE(exts); i++)
        if (!wstr_nicmp(p + n - 3, (const WCHAR[]){exts[i][0], exts[i][1], exts[i][2], 0}, 3))
            return 1;
    return 0;
}

/* msvcrt copies the owner's permission bits to group and others. */
static unsigned short perm_bits(DWORD attr, int exe)
{
    unsigned short m = M_S_IREAD;
    if (!(attr & FILE_ATTRIBUTE_READONLY))
        m |= M_S_IWRITE;
    if (exe || (attr & FILE_ATTRIBUTE_DIRECTORY))
        m |= M_S_IEXEC;
    return m | (m >> 3) | (m >> 6);
}

static int wstat_info(const WCHAR *path, struct stat_info *st)
{
    WIN32_FILE_ATTRIBUTE_DATA d;
    if (!path) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    /* msvcrt refuses wildcards */
    for (const WCHAR *p = path; *p; p++)
        if (*p == '*' || *p == '?') {
            crt_set_errno(M_ENOENT);
            return -1;
        }
    if (!GetFileAttributesExW(path, 0, &d)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    memset(st, 0, sizeof *st);
    int drive;
    if (path[0] && path[1] == ':')
        drive = (path[0] | 0x20) - 'a';
    else
        drive = msvcrt__getdrive() - 1;
    st->dev = drive < 0 ? 0 : drive;
    st->mode = ((d.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) ? M_S_IFDIR : M_S_IFREG) |
               perm_bits(d.dwFileAttributes, is_exe_name(path));
    st->size = (LONGLONG)d.nFileSizeHigh << 32 | d.nFileSizeLow;
    st->atime = crt_filetime_to_time(&d.ftLastAccessTime);
    st->mtime = crt_filetime_to_time(&d.ftLastWriteTime);
    st->ctime = crt_filetime_to_time(&d.ftCreationTime);
    return 0;
}

static int fstat_info(int fd, struct stat_info *st)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    memset(st, 0, sizeof *st);
    DWORD type = GetFileType(info->handle);
    if (type == FILE_TYPE_CHAR) {
        st->mode = M_S_IFCHR;
        st->dev = fd;
        return 0;
    }
    if (type == FILE_TYPE_PIPE) {
        DWORD avail = 0;
        PeekNamedPipe(info->handle, NULL, 0, NULL, &avail, NULL);
        st->mode = M_S_IFIFO;
        st->dev = fd;
        st->size = avail;
        return 0;
    }
    BY_HANDLE_FILE_INFORMATION bi;
    if (!GetFileInformationByHandle(info->handle, &bi)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    st->mode = ((bi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) ? M_S_IFDIR : M_S_IFREG) |
               perm_bits(bi.dwFileAttributes, 0);
    st->size = (LONGLONG)bi.nFileSizeHigh << 32 | bi.nFileSizeLow;
    st->atime = crt_filetime_to_time(&bi.ftLastAccessTime);
    st->mtime = crt_filetime_to_time(&bi.ftLastWriteTime);
    st->ctime = crt_filetime_to_time(&bi.ftCreationTime);
    return 0;
}

/* x64 msvcrt layouts: _stat (size 32-bit, times 64-bit), _stat64 and
 * _stati64 (both 64-bit), _stat32 (all 32-bit). */
struct stat64i32 {
    unsigned st_dev;
    unsigned short st_ino, st_mode;
    short st_nlink, st_uid, st_gid;
    unsigned st_rdev;
    LONG st_size;
    LONGLONG st_atime, st_mtime, st_ctime;
};
struct stat64 {
    unsigned st_dev;
    unsigned short st_ino, st_mode;
    short st_nlink, st_uid, st_gid;
    unsigned st_rdev;
    LONGLONG st_size;
    LONGLONG st_atime, st_mtime, st_ctime;
};
struct stat32 {
    unsigned st_dev;
    unsigned short st_ino, st_mode;
    short st_nlink, st_uid, st_gid;
    unsigned st_rdev;
    LONG st_size;
    LONG st_atime, st_mtime, st_ctime;
};

#define FILL(dst, si)                                                       \
    do {                                                                    \
        memset((dst), 0, sizeof *(dst));                                    \
        (dst)->st_dev = (dst)->st_rdev = (si).dev;                          \
        (dst)->st_mode = (si).mode;                                         \
        (dst)->st_nlink = 1;                                                \
        (dst)->st_size = (si).size;                                         \
        (dst)->st_atime = (si).atime;                                       \
        (dst)->st_mtime = (si).mtime;                                       \
        (dst)->st_ctime = (si).ctime;                                       \
    } while (0)

#define STAT_FUNCS(suffix, type)                                            \
    int CDECL msvcrt__wstat##suffix(const WCHAR *p, type *buf)              \
    {                                                                       \
        struct stat_info si;                                                \
        if (wstat_info(p, &si))                                             \
            return -1;                                                      \
        FILL(buf, si);                                                      \
        return 0;                                                           \
    }                                                                       \
    int CDECL msvcrt__stat##suffix(const char *p, type *buf)                \
    {                                                                       \
        return WITH_WIDE(p, msvcrt__wstat##suffix(w, buf));                 \
    }                                                                       \
    int CDECL msvcrt__fstat##suffix(int fd, type *buf)                      \
    {                                                                       \
        struct stat_info si;                                                \
        if (!buf) {                                                         \
            crt_set_errno(M_EINVAL);                                        \
            return -1;                                                      \
        }                                                                   \
        if (fstat_info(fd, &si))                                            \
            return -1;                                                      \
        FILL(buf, si);                                                      \
        return 0;                                                           \
    }

/* _stat _wstat _fstat; _stat64 ...; _stati64 ...; _stat32 ... (msvcrt) */
STAT_FUNCS(, struct stat64i32)
STAT_FUNCS(64, struct stat64)
STAT_FUNCS(i64, struct stat64)
STAT_FUNCS(32, struct stat32)
STAT_FUNCS(64i32, struct stat64i32)

/* _findfirst family. x64 msvcrt: _finddata_t has a 32-bit size and 64-bit
 * times; the i64/64 forms a 64-bit size. */
struct finddata64i32 {
    unsigned attrib;
    LONGLONG time_create, time_access, time_write;
    ULONG size;
    char name[260];
};
struct finddata64 {
    unsigned attrib;
    LONGLONG time_create, time_access, time_write;
    LONGLONG size;
    char name[260];
};
struct wfinddata64i32 {
    unsigned attrib;
    LONGLONG time_create, time_access, time_write;
    ULONG size;
    WCHAR name[260];
};
struct wfinddata64 {
    unsigned attrib;
    LONGLONG time_create, time_access, time_write;
    LONGLONG size;
    WCHAR name[260];
};

#define FILL_FIND(dst, fd, wide)                                            \
    do {                                                                    \
        (dst)->attrib = (fd)->dwFileAttributes;                             \
        (dst)->time_create = crt_filetime_to_time(&(fd)->ftCreationTime);   \
        (dst)->time_access = crt_filetime_to_time(&(fd)->ftLastAccessTime); \
        (dst)->time_write = crt_filetime_to_time(&(fd)->ftLastWriteTime);   \
        (dst)->size = (__typeof__((dst)->size))((ULONGLONG)(fd)->nFileSizeHigh << 32 | (fd)->nFileSizeLow); \
        if (wide)                                                           \
            memcpy((dst)->name, (fd)->cFileName, sizeof (fd)->cFileName);   \
        else                                                                \
            WideCharToMultiByte(crt_acp, 0, (fd)->cFileName, -1,            \
                                (char *)(dst)->name, 260, NULL, NULL);      \
    } while (0)

static INT_PTR find_first(const WCHAR *spec, WIN32_FIND_DATAW *fd)
{
    HANDLE h = FindFirstFileW(spec, fd);
    if (h == INVALID_HANDLE_VALUE) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    return (INT_PTR)h;
}

static int find_next(INT_PTR h, WIN32_FIND_DATAW *fd)
{
    if (!FindNextFileW((HANDLE)h, fd)) {
        crt_set_errno(M_ENOENT);
        return -1;
    }
    return 0;
}

#define FIND_FUNCS(suffix, ntype, wtype)                                    \
    INT_PTR CDECL msvcrt__wfindfirst##suffix(const WCHAR *spec, wtype *out) \
    {                                                                       \
        WIN32_FIND_DATAW fd;                                                \
        INT_PTR h = spec ? find_first(spec, &fd) : -1;                      \
        if (h != -1)                                                        \
            FILL_FIND(out, &fd, 1);                                         \
        return h;                                                           \
    }                                                                       \
    INT_PTR CDECL msvcrt__findfirst##suffix(const char *spec, ntype *out)   \
    {                                                                       \
        WIN32_FIND_DATAW fd;                                                \
        INT_PTR h = -1;                                                     \
        WCHAR *w = spec ? crt_acp_to_wcs(spec) : NULL;                      \
        if (w)                                                              \
            h = find_first(w, &fd);                                         \
        msvcrt_free(w);                                                     \
        if (h != -1)                                                        \
            FILL_FIND(out, &fd, 0);                                         \
        return h;                                                           \
    }                                                                       \
    int CDECL msvcrt__wfindnext##suffix(INT_PTR h, wtype *out)              \
    {                                                                       \
        WIN32_FIND_DATAW fd;                                                \
        if (find_next(h, &fd))                                              \
            return -1;                                                      \
        FILL_FIND(out, &fd, 1);                                             \
        return 0;                                                           \
    }                                                                       \
    int CDECL msvcrt__findnext##suffix(INT_PTR h, ntype *out)               \
    {                                                                       \
        WIN32_FIND_DATAW fd;                                                \
        if (find_next(h, &fd))                                              \
            return -1;                                                      \
        FILL_FIND(out, &fd, 0);                                             \
        return 0;                                                           \
    }

/* _findfirst _findnext _wfindfirst _wfindnext and the 64/i64 forms */
FIND_FUNCS(, struct finddata64i32, struct wfinddata64i32)
FIND_FUNCS(64i32, struct finddata64i32, struct wfinddata64i32)
FIND_FUNCS(64, struct finddata64, struct wfinddata64)
FIND_FUNCS(i64, struct finddata64, struct wfinddata64)

/* _findclose (msvcrt) */
int CDECL msvcrt__findclose(INT_PTR h)
{
    if (!FindClose((HANDLE)h)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    return 0;
}

struct utimbuf64 {
    LONGLONG actime, modtime;
};

/* _futime64 / _wutime64 / _utime64 and the plain names (msvcrt): NULL
 * means now. */
int CDECL msvcrt__futime64(int fd, struct utimbuf64 *t)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    FILETIME at, mt;
    if (t) {
        crt_time_to_filetime(t->actime, &at);
        crt_time_to_filetime(t->modtime, &mt);
    } else {
        GetSystemTimeAsFileTime(&at);
        mt = at;
    }
    return win32_result(SetFileTime(info->handle, NULL, &at, &mt));
}
int CDECL msvcrt__wutime64(const WCHAR *p, struct utimbuf64 *t)
{
    int fd = crt_wopen(p, M_O_WRONLY | M_O_BINARY, 0x40, 0);
    if (fd < 0)
        return -1;
    int r = msvcrt__futime64(fd, t);
    crt_close(fd);
    return r;
}
int CDECL msvcrt__utime64(const char *p, struct utimbuf64 *t)
{
    return WITH_WIDE(p, msvcrt__wutime64(w, t));
}
