/* Integer and floating-point to text: the _itoa family (a minus sign only
 * in base 10; other bases show the two's-complement value of the type,
 * so _itoa(-255, b, 16) is "ffffff01") and _ecvt/_fcvt/_gcvt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

/* Digits of v (with '-' if neg) into buf; returns the length. */
static int to_digits(ULONGLONG v, int neg, int base, char *buf)
{
    char tmp[72];
    int n = 0, len = 0;
    do {
        int d = v % base;
        tmp[n++] = d < 10 ? '0' + d : 'a' + d - 10;
        v /= base;
    } while (v);
    if (neg)
        buf[len++] = '-';
    while (n)
        buf[len++] = tmp[--n];
    buf[len] = 0;
    return len;
}

static char *narrow(ULONGLONG v, int neg, char *out, int base)
{
    if (base < 2 || base > 36) {
        crt_set_errno(M_EINVAL);
        if (out)
            *out = 0;
        return out;
    }
    char tmp[72];
    int n = to_digits(v, neg, base, tmp);
    memcpy(out, tmp, n + 1);
    return out;
}

static WCHAR *wide(ULONGLONG v, int neg, WCHAR *out, int base)
{
    if (base < 2 || base > 36) {
        crt_set_errno(M_EINVAL);
        if (out)
            *out = 0;
        return out;
    }
    char tmp[72];
    int n = to_digits(v, neg, base, tmp);
    for (int i = 0; i <= n; i++)
        out[i] = (unsigned char)tmp[i];
    return out;
}

#define SIGNED32(v, base) ((base) == 10 && (v) < 0 ? -(ULONGLONG)(LONGLONG)(v) : (ULONGLONG)(ULONG)(v)), ((base) == 10 && (v) < 0)
#define SIGNED64(v, base) ((base) == 10 && (v) < 0 ? -(ULONGLONG)(v) : (ULONGLONG)(v)), ((base) == 10 && (v) < 0)

/* _itoa _ltoa _ultoa _i64toa _ui64toa and the wide forms (msvcrt) */
char *CDECL msvcrt__itoa(int v, char *out, int base) { return narrow(SIGNED32(v, base), out, base); }
char *CDECL msvcrt__ltoa(LONG v, char *out, int base) { return narrow(SIGNED32(v, base), out, base); }
char *CDECL msvcrt__ultoa(ULONG v, char *out, int base) { return narrow(v, 0, out, base); }
char *CDECL msvcrt__i64toa(LONGLONG v, char *out, int base) { return narrow(SIGNED64(v, base), out, base); }
char *CDECL msvcrt__ui64toa(ULONGLONG v, char *out, int base) { return narrow(v, 0, out, base); }
WCHAR *CDECL msvcrt__itow(int v, WCHAR *out, int base) { return wide(SIGNED32(v, base), out, base); }
WCHAR *CDECL msvcrt__ltow(LONG v, WCHAR *out, int base) { return wide(SIGNED32(v, base), out, base); }
WCHAR *CDECL msvcrt__ultow(ULONG v, WCHAR *out, int base) { return wide(v, 0, out, base); }
WCHAR *CDECL msvcrt__i64tow(LONGLONG v, WCHAR *out, int base) { return wide(SIGNED64(v, base), out, base); }
WCHAR *CDECL msvcrt__ui64tow(ULONGLONG v, WCHAR *out, int base) { return wide(v, 0, out, base); }

/* The _s forms check the buffer: ERANGE leaves "" behind. */
static int narrow_s(ULONGLONG v, int neg, char *out, size_t size, int base)
{
    char tmp[72];
    if (!out || !size || base < 2 || base > 36) {
        if (out && size)
            *out = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    int n = to_digits(v, neg, base, tmp);
    if ((size_t)n >= size) {
        *out = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(out, tmp, n + 1);
    return 0;
}
static int wide_s(ULONGLONG v, int neg, WCHAR *out, size_t size, int base)
{
    char tmp[72];
    if (!out || !size || base < 2 || base > 36) {
        if (out && size)
            *out = 0;
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    int n = to_digits(v, neg, base, tmp);
    if ((size_t)n >= size) {
        *out = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    for (int i = 0; i <= n; i++)
        out[i] = (unsigned char)tmp[i];
    return 0;
}

/* _itoa_s _ltoa_s _ultoa_s _i64toa_s _ui64toa_s and wide (msvcrt) */
int CDECL msvcrt__itoa_s(int v, char *o, size_t n, int b) { return narrow_s(SIGNED32(v, b), o, n, b); }
int CDECL msvcrt__ltoa_s(LONG v, char *o, size_t n, int b) { return narrow_s(SIGNED32(v, b), o, n, b); }
int CDECL msvcrt__ultoa_s(ULONG v, char *o, size_t n, int b) { return narrow_s(v, 0, o, n, b); }
int CDECL msvcrt__i64toa_s(LONGLONG v, char *o, size_t n, int b) { return narrow_s(SIGNED64(v, b), o, n, b); }
int CDECL msvcrt__ui64toa_s(ULONGLONG v, char *o, size_t n, int b) { return narrow_s(v, 0, o, n, b); }
int CDECL msvcrt__itow_s(int v, WCHAR *o, size_t n, int b) { return wide_s(SIGNED32(v, b), o, n, b); }
int CDECL msvcrt__ltow_s(LONG v, WCHAR *o, size_t n, int b) { return wide_s(SIGNED32(v, b), o, n, b); }
int CDECL msvcrt__ultow_s(ULONG v, WCHAR *o, size_t n, int b) { return wide_s(v, 0, o, n, b); }
int CDECL msvcrt__i64tow_s(LONGLONG v, WCHAR *o, size_t n, int b) { return wide_s(SIGNED64(v, b), o, n, b); }
int CDECL msvcrt__ui64tow_s(ULONGLONG v, WCHAR *o, size_t n, int b) { return wide_s(v, 0, o, n, b); }

/* _ecvt / _fcvt core: digits only, decimal point position and sign. */
static char *cvt(double v, int ndigits, int *decpt, int *sign, int fixed,
                 char *buf, size_t size)
{
    char tmp[400];
    *sign = v < 0 || (v == 0 && 1 / v < 0);
    if (v < 0)
        v = -v;
    if (fixed) {
        if (ndigits > 300)
            ndigits = 300;
        if (ndigits < -300)
            ndigits = -300;
    } else if (ndigits > 348) {
        ndigits = 348;
    }
    if (v == 0) {
        int n = fixed ? (ndigits > 0 ? ndigits : 0) : (ndigits > 0 ? ndigits : 1);
        if ((size_t)n >= size)
            n = size - 1;
        memset(buf, '0', n);
        buf[n] = 0;
        *decpt = fixed ? 0 : 1;
        return buf;
    }
    /* %e gives the exponent; then the digits come from %e or %f with
     * msvcrt's rounding (printf_fp.c). */
    int flen = crt_fp_format(tmp, sizeof tmp, v, 'e', 0, 0);
    int exp10 = flen > 0 ? atoi(strchr(tmp, 'e') + 1) : 0;
    int ndig = fixed ? exp10 + 1 + ndigits : ndigits;
    if (ndig <= 0) {
        /* rounds to nothing, or to one unit at the last kept place */
        if (ndig == 0) {
            crt_fp_format(tmp, sizeof tmp, v, 'e', 0, 0);
            if (tmp[0] >= '5') {
                buf[0] = '1';
                buf[1] = 0;
                *decpt = exp10 + 1;
                return buf;
            }
        }
        buf[0] = 0;
        *decpt = fixed ? -ndigits : 0;
        return buf;
    }
    if (ndig > 360)
        ndig = 360;
    crt_fp_format(tmp, sizeof tmp, v, 'e', ndig - 1, 0);
    char *e = strchr(tmp, 'e');
    int rexp = atoi(e + 1);
    size_t n = 0;
    for (char *p = tmp; p < e && n + 1 < size; p++)
        if (*p != '.')
            buf[n++] = *p;
    if (rexp != exp10 && fixed && n + 1 < size)
        buf[n++] = '0'; /* rounding added a digit before the point */
    buf[n] = 0;
    *decpt = rexp + 1;
    return buf;
}

/* _ecvt / _fcvt (msvcrt): a per-thread buffer. */
char *CDECL msvcrt__ecvt(double v, int ndigits, int *decpt, int *sign)
{
    struct crt_thread *t = crt_thread();
    if (!t->efcvt_buf && !(t->efcvt_buf = msvcrt_malloc(400)))
        return NULL;
    return cvt(v, ndigits, decpt, sign, 0, t->efcvt_buf, 400);
}
char *CDECL msvcrt__fcvt(double v, int ndigits, int *decpt, int *sign)
{
    struct crt_thread *t = crt_thread();
    if (!t->efcvt_buf && !(t->efcvt_buf = msvcrt_malloc(400)))
        return NULL;
    return cvt(v, ndigits, decpt, sign, 1, t->efcvt_buf, 400);
}

/* _ecvt_s / _fcvt_s (msvcrt) */
int CDECL msvcrt__ecvt_s(char *buf, size_t size, double v, int ndigits,
                         int *decpt, int *sign)
{
    if (!buf || !size || !decpt || !sign)
        return M_EINVAL;
    cvt(v, ndigits, decpt, sign, 0, buf, size);
    return 0;
}
int CDECL msvcrt__fcvt_s(char *buf, size_t size, double v, int ndigits,
                         int *decpt, int *sign)
{
    if (!buf || !size || !decpt || !sign)
        return M_EINVAL;
    cvt(v, ndigits, decpt, sign, 1, buf, size);
    return 0;
}

/* _gcvt (msvcrt): like %.*g but msvcrt keeps a trailing '.' and writes
 * the exponent with three digits. */
char *CDECL msvcrt__gcvt(double v, int ndigits, char *buf)
{
    char tmp[400];
    int n = crt_fp_format(tmp, sizeof tmp, v < 0 ? -v : v, 'g',
                          ndigits > 0 ? ndigits : 1, 0);
    if (n < 0)
        return NULL;
    int k = 0;
    if (v < 0)
        buf[k++] = '-';
    memcpy(buf + k, tmp, n + 1);
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        size_t l = strlen(buf);
        buf[l] = '.';
        buf[l + 1] = 0;
    }
    return buf;
}

/* _gcvt_s (msvcrt) */
int CDECL msvcrt__gcvt_s(char *buf, size_t size, double v, int ndigits)
{
    char tmp[420];
    if (!buf || !size)
        return M_EINVAL;
    msvcrt__gcvt(v, ndigits, tmp);
    if (strlen(tmp) >= size) {
        *buf = 0;
        return M_ERANGE;
    }
    strcpy(buf, tmp);
    return 0;
}
