/* Opening files as fds (_open/_sopen/_wopen...), and the whole-file fd
 * operations: _commit, _filelength, _eof, _chsize, _locking, _pipe. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"
#include "status.h"

#define CTRLZ 0x1a

static int umask_value;

int crt_wopen(const WCHAR *path, int oflag, int shflag, int pmode)
{
    DWORD access, share, creation, attrib = FILE_ATTRIBUTE_NORMAL;
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, !(oflag & M_O_NOINHERIT)};

    crt_init();
    switch (oflag & M_O_ACCMODE) {
    case M_O_RDONLY: access = GENERIC_READ; break;
    case M_O_WRONLY: access = GENERIC_WRITE; break;
    case M_O_RDWR: access = GENERIC_READ | GENERIC_WRITE; break;
    default: crt_set_errno(M_EINVAL); return -1;
    }
    switch (shflag) {
    case 0x10: share = 0; break;                                   /* DENYRW */
    case 0x20: share = FILE_SHARE_READ; break;                     /* DENYWR */
    case 0x30: share = FILE_SHARE_WRITE; break;                    /* DENYRD */
    case 0x40: share = FILE_SHARE_READ | FILE_SHARE_WRITE; break; /* DENYNO */
    default: crt_set_errno(M_EINVAL); return -1;
    }
    switch (oflag & (M_O_CREAT | M_O_EXCL | M_O_TRUNC)) {
    case 0:
    case M_O_EXCL: creation = OPEN_EXISTING; break;
    case M_O_CREAT: creation = OPEN_ALWAYS; break;
    case M_O_CREAT | M_O_EXCL:
    case M_O_CREAT | M_O_EXCL | M_O_TRUNC: creation = CREATE_NEW; break;
    case M_O_TRUNC:
    case M_O_TRUNC | M_O_EXCL: creation = TRUNCATE_EXISTING; break;
    default: creation = CREATE_ALWAYS; break;
    }
    if ((oflag & M_O_CREAT) && !((pmode & ~umask_value) & M_S_IWRITE))
        attrib = FILE_ATTRIBUTE_READONLY;
    if (oflag & M_O_TEMPORARY) {
        attrib |= FILE_FLAG_DELETE_ON_CLOSE;
        access |= DELETE;
        share |= FILE_SHARE_DELETE;
    }
    HANDLE h = CreateFileW(path, access, share, &sa, creation, attrib, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    int wx = crt_wx_from_type(h);
    if (oflag & M_O_APPEND)
        wx |= WX_APPEND;
    if (oflag & M_O_NOINHERIT)
        wx |= WX_DONTINHERIT;
    if (!(oflag & M_O_BINARY) &&
        ((oflag & (M_O_TEXT | M_O_WTEXT | M_O_U16TEXT | M_O_U8TEXT)) ||
         !(msvcrt__fmode & M_O_BINARY)))
        wx |= WX_TEXT;
    int fd = crt_alloc_fd(h, wx);
    if (fd < 0) {
        CloseHandle(h);
        return -1;
    }
    if (oflag & M_O_U8TEXT)
        crt_fdinfo(fd)->exflag |= EF_UTF8;
    else if (oflag & (M_O_U16TEXT | M_O_WTEXT))
        crt_fdinfo(fd)->exflag |= EF_UTF16;
    /* A text file opened for update loses a trailing ^Z, so that what is
     * appended is not hidden behind it (msvcrt does this). */
    if ((wx & WX_TEXT) && !(wx & (WX_TTY | WX_PIPE)) &&
        (oflag & M_O_ACCMODE) == M_O_RDWR) {
        LARGE_INTEGER end = {.QuadPart = -1}, zero = {.QuadPart = 0}, pos;
        char c;
        DWORD got;
        if (SetFilePointerEx(h, end, &pos, FILE_END) &&
            ReadFile(h, &c, 1, &got, NULL) && got == 1 && c == CTRLZ) {
            SetFilePointerEx(h, pos, NULL, FILE_BEGIN);
            SetEndOfFile(h);
        }
        SetFilePointerEx(h, zero, NULL, FILE_BEGIN);
    }
    TRACE("fd %d oflag %#x", fd, oflag);
    return fd;
}

static int open_narrow(const char *path, int oflag, int shflag, int pmode)
{
    if (!path) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    WCHAR *w = crt_acp_to_wcs(path);
    if (!w)
        return -1;
    int fd = crt_wopen(w, oflag, shflag, pmode);
    msvcrt_free(w);
    return fd;
}

/* _open (msvcrt): pmode is read only with _O_CREAT, like msvcrt. */
int CDECL msvcrt__open(const char *path, int oflag, ...)
{
    int pmode = 0;
    if (oflag & M_O_CREAT) {
        WIN_VA_LIST ap;
        win_va_start(ap, oflag);
        pmode = __builtin_va_arg(ap, int);
        win_va_end(ap);
    }
    return open_narrow(path, oflag, 0x40, pmode);
}

/* _wopen (msvcrt) */
int CDECL msvcrt__wopen(const WCHAR *path, int oflag, ...)
{
    int pmode = 0;
    if (oflag & M_O_CREAT) {
        WIN_VA_LIST ap;
        win_va_start(ap, oflag);
        pmode = __builtin_va_arg(ap, int);
        win_va_end(ap);
    }
    if (!path) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    return crt_wopen(path, oflag, 0x40, pmode);
}

/* _sopen (msvcrt) */
int CDECL msvcrt__sopen(const char *path, int oflag, int shflag, ...)
{
    int pmode = 0;
    if (oflag & M_O_CREAT) {
        WIN_VA_LIST ap;
        win_va_start(ap, shflag);
        pmode = __builtin_va_arg(ap, int);
        win_va_end(ap);
    }
    return open_narrow(path, oflag, shflag, pmode);
}

/* _wsopen (msvcrt) */
int CDECL msvcrt__wsopen(const WCHAR *path, int oflag, int shflag, ...)
{
    int pmode = 0;
    if (oflag & M_O_CREAT) {
        WIN_VA_LIST ap;
        win_va_start(ap, shflag);
        pmode = __builtin_va_arg(ap, int);
        win_va_end(ap);
    }
    if (!path) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    return crt_wopen(path, oflag, shflag, pmode);
}

/* _sopen_s / _wsopen_s (msvcrt) */
int CDECL msvcrt__sopen_s(int *fd, const char *path, int oflag, int shflag,
                          int pmode)
{
    if (!fd) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    *fd = open_narrow(path, oflag, shflag, pmode);
    return *fd < 0 ? crt_thread()->err : 0;
}
int CDECL msvcrt__wsopen_s(int *fd, const WCHAR *path, int oflag, int shflag,
                           int pmode)
{
    if (!fd || !path) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    *fd = crt_wopen(path, oflag, shflag, pmode);
    return *fd < 0 ? crt_thread()->err : 0;
}

/* _creat / _wcreat (msvcrt) */
int CDECL msvcrt__creat(const char *path, int pmode)
{
    return open_narrow(path, M_O_CREAT | M_O_TRUNC | M_O_RDWR, 0x40, pmode);
}
int CDECL msvcrt__wcreat(const WCHAR *path, int pmode)
{
    return crt_wopen(path, M_O_CREAT | M_O_TRUNC | M_O_RDWR, 0x40, pmode);
}

/* _umask (msvcrt) */
int CDECL msvcrt__umask(int mask)
{
    int old = umask_value;
    umask_value = mask;
    return old;
}

/* _commit (msvcrt) */
int CDECL msvcrt__commit(int fd)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    if (!FlushFileBuffers(info->handle)) {
        /* consoles and pipes cannot be flushed: not an error */
        if (GetLastError() == ERROR_INVALID_HANDLE && (info->wxflag & WX_TTY))
            return 0;
        crt_dosmaperr(GetLastError());
        return -1;
    }
    return 0;
}

/* _filelengthi64 / _filelength (msvcrt) */
LONGLONG CDECL msvcrt__filelengthi64(int fd)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    LARGE_INTEGER size;
    if (!GetFileSizeEx(info->handle, &size)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    return size.QuadPart;
}
LONG CDECL msvcrt__filelength(int fd)
{
    LONGLONG n = msvcrt__filelengthi64(fd);
    return n > 0x7fffffff ? -1 : (LONG)n;
}

/* _eof (msvcrt): 1 at end of file, 0 before, -1 on error. */
int CDECL msvcrt__eof(int fd)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    if (info->wxflag & WX_ATEOF)
        return 1;
    LONGLONG cur = crt_lseek(fd, 0, 1);
    if (cur < 0)
        return -1;
    LONGLONG end = crt_lseek(fd, 0, 2);
    crt_lseek(fd, cur, 0);
    return cur >= end;
}

/* _chsize_s / _chsize (msvcrt): extends with zeros or truncates, keeping
 * the file pointer. */
int CDECL msvcrt__chsize_s(int fd, LONGLONG size)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return M_EBADF;
    if (size < 0) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    LONGLONG cur = crt_lseek(fd, 0, 1);
    if (cur < 0 || crt_lseek(fd, size, 0) < 0)
        return crt_thread()->err;
    int ret = 0;
    if (!SetEndOfFile(info->handle)) {
        crt_dosmaperr(GetLastError());
        ret = crt_thread()->err;
    }
    crt_lseek(fd, cur, 0);
    return ret;
}
int CDECL msvcrt__chsize(int fd, LONG size)
{
    return msvcrt__chsize_s(fd, size) ? -1 : 0;
}

/* _locking (msvcrt): byte-range locks at the current position. */
int CDECL msvcrt__locking(int fd, int mode, LONG nbytes)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    LONGLONG pos = crt_lseek(fd, 0, 1);
    if (pos < 0)
        return -1;
    OVERLAPPED ov = {0};
    ov.Offset = (DWORD)pos;
    ov.OffsetHigh = (DWORD)(pos >> 32);
    BOOL ok;
    if (mode == 0 /* _LK_UNLCK */) {
        ok = UnlockFileEx(info->handle, 0, nbytes, 0, &ov);
    } else {
        DWORD flags = 2 /* EXCLUSIVE */;
        if (mode == 2 || mode == 4) /* _LK_NBLCK, _LK_NBRLCK */
            flags |= 1;             /* FAIL_IMMEDIATELY */
        /* _LK_LOCK/_LK_RLCK retry for about ten seconds in msvcrt. */
        int tries = (mode == 1 || mode == 3) ? 10 : 1;
        do {
            ok = LockFileEx(info->handle, flags | 1, 0, nbytes, 0, &ov);
            if (!ok && --tries)
                Sleep(1000);
        } while (!ok && tries);
    }
    if (!ok) {
        crt_set_errno(mode == 0 ? M_EACCES : M_EDEADLK);
        return -1;
    }
    return 0;
}

/* _pipe (msvcrt) */
int CDECL msvcrt__pipe(int *fds, unsigned size, int textmode)
{
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, !(textmode & M_O_NOINHERIT)};
    HANDLE r, w;
    if (!fds) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    if (!CreatePipe(&r, &w, &sa, size)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    int wx = WX_PIPE;
    if (!(textmode & M_O_BINARY) &&
        ((textmode & M_O_TEXT) || !(msvcrt__fmode & M_O_BINARY)))
        wx |= WX_TEXT;
    if (textmode & M_O_NOINHERIT)
        wx |= WX_DONTINHERIT;
    fds[0] = crt_alloc_fd(r, wx);
    fds[1] = fds[0] < 0 ? -1 : crt_alloc_fd(w, wx);
    if (fds[1] < 0) {
        if (fds[0] >= 0)
            crt_close(fds[0]);
        else
            CloseHandle(r);
        CloseHandle(w);
        return -1;
    }
    return 0;
}
