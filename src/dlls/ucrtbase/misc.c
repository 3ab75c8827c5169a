/* The remaining UCRT additions: aligned-heap queries, the new-handler
 * call, wcstof, the bounded wide copies, the _s error-text functions and
 * the time odds (timespec_get's backing functions, _get_tzname,
 * _ctime64_s). */
#include <math.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "ucrt.h"

void *CDECL msvcrt__aligned_realloc(void *p, size_t size, size_t align);
double CDECL msvcrt_wcstod(const WCHAR *s, WCHAR **end);
char *CDECL msvcrt__strerror(const char *msg);
int CDECL msvcrt_strerror_s(char *buf, size_t n, int e);
char *CDECL msvcrt__ctime64(const LONGLONG *t);
WCHAR *CDECL msvcrt__wctime64(const LONGLONG *t);
extern char *msvcrt__tzname[2];

/* _aligned_msize (ucrtbase): the size asked for, from msvcrt's layout
 * (the HeapAlloc block is size + alignment + one pointer). */
size_t CDECL ucrt__aligned_msize(void *p, size_t align, size_t offset)
{
    if (!p) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return (size_t)-1;
    }
    if (align < sizeof(void *))
        align = sizeof(void *);
    void *raw = ((void **)p)[-1];
    return HeapSize(GetProcessHeap(), 0, raw) - align - sizeof(void *);
}

/* _aligned_recalloc (ucrtbase): what grows is zeroed. */
void *CDECL ucrt__aligned_recalloc(void *p, size_t n, size_t size, size_t align)
{
    if (size && n > (size_t)-1 / size) {
        crt_set_errno(M_ENOMEM);
        return NULL;
    }
    size_t old = p ? ucrt__aligned_msize(p, align, 0) : 0;
    char *q = msvcrt__aligned_realloc(p, n * size, align);
    if (q && n * size > old)
        memset(q + old, 0, n * size - old);
    return q;
}

/* _callnewh (ucrtbase): 1 when the new handler says it freed memory. */
int CDECL ucrt__callnewh(size_t size)
{
    ucrt_new_handler_fn h = msvcrt__query_new_handler();
    return h && h(size) ? 1 : 0;
}

/* _get_heap_handle (ucrtbase) */
INT_PTR CDECL ucrt__get_heap_handle(void) { return (INT_PTR)GetProcessHeap(); }

/* wcstof (ucrtbase) */
float CDECL ucrt_wcstof(const WCHAR *s, WCHAR **end)
{
    double d = msvcrt_wcstod(s, end);
    float f = (float)d;
    if (isinf(f) && !isinf(d))
        crt_set_errno(M_ERANGE);
    return f;
}

/* wmemcpy_s / wmemmove_s (ucrtbase) */
int CDECL ucrt_wmemcpy_s(WCHAR *dst, size_t size, const WCHAR *src, size_t n)
{
    if (!n)
        return 0;
    if (!dst || !src || n > size) {
        if (dst && src)
            memset(dst, 0, size * sizeof(WCHAR));
        crt_ucrt_invalid_parameter();
        int e = !dst || !src ? M_EINVAL : M_ERANGE;
        crt_set_errno(e);
        return e;
    }
    memcpy(dst, src, n * sizeof(WCHAR));
    return 0;
}
int CDECL ucrt_wmemmove_s(WCHAR *dst, size_t size, const WCHAR *src, size_t n)
{
    if (!n)
        return 0;
    if (!dst || !src || n > size) {
        crt_ucrt_invalid_parameter();
        int e = !dst || !src ? M_EINVAL : M_ERANGE;
        crt_set_errno(e);
        return e;
    }
    memmove(dst, src, n * sizeof(WCHAR));
    return 0;
}

static void copy_wide(WCHAR *dst, size_t size, const char *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < size; i++)
        dst[i] = (unsigned char)s[i]; /* the texts are ASCII */
    dst[i] = 0;
}

/* _strerror_s (ucrtbase): _strerror's "msg: text\n" into a buffer. */
int CDECL ucrt__strerror_s(char *buf, size_t size, const char *msg)
{
    if (!buf || !size) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    const char *s = msvcrt__strerror(msg);
    size_t n = strlen(s);
    if (n >= size) {
        buf[0] = 0;
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(buf, s, n + 1);
    return 0;
}

/* _wcserror_s (ucrtbase): strerror_s in UTF-16. */
int CDECL ucrt__wcserror_s(WCHAR *buf, size_t size, int e)
{
    char tmp[128];
    if (!buf || !size) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    msvcrt_strerror_s(tmp, sizeof tmp, e);
    copy_wide(buf, size, tmp);
    return 0;
}

/* __wcserror (ucrtbase): _strerror in UTF-16, in a per-thread buffer. */
WCHAR *CDECL ucrt___wcserror(const WCHAR *msg)
{
    static __thread WCHAR buf[256];
    char *m = msg ? crt_wcs_to_acp(msg) : NULL;
    copy_wide(buf, ARRAY_SIZE(buf), msvcrt__strerror(m));
    msvcrt_free(m);
    return buf;
}

struct ucrt_timespec64 {
    LONGLONG sec;
    LONG nsec;
};
struct ucrt_timespec32 {
    LONG sec;
    LONG nsec;
};

#define TIME_UTC 1
#define EPOCH_100NS 116444736000000000ll

/* _timespec64_get / _timespec32_get (ucrtbase): timespec_get's, in
 * FILETIME's 100 ns steps. */
int CDECL ucrt__timespec64_get(struct ucrt_timespec64 *ts, int base)
{
    if (!ts || base != TIME_UTC) {
        if (!ts) {
            crt_ucrt_invalid_parameter();
            crt_set_errno(M_EINVAL);
        }
        return 0;
    }
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    LONGLONG t = (LONGLONG)(((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime) - EPOCH_100NS;
    ts->sec = t / 10000000;
    ts->nsec = (LONG)(t % 10000000) * 100;
    return base;
}
int CDECL ucrt__timespec32_get(struct ucrt_timespec32 *ts, int base)
{
    struct ucrt_timespec64 t;
    if (!ts) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return 0;
    }
    if (!ucrt__timespec64_get(&t, base) || t.sec > 0x7fffffff)
        return 0;
    ts->sec = (LONG)t.sec;
    ts->nsec = t.nsec;
    return base;
}

/* _get_tzname (ucrtbase): _tzname[index] into a buffer; *ret counts the
 * terminator. */
int CDECL ucrt__get_tzname(size_t *ret, char *buf, size_t size, int index)
{
    if (!ret || (!buf && size) || (buf && !size) || index < 0 || index > 1) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    crt_init();
    const char *s = msvcrt__tzname[index];
    size_t n = strlen(s) + 1;
    *ret = n;
    if (!buf)
        return 0;
    if (n > size)
        return M_ERANGE;
    memcpy(buf, s, n);
    return 0;
}

/* _ctime64_s / _wctime64_s (ucrtbase): 26 units at least; `text` is
 * msvcrt's (w)ctime of *t, units of `unit` bytes. */
static int ctime_s(void *buf, size_t unit, size_t size, const LONGLONG *t,
                   const void *(*text)(const LONGLONG *))
{
    if (!buf || !size || !t) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    memset(buf, 0, unit);
    if (size < 26) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    const void *s = text(t);
    if (!s) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    memcpy(buf, s, 26 * unit);
    return 0;
}
static const void *narrow_ctime(const LONGLONG *t) { return msvcrt__ctime64(t); }
static const void *wide_ctime(const LONGLONG *t) { return msvcrt__wctime64(t); }

int CDECL ucrt__ctime64_s(char *buf, size_t size, const LONGLONG *t)
{
    return ctime_s(buf, 1, size, t, narrow_ctime);
}
int CDECL ucrt__wctime64_s(WCHAR *buf, size_t size, const LONGLONG *t)
{
    return ctime_s(buf, sizeof(WCHAR), size, t, wide_ctime);
}
