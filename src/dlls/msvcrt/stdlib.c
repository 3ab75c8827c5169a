/* Number conversions (ato*, strto*, wcsto*), abs/div, rand and rotates,
 * with msvcrt's rules checked under Wine:
 *   - long is 32 bits: strtol("2147483648") is LONG_MAX with ERANGE;
 *   - strtoul("-1") is 4294967295 without error, and an overflowing
 *     negative ("-4294967296") gives 1: the clamp happens before negation;
 *   - a base prefix with no digits after it ("0x") converts nothing;
 *   - atoi/atol wrap on overflow, _atoi64 clamps;
 *   - strtod accepts what glibc's does (decimal, hex, inf, nan), with
 *     ERANGE for overflow, underflow and denormal results, as Wine. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"
#include "caller_context.h"
#include "exception.h"

/* A view of a narrow or wide string, one unit at a time. */
struct src {
    const void *p;
    int wide;
};
static int at(const struct src *s, size_t i)
{
    return s->wide ? ((const WCHAR *)s->p)[i] : ((const unsigned char *)s->p)[i];
}
static int is_space(const struct src *s, int c)
{
    if (s->wide)
        return crt_iswctype((WCHAR)c, C_SPACE);
    return c == ' ' || (c >= 9 && c <= 13);
}
static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* The one integer parser. max is the magnitude limit for a positive
 * result; for signed types min_mag is the limit for a negative one.
 * Returns the value with the sign applied (two's complement). */
static ULONGLONG parse_int(struct src s, size_t *end, int base, int is_signed,
                           ULONGLONG max, ULONGLONG min_mag)
{
    size_t i = 0;
    int neg = 0;
    if (end)
        *end = 0;
    if (base < 0 || base == 1 || base > 36) {
        crt_set_errno(M_EINVAL);
        return 0;
    }
    while (is_space(&s, at(&s, i)))
        i++;
    if (at(&s, i) == '-' || at(&s, i) == '+')
        neg = at(&s, i++) == '-';
    if (!base) {
        if (at(&s, i) != '0')
            base = 10;
        else if (at(&s, i + 1) == 'x' || at(&s, i + 1) == 'X')
            base = 16;
        else
            base = 8;
    }
    if (base == 16 && at(&s, i) == '0' &&
        (at(&s, i + 1) == 'x' || at(&s, i + 1) == 'X'))
        i += 2;
    size_t first = i;
    ULONGLONG v = 0;
    int overflow = 0;
    ULONGLONG limit = is_signed ? (neg ? min_mag : max) : max;
    for (;; i++) {
        int d = digit_value(at(&s, i));
        if (d >= base)
            break;
        if (v > (limit - d) / base)
            overflow = 1;
        else
            v = v * base + d;
    }
    if (i == first)
        return 0; /* nothing converted: *end stays at the start */
    if (end)
        *end = i;
    if (overflow) {
        crt_set_errno(M_ERANGE);
        v = limit;
    }
    return neg ? (ULONGLONG)0 - v : v;
}

#define STRTO(name, T, ch, wide, sgn, max, minmag)                          \
    T CDECL msvcrt_##name(const ch *str, ch **endp, int base)               \
    {                                                                       \
        size_t end;                                                         \
        T r = (T)parse_int((struct src){str, wide}, &end, base, sgn, max,   \
                           minmag);                                         \
        if (endp)                                                           \
            *endp = (ch *)str + end;                                        \
        return r;                                                           \
    }

/* strtol strtoul _strtoi64 _strtoui64 wcstol wcstoul _wcstoi64 _wcstoui64
 * strtoll strtoull (msvcrt) */
STRTO(strtol, LONG, char, 0, 1, 0x7fffffffull, 0x80000000ull)
STRTO(strtoul, ULONG, char, 0, 0, 0xffffffffull, 0)
STRTO(_strtoi64, LONGLONG, char, 0, 1, 0x7fffffffffffffffull, 0x8000000000000000ull)
STRTO(_strtoui64, ULONGLONG, char, 0, 0, ~0ull, 0)
STRTO(strtoll, LONGLONG, char, 0, 1, 0x7fffffffffffffffull, 0x8000000000000000ull)
STRTO(strtoull, ULONGLONG, char, 0, 0, ~0ull, 0)
STRTO(wcstol, LONG, WCHAR, 1, 1, 0x7fffffffull, 0x80000000ull)
STRTO(wcstoul, ULONG, WCHAR, 1, 0, 0xffffffffull, 0)
STRTO(_wcstoi64, LONGLONG, WCHAR, 1, 1, 0x7fffffffffffffffull, 0x8000000000000000ull)
STRTO(_wcstoui64, ULONGLONG, WCHAR, 1, 0, ~0ull, 0)

/* atoi's wrapping accumulation. */
static ULONGLONG wrap_atoi(struct src s)
{
    size_t i = 0;
    int neg = 0;
    while (is_space(&s, at(&s, i)))
        i++;
    if (at(&s, i) == '-' || at(&s, i) == '+')
        neg = at(&s, i++) == '-';
    ULONGLONG v = 0;
    while (at(&s, i) >= '0' && at(&s, i) <= '9')
        v = v * 10 + (at(&s, i++) - '0');
    return neg ? 0 - v : v;
}

/* atoi / atol / _wtoi / _wtol (msvcrt): overflow wraps */
int CDECL msvcrt_atoi(const char *s) { return (int)wrap_atoi((struct src){s, 0}); }
LONG CDECL msvcrt_atol(const char *s) { return (LONG)wrap_atoi((struct src){s, 0}); }
int CDECL msvcrt__wtoi(const WCHAR *s) { return (int)wrap_atoi((struct src){s, 1}); }
LONG CDECL msvcrt__wtol(const WCHAR *s) { return (LONG)wrap_atoi((struct src){s, 1}); }

/* _atoi64 / _wtoi64 / atoll (msvcrt): clamp on overflow */
LONGLONG CDECL msvcrt__atoi64(const char *s)
{
    int saved = crt_thread()->err;
    LONGLONG r = (LONGLONG)parse_int((struct src){s, 0}, NULL, 10, 1,
                                     0x7fffffffffffffffull, 0x8000000000000000ull);
    crt_thread()->err = saved;
    return r;
}
LONGLONG CDECL msvcrt_atoll(const char *s) { return msvcrt__atoi64(s); }
LONGLONG CDECL msvcrt__wtoi64(const WCHAR *s)
{
    int saved = crt_thread()->err;
    LONGLONG r = (LONGLONG)parse_int((struct src){s, 1}, NULL, 10, 1,
                                     0x7fffffffffffffffull, 0x8000000000000000ull);
    crt_thread()->err = saved;
    return r;
}

/* glibc's strtod on the ASCII prefix; errno translated. */
static double parse_double(struct src s, size_t *end)
{
    char buf[512];
    size_t i = 0, n = 0;
    while (is_space(&s, at(&s, i)))
        i++;
    size_t start = i;
    for (; n < sizeof buf - 1; n++) {
        int c = at(&s, start + n);
        if (!c || c >= 0x80 || (n && is_space(&s, c)))
            break;
        buf[n] = (char)c;
    }
    buf[n] = 0;
    char *e;
    int saved = errno;
    errno = 0;
    double d = strtod(buf, &e);
    if (errno)
        crt_set_errno(crt_errno_from_linux(errno));
    else if (d != 0 && fabs(d) < 2.2250738585072014e-308)
        crt_set_errno(M_ERANGE); /* a denormal result (Wine) */
    errno = saved;
    *end = e == buf ? 0 : start + (e - buf);
    return d;
}

/* strtod / wcstod / atof / _wtof (msvcrt) */
double CDECL msvcrt_strtod(const char *s, char **endp)
{
    size_t end;
    double d = parse_double((struct src){s, 0}, &end);
    if (endp)
        *endp = (char *)s + end;
    return d;
}
double CDECL msvcrt_wcstod(const WCHAR *s, WCHAR **endp)
{
    size_t end;
    double d = parse_double((struct src){s, 1}, &end);
    if (endp)
        *endp = (WCHAR *)s + end;
    return d;
}
double CDECL msvcrt_atof(const char *s) { return msvcrt_strtod(s, NULL); }
double CDECL msvcrt__wtof(const WCHAR *s) { return msvcrt_wcstod(s, NULL); }

/* strtof / wcstof (newer msvcrt) */
float CDECL msvcrt_strtof(const char *s, char **endp)
{
    return (float)msvcrt_strtod(s, endp);
}

/* _atodbl / _atoflt (msvcrt) */
int CDECL msvcrt__atodbl(double *out, char *s)
{
    *out = msvcrt_strtod(s, NULL);
    return 0;
}
int CDECL msvcrt__atoflt(float *out, char *s)
{
    *out = (float)msvcrt_strtod(s, NULL);
    return 0;
}

/* abs / labs / llabs / _abs64 / div / ldiv / lldiv (msvcrt) */
int CDECL msvcrt_abs(int v) { return v < 0 ? (int)-(unsigned)v : v; }
LONG CDECL msvcrt_labs(LONG v) { return v < 0 ? (LONG)-(ULONG)v : v; }
LONGLONG CDECL msvcrt__abs64(LONGLONG v) { return v < 0 ? (LONGLONG)-(ULONGLONG)v : v; }
LONGLONG CDECL msvcrt_llabs(LONGLONG v) { return msvcrt__abs64(v); }

typedef struct { int quot, rem; } div_int;
typedef struct { LONG quot, rem; } div_long;
typedef struct { LONGLONG quot, rem; } div_ll;
/* Structures of 8 bytes come back in rax under the Windows x64 ABI. */
ULONGLONG CDECL msvcrt_div(int a, int b)
{
    div_int r = {a / b, a % b};
    ULONGLONG v;
    memcpy(&v, &r, sizeof v);
    return v;
}
ULONGLONG CDECL msvcrt_ldiv(LONG a, LONG b)
{
    div_long r = {a / b, a % b};
    ULONGLONG v;
    memcpy(&v, &r, sizeof v);
    return v;
}
/* 16 bytes: returned through a hidden pointer (first argument). */
div_ll *CDECL msvcrt_lldiv(div_ll *ret, LONGLONG a, LONGLONG b)
{
    ret->quot = a / b;
    ret->rem = a % b;
    return ret;
}

/* rand / srand (msvcrt): the per-thread LCG, 15-bit results. */
int CDECL msvcrt_rand(void)
{
    struct crt_thread *t = crt_thread();
    t->rand_next = t->rand_next * 214013 + 2531011;
    return (t->rand_next >> 16) & 0x7fff;
}
void CDECL msvcrt_srand(unsigned seed) { crt_thread()->rand_next = seed; }

/* rand_s (msvcrt): a random 32-bit value from the kernel. */
int CDECL msvcrt_rand_s(unsigned *out)
{
    if (!out)
        return M_EINVAL;
    LARGE_INTEGER c;
    QueryPerformanceCounter(&c);
    static unsigned long long state;
    state += c.QuadPart + 0x9e3779b97f4a7c15ull;
    unsigned long long z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    *out = (unsigned)(z ^ (z >> 31));
    return 0;
}

/* _rotl / _rotr / _lrotl / _lrotr / _rotl64 / _rotr64 (msvcrt) */
unsigned CDECL msvcrt__rotl(unsigned v, int n)
{
    n &= 31;
    return n ? v << n | v >> (32 - n) : v;
}
unsigned CDECL msvcrt__rotr(unsigned v, int n)
{
    n &= 31;
    return n ? v >> n | v << (32 - n) : v;
}
ULONG CDECL msvcrt__lrotl(ULONG v, int n) { return msvcrt__rotl(v, n); }
ULONG CDECL msvcrt__lrotr(ULONG v, int n) { return msvcrt__rotr(v, n); }
ULONGLONG CDECL msvcrt__rotl64(ULONGLONG v, int n)
{
    n &= 63;
    return n ? v << n | v >> (64 - n) : v;
}
ULONGLONG CDECL msvcrt__rotr64(ULONGLONG v, int n)
{
    n &= 63;
    return n ? v >> n | v << (64 - n) : v;
}

/* _byteswap_ushort / _byteswap_ulong / _byteswap_uint64 (msvcrt) */
unsigned short CDECL msvcrt__byteswap_ushort(unsigned short v)
{
    return __builtin_bswap16(v);
}
ULONG CDECL msvcrt__byteswap_ulong(ULONG v) { return __builtin_bswap32(v); }
ULONGLONG CDECL msvcrt__byteswap_uint64(ULONGLONG v) { return __builtin_bswap64(v); }

typedef int(CDECL *cmp_fn)(const void *, const void *);
typedef int(CDECL *cmp_s_fn)(void *, const void *, const void *);

static void swap_bytes(char *a, char *b, size_t n)
{
    while (n--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

/* Shell-free, stack-bounded quicksort with insertion sort for small runs;
 * calls back into the program with its own ABI. */
static void sort_impl(char *base, size_t n, size_t size, cmp_fn cmp,
                      cmp_s_fn cmp_s, void *ctx)
{
#define CMP(x, y) (cmp ? cmp(x, y) : cmp_s(ctx, x, y))
    while (n > 8) {
        char *mid = base + (n / 2) * size, *last = base + (n - 1) * size;
        /* median of three to the front */
        if (CMP(mid, base) < 0)
            swap_bytes(mid, base, size);
        if (CMP(last, mid) < 0) {
            swap_bytes(last, mid, size);
            if (CMP(mid, base) < 0)
                swap_bytes(mid, base, size);
        }
        swap_bytes(base, mid, size);
        char *lo = base + size, *hi = last;
        for (;;) {
            while (lo <= hi && CMP(lo, base) < 0)
                lo += size;
            while (lo <= hi && CMP(hi, base) > 0)
                hi -= size;
            if (lo >= hi)
                break;
            swap_bytes(lo, hi, size);
            lo += size;
            hi -= size;
        }
        swap_bytes(base, hi, size);
        size_t left = (hi - base) / size, right = n - left - 1;
        /* recurse into the smaller part, loop on the larger */
        if (left < right) {
            sort_impl(base, left, size, cmp, cmp_s, ctx);
            base = hi + size;
            n = right;
        } else {
            sort_impl(hi + size, right, size, cmp, cmp_s, ctx);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && CMP(base + (j - 1) * size, base + j * size) > 0; j--)
            swap_bytes(base + (j - 1) * size, base + j * size, size);
#undef CMP
}

/* qsort, qsort_s, bsearch, bsearch_s (msvcrt): entered through stubs that
 * record the caller's registers, so an exception the comparator throws
 * passes these native frames on its way to the caller's handlers
 * (struct seh_frame). Arguments past the fourth come from the caller's
 * stack. */
__attribute__((used)) static void qsort_entry(void *base, size_t n, size_t size,
                                              cmp_fn cmp, CONTEXT *caller)
{
    struct seh_frame f;
    seh_frame_push(&f, SEH_CALL, caller);
    if (n > 1 && size)
        sort_impl(base, n, size, cmp, NULL, NULL);
    seh_frame_pop(&f);
}
CALLER_CONTEXT_CALL(msvcrt_qsort, qsort_entry)

__attribute__((used)) static void qsort_s_entry(void *base, size_t n, size_t size,
                                                cmp_s_fn cmp, CONTEXT *caller)
{
    struct seh_frame f;
    seh_frame_push(&f, SEH_CALL, caller);
    if (n > 1 && size)
        sort_impl(base, n, size, NULL, cmp, (void *)caller_arg(caller, 5));
    seh_frame_pop(&f);
}
CALLER_CONTEXT_CALL(msvcrt_qsort_s, qsort_s_entry)

static void *search(const void *key, const void *base, size_t n, size_t size,
                    cmp_fn cmp, cmp_s_fn cmp_s, void *ctx)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *p = (const char *)base + mid * size;
        int c = cmp ? cmp(key, p) : cmp_s(ctx, key, p);
        if (!c)
            return (void *)p;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

__attribute__((used)) static void *bsearch_entry(const void *key, const void *base,
                                                 size_t n, size_t size, CONTEXT *caller)
{
    struct seh_frame f;
    seh_frame_push(&f, SEH_CALL, caller);
    void *r = search(key, base, n, size, (cmp_fn)caller_arg(caller, 5), NULL, NULL);
    seh_frame_pop(&f);
    return r;
}
CALLER_CONTEXT_CALL(msvcrt_bsearch, bsearch_entry)

__attribute__((used)) static void *bsearch_s_entry(const void *key, const void *base,
                                                   size_t n, size_t size, CONTEXT *caller)
{
    struct seh_frame f;
    seh_frame_push(&f, SEH_CALL, caller);
    void *r = search(key, base, n, size, NULL, (cmp_s_fn)caller_arg(caller, 5),
                     (void *)caller_arg(caller, 6));
    seh_frame_pop(&f);
    return r;
}
CALLER_CONTEXT_CALL(msvcrt_bsearch_s, bsearch_s_entry)

/* _lfind / _lsearch (msvcrt): n is an unsigned int count. */
void *CDECL msvcrt__lfind(const void *key, const void *base, unsigned *n,
                          size_t size, cmp_fn cmp)
{
    for (unsigned i = 0; i < *n; i++) {
        const char *p = (const char *)base + i * size;
        if (!cmp(key, p))
            return (void *)p;
    }
    return NULL;
}
void *CDECL msvcrt__lsearch(const void *key, void *base, unsigned *n,
                            size_t size, cmp_fn cmp)
{
    void *p = msvcrt__lfind(key, base, n, size, cmp);
    if (p)
        return p;
    p = (char *)base + (size_t)*n * size;
    memcpy(p, key, size);
    (*n)++;
    return p;
}
