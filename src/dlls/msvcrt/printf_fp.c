/* Floating-point conversions for printf (%e %f %g %a) with msvcrt's
 * conventions: exponents of at least three digits, ties rounded away from
 * zero on the exact decimal value (%.1f of 0.25 is 0.3, %.0f of 0.5 is 1),
 * and infinities and NaNs spelled as digits ("1.#INF", "1.#QNAN",
 * "-1.#IND", "1.#SNAN") that then go through the same precision and
 * rounding as numbers, which gives msvcrt's "1.#J" for %.2f of infinity.
 * glibc supplies the exact decimal digits; the rounding is done here.
 * The UCRT's variations come in as FPF_* flags (msvcrt.h): two-digit
 * exponents, C99 spellings ("inf", "nan", "nan(ind)", "nan(snan)") that
 * ignore the precision, and ties to even (glibc's own rounding). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <fenv.h>
#include <string.h>

#include "msvcrt.h"

/* printf flags shared with printf.c */
#define F_LEFT 0x01
#define F_ALT 0x08

/* Rounds the digit string d (length len) to keep characters, half up on
 * what follows. Works on the special-value "digits" too: any character
 * >= '5' rounds up and increments the previous one by one code point.
 * Returns 1 when the carry ran off the front (d is then all '0'). */
static int round_digits(char *d, int len, int keep)
{
    if (keep >= len || d[keep] < '5')
        return 0;
    for (int i = keep - 1; i >= 0; i--) {
        if (d[i] != '9') {
            d[i]++;
            return 0;
        }
        d[i] = '0';
    }
    return 1;
}

/* An exact tie cannot be told from glibc's correctly rounded extra digits
 * when they read 5000...0: then ask for all of them. */
static int ambiguous(const char *d, int len, int keep)
{
    if (keep >= len || d[keep] != '5')
        return 0;
    for (int i = keep + 1; i < len; i++)
        if (d[i] != '0')
            return 0;
    return 1;
}

struct digits {
    char *d;    /* digits, no point */
    int len;
    int intlen; /* %f: digits before the point; %e: exponent */
};

/* glibc's digits of |v| ("%.*e" or "%.*f" with precision prec, rounded
 * as the rounding mode says) after a '0' kept for a carry, without the
 * point: *intlen is where the point was (%f), *exp10 the exponent (%e).
 * NULL when out of memory. */
static char *glibc_digits(double v, int sci, int prec, int *len, int *intlen, int *exp10)
{
    const char *fmt = sci ? "%.*e" : "%.*f";
    char small[128], *s = small;
    int need = snprintf(small, sizeof small, fmt, prec, fabs(v));
    if (need >= (int)sizeof small) {
        if (!(s = malloc(need + 1)))
            return NULL;
        snprintf(s, need + 1, fmt, prec, fabs(v));
    }
    char *d = malloc(need + 3);
    if (d) {
        int n = 0;
        *intlen = *exp10 = 0;
        d[n++] = '0'; /* room for a carry */
        const char *p = s;
        for (; *p && *p != 'e'; p++) {
            if (*p == '.')
                *intlen = n;
            else
                d[n++] = *p;
        }
        if (!*intlen)
            *intlen = n;
        if (*p == 'e')
            *exp10 = atoi(p + 1);
        *len = n;
    }
    if (s != small)
        free(s);
    return d;
}

/* Whether |v| is exactly halfway between two multiples of 10^-f (of
 * 10^g, g = -f, when f < 0). |v| = m 2^e with m odd, so |v| 10^f is
 * m 5^f 2^(e+f): a half when e = -(f + 1); for f < 0 it is m 2^(e-g) / 5^g,
 * a half when e = g - 1 and 5^g divides m. */
static int is_tie(double v, int f)
{
    if (v == 0)
        return 0;
    int e;
    uint64_t m = (uint64_t)ldexp(frexp(fabs(v), &e), 53);
    e -= 53;
    int z = __builtin_ctzll(m);
    m >>= z;
    e += z;
    if (f >= 0)
        return e == -(f + 1);
    int g = -f;
    if (e != g - 1 || g > 22) /* 5^23 > 2^53 */
        return 0;
    uint64_t p = 1;
    while (g--)
        p *= 5;
    return m % p == 0;
}

/* |v| with `frac` decimals (fixed) or frac+1 significant digits (sci),
 * rounded half away from zero, or to even for the UCRT's standard
 * rounding. glibc rounds to nearest in the default rounding mode, so its
 * digits at the precision asked are msvcrt's unless |v| is an exact tie.
 * Otherwise, and under another rounding mode, 20 more digits tell where
 * |v| lies against the halfway point (all of them when those read
 * 5000...0) and the rounding is done here. */
static int get_digits(double v, int sci, int frac, struct digits *out,
                      int std_rounding)
{
    int len, intlen, exp10;
    char *d = glibc_digits(v, sci, frac, &len, &intlen, &exp10);
    if (!d)
        return -1;
    if (!std_rounding) {
        /* %e: the tie is at the (frac)th decimal of |v| / 10^exp10. When
         * glibc's rounding carried into the next power of ten, its exp10
         * is one more than |v|'s, but then every digit kept was a 9 and a
         * tie rounds up either way. */
        if (fegetround() != FE_TONEAREST || is_tie(v, sci ? frac - exp10 : frac)) {
            free(d);
            int keep = 0;
            for (int extra = 20;; extra = 1100) {
                if (!(d = glibc_digits(v, sci, frac + extra, &len, &intlen, &exp10)))
                    return -1;
                keep = sci ? 2 + frac : intlen + frac;
                if (extra == 1100 || !ambiguous(d, len, keep))
                    break;
                free(d);
            }
            round_digits(d, len, keep);
        }
    }
    /* drop the carry slot unless it was used */
    int start = d[0] == '0' ? 1 : 0;
    if (sci) {
        exp10 += 1 - start; /* 9.99 -> 10.0: one more power */
        out->intlen = exp10;
        out->len = frac + 1;
    } else {
        out->intlen = intlen - start;
        out->len = out->intlen + frac;
    }
    memmove(d, d + start, out->len);
    d[out->len] = 0;
    out->d = d;
    return 0;
}

/* "1#INF" etc. as a digit string, or NULL for a finite value. */
static const char *special_digits(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    uint64_t mant = bits & 0xfffffffffffffull;
    if (((bits >> 52) & 0x7ff) != 0x7ff)
        return NULL;
    if (!mant)
        return "1#INF";
    if (!(mant & 0x8000000000000ull))
        return "1#SNAN";
    if ((bits >> 63) && mant == 0x8000000000000ull)
        return "1#IND";
    return "1#QNAN";
}

static int special_fixed(const char *sp, int frac, struct digits *out,
                         int pad_zeros)
{
    int n = strlen(sp);
    int len = 1 + frac;
    char *d = malloc((len > n ? len : n) + 2);
    if (!d)
        return -1;
    memcpy(d, sp, n);
    for (int i = n; i < len; i++)
        d[i] = '0';
    round_digits(d, n > len ? n : len, len);
    if (!pad_zeros) /* '-' flag: msvcrt stops at the text (as Wine shows) */
        while (len > n)
            len--;
    d[len] = 0;
    out->d = d;
    out->len = len;
    out->intlen = 1;
    return 0;
}

static char *put_exp(char *p, int e, char ch, int exp_digits)
{
    *p++ = ch;
    *p++ = e < 0 ? '-' : '+';
    if (e < 0)
        e = -e;
    char tmp[8];
    int n = 0;
    do
        tmp[n++] = '0' + e % 10;
    while (e /= 10);
    while (n < exp_digits)
        tmp[n++] = '0';
    while (n)
        *p++ = tmp[--n];
    return p;
}

/* Writes the fixed form of dg ("ddd.ddd") to p. */
static char *put_fixed(char *p, const struct digits *dg, int frac, int alt)
{
    if (dg->intlen <= 0)
        *p++ = '0';
    for (int i = 0; i < dg->intlen; i++)
        *p++ = dg->d[i];
    if (frac > 0 || alt)
        *p++ = '.';
    for (int i = 0; i < frac; i++) {
        int k = dg->intlen + i;
        *p++ = k < 0 ? '0' : dg->d[k];
    }
    return p;
}

static char *strip_zeros(char *start, char *end)
{
    char *dot = memchr(start, '.', end - start);
    if (!dot)
        return end;
    char *e = dot;
    while (e < end && *e != 'e' && *e != 'E')
        e++;
    char *q = e;
    while (q > dot + 1 && q[-1] == '0')
        q--;
    if (q == dot + 1)
        q = dot;
    memmove(q, e, end - e);
    return q + (end - e);
}

static int hex_format(char *buf, size_t size, double v, int upper, int prec)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int bexp = (bits >> 52) & 0x7ff;
    uint64_t mant = bits & 0xfffffffffffffull;
    int lead = bexp ? 1 : 0;
    int e = bexp ? bexp - 1023 : (mant ? -1022 : 0);
    const char *hx = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    if (prec < 0)
        prec = 13;
    if (prec < 13) {
        /* round the 52-bit fraction to prec hex digits, half up */
        int drop = (13 - prec) * 4;
        uint64_t half = 1ull << (drop - 1);
        mant += half;
        if (mant >> 52) { /* carried into the leading digit: msvcrt keeps
                           * it there ("0x2.0p+0"), no renormalising */
            lead += 1;
            mant &= 0xfffffffffffffull;
        }
        mant >>= drop;
    }
    char tmp[64], *p = tmp;
    *p++ = '0';
    *p++ = upper ? 'X' : 'x';
    *p++ = '0' + lead;
    if (prec > 0)
        *p++ = '.';
    for (int i = 0; i < prec; i++) {
        if (i < 13) {
            int shift = (prec < 13 ? prec : 13) - 1 - i;
            *p++ = hx[(mant >> (shift * 4)) & 0xf];
        } else {
            *p++ = '0';
        }
        if (p - tmp > 40)
            break;
    }
    *p++ = upper ? 'P' : 'p';
    p += sprintf(p, "%+d", e);
    size_t n = p - tmp;
    if (n < size) {
        memcpy(buf, tmp, n);
        buf[n] = 0;
    }
    return (int)n;
}

/* Formats |v| for conversion conv into buf (NUL-terminated); the sign is
 * the caller's. prec < 0 means the default. Returns the length, or -1. */
int crt_fp_format(char *buf, size_t size, double v, char conv, int prec,
                  int flags)
{
    int upper = conv == 'E' || conv == 'G' || conv == 'A';
    int alt = flags & F_ALT;
    const char *sp = special_digits(v);
    struct digits dg = {0};
    char *out = NULL, *p;
    int n;
    int stdr = (flags & FPF_STD_ROUNDING) != 0;

    if (sp && (flags & FPF_C99_SPECIAL)) {
        const char *word = !strcmp(sp, "1#INF") ? "inf"
                         : !strcmp(sp, "1#IND") ? "nan(ind)"
                         : !strcmp(sp, "1#SNAN") ? "nan(snan)" : "nan";
        n = strlen(word);
        if ((size_t)n < size)
            for (int i = 0; i <= n; i++)
                buf[i] = upper || conv == 'F' ? (char)toupper((unsigned char)word[i])
                                              : word[i];
        return n;
    }
    int exp_digits = (flags & FPF_TWO_DIGIT_EXP) ? 2 : 3;

    if (conv == 'a' || conv == 'A') {
        if (!sp)
            return hex_format(buf, size, v, upper, prec);
        conv = 'e'; /* msvcrt spells infinities the same way here */
    }
    if (prec < 0)
        prec = 6;
    if (prec > 1100)
        prec = 1100;
    switch (conv) {
    case 'f':
    case 'F':
        if (sp ? special_fixed(sp, prec, &dg, !(flags & F_LEFT))
               : get_digits(v, 0, prec, &dg, stdr))
            return -1;
        out = malloc(dg.intlen + prec + 8);
        if (!out)
            break;
        p = put_fixed(out, &dg, sp ? dg.len - 1 : prec, alt);
        break;
    case 'e':
    case 'E':
        if (sp ? special_fixed(sp, prec, &dg, !(flags & F_LEFT))
               : get_digits(v, 1, prec, &dg, stdr))
            return -1;
        if (sp)
            dg.intlen = 0;
        else if (v == 0)
            dg.intlen = 0;
        out = malloc(prec + 16);
        if (!out)
            break;
        p = out;
        *p++ = dg.d[0];
        if (dg.len > 1 || alt)
            *p++ = '.';
        memcpy(p, dg.d + 1, dg.len - 1);
        p += dg.len - 1;
        p = put_exp(p, dg.intlen, upper ? 'E' : 'e', exp_digits);
        break;
    default: { /* g, G */
        int P = prec ? prec : 1;
        int x;
        if (sp) {
            x = 0;
        } else if (v == 0) {
            x = 0;
        } else {
            if (get_digits(v, 1, P - 1, &dg, stdr))
                return -1;
            x = dg.intlen;
            free(dg.d);
            dg.d = NULL;
        }
        if (x < -4 || x >= P) {
            if (get_digits(v, 1, P - 1, &dg, stdr))
                return -1;
            out = malloc(P + 16);
            if (!out)
                break;
            p = out;
            *p++ = dg.d[0];
            if (dg.len > 1 || alt)
                *p++ = '.';
            memcpy(p, dg.d + 1, dg.len - 1);
            p += dg.len - 1;
            p = put_exp(p, dg.intlen, upper ? 'E' : 'e', exp_digits);
        } else {
            int frac = P - 1 - x;
            if (sp ? special_fixed(sp, frac, &dg, 1)
                   : get_digits(v, 0, frac, &dg, stdr))
                return -1;
            out = malloc(dg.intlen + frac + 8);
            if (!out)
                break;
            p = put_fixed(out, &dg, frac, alt);
        }
        /* %g drops trailing zeros unless '#'; msvcrt always drops them
         * after an infinity or NaN */
        if (!alt || sp)
            p = strip_zeros(out, p);
        break;
    }
    }
    free(dg.d);
    if (!out)
        return -1;
    n = p - out;
    if ((size_t)n < size) {
        memcpy(buf, out, n);
        buf[n] = 0;
    }
    free(out);
    return n;
}
