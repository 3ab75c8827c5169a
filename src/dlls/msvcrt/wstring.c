/* Wide (UTF-16) strings. Comparisons return -1/0/1 and the
 * case-insensitive ones fold ASCII only, as msvcrt's "C" locale does
 * (_wcsicmp(L"\xc9", L"\xe9") is -32 under Wine). msvcrt's wcstok takes
 * two arguments and keeps its position per thread. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

static int wlower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int wupper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

/* wcslen / wcsnlen (msvcrt) */
size_t CDECL msvcrt_wcslen(const WCHAR *s)
{
    const WCHAR *p = s;
    while (*p)
        p++;
    return p - s;
}
size_t CDECL msvcrt_wcsnlen(const WCHAR *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i])
        i++;
    return i;
}

/* wcscpy wcsncpy wcscat wcsncat (msvcrt) */
WCHAR *CDECL msvcrt_wcscpy(WCHAR *d, const WCHAR *s)
{
    WCHAR *r = d;
    while ((*d++ = *s++))
        ;
    return r;
}
WCHAR *CDECL msvcrt_wcsncpy(WCHAR *d, const WCHAR *s, size_t n)
{
    size_t i = 0;
    for (; i < n && s[i]; i++)
        d[i] = s[i];
    for (; i < n; i++)
        d[i] = 0;
    return d;
}
WCHAR *CDECL msvcrt_wcscat(WCHAR *d, const WCHAR *s)
{
    msvcrt_wcscpy(d + msvcrt_wcslen(d), s);
    return d;
}
WCHAR *CDECL msvcrt_wcsncat(WCHAR *d, const WCHAR *s, size_t n)
{
    WCHAR *p = d + msvcrt_wcslen(d);
    while (n-- && *s)
        *p++ = *s++;
    *p = 0;
    return d;
}

/* wcscmp / wcsncmp / wcscoll / _wcsncoll (msvcrt) */
int CDECL msvcrt_wcsncmp(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return *a < *b ? -1 : 1;
        if (!*a)
            break;
    }
    return 0;
}
int CDECL msvcrt_wcscmp(const WCHAR *a, const WCHAR *b)
{
    return msvcrt_wcsncmp(a, b, (size_t)-1);
}
int CDECL msvcrt_wcscoll(const WCHAR *a, const WCHAR *b)
{
    return msvcrt_wcsncmp(a, b, (size_t)-1);
}
int CDECL msvcrt__wcsncoll(const WCHAR *a, const WCHAR *b, size_t n)
{
    return msvcrt_wcsncmp(a, b, n);
}

/* _wcsnicmp / _wcsicmp / _wcsicoll / _wcsnicoll (msvcrt) */
int CDECL msvcrt__wcsnicmp(const WCHAR *a, const WCHAR *b, size_t n)
{
    if (!a || !b) {
        crt_set_errno(M_EINVAL);
        return 0x7fffffff;
    }
    for (; n; n--, a++, b++) {
        int ca = wlower(*a), cb = wlower(*b);
        if (ca != cb)
            return ca - cb;
        if (!ca)
            break;
    }
    return 0;
}
int CDECL msvcrt__wcsicmp(const WCHAR *a, const WCHAR *b)
{
    return msvcrt__wcsnicmp(a, b, (size_t)-1);
}
int CDECL msvcrt__wcsicoll(const WCHAR *a, const WCHAR *b)
{
    return msvcrt__wcsnicmp(a, b, (size_t)-1);
}
int CDECL msvcrt__wcsnicoll(const WCHAR *a, const WCHAR *b, size_t n)
{
    return msvcrt__wcsnicmp(a, b, n);
}

/* wcsxfrm (msvcrt) */
size_t CDECL msvcrt_wcsxfrm(WCHAR *d, const WCHAR *s, size_t n)
{
    size_t len = msvcrt_wcslen(s);
    if (d && n) {
        size_t k = len < n ? len + 1 : n;
        memcpy(d, s, k * sizeof(WCHAR));
    }
    return len;
}

/* wcschr / wcsrchr / wcsstr / wcspbrk / wcsspn / wcscspn (msvcrt) */
WCHAR *CDECL msvcrt_wcschr(const WCHAR *s, WCHAR c)
{
    for (;; s++) {
        if (*s == c)
            return (WCHAR *)s;
        if (!*s)
            return NULL;
    }
}
WCHAR *CDECL msvcrt_wcsrchr(const WCHAR *s, WCHAR c)
{
    const WCHAR *last = NULL;
    for (;; s++) {
        if (*s == c)
            last = s;
        if (!*s)
            return (WCHAR *)last;
    }
}
WCHAR *CDECL msvcrt_wcsstr(const WCHAR *h, const WCHAR *n)
{
    size_t nl = msvcrt_wcslen(n);
    for (; *h; h++)
        if (!msvcrt_wcsncmp(h, n, nl))
            return (WCHAR *)h;
    return nl ? NULL : (WCHAR *)h;
}
size_t CDECL msvcrt_wcsspn(const WCHAR *s, const WCHAR *set)
{
    size_t i = 0;
    while (s[i] && msvcrt_wcschr(set, s[i]))
        i++;
    return i;
}
size_t CDECL msvcrt_wcscspn(const WCHAR *s, const WCHAR *set)
{
    size_t i = 0;
    while (s[i] && !msvcrt_wcschr(set, s[i]))
        i++;
    return i;
}
WCHAR *CDECL msvcrt_wcspbrk(const WCHAR *s, const WCHAR *set)
{
    s += msvcrt_wcscspn(s, set);
    return *s ? (WCHAR *)s : NULL;
}

static WCHAR *wtok(WCHAR *s, const WCHAR *delim, WCHAR **ctx)
{
    if (!s)
        s = *ctx;
    if (!s)
        return NULL;
    s += msvcrt_wcsspn(s, delim);
    if (!*s) {
        *ctx = s;
        return NULL;
    }
    WCHAR *end = s + msvcrt_wcscspn(s, delim);
    if (*end)
        *end++ = 0;
    *ctx = end;
    return s;
}

/* wcstok (msvcrt): the two-argument form. */
WCHAR *CDECL msvcrt_wcstok(WCHAR *s, const WCHAR *delim)
{
    return wtok(s, delim, &crt_thread()->wcstok_next);
}

/* wcstok_s (msvcrt) */
WCHAR *CDECL msvcrt_wcstok_s(WCHAR *s, const WCHAR *delim, WCHAR **ctx)
{
    if (!delim || !ctx || (!s && !*ctx)) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    return wtok(s, delim, ctx);
}

/* _wcsdup (msvcrt) */
WCHAR *CDECL msvcrt__wcsdup(const WCHAR *s) { return s ? crt_wcsdup(s) : NULL; }

/* _wcslwr / _wcsupr / _wcsrev / _wcsset / _wcsnset (msvcrt) */
WCHAR *CDECL msvcrt__wcslwr(WCHAR *s)
{
    for (WCHAR *p = s; *p; p++)
        *p = (WCHAR)wlower(*p);
    return s;
}
WCHAR *CDECL msvcrt__wcsupr(WCHAR *s)
{
    for (WCHAR *p = s; *p; p++)
        *p = (WCHAR)wupper(*p);
    return s;
}
int CDECL msvcrt__wcslwr_s(WCHAR *s, size_t size)
{
    if (!s || msvcrt_wcsnlen(s, size) == size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    msvcrt__wcslwr(s);
    return 0;
}
int CDECL msvcrt__wcsupr_s(WCHAR *s, size_t size)
{
    if (!s || msvcrt_wcsnlen(s, size) == size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    msvcrt__wcsupr(s);
    return 0;
}
WCHAR *CDECL msvcrt__wcsrev(WCHAR *s)
{
    size_t n = msvcrt_wcslen(s);
    for (size_t i = 0; i < n / 2; i++) {
        WCHAR t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
    return s;
}
WCHAR *CDECL msvcrt__wcsset(WCHAR *s, WCHAR c)
{
    for (WCHAR *p = s; *p; p++)
        *p = c;
    return s;
}
WCHAR *CDECL msvcrt__wcsnset(WCHAR *s, WCHAR c, size_t n)
{
    for (WCHAR *p = s; *p && n; p++, n--)
        *p = c;
    return s;
}

/* wcscpy_s / wcsncpy_s / wcscat_s / wcsncat_s (msvcrt) */
int CDECL msvcrt_wcscpy_s(WCHAR *d, size_t size, const WCHAR *s)
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
    size_t n = msvcrt_wcslen(s);
    if (n >= size) {
        *d = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(d, s, (n + 1) * sizeof(WCHAR));
    return 0;
}
int CDECL msvcrt_wcsncpy_s(WCHAR *d, size_t size, const WCHAR *s, size_t count)
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
    size_t n = msvcrt_wcsnlen(s, count);
    if (count == (size_t)-1 && n >= size) {
        memcpy(d, s, (size - 1) * sizeof(WCHAR));
        d[size - 1] = 0;
        return 80; /* STRUNCATE */
    }
    if (n >= size) {
        *d = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(d, s, n * sizeof(WCHAR));
    d[n] = 0;
    return 0;
}
int CDECL msvcrt_wcscat_s(WCHAR *d, size_t size, const WCHAR *s)
{
    if (!d || !size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t dl = msvcrt_wcsnlen(d, size);
    if (!s || dl == size) {
        *d = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t n = msvcrt_wcslen(s);
    if (dl + n >= size) {
        *d = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(d + dl, s, (n + 1) * sizeof(WCHAR));
    return 0;
}
int CDECL msvcrt_wcsncat_s(WCHAR *d, size_t size, const WCHAR *s, size_t count)
{
    if (!d || !size) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t dl = msvcrt_wcsnlen(d, size);
    if ((!s && count) || dl == size) {
        *d = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t n = s ? msvcrt_wcsnlen(s, count) : 0;
    if (dl + n >= size) {
        if (count == (size_t)-1) {
            memcpy(d + dl, s, (size - dl - 1) * sizeof(WCHAR));
            d[size - 1] = 0;
            return 80;
        }
        *d = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(d + dl, s, n * sizeof(WCHAR));
    d[dl + n] = 0;
    return 0;
}

/* wmemcpy / wmemmove / wmemset / wmemchr / wmemcmp (newer msvcrt) */
WCHAR *CDECL msvcrt_wmemcpy(WCHAR *d, const WCHAR *s, size_t n)
{
    return memmove(d, s, n * sizeof(WCHAR));
}
WCHAR *CDECL msvcrt_wmemmove(WCHAR *d, const WCHAR *s, size_t n)
{
    return memmove(d, s, n * sizeof(WCHAR));
}
WCHAR *CDECL msvcrt_wmemset(WCHAR *d, WCHAR c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = c;
    return d;
}
WCHAR *CDECL msvcrt_wmemchr(const WCHAR *s, WCHAR c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == c)
            return (WCHAR *)s + i;
    return NULL;
}
int CDECL msvcrt_wmemcmp(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}
