/* Narrow strings and memory. Byte-for-byte functions are glibc's; the
 * wrappers exist for the calling convention. msvcrt's differences kept:
 * memcpy tolerates overlap (it is memmove in msvcrt), strcmp-style
 * comparisons return -1/0/1, case folding is the "C" locale's ASCII,
 * strtok keeps its position per thread, and the _s forms validate.
 * strlen, and memcpy, memmove and memset up to 32 bytes, are done here
 * (below). */
#include <emmintrin.h>
#include <stdint.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

static int sign(int v) { return v < 0 ? -1 : v > 0; }
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

/* strnlen strcpy strncpy strcat strncat (msvcrt) */
size_t CDECL msvcrt_strnlen(const char *s, size_t n) { return strnlen(s, n); }
char *CDECL msvcrt_strcpy(char *d, const char *s) { return strcpy(d, s); }
char *CDECL msvcrt_strncpy(char *d, const char *s, size_t n) { return strncpy(d, s, n); }
char *CDECL msvcrt_strcat(char *d, const char *s) { return strcat(d, s); }
char *CDECL msvcrt_strncat(char *d, const char *s, size_t n) { return strncat(d, s, n); }

/* strcmp strncmp (msvcrt) */
int CDECL msvcrt_strcmp(const char *a, const char *b) { return sign(strcmp(a, b)); }
int CDECL msvcrt_strncmp(const char *a, const char *b, size_t n)
{
    return sign(strncmp(a, b, n));
}
/* strcoll / _strncoll / strxfrm (msvcrt): "C" locale, so byte order. */
int CDECL msvcrt_strcoll(const char *a, const char *b) { return sign(strcmp(a, b)); }
int CDECL msvcrt__strncoll(const char *a, const char *b, size_t n)
{
    return sign(strncmp(a, b, n));
}
size_t CDECL msvcrt_strxfrm(char *d, const char *s, size_t n)
{
    size_t len = strlen(s);
    if (d && n) {
        size_t k = len < n ? len + 1 : n;
        memcpy(d, s, k);
    }
    return len;
}

/* _stricmp / _strcmpi / _strnicmp / _stricoll / _strnicoll (msvcrt) */
int CDECL msvcrt__strnicmp(const char *a, const char *b, size_t n)
{
    if (!a || !b) {
        crt_set_errno(M_EINVAL);
        return 0x7fffffff;
    }
    for (; n; n--, a++, b++) {
        int ca = lower((unsigned char)*a), cb = lower((unsigned char)*b);
        if (ca != cb)
            return ca - cb;
        if (!ca)
            break;
    }
    return 0;
}
int CDECL msvcrt__stricmp(const char *a, const char *b)
{
    return msvcrt__strnicmp(a, b, (size_t)-1);
}
int CDECL msvcrt__stricoll(const char *a, const char *b)
{
    return msvcrt__strnicmp(a, b, (size_t)-1);
}
int CDECL msvcrt__strnicoll(const char *a, const char *b, size_t n)
{
    return msvcrt__strnicmp(a, b, n);
}

/* strchr strrchr strstr strpbrk strspn strcspn (msvcrt) */
char *CDECL msvcrt_strchr(const char *s, int c) { return strchr(s, c); }
char *CDECL msvcrt_strrchr(const char *s, int c) { return strrchr(s, c); }
char *CDECL msvcrt_strstr(const char *h, const char *n) { return strstr(h, n); }
char *CDECL msvcrt_strpbrk(const char *s, const char *set) { return strpbrk(s, set); }
size_t CDECL msvcrt_strspn(const char *s, const char *set) { return strspn(s, set); }
size_t CDECL msvcrt_strcspn(const char *s, const char *set) { return strcspn(s, set); }

/* Programs call memcpy, memset and strlen (and through them msvcrt's
 * and vcruntime's exports) for a few bytes at a time, and an ms_abi
 * function that calls glibc must save and restore xmm6-15 around the
 * call: 25 instructions to wrap a 15-instruction memset. So strlen, and
 * the others up to 32 bytes, are leaves here; longer copies and fills go
 * to glibc from an out-of-line ms_abi function, reached by a tail call,
 * which pays for the registers once per call worth it. */
static void *CDECL __attribute__((noinline)) long_memmove(void *d, const void *s, size_t n)
{
    return memmove(d, s, n);
}
static void *CDECL __attribute__((noinline)) long_memset(void *d, int c, size_t n)
{
    return memset(d, c, n);
}

typedef long long v16 __attribute__((vector_size(16)));

/* Up to 32 bytes: the first and last 16, 8, 4 or 1-3 bytes, overlapping in
 * the middle; every load comes before any store, so overlap is allowed. */
static void *move_short(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (n >= 16) {
        v16 a, b;
        __builtin_memcpy(&a, s, 16);
        __builtin_memcpy(&b, s + n - 16, 16);
        __builtin_memcpy(d, &a, 16);
        __builtin_memcpy(d + n - 16, &b, 16);
    } else if (n >= 8) {
        uint64_t a, b;
        __builtin_memcpy(&a, s, 8);
        __builtin_memcpy(&b, s + n - 8, 8);
        __builtin_memcpy(d, &a, 8);
        __builtin_memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        __builtin_memcpy(&a, s, 4);
        __builtin_memcpy(&b, s + n - 4, 4);
        __builtin_memcpy(d, &a, 4);
        __builtin_memcpy(d + n - 4, &b, 4);
    } else if (n) {
        unsigned char a = s[0], b = s[n / 2], c = s[n - 1];
        d[0] = a;
        d[n / 2] = b;
        d[n - 1] = c;
    }
    return dst;
}

static void *fill_short(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    uint64_t v = (unsigned char)c * 0x0101010101010101ull;
    if (n >= 16) {
        __builtin_memcpy(d, &v, 8);
        __builtin_memcpy(d + 8, &v, 8);
        __builtin_memcpy(d + n - 16, &v, 8);
        __builtin_memcpy(d + n - 8, &v, 8);
    } else if (n >= 8) {
        __builtin_memcpy(d, &v, 8);
        __builtin_memcpy(d + n - 8, &v, 8);
    } else if (n >= 4) {
        uint32_t w = (uint32_t)v;
        __builtin_memcpy(d, &w, 4);
        __builtin_memcpy(d + n - 4, &w, 4);
    } else if (n) {
        d[0] = d[n / 2] = d[n - 1] = (unsigned char)c;
    }
    return dst;
}

/* memcpy / memmove / memset (msvcrt) */
void *CDECL msvcrt_memcpy(void *d, const void *s, size_t n)
{
    return n <= 32 ? move_short(d, s, n) : long_memmove(d, s, n);
}
void *CDECL msvcrt_memmove(void *d, const void *s, size_t n)
{
    return n <= 32 ? move_short(d, s, n) : long_memmove(d, s, n);
}
void *CDECL msvcrt_memset(void *d, int c, size_t n)
{
    return n <= 32 ? fill_short(d, c, n) : long_memset(d, c, n);
}

/* strlen (msvcrt): 16 bytes at a time, SSE2. The loads are aligned, so
 * none crosses into a page the string does not reach. */
size_t CDECL msvcrt_strlen(const char *s)
{
    const char *p = (const char *)((uintptr_t)s & ~(uintptr_t)15);
    const __m128i zero = _mm_setzero_si128();
    unsigned mask = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_load_si128((const __m128i *)p), zero));
    mask >>= s - p;
    if (mask)
        return __builtin_ctz(mask);
    for (;;) {
        p += 16;
        mask = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_load_si128((const __m128i *)p), zero));
        if (mask)
            return p + __builtin_ctz(mask) - s;
    }
}

/* memchr memcmp (msvcrt) */
void *CDECL msvcrt_memchr(const void *s, int c, size_t n) { return memchr(s, c, n); }
int CDECL msvcrt_memcmp(const void *a, const void *b, size_t n)
{
    return sign(memcmp(a, b, n));
}

/* _memicmp (msvcrt) */
int CDECL msvcrt__memicmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++) {
        int ca = lower(*p), cb = lower(*q);
        if (ca != cb)
            return ca - cb;
    }
    return 0;
}

/* _memccpy (msvcrt) */
void *CDECL msvcrt__memccpy(void *d, const void *s, int c, size_t n)
{
    return memccpy(d, s, c, n);
}

/* memcpy_s / memmove_s (msvcrt) */
int CDECL msvcrt_memmove_s(void *d, size_t size, const void *s, size_t n)
{
    if (!n)
        return 0;
    if (!d || !s) {
        if (d)
            memset(d, 0, size);
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    if (n > size) {
        memset(d, 0, size);
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memmove(d, s, n);
    return 0;
}
int CDECL msvcrt_memcpy_s(void *d, size_t size, const void *s, size_t n)
{
    return msvcrt_memmove_s(d, size, s, n);
}

/* _strdup (msvcrt) */
char *CDECL msvcrt__strdup(const char *s) { return s ? crt_strdup(s) : NULL; }

/* _strlwr / _strupr / _strrev / _strset / _strnset (msvcrt) */
char *CDECL msvcrt__strlwr(char *s)
{
    for (char *p = s; *p; p++)
        *p = (char)lower((unsigned char)*p);
    return s;
}
char *CDECL msvcrt__strupr(char *s)
{
    for (char *p = s; *p; p++)
        *p = (char)upper((unsigned char)*p);
    return s;
}
char *CDECL msvcrt__strrev(char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
    return s;
}
char *CDECL msvcrt__strset(char *s, int c)
{
    for (char *p = s; *p; p++)
        *p = (char)c;
    return s;
}
char *CDECL msvcrt__strnset(char *s, int c, size_t n)
{
    for (char *p = s; *p && n; p++, n--)
        *p = (char)c;
    return s;
}

/* _strlwr_s / _strupr_s (msvcrt) */
int CDECL msvcrt__strlwr_s(char *s, size_t size)
{
    if (!s || strnlen(s, size) == size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    msvcrt__strlwr(s);
    return 0;
}
int CDECL msvcrt__strupr_s(char *s, size_t size)
{
    if (!s || strnlen(s, size) == size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    msvcrt__strupr(s);
    return 0;
}

static char *tok(char *s, const char *delim, char **ctx)
{
    if (!s)
        s = *ctx;
    if (!s)
        return NULL;
    s += strspn(s, delim);
    if (!*s) {
        *ctx = s;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end)
        *end++ = 0;
    *ctx = end;
    return s;
}

/* strtok (msvcrt): the position is kept per thread. */
char *CDECL msvcrt_strtok(char *s, const char *delim)
{
    return tok(s, delim, &crt_thread()->strtok_next);
}

/* strtok_s (msvcrt) */
char *CDECL msvcrt_strtok_s(char *s, const char *delim, char **ctx)
{
    if (!delim || !ctx || (!s && !*ctx)) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    return tok(s, delim, ctx);
}

/* strcpy_s / strncpy_s / strcat_s / strncat_s (msvcrt): on failure the
 * destination becomes "" and EINVAL/ERANGE is returned. */
int CDECL msvcrt_strcpy_s(char *d, size_t size, const char *s)
{
    if (!d || !size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    if (!s) {
        *d = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t n = strlen(s);
    if (n >= size) {
        *d = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(d, s, n + 1);
    return 0;
}

int CDECL msvcrt_strncpy_s(char *d, size_t size, const char *s, size_t count)
{
    if (!count && !d && !size)
        return 0;
    if (!d || !size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    if (!s) {
        *d = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t n = strnlen(s, count);
    if (count == (size_t)-1 && n >= size) { /* _TRUNCATE */
        memcpy(d, s, size - 1);
        d[size - 1] = 0;
        return 80; /* STRUNCATE */
    }
    if (n >= size) {
        *d = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(d, s, n);
    d[n] = 0;
    return 0;
}

int CDECL msvcrt_strcat_s(char *d, size_t size, const char *s)
{
    if (!d || !size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    if (!s) {
        *d = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t dl = strnlen(d, size);
    if (dl == size) {
        *d = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t n = strlen(s);
    if (dl + n >= size) {
        *d = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(d + dl, s, n + 1);
    return 0;
}

int CDECL msvcrt_strncat_s(char *d, size_t size, const char *s, size_t count)
{
    if (!d || !size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    if (!s && count) {
        *d = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t dl = strnlen(d, size);
    if (dl == size) {
        *d = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t n = s ? strnlen(s, count) : 0;
    if (dl + n >= size) {
        if (count == (size_t)-1) {
            memcpy(d + dl, s, size - dl - 1);
            d[size - 1] = 0;
            return 80; /* STRUNCATE */
        }
        *d = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(d + dl, s, n);
    d[dl + n] = 0;
    return 0;
}

/* _swab (msvcrt): swaps adjacent bytes of n (rounded down to even). */
void CDECL msvcrt__swab(char *src, char *dst, int n)
{
    for (int i = 0; i + 1 < n; i += 2) {
        char a = src[i], b = src[i + 1];
        dst[i] = b;
        dst[i + 1] = a;
    }
}
