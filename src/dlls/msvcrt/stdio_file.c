/* FILE streams: the stream table, buffering (_filbuf/_flsbuf, which
 * programs' inlined getc/putc call), opening, closing, flushing and
 * positioning. Buffers hold untranslated text; CRLF translation happens
 * in io.c below. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

#define M_IOSETVBUF 0x0400 /* buffer chosen with setvbuf */
#define M_IOFLRTN 0x1000   /* temporary buffer from _stbuf */
#define M_IOCTRLZ 0x2000   /* the last fill stopped at ^Z */
#define M_IOINUSE (M_IOREAD | M_IOWRT | M_IORW)

/* _iob (msvcrt data). stdin/stdout/stderr start unbuffered; a buffer is
 * attached on first use unless stdout/stderr is a console. The locks are
 * initialized here rather than on first use: mingw's start-up code takes
 * them before the CRT's process attach. */
struct crt_iob crt_iob = {
    .file = {
        {._flag = M_IOREAD, ._file = 0},
        {._flag = M_IOWRT, ._file = 1},
        {._flag = M_IOWRT, ._file = 2},
    },
    .lock = {[0 ... M_IOB_ENTRIES - 1] = {CRT_CS_FREE}},
};

static CRITICAL_SECTION table_lock;
static MSVCRT_FILE *streams[M_MAX_STREAMS];
static int nstreams = M_IOB_ENTRIES;
static int max_streams = M_MAX_STREAMS;
static char stbuf_space[2][M_INTERNAL_BUFSIZ];

void crt_stdio_init(void)
{
    InitializeCriticalSection(&table_lock);
    for (int i = 0; i < M_IOB_ENTRIES; i++)
        streams[i] = &msvcrt__iob[i];
}

MSVCRT_FILE *crt_stream(int i)
{
    return i >= 0 && i < nstreams ? streams[i] : NULL;
}

/* _lock_file / _unlock_file (msvcrt) */
void CDECL msvcrt__lock_file(MSVCRT_FILE *f) { crt_init(); crt_lock_file(f); }
void CDECL msvcrt__unlock_file(MSVCRT_FILE *f) { crt_unlock_file(f); }

/* __iob_func (msvcrt) */
MSVCRT_FILE *CDECL msvcrt___iob_func(void)
{
    crt_init();
    return msvcrt__iob;
}

/* __acrt_iob_func (ucrt name, which newer mingw headers use) */
MSVCRT_FILE *CDECL msvcrt___acrt_iob_func(unsigned i)
{
    crt_init();
    return &msvcrt__iob[i];
}

/* A free stream, locked. */
MSVCRT_FILE *crt_alloc_stream(int fd, int flags)
{
    MSVCRT_FILE *f = NULL;
    crt_init();
    EnterCriticalSection(&table_lock);
    for (int i = 3; i < max_streams; i++) {
        if (i == nstreams) {
            struct crt_filex *x = msvcrt_calloc(1, sizeof *x);
            if (!x)
                break;
            InitializeCriticalSection(&x->lock);
            streams[nstreams++] = &x->file;
        }
        if (!(streams[i]->_flag & M_IOINUSE)) {
            f = streams[i];
            break;
        }
    }
    if (f) {
        crt_lock_file(f);
        memset(f, 0, sizeof *f);
        f->_file = fd;
        f->_flag = flags;
    } else {
        crt_set_errno(M_EMFILE);
    }
    LeaveCriticalSection(&table_lock);
    return f;
}

/* _getmaxstdio / _setmaxstdio (msvcrt) */
int CDECL msvcrt__getmaxstdio(void) { return max_streams; }
int CDECL msvcrt__setmaxstdio(int n)
{
    if (n < M_IOB_ENTRIES || n > M_MAX_STREAMS)
        return -1;
    return max_streams = n;
}

void crt_getbuf(MSVCRT_FILE *f)
{
    char *b = msvcrt_malloc(M_INTERNAL_BUFSIZ);
    if (b) {
        f->_flag |= M_IOMYBUF;
        f->_base = b;
        f->_bufsiz = M_INTERNAL_BUFSIZ;
    } else {
        f->_flag |= M_IONBF;
        f->_base = (char *)&f->_charbuf;
        f->_bufsiz = 2;
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
}

static int has_buf(const MSVCRT_FILE *f)
{
    return f->_flag & (M_IOMYBUF | M_USERBUF | M_IONBF);
}

static int big_buf(const MSVCRT_FILE *f)
{
    return f->_flag & (M_IOMYBUF | M_USERBUF);
}

/* Writes out pending output. The stream stays in write mode except an
 * update stream, which may now switch direction. */
int crt_flush(MSVCRT_FILE *f)
{
    int ret = 0;
    if ((f->_flag & (M_IOREAD | M_IOWRT)) == M_IOWRT && big_buf(f)) {
        int n = f->_ptr - f->_base;
        if (n > 0 && crt_write(f->_file, f->_base, n) != n) {
            f->_flag |= M_IOERR;
            ret = M_EOF;
        } else if (f->_flag & M_IORW) {
            f->_flag &= ~M_IOWRT;
        }
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
    return ret;
}

/* Every stream in use; returns the count flushed, or EOF on error when
 * called as fflush(NULL). */
int crt_flush_all(int only_writes)
{
    int count = 0, err = 0;
    crt_init();
    EnterCriticalSection(&table_lock);
    for (int i = 0; i < nstreams; i++) {
        MSVCRT_FILE *f = streams[i];
        if (!(f->_flag & M_IOINUSE))
            continue;
        crt_lock_file(f);
        if (f->_flag & M_IOINUSE) {
            if (only_writes) {
                if ((f->_flag & M_IOWRT) && crt_flush(f))
                    err = 1;
            } else if (crt_flush(f)) {
                err = 1;
            } else {
                count++;
            }
        }
        crt_unlock_file(f);
    }
    LeaveCriticalSection(&table_lock);
    return only_writes ? (err ? M_EOF : 0) : count;
}

/* fflush (msvcrt): fflush(NULL) flushes every output stream. */
int CDECL msvcrt_fflush(MSVCRT_FILE *f)
{
    if (!f)
        return crt_flush_all(1);
    crt_lock_file(f);
    int r = crt_flush(f);
    crt_unlock_file(f);
    return r;
}

/* _fflush_nolock (msvcrt) */
int CDECL msvcrt__fflush_nolock(MSVCRT_FILE *f)
{
    return f ? crt_flush(f) : crt_flush_all(1);
}

/* _flushall (msvcrt) */
int CDECL msvcrt__flushall(void) { return crt_flush_all(0); }

/* _filbuf (msvcrt): refills the buffer, returns the first byte. */
int CDECL msvcrt__filbuf(MSVCRT_FILE *f)
{
    if (!(f->_flag & M_IOINUSE) || (f->_flag & M_IOSTRG))
        return M_EOF;
    if (f->_flag & M_IOWRT) {
        f->_flag |= M_IOERR;
        return M_EOF;
    }
    f->_flag |= M_IOREAD;
    if (!has_buf(f))
        crt_getbuf(f);
    f->_ptr = f->_base;
    int n = crt_read(f->_file, f->_base, f->_bufsiz);
    if (n <= 0) {
        f->_flag |= n ? M_IOERR : M_IOEOF;
        f->_cnt = 0;
        return M_EOF;
    }
    crt_ioinfo *info = crt_fdinfo(f->_file);
    if (info && (info->wxflag & (WX_TEXT | WX_ATEOF)) == (WX_TEXT | WX_ATEOF))
        f->_flag |= M_IOCTRLZ;
    f->_cnt = n - 1;
    return (unsigned char)*f->_ptr++;
}

/* _flsbuf (msvcrt): the buffer is full (or absent); flushes it and stores
 * c. Switching from reading is allowed only at end of file. */
int CDECL msvcrt__flsbuf(int c, MSVCRT_FILE *f)
{
    if (!(f->_flag & (M_IOWRT | M_IORW)) || (f->_flag & M_IOSTRG)) {
        f->_flag |= M_IOERR;
        return M_EOF;
    }
    if (f->_flag & M_IOREAD) {
        f->_cnt = 0;
        if (!(f->_flag & M_IOEOF)) {
            f->_flag |= M_IOERR;
            return M_EOF;
        }
        f->_ptr = f->_base;
        f->_flag &= ~M_IOREAD;
    }
    f->_flag |= M_IOWRT;
    f->_flag &= ~M_IOEOF;
    f->_cnt = 0;
    if (!has_buf(f) && !((f == &msvcrt__iob[1] || f == &msvcrt__iob[2]) &&
                         crt_isatty(f->_file)))
        crt_getbuf(f);
    int n, written;
    char ch = (char)c;
    if (big_buf(f)) {
        n = f->_ptr - f->_base;
        f->_ptr = f->_base + 1;
        f->_cnt = f->_bufsiz - 1;
        written = n > 0 ? crt_write(f->_file, f->_base, n) : 0;
        if (n <= 0) {
            crt_ioinfo *info = crt_fdinfo(f->_file);
            if (info && (info->wxflag & WX_APPEND))
                crt_lseek(f->_file, 0, 2);
        }
        *f->_base = ch;
    } else {
        n = 1;
        written = crt_write(f->_file, &ch, 1);
    }
    if (written != n) {
        f->_flag |= M_IOERR;
        return M_EOF;
    }
    return c & 0xff;
}

/* printf to a console stdout/stderr is buffered for the length of one
 * call and flushed at its end (msvcrt's _stbuf/_ftbuf), so a console sees
 * whole calls without buffering across them. */
int crt_stbuf(MSVCRT_FILE *f)
{
    int idx = f == &msvcrt__iob[1] ? 0 : f == &msvcrt__iob[2] ? 1 : -1;
    if (idx < 0 || !crt_isatty(f->_file) || has_buf(f))
        return 0;
    f->_base = f->_ptr = stbuf_space[idx];
    f->_cnt = f->_bufsiz = M_INTERNAL_BUFSIZ;
    f->_flag |= M_IOWRT | M_USERBUF | M_IOFLRTN;
    return 1;
}

void crt_ftbuf(int had, MSVCRT_FILE *f)
{
    if (!had || !(f->_flag & M_IOFLRTN))
        return;
    crt_flush(f);
    f->_flag &= ~(M_USERBUF | M_IOFLRTN);
    f->_bufsiz = 0;
    f->_base = f->_ptr = NULL;
}

/* setvbuf (msvcrt): _IOLBF behaves as _IOFBF. */
int CDECL msvcrt_setvbuf(MSVCRT_FILE *f, char *buf, int mode, size_t size)
{
    if (!f || (mode != M_IONBF && mode != M_IOFBF && mode != M_IOLBF) ||
        (mode != M_IONBF && (size < 2 || size > 0x7fffffff))) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    crt_lock_file(f);
    crt_flush(f);
    if (f->_flag & M_IOMYBUF)
        msvcrt_free(f->_base);
    f->_flag &= ~(M_IOMYBUF | M_USERBUF | M_IONBF | M_IOSETVBUF | M_IOFLRTN);
    f->_cnt = 0;
    int ret = 0;
    if (mode == M_IONBF) {
        f->_flag |= M_IONBF;
        f->_base = (char *)&f->_charbuf;
        f->_bufsiz = 2;
    } else {
        size &= ~(size_t)1;
        if (!buf) {
            buf = msvcrt_malloc(size);
            if (buf) {
                f->_flag |= M_IOMYBUF | M_IOSETVBUF;
            } else {
                ret = -1;
            }
        } else {
            f->_flag |= M_USERBUF | M_IOSETVBUF;
        }
        if (buf) {
            f->_base = buf;
            f->_bufsiz = (int)size;
        }
    }
    f->_ptr = f->_base;
    crt_unlock_file(f);
    return ret;
}

/* setbuf (msvcrt) */
void CDECL msvcrt_setbuf(MSVCRT_FILE *f, char *buf)
{
    if (buf)
        msvcrt_setvbuf(f, buf, M_IOFBF, M_BUFSIZ);
    else
        msvcrt_setvbuf(f, NULL, M_IONBF, 0);
}

/* Parses an fopen mode into _open flags and stream flags. */
int crt_flags_from_mode(const char *mode, int *oflags, int *sflags)
{
    int plus = 0;
    const char *p = mode;
    while (*p == ' ')
        p++;
    switch (*p++) {
    case 'r': *oflags = M_O_RDONLY; *sflags = M_IOREAD; break;
    case 'w': *oflags = M_O_WRONLY | M_O_CREAT | M_O_TRUNC; *sflags = M_IOWRT; break;
    case 'a': *oflags = M_O_WRONLY | M_O_CREAT | M_O_APPEND; *sflags = M_IOWRT; break;
    default: crt_set_errno(M_EINVAL); return -1;
    }
    *oflags |= msvcrt__commode & 0; /* commit mode does nothing here */
    for (; *p; p++) {
        switch (*p) {
        case '+':
            if (plus)
                break;
            plus = 1;
            *oflags = (*oflags & ~M_O_ACCMODE) | M_O_RDWR;
            *sflags = M_IORW;
            break;
        case 't': *oflags = (*oflags & ~M_O_BINARY) | M_O_TEXT; break;
        case 'b': *oflags = (*oflags & ~M_O_TEXT) | M_O_BINARY; break;
        case 'D': *oflags |= M_O_TEMPORARY; break;
        case 'T': *oflags |= M_O_SHORT_LIVED; break;
        case 'N': *oflags |= M_O_NOINHERIT; break;
        case 'R': *oflags |= M_O_RANDOM; break;
        case 'S': *oflags |= M_O_SEQUENTIAL; break;
        case 'c': case 'n': case ' ': break;
        case ',':
            /* ",ccs=UTF-8|UTF-16LE|UNICODE" */
            while (p[1] == ' ')
                p++;
            if (!strncmp(p + 1, "ccs=", 4)) {
                const char *cs = p + 5;
                if (!strncmp(cs, "UTF-8", 5))
                    *oflags |= M_O_U8TEXT;
                else if (!strncmp(cs, "UTF-16LE", 8) || !strncmp(cs, "UNICODE", 7))
                    *oflags |= M_O_U16TEXT;
                else {
                    crt_set_errno(M_EINVAL);
                    return -1;
                }
            }
            return 0;
        default:
            crt_set_errno(M_EINVAL);
            return -1;
        }
    }
    return 0;
}

static MSVCRT_FILE *wfsopen(const WCHAR *path, const char *mode, int share)
{
    int oflags, sflags;
    if (!path || !mode || crt_flags_from_mode(mode, &oflags, &sflags))
        return (crt_set_errno(M_EINVAL), NULL);
    int fd = crt_wopen(path, oflags, share, M_S_IREAD | M_S_IWRITE);
    if (fd < 0)
        return NULL;
    MSVCRT_FILE *f = crt_alloc_stream(fd, sflags);
    if (!f) {
        crt_close(fd);
        return NULL;
    }
    crt_unlock_file(f);
    TRACE("%s -> fd %d", mode, fd);
    return f;
}

static MSVCRT_FILE *fsopen(const char *path, const char *mode, int share)
{
    if (!path)
        return (crt_set_errno(M_EINVAL), NULL);
    WCHAR *w = crt_acp_to_wcs(path);
    if (!w)
        return NULL;
    MSVCRT_FILE *f = wfsopen(w, mode, share);
    msvcrt_free(w);
    return f;
}

static char *wmode_to_narrow(const WCHAR *m, char *buf, size_t size)
{
    size_t i = 0;
    for (; m[i] && i < size - 1; i++)
        buf[i] = m[i] < 0x80 ? (char)m[i] : '?';
    buf[i] = 0;
    return buf;
}

/* fopen / _fsopen / _wfopen / _wfsopen (msvcrt) */
MSVCRT_FILE *CDECL msvcrt_fopen(const char *path, const char *mode)
{
    return fsopen(path, mode, 0x40);
}
MSVCRT_FILE *CDECL msvcrt__fsopen(const char *path, const char *mode, int sh)
{
    return fsopen(path, mode, sh);
}
MSVCRT_FILE *CDECL msvcrt__wfopen(const WCHAR *path, const WCHAR *mode)
{
    char m[32];
    return mode ? wfsopen(path, wmode_to_narrow(mode, m, sizeof m), 0x40)
                : (crt_set_errno(M_EINVAL), NULL);
}
MSVCRT_FILE *CDECL msvcrt__wfsopen(const WCHAR *path, const WCHAR *mode, int sh)
{
    char m[32];
    return mode ? wfsopen(path, wmode_to_narrow(mode, m, sizeof m), sh)
                : (crt_set_errno(M_EINVAL), NULL);
}

/* fopen_s / _wfopen_s (msvcrt) */
int CDECL msvcrt_fopen_s(MSVCRT_FILE **pf, const char *path, const char *mode)
{
    if (!pf)
        return (crt_set_errno(M_EINVAL), M_EINVAL);
    *pf = fsopen(path, mode, 0x10);
    return *pf ? 0 : crt_thread()->err;
}
int CDECL msvcrt__wfopen_s(MSVCRT_FILE **pf, const WCHAR *path,
                           const WCHAR *mode)
{
    if (!pf)
        return (crt_set_errno(M_EINVAL), M_EINVAL);
    *pf = msvcrt__wfopen(path, mode);
    return *pf ? 0 : crt_thread()->err;
}

/* _fdopen / _wfdopen (msvcrt) */
MSVCRT_FILE *CDECL msvcrt__fdopen(int fd, const char *mode)
{
    int oflags, sflags;
    if (!mode || crt_flags_from_mode(mode, &oflags, &sflags))
        return NULL;
    if (!crt_fdinfo_open(fd))
        return NULL;
    MSVCRT_FILE *f = crt_alloc_stream(fd, sflags);
    if (f)
        crt_unlock_file(f);
    return f;
}
MSVCRT_FILE *CDECL msvcrt__wfdopen(int fd, const WCHAR *mode)
{
    char m[32];
    return mode ? msvcrt__fdopen(fd, wmode_to_narrow(mode, m, sizeof m)) : NULL;
}

static int close_stream(MSVCRT_FILE *f)
{
    int ret = M_EOF;
    if (f->_flag & M_IOINUSE) {
        ret = crt_flush(f);
        if (f->_flag & M_IOMYBUF)
            msvcrt_free(f->_base);
        if (crt_close(f->_file) < 0)
            ret = M_EOF;
        if (f->_tmpfname) {
            WCHAR *w = crt_acp_to_wcs(f->_tmpfname);
            if (w)
                DeleteFileW(w);
            msvcrt_free(w);
            msvcrt_free(f->_tmpfname);
        }
    }
    memset(f, 0, sizeof *f);
    return ret;
}

/* fclose (msvcrt) */
int CDECL msvcrt_fclose(MSVCRT_FILE *f)
{
    if (!f)
        return (crt_set_errno(M_EINVAL), M_EOF);
    crt_lock_file(f);
    int r = close_stream(f);
    crt_unlock_file(f);
    return r;
}

/* _fcloseall (msvcrt): every stream but the standard three. */
int CDECL msvcrt__fcloseall(void)
{
    int count = 0;
    crt_init();
    for (int i = 3; i < nstreams; i++) {
        MSVCRT_FILE *f = streams[i];
        crt_lock_file(f);
        if ((f->_flag & M_IOINUSE) && close_stream(f) != M_EOF)
            count++;
        crt_unlock_file(f);
    }
    return count;
}

/* freopen / _wfreopen (msvcrt) */
MSVCRT_FILE *CDECL msvcrt__wfreopen(const WCHAR *path, const WCHAR *mode,
                                    MSVCRT_FILE *f)
{
    char m[32];
    int oflags, sflags;
    if (!f || !mode || !path)
        return (crt_set_errno(M_EINVAL), NULL);
    crt_lock_file(f);
    close_stream(f);
    if (crt_flags_from_mode(wmode_to_narrow(mode, m, sizeof m), &oflags,
                            &sflags)) {
        crt_unlock_file(f);
        return NULL;
    }
    int fd = crt_wopen(path, oflags, 0x40, M_S_IREAD | M_S_IWRITE);
    if (fd < 0) {
        crt_unlock_file(f);
        return NULL;
    }
    f->_file = fd;
    f->_flag = sflags;
    crt_unlock_file(f);
    return f;
}
MSVCRT_FILE *CDECL msvcrt_freopen(const char *path, const char *mode,
                                  MSVCRT_FILE *f)
{
    if (!path || !mode)
        return (crt_set_errno(M_EINVAL), NULL);
    WCHAR *wp = crt_acp_to_wcs(path), *wm = crt_acp_to_wcs(mode);
    MSVCRT_FILE *r = wp && wm ? msvcrt__wfreopen(wp, wm, f) : NULL;
    msvcrt_free(wp);
    msvcrt_free(wm);
    return r;
}

/* ftell's core. A text read buffer holds LF where the file had CR LF,
 * so each LF still unread counts two bytes (msvcrt's assumption too). */
static LONGLONG tell_nolock(MSVCRT_FILE *f)
{
    LONGLONG pos = crt_lseek(f->_file, 0, 1);
    if (pos < 0)
        return -1;
    if (!big_buf(f))
        return pos - f->_cnt;
    crt_ioinfo *info = crt_fdinfo(f->_file);
    int text = info && (info->wxflag & WX_TEXT);
    if (f->_flag & M_IOWRT) {
        LONGLONG n = f->_ptr - f->_base;
        if (text)
            for (char *p = f->_base; p < f->_ptr; p++)
                n += *p == '\n';
        return pos + n;
    }
    if ((f->_flag & M_IOREAD) && f->_cnt > 0) {
        LONGLONG n = f->_cnt;
        if (text)
            for (int i = 0; i < f->_cnt; i++)
                n += f->_ptr[i] == '\n';
        return pos - n;
    }
    return pos;
}

/* _ftelli64 / ftell (msvcrt) */
LONGLONG CDECL msvcrt__ftelli64(MSVCRT_FILE *f)
{
    crt_lock_file(f);
    LONGLONG r = tell_nolock(f);
    crt_unlock_file(f);
    return r;
}
LONG CDECL msvcrt_ftell(MSVCRT_FILE *f)
{
    LONGLONG r = msvcrt__ftelli64(f);
    if (r > 0x7fffffff) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    return (LONG)r;
}

static int seek_nolock(MSVCRT_FILE *f, LONGLONG off, int whence)
{
    if (!(f->_flag & M_IOINUSE) || whence < 0 || whence > 2) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    f->_flag &= ~(M_IOEOF | M_IOCTRLZ);
    if (whence == 1) {
        LONGLONG cur = tell_nolock(f);
        if (cur < 0)
            return -1;
        off += cur;
        whence = 0;
    }
    crt_flush(f);
    if (f->_flag & M_IORW)
        f->_flag &= ~(M_IOWRT | M_IOREAD);
    return crt_lseek(f->_file, off, whence) < 0 ? -1 : 0;
}

/* _fseeki64 / fseek (msvcrt) */
int CDECL msvcrt__fseeki64(MSVCRT_FILE *f, LONGLONG off, int whence)
{
    crt_lock_file(f);
    int r = seek_nolock(f, off, whence);
    crt_unlock_file(f);
    return r;
}
int CDECL msvcrt_fseek(MSVCRT_FILE *f, LONG off, int whence)
{
    return msvcrt__fseeki64(f, off, whence);
}

/* rewind (msvcrt) */
void CDECL msvcrt_rewind(MSVCRT_FILE *f)
{
    crt_lock_file(f);
    seek_nolock(f, 0, 0);
    f->_flag &= ~(M_IOERR | M_IOEOF);
    crt_unlock_file(f);
}

/* fgetpos / fsetpos (msvcrt): fpos_t is a 64-bit offset. */
int CDECL msvcrt_fgetpos(MSVCRT_FILE *f, LONGLONG *pos)
{
    *pos = msvcrt__ftelli64(f);
    return *pos < 0 ? -1 : 0;
}
int CDECL msvcrt_fsetpos(MSVCRT_FILE *f, const LONGLONG *pos)
{
    return msvcrt__fseeki64(f, *pos, 0);
}

/* feof / ferror / clearerr / _fileno (msvcrt) */
int CDECL msvcrt_feof(MSVCRT_FILE *f) { return f->_flag & M_IOEOF; }
int CDECL msvcrt_ferror(MSVCRT_FILE *f) { return f->_flag & M_IOERR; }
void CDECL msvcrt_clearerr(MSVCRT_FILE *f)
{
    crt_lock_file(f);
    f->_flag &= ~(M_IOERR | M_IOEOF);
    crt_unlock_file(f);
}
int CDECL msvcrt__fileno(MSVCRT_FILE *f) { return f->_file; }

/* tmpfile (msvcrt): a file in the temporary directory, deleted when
 * closed (by name, as msvcrt records it in _tmpfname). */
MSVCRT_FILE *CDECL msvcrt_tmpfile(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH + 32];
    DWORD n = GetTempPathW(MAX_PATH, dir);
    if (!n || n >= MAX_PATH)
        return NULL;
    static LONG counter;
    for (int tries = 0; tries < 1000; tries++) {
        LONG k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
        unsigned v = GetCurrentProcessId() * 131u + k;
        size_t len = 0;
        while (dir[len])
            path[len] = dir[len], len++;
        path[len++] = 't';
        for (int i = 0; i < 7; i++, v /= 36)
            path[len++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
        for (const char *e = ".tmp"; *e; e++)
            path[len++] = *e;
        path[len] = 0;
        int fd = crt_wopen(path, M_O_CREAT | M_O_EXCL | M_O_RDWR | M_O_BINARY,
                           0x40, M_S_IREAD | M_S_IWRITE);
        if (fd < 0) {
            if (crt_thread()->err == M_EEXIST)
                continue;
            return NULL;
        }
        MSVCRT_FILE *f = crt_alloc_stream(fd, M_IORW);
        if (!f) {
            crt_close(fd);
            return NULL;
        }
        f->_tmpfname = crt_wcs_to_acp(path);
        crt_unlock_file(f);
        return f;
    }
    return NULL;
}

/* tmpfile_s (msvcrt) */
int CDECL msvcrt_tmpfile_s(MSVCRT_FILE **pf)
{
    if (!pf)
        return (crt_set_errno(M_EINVAL), M_EINVAL);
    *pf = msvcrt_tmpfile();
    return *pf ? 0 : crt_thread()->err;
}

/* _rmtmp (msvcrt) */
int CDECL msvcrt__rmtmp(void)
{
    int n = 0;
    for (int i = 3; i < nstreams; i++) {
        MSVCRT_FILE *f = streams[i];
        if ((f->_flag & M_IOINUSE) && f->_tmpfname) {
            msvcrt_fclose(f);
            n++;
        }
    }
    return n;
}
