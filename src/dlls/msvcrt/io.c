/* Low-level I/O: msvcrt's file descriptors over kernel32 HANDLEs, with
 * text-mode translation (CRLF <-> LF on the way in and out, ^Z as end of
 * file on reads) done here, below the FILE layer, as msvcrt does. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"
#include "status.h"

#define CTRLZ 0x1a

/* __pioinfo (msvcrt data): blocks of 32 ioinfo, allocated as needed. */
crt_ioinfo *msvcrt___pioinfo[IOINFO_ARRAYS];
/* __badioinfo (msvcrt data): what an unallocated fd resolves to. */
crt_ioinfo msvcrt___badioinfo = {INVALID_HANDLE_VALUE, WX_TEXT};
static crt_ioinfo first_block[IOINFO_ARRAY_ELTS];
static CRITICAL_SECTION fd_table_lock;
static int io_ready;

crt_ioinfo *crt_fdinfo(int fd)
{
    if (fd < 0 || fd >= M_MAX_FILES)
        return NULL;
    crt_ioinfo *block = msvcrt___pioinfo[fd >> IOINFO_L2E];
    return block ? &block[fd & (IOINFO_ARRAY_ELTS - 1)] : NULL;
}

crt_ioinfo *crt_fdinfo_open(int fd)
{
    crt_init();
    crt_ioinfo *info = crt_fdinfo(fd);
    if (!info || !(info->wxflag & WX_OPEN)) {
        crt_set_errno(M_EBADF);
        *msvcrt___doserrno() = 0;
        return NULL;
    }
    return info;
}

static void init_lock(crt_ioinfo *info)
{
    if (!(info->exflag & EF_CRIT_INIT)) {
        InitializeCriticalSection(&info->crit);
        info->exflag |= EF_CRIT_INIT;
    }
}

void crt_lock_fd(int fd)
{
    crt_ioinfo *info = crt_fdinfo(fd);
    if (info && (info->exflag & EF_CRIT_INIT))
        EnterCriticalSection(&info->crit);
}

void crt_unlock_fd(int fd)
{
    crt_ioinfo *info = crt_fdinfo(fd);
    if (info && (info->exflag & EF_CRIT_INIT))
        LeaveCriticalSection(&info->crit);
}

static DWORD std_handle_id(int fd)
{
    return fd == 0 ? STD_INPUT_HANDLE
                   : fd == 1 ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE;
}

int crt_wx_from_type(HANDLE h)
{
    switch (GetFileType(h) & 0xff) {
    case FILE_TYPE_CHAR: return WX_TTY;
    case FILE_TYPE_PIPE: return WX_PIPE;
    default: return 0;
    }
}

/* Called once from crt_init. fds 0-2 are the std handles, in text mode;
 * a missing std handle still gives an open fd (a device over
 * INVALID_HANDLE_VALUE) as msvcrt does, so writes to it fail quietly. */
void crt_io_init(void)
{
    if (io_ready)
        return;
    io_ready = 1;
    InitializeCriticalSection(&fd_table_lock);
    msvcrt___pioinfo[0] = first_block;
    for (int i = 0; i < IOINFO_ARRAY_ELTS; i++) {
        first_block[i].handle = INVALID_HANDLE_VALUE;
        first_block[i].lookahead[0] = '\n';
    }
    for (int fd = 0; fd < 3; fd++) {
        crt_ioinfo *info = &first_block[fd];
        HANDLE h = GetStdHandle(std_handle_id(fd));
        init_lock(info);
        info->wxflag = WX_OPEN | WX_TEXT;
        if (h && h != INVALID_HANDLE_VALUE &&
            GetFileType(h) != FILE_TYPE_UNKNOWN) {
            info->handle = h;
            info->wxflag |= crt_wx_from_type(h);
        } else {
            info->handle = INVALID_HANDLE_VALUE;
            info->wxflag |= WX_TTY;
        }
    }
}

/* Puts h at fd (which must be free); fds 0-2 also become the process's
 * std handles, as msvcrt does for console programs (children inherit). */
static void set_fd(int fd, HANDLE h, int wxflag)
{
    crt_ioinfo *info = crt_fdinfo(fd);
    init_lock(info);
    info->handle = h;
    info->wxflag = WX_OPEN | wxflag;
    info->lookahead[0] = '\n';
    info->exflag &= EF_CRIT_INIT;
    if (fd < 3)
        SetStdHandle(std_handle_id(fd), h);
}

static int ensure_block(int fd)
{
    crt_ioinfo **slot = &msvcrt___pioinfo[fd >> IOINFO_L2E];
    if (*slot)
        return 1;
    crt_ioinfo *b = msvcrt_calloc(IOINFO_ARRAY_ELTS, sizeof *b);
    if (!b)
        return 0;
    for (int i = 0; i < IOINFO_ARRAY_ELTS; i++) {
        b[i].handle = INVALID_HANDLE_VALUE;
        b[i].lookahead[0] = '\n';
    }
    *slot = b;
    return 1;
}

/* The lowest free fd gets h. */
int crt_alloc_fd(HANDLE h, int wxflag)
{
    crt_init();
    EnterCriticalSection(&fd_table_lock);
    for (int fd = 0; fd < M_MAX_FILES; fd++) {
        if (!ensure_block(fd))
            break;
        if (!(crt_fdinfo(fd)->wxflag & WX_OPEN)) {
            set_fd(fd, h, wxflag);
            LeaveCriticalSection(&fd_table_lock);
            TRACE("fd %d = handle %p flags %#x", fd, h, wxflag);
            return fd;
        }
    }
    LeaveCriticalSection(&fd_table_lock);
    crt_set_errno(M_EMFILE);
    *msvcrt___doserrno() = 0;
    return -1;
}

static void free_fd(int fd)
{
    crt_ioinfo *info = crt_fdinfo(fd);
    info->handle = INVALID_HANDLE_VALUE;
    info->wxflag = 0;
    if (fd < 3)
        SetStdHandle(std_handle_id(fd), NULL);
}

/* _open_osfhandle (msvcrt): binary unless _O_TEXT is asked for (msvcrt's
 * rule; Wine defaults to text). */
int CDECL msvcrt__open_osfhandle(INT_PTR h, int flags)
{
    int wx = crt_wx_from_type((HANDLE)h);
    if (flags & M_O_APPEND)
        wx |= WX_APPEND;
    if (flags & M_O_TEXT)
        wx |= WX_TEXT;
    if (flags & M_O_NOINHERIT)
        wx |= WX_DONTINHERIT;
    return crt_alloc_fd((HANDLE)h, wx);
}

/* _get_osfhandle (msvcrt) */
INT_PTR CDECL msvcrt__get_osfhandle(int fd)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    return info ? (INT_PTR)info->handle : -1;
}

int crt_close(int fd)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    crt_lock_fd(fd);
    int ret = 0;
    HANDLE h = info->handle;
    /* stdout and stderr may share one handle: closing one keeps it. */
    int shared = (fd == 1 || fd == 2) && crt_fdinfo(3 - fd) &&
                 (crt_fdinfo(3 - fd)->wxflag & WX_OPEN) &&
                 crt_fdinfo(3 - fd)->handle == h;
    if (h != INVALID_HANDLE_VALUE && !shared && !CloseHandle(h)) {
        crt_dosmaperr(GetLastError());
        ret = -1;
    }
    free_fd(fd);
    crt_unlock_fd(fd);
    return ret;
}

/* _close (msvcrt) */
int CDECL msvcrt__close(int fd) { return crt_close(fd); }

void crt_close_all_fds(void)
{
    for (int fd = 3; fd < M_MAX_FILES; fd++) {
        crt_ioinfo *info = crt_fdinfo(fd);
        if (info && (info->wxflag & WX_OPEN))
            crt_close(fd);
    }
}

/* Moves the file pointer; clears the ^Z end-of-file state. */
LONGLONG crt_lseek(int fd, LONGLONG off, int whence)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    if (whence < 0 || whence > 2) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    LARGE_INTEGER d = {.QuadPart = off}, pos;
    if (!SetFilePointerEx(info->handle, d, &pos, whence)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    info->wxflag &= ~(WX_ATEOF | WX_READCR);
    info->lookahead[0] = '\n';
    return pos.QuadPart;
}

/* _lseek / _lseeki64 / _tell / _telli64 (msvcrt) */
LONG CDECL msvcrt__lseek(int fd, LONG off, int whence)
{
    crt_lock_fd(fd);
    LONGLONG r = crt_lseek(fd, off, whence);
    crt_unlock_fd(fd);
    if (r > 0x7fffffff) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    return (LONG)r;
}
LONGLONG CDECL msvcrt__lseeki64(int fd, LONGLONG off, int whence)
{
    crt_lock_fd(fd);
    LONGLONG r = crt_lseek(fd, off, whence);
    crt_unlock_fd(fd);
    return r;
}
LONG CDECL msvcrt__tell(int fd) { return msvcrt__lseek(fd, 0, 1); }
LONGLONG CDECL msvcrt__telli64(int fd) { return msvcrt__lseeki64(fd, 0, 1); }

/* Raw read; a broken pipe is end of file, not an error. */
static int raw_read(crt_ioinfo *info, void *buf, DWORD count, DWORD *got)
{
    if (ReadFile(info->handle, buf, count, got, NULL))
        return 1;
    DWORD err = GetLastError();
    if (err == ERROR_BROKEN_PIPE || err == ERROR_HANDLE_EOF) {
        *got = 0;
        return 1;
    }
    if (err == ERROR_ACCESS_DENIED) {
        crt_set_errno(M_EBADF);
        *msvcrt___doserrno() = err;
    } else {
        crt_dosmaperr(err);
    }
    return 0;
}

/* Text-mode translation of the bytes just read, in place: CR LF -> LF, ^Z
 * ends the data. A CR that ends the buffer needs the next byte: on a disk
 * file we peek and seek back; on a pipe or device the peeked byte waits in
 * the lookahead slot. Returns the translated length. */
static DWORD text_translate(crt_ioinfo *info, char *buf, DWORD n)
{
    char *p = buf, *q = buf, *end = buf + n;
    while (p < end) {
        if (*p == CTRLZ) {
            if (!(info->wxflag & WX_TTY))
                info->wxflag |= WX_ATEOF;
            else
                *q++ = *p;
            break;
        }
        if (*p != '\r') {
            *q++ = *p++;
            continue;
        }
        if (p + 1 < end) {
            if (p[1] == '\n') {
                *q++ = '\n';
                p += 2;
            } else {
                *q++ = *p++;
            }
            continue;
        }
        /* CR is the last byte read */
        p++;
        char peek;
        DWORD got;
        if (!ReadFile(info->handle, &peek, 1, &got, NULL) || !got) {
            *q++ = '\r';
        } else if (info->wxflag & (WX_TTY | WX_PIPE)) {
            if (peek == '\n') {
                *q++ = '\n';
            } else {
                *q++ = '\r';
                info->lookahead[0] = peek;
            }
        } else if (q == buf && peek == '\n') {
            *q++ = '\n'; /* must make progress on a one-byte read */
        } else {
            LARGE_INTEGER back = {.QuadPart = -1};
            SetFilePointerEx(info->handle, back, NULL, FILE_CURRENT);
            if (peek != '\n')
                *q++ = '\r';
        }
    }
    return q - buf;
}

/* UTF-16 text (_O_U16TEXT): the same translation on 16-bit units. */
static DWORD text_translate16(char *buf, DWORD n)
{
    WCHAR *p = (WCHAR *)buf, *q = p, *end = p + n / 2;
    while (p < end) {
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
        *q++ = *p++;
    }
    return (char *)q - buf;
}

int crt_read(int fd, void *buf, unsigned count)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    if (!count || (info->wxflag & WX_ATEOF))
        return 0;
    char *out = buf;
    DWORD done = 0, got;
    if ((info->wxflag & (WX_PIPE | WX_TTY)) && info->lookahead[0] != '\n') {
        *out = info->lookahead[0];
        info->lookahead[0] = '\n';
        done = 1;
    }
    if (info->exflag & (EF_UTF16 | EF_UTF8)) {
        if (count & 1) {
            crt_set_errno(M_EINVAL);
            return -1;
        }
        if (!raw_read(info, out + done, count - done, &got))
            return -1;
        if (info->exflag & EF_UTF8)
            FIXME("_O_U8TEXT reads are not decoded");
        return text_translate16(out, done + got);
    }
    if (!raw_read(info, out + done, count - done, &got))
        return -1;
    done += got;
    if (!(info->wxflag & WX_TEXT))
        return done;
    return text_translate(info, out, done);
}

/* _read (msvcrt) */
int CDECL msvcrt__read(int fd, void *buf, unsigned count)
{
    crt_lock_fd(fd);
    int r = crt_read(fd, buf, count);
    crt_unlock_fd(fd);
    return r;
}

static int raw_write(crt_ioinfo *info, const void *buf, DWORD n, DWORD *done)
{
    *done = 0;
    while (*done < n) {
        DWORD w;
        if (!WriteFile(info->handle, (const char *)buf + *done, n - *done, &w,
                       NULL)) {
            DWORD err = GetLastError();
            if (err == ERROR_ACCESS_DENIED) {
                crt_set_errno(M_EBADF);
                *msvcrt___doserrno() = err;
            } else {
                crt_dosmaperr(err);
            }
            return 0;
        }
        if (!w)
            break;
        *done += w;
    }
    return 1;
}

/* Wide text (_O_U16TEXT/_O_U8TEXT): LF -> CR LF on UTF-16 units; to a
 * console it goes through WriteConsoleW, elsewhere as UTF-16LE or UTF-8. */
static int write_wide(crt_ioinfo *info, const WCHAR *s, unsigned units)
{
    WCHAR tmp[512];
    unsigned i = 0;
    DWORD mode;
    int console = (info->wxflag & WX_TTY) && GetConsoleMode(info->handle, &mode);
    while (i < units) {
        unsigned n = 0;
        while (i < units && n < ARRAY_SIZE(tmp) - 1) {
            if (s[i] == '\n')
                tmp[n++] = '\r';
            tmp[n++] = s[i++];
        }
        DWORD w;
        if (console) {
            if (!WriteConsoleW(info->handle, tmp, n, &w, NULL))
                return -1;
        } else if (info->exflag & EF_UTF8) {
            char u8[ARRAY_SIZE(tmp) * 3];
            int len = WideCharToMultiByte(CP_UTF8, 0, tmp, n, u8, sizeof u8,
                                          NULL, NULL);
            if (!raw_write(info, u8, len, &w) || w != (DWORD)len)
                return -1;
        } else if (!raw_write(info, tmp, n * 2, &w) || w != n * 2) {
            return -1;
        }
    }
    return units * 2;
}

int crt_write(int fd, const void *buf, unsigned count)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    if (!count)
        return 0;
    if (info->wxflag & WX_APPEND) {
        LARGE_INTEGER zero = {.QuadPart = 0};
        SetFilePointerEx(info->handle, zero, NULL, FILE_END);
    }
    if (info->exflag & (EF_UTF16 | EF_UTF8)) {
        if (count & 1) {
            crt_set_errno(M_EINVAL);
            return -1;
        }
        return write_wide(info, buf, count / 2);
    }
    const char *src = buf;
    DWORD written;
    if (!(info->wxflag & WX_TEXT)) {
        if (!raw_write(info, src, count, &written))
            return -1;
        if (written < count && !written) {
            if ((info->wxflag & WX_TTY) && *src == CTRLZ)
                return 0;
            crt_set_errno(M_ENOSPC);
            *msvcrt___doserrno() = 0;
            return -1;
        }
        return written;
    }
    /* Text: translate through a buffer on the stack; the result counts
     * bytes of the caller's data, not the CRs added. It holds a whole
     * stream buffer even if every byte is a LF, so a FILE flush is one
     * WriteFile: 1 KiB pieces, as msvcrt's own buffer makes them, cost
     * four times the system calls and, on a pipe, the reader's wake-ups.
     * memccpy copies a line at a time (gcc turned the memcpy of the same
     * loop into rep movsq, which starts slowly: 30 cycles for a line). */
    char tmp[2 * M_INTERNAL_BUFSIZ + 1];
    const unsigned cap = sizeof tmp - 1; /* a CR LF may end one past it */
    unsigned i = 0;
    while (i < count) {
        unsigned n = 0, start = i;
        while (i < count && n < cap) {
            unsigned len = count - i < cap - n ? count - i : cap - n;
            char *end = memccpy(tmp + n, src + i, '\n', len);
            if (end) { /* through an LF, which becomes CR LF */
                len = (unsigned)(end - (tmp + n));
                end[-1] = '\r';
                end[0] = '\n';
                n++;
            }
            n += len;
            i += len;
        }
        if (!raw_write(info, tmp, n, &written))
            return start ? (int)start : -1;
        if (written < n) {
            if (!start && !written && (info->wxflag & WX_TTY) && *src == CTRLZ)
                return 0;
            if (!start && !written) {
                crt_set_errno(M_ENOSPC);
                *msvcrt___doserrno() = 0;
                return -1;
            }
            return start;
        }
    }
    return count;
}

/* _write (msvcrt) */
int CDECL msvcrt__write(int fd, const void *buf, unsigned count)
{
    crt_lock_fd(fd);
    int r = crt_write(fd, buf, count);
    crt_unlock_fd(fd);
    return r;
}

int crt_isatty(int fd)
{
    crt_ioinfo *info = crt_fdinfo(fd);
    return info && (info->wxflag & WX_TTY) ? WX_TTY : 0;
}

/* _isatty (msvcrt): nonzero for a character device. */
int CDECL msvcrt__isatty(int fd)
{
    crt_init();
    return crt_isatty(fd);
}

/* _setmode (msvcrt): returns the previous mode. */
int CDECL msvcrt__setmode(int fd, int mode)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    int old = !(info->wxflag & WX_TEXT) ? M_O_BINARY
              : (info->exflag & EF_UTF8) ? M_O_U8TEXT
              : (info->exflag & EF_UTF16) ? M_O_U16TEXT : M_O_TEXT;
    switch (mode) {
    case M_O_BINARY:
        info->wxflag &= ~WX_TEXT;
        info->exflag &= ~(EF_UTF8 | EF_UTF16);
        break;
    case M_O_TEXT:
        info->wxflag |= WX_TEXT;
        info->exflag &= ~(EF_UTF8 | EF_UTF16);
        break;
    case M_O_WTEXT:
    case M_O_U16TEXT:
        info->wxflag |= WX_TEXT;
        info->exflag = (info->exflag & ~EF_UTF8) | EF_UTF16;
        break;
    case M_O_U8TEXT:
        info->wxflag |= WX_TEXT;
        info->exflag = (info->exflag & ~EF_UTF16) | EF_UTF8;
        break;
    default:
        crt_set_errno(M_EINVAL);
        return -1;
    }
    return old;
}

/* _dup2 (msvcrt): fd2 is closed first if open; 0-2 update the std
 * handles, so child processes see the redirection. */
int CDECL msvcrt__dup2(int fd1, int fd2)
{
    crt_ioinfo *info = crt_fdinfo_open(fd1);
    if (!info)
        return -1;
    if (fd2 < 0 || fd2 >= M_MAX_FILES) {
        crt_set_errno(M_EBADF);
        return -1;
    }
    if (fd1 == fd2)
        return 0;
    HANDLE h;
    if (!DuplicateHandle(GetCurrentProcess(), info->handle,
                         GetCurrentProcess(), &h, 0,
                         !(info->wxflag & WX_DONTINHERIT), 2 /* SAME_ACCESS */)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    EnterCriticalSection(&fd_table_lock);
    if (!ensure_block(fd2)) {
        LeaveCriticalSection(&fd_table_lock);
        CloseHandle(h);
        crt_set_errno(M_EMFILE);
        return -1;
    }
    if (crt_fdinfo(fd2)->wxflag & WX_OPEN)
        crt_close(fd2);
    set_fd(fd2, h, info->wxflag & ~WX_OPEN);
    crt_fdinfo(fd2)->exflag |= info->exflag & (EF_UTF8 | EF_UTF16);
    LeaveCriticalSection(&fd_table_lock);
    return 0;
}

/* _dup (msvcrt) */
int CDECL msvcrt__dup(int fd)
{
    crt_ioinfo *info = crt_fdinfo_open(fd);
    if (!info)
        return -1;
    HANDLE h;
    if (!DuplicateHandle(GetCurrentProcess(), info->handle,
                         GetCurrentProcess(), &h, 0,
                         !(info->wxflag & WX_DONTINHERIT), 2)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    int nfd = crt_alloc_fd(h, info->wxflag & ~WX_OPEN);
    if (nfd < 0)
        CloseHandle(h);
    else
        crt_fdinfo(nfd)->exflag |= info->exflag & (EF_UTF8 | EF_UTF16);
    return nfd;
}
