/* The printf family's exports: each picks a sink (stream, buffer, counter)
 * and runs the one engine in printf.c. Buffer variants follow msvcrt:
 * _snprintf/_vsnprintf return -1 when the output does not fit and then
 * leave the buffer unterminated; an exact fit is returned unterminated;
 * swprintf/vswprintf are msvcrt's unbounded two-argument forms. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

/* Narrow output is gathered here and goes to the stream in one
 * fwrite per printf, or per buffer-full: the engine hands it over a few
 * bytes at a time (each literal run, each conversion). */
struct file_sink {
    struct pf_sink base;
    MSVCRT_FILE *f;
    size_t used;
    char buf[512];
};

static int file_flush(struct file_sink *fs)
{
    size_t n = fs->used;
    fs->used = 0;
    return n && crt_fwrite_nolock(fs->buf, n, fs->f) != (int)n ? -1 : 0;
}

static int file_put(struct pf_sink *s, const void *units, size_t n)
{
    struct file_sink *fs = (struct file_sink *)s;
    if (s->wide)
        return crt_fputws_nolock(units, n, fs->f);
    if (n > sizeof fs->buf - fs->used) {
        if (file_flush(fs))
            return -1;
        if (n > sizeof fs->buf)
            return crt_fwrite_nolock(units, n, fs->f) == (int)n ? 0 : -1;
    }
    memcpy(fs->buf + fs->used, units, n);
    fs->used += n;
    return 0;
}

int crt_vfprintf_opts(MSVCRT_FILE *f, const void *fmt, int wide,
                      ULONGLONG opts, WIN_VA_LIST ap)
{
    if (!f || !fmt) {
        if (opts & PF_UCRT)
            crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return -1;
    }
    struct file_sink s; /* not an initializer: buf would be zeroed */
    s.base = (struct pf_sink){wide, file_put, 0, opts};
    s.f = f;
    s.used = 0;
    crt_lock_file(f);
    int had = crt_stbuf(f);
    int r = crt_format(&s.base, fmt, wide, ap);
    if (file_flush(&s))
        r = -1;
    crt_ftbuf(had, f);
    crt_unlock_file(f);
    return r ? -1 : (int)s.base.count;
}

static int file_vprintf(MSVCRT_FILE *f, const void *fmt, int wide,
                        WIN_VA_LIST ap)
{
    return crt_vfprintf_opts(f, fmt, wide, 0, ap);
}

/* A buffer of `size` units; output past it is counted, not stored. */
struct buf_sink {
    struct pf_sink base;
    void *buf;
    size_t size, used;
};

static int buf_put(struct pf_sink *s, const void *units, size_t n)
{
    struct buf_sink *b = (struct buf_sink *)s;
    size_t unit = s->wide ? 2 : 1;
    size_t room = b->size - b->used;
    size_t k = n < room ? n : room;
    if (k && b->buf)
        memcpy((char *)b->buf + b->used * unit, units, k * unit);
    b->used += k;
    return 0;
}

static void terminate(struct buf_sink *b, size_t at)
{
    if (b->base.wide)
        ((WCHAR *)b->buf)[at] = 0;
    else
        ((char *)b->buf)[at] = 0;
}

/* _vsnprintf semantics on `size` units. */
static int buf_vsnprintf(void *buf, size_t size, const void *fmt, int wide,
                         WIN_VA_LIST ap)
{
    if (!fmt || (!buf && size)) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    struct buf_sink b = {{wide, buf_put, 0}, buf, size, 0};
    crt_format(&b.base, fmt, wide, ap);
    if (b.base.count > size)
        return -1;
    if (b.base.count < size)
        terminate(&b, b.base.count);
    return (int)b.base.count;
}

/* C99 snprintf semantics: always terminated, returns the full length. */
static int buf_c99(void *buf, size_t size, const void *fmt, int wide,
                   WIN_VA_LIST ap)
{
    struct buf_sink b = {{wide, buf_put, 0}, buf, size ? size - 1 : 0, 0};
    crt_format(&b.base, fmt, wide, ap);
    if (size)
        terminate(&b, b.used);
    return (int)b.base.count;
}

/* The _s forms: the output must fit with its terminator; otherwise the
 * buffer becomes "" and errno ERANGE (count == _TRUNCATE truncates). */
static int buf_secure_opts(void *buf, size_t size, size_t count,
                           const void *fmt, int wide, ULONGLONG opts,
                           WIN_VA_LIST ap)
{
    if (!buf || !size || !fmt) {
        if (opts & PF_UCRT)
            crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return -1;
    }
    size_t limit = size - 1;
    if (count != (size_t)-1 && count < limit)
        limit = count;
    struct buf_sink b = {{wide, buf_put, 0, opts}, buf, limit, 0};
    if (crt_format(&b.base, fmt, wide, ap)) {
        terminate(&b, 0);
        return -1;
    }
    if (b.base.count <= limit) {
        terminate(&b, b.used);
        return (int)b.base.count;
    }
    if (count == (size_t)-1 || count < size) {
        terminate(&b, b.used); /* truncated as asked */
        return -1;
    }
    terminate(&b, 0);
    crt_set_errno(M_ERANGE);
    if (opts & PF_UCRT)
        crt_ucrt_invalid_parameter(); /* "buffer too small" */
    return -1;
}

static int buf_secure(void *buf, size_t size, size_t count, const void *fmt,
                      int wide, WIN_VA_LIST ap)
{
    return buf_secure_opts(buf, size, count, fmt, wide, 0, ap);
}

/* __stdio_common_vsprintf and __stdio_common_vswprintf (ucrtbase): one
 * entry point for every buffer variant, told apart by the options (under
 * Wine: tests/programs/ucrt/printf_buffers.c). A NULL buffer of size 0
 * counts; otherwise, when the output does not fit,
 *   LEGACY_VSPRINTF_NULL_TERMINATION: _vsnprintf's -1, unterminated;
 *   STANDARD_SNPRINTF_BEHAVIOR: truncated, terminated, full length;
 *   neither: truncated, terminated, -2 (-1 when size is 0). */
int crt_vsprintf_ucrt(void *buf, size_t size, const void *fmt, int wide,
                      ULONGLONG opts, WIN_VA_LIST ap)
{
    opts |= PF_UCRT;
    if (!fmt || (!buf && size)) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return -1;
    }
    struct buf_sink b = {{wide, buf_put, 0, opts}, buf, size, 0};
    if (crt_format(&b.base, fmt, wide, ap))
        return -1;
    size_t n = b.base.count;
    if (!buf)
        return (int)n;
    if (n < size) {
        terminate(&b, n);
        return (int)n;
    }
    if (opts & PF_LEGACY_VSPRINTF_NULL)
        return n == size ? (int)n : -1;
    if (size)
        terminate(&b, size - 1);
    if (opts & PF_STANDARD_SNPRINTF)
        return (int)n;
    return size ? -2 : -1;
}

/* __stdio_common_vsprintf_s / __stdio_common_vsnprintf_s (ucrtbase) */
int crt_vsprintf_s_ucrt(void *buf, size_t size, size_t count, const void *fmt,
                        int wide, ULONGLONG opts, WIN_VA_LIST ap)
{
    return buf_secure_opts(buf, size, count, fmt, wide, opts | PF_UCRT, ap);
}

#define NARROW 0
#define WIDE 1
#define VA(last, call)                                                      \
    do {                                                                    \
        WIN_VA_LIST ap;                                                     \
        win_va_start(ap, last);                                             \
        int r_ = call;                                                      \
        win_va_end(ap);                                                     \
        return r_;                                                          \
    } while (0)

static MSVCRT_FILE *out_stream(void) { return &msvcrt___iob_func()[1]; }

/* vfprintf / vprintf / fprintf / printf (msvcrt) */
int CDECL msvcrt_vfprintf(MSVCRT_FILE *f, const char *fmt, WIN_VA_LIST ap)
{
    return file_vprintf(f, fmt, NARROW, ap);
}
int CDECL msvcrt_vprintf(const char *fmt, WIN_VA_LIST ap)
{
    return file_vprintf(out_stream(), fmt, NARROW, ap);
}
int CDECL msvcrt_fprintf(MSVCRT_FILE *f, const char *fmt, ...)
{
    VA(fmt, file_vprintf(f, fmt, NARROW, ap));
}
int CDECL msvcrt_printf(const char *fmt, ...)
{
    VA(fmt, file_vprintf(out_stream(), fmt, NARROW, ap));
}

/* vfwprintf / vwprintf / fwprintf / wprintf (msvcrt) */
int CDECL msvcrt_vfwprintf(MSVCRT_FILE *f, const WCHAR *fmt, WIN_VA_LIST ap)
{
    return file_vprintf(f, fmt, WIDE, ap);
}
int CDECL msvcrt_vwprintf(const WCHAR *fmt, WIN_VA_LIST ap)
{
    return file_vprintf(out_stream(), fmt, WIDE, ap);
}
int CDECL msvcrt_fwprintf(MSVCRT_FILE *f, const WCHAR *fmt, ...)
{
    VA(fmt, file_vprintf(f, fmt, WIDE, ap));
}
int CDECL msvcrt_wprintf(const WCHAR *fmt, ...)
{
    VA(fmt, file_vprintf(out_stream(), fmt, WIDE, ap));
}

/* vsprintf / sprintf (msvcrt): unbounded. */
int CDECL msvcrt_vsprintf(char *buf, const char *fmt, WIN_VA_LIST ap)
{
    return buf_vsnprintf(buf, 0x7fffffff, fmt, NARROW, ap);
}
int CDECL msvcrt_sprintf(char *buf, const char *fmt, ...)
{
    VA(fmt, buf_vsnprintf(buf, 0x7fffffff, fmt, NARROW, ap));
}

/* _vsnprintf / _snprintf (msvcrt) */
int CDECL msvcrt__vsnprintf(char *buf, size_t n, const char *fmt,
                            WIN_VA_LIST ap)
{
    return buf_vsnprintf(buf, n, fmt, NARROW, ap);
}
int CDECL msvcrt__snprintf(char *buf, size_t n, const char *fmt, ...)
{
    VA(fmt, buf_vsnprintf(buf, n, fmt, NARROW, ap));
}

/* vsnprintf / snprintf: C99 semantics (newer msvcrt builds export them). */
int CDECL msvcrt_vsnprintf(char *buf, size_t n, const char *fmt,
                           WIN_VA_LIST ap)
{
    return buf_c99(buf, n, fmt, NARROW, ap);
}
int CDECL msvcrt_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    VA(fmt, buf_c99(buf, n, fmt, NARROW, ap));
}

/* _vscprintf / _scprintf (msvcrt): the length only. */
static int count_only(const void *fmt, int wide, WIN_VA_LIST ap)
{
    struct buf_sink b = {{wide, buf_put, 0}, NULL, 0, 0};
    if (!fmt) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    crt_format(&b.base, fmt, wide, ap);
    return (int)b.base.count;
}
int CDECL msvcrt__vscprintf(const char *fmt, WIN_VA_LIST ap)
{
    return count_only(fmt, NARROW, ap);
}
int CDECL msvcrt__scprintf(const char *fmt, ...)
{
    VA(fmt, count_only(fmt, NARROW, ap));
}
int CDECL msvcrt__vscwprintf(const WCHAR *fmt, WIN_VA_LIST ap)
{
    return count_only(fmt, WIDE, ap);
}
int CDECL msvcrt__scwprintf(const WCHAR *fmt, ...)
{
    VA(fmt, count_only(fmt, WIDE, ap));
}

/* sprintf_s / vsprintf_s / _snprintf_s / _vsnprintf_s (msvcrt) */
int CDECL msvcrt_vsprintf_s(char *buf, size_t size, const char *fmt,
                            WIN_VA_LIST ap)
{
    return buf_secure(buf, size, size, fmt, NARROW, ap);
}
int CDECL msvcrt_sprintf_s(char *buf, size_t size, const char *fmt, ...)
{
    VA(fmt, buf_secure(buf, size, size, fmt, NARROW, ap));
}
int CDECL msvcrt__vsnprintf_s(char *buf, size_t size, size_t count,
                              const char *fmt, WIN_VA_LIST ap)
{
    return buf_secure(buf, size, count, fmt, NARROW, ap);
}
int CDECL msvcrt__snprintf_s(char *buf, size_t size, size_t count,
                             const char *fmt, ...)
{
    VA(fmt, buf_secure(buf, size, count, fmt, NARROW, ap));
}

/* swprintf / _swprintf / vswprintf / _vswprintf (msvcrt): msvcrt.dll's
 * swprintf has no size argument. */
int CDECL msvcrt_vswprintf(WCHAR *buf, const WCHAR *fmt, WIN_VA_LIST ap)
{
    return buf_vsnprintf(buf, 0x7fffffff, fmt, WIDE, ap);
}
int CDECL msvcrt_swprintf(WCHAR *buf, const WCHAR *fmt, ...)
{
    VA(fmt, buf_vsnprintf(buf, 0x7fffffff, fmt, WIDE, ap));
}

/* _vsnwprintf / _snwprintf (msvcrt) */
int CDECL msvcrt__vsnwprintf(WCHAR *buf, size_t n, const WCHAR *fmt,
                             WIN_VA_LIST ap)
{
    return buf_vsnprintf(buf, n, fmt, WIDE, ap);
}
int CDECL msvcrt__snwprintf(WCHAR *buf, size_t n, const WCHAR *fmt, ...)
{
    VA(fmt, buf_vsnprintf(buf, n, fmt, WIDE, ap));
}

/* swprintf_s / vswprintf_s / _snwprintf_s / _vsnwprintf_s (msvcrt) */
int CDECL msvcrt_vswprintf_s(WCHAR *buf, size_t size, const WCHAR *fmt,
                             WIN_VA_LIST ap)
{
    return buf_secure(buf, size, size, fmt, WIDE, ap);
}
int CDECL msvcrt_swprintf_s(WCHAR *buf, size_t size, const WCHAR *fmt, ...)
{
    VA(fmt, buf_secure(buf, size, size, fmt, WIDE, ap));
}
int CDECL msvcrt__vsnwprintf_s(WCHAR *buf, size_t size, size_t count,
                               const WCHAR *fmt, WIN_VA_LIST ap)
{
    return buf_secure(buf, size, count, fmt, WIDE, ap);
}
int CDECL msvcrt__snwprintf_s(WCHAR *buf, size_t size, size_t count,
                              const WCHAR *fmt, ...)
{
    VA(fmt, buf_secure(buf, size, count, fmt, WIDE, ap));
}

/* printf_s family (msvcrt): same as the plain forms here. */
int CDECL msvcrt_printf_s(const char *fmt, ...)
{
    VA(fmt, file_vprintf(out_stream(), fmt, NARROW, ap));
}
int CDECL msvcrt_fprintf_s(MSVCRT_FILE *f, const char *fmt, ...)
{
    VA(fmt, file_vprintf(f, fmt, NARROW, ap));
}
int CDECL msvcrt_wprintf_s(const WCHAR *fmt, ...)
{
    VA(fmt, file_vprintf(out_stream(), fmt, WIDE, ap));
}
int CDECL msvcrt_fwprintf_s(MSVCRT_FILE *f, const WCHAR *fmt, ...)
{
    VA(fmt, file_vprintf(f, fmt, WIDE, ap));
}

/* _cprintf / _cwprintf (msvcrt): console output, here the console is the
 * process's stdout handle (a Linux tty). */
int CDECL msvcrt__cprintf(const char *fmt, ...)
{
    char small[1024];
    WIN_VA_LIST ap, ap2;
    win_va_start(ap, fmt);
    win_va_copy(ap2, ap);
    int n = count_only(fmt, NARROW, ap);
    char *buf = n < (int)sizeof small ? small : msvcrt_malloc(n + 1);
    if (buf)
        buf_vsnprintf(buf, n + 1, fmt, NARROW, ap2);
    win_va_end(ap2);
    win_va_end(ap);
    if (!buf)
        return -1;
    DWORD w;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), buf, n, &w, NULL);
    if (buf != small)
        msvcrt_free(buf);
    return n;
}
