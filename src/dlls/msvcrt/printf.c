/* The printf engine: one parser for narrow and wide format strings, one
 * output path through a sink (FILE, buffer, counter) that takes narrow or
 * wide text. msvcrt's rules, each checked under Wine
 * (tests/unit/msvcrt_printf.c):
 *   - %l is 32 bits, %ll/%I64/%j/%z/%t/%I are 64, %I32 is 32, %hh is %h;
 *     F and N are ignored (far/near); %L on an integer is 32 bits.
 *   - In printf %s/%c are narrow and %S/%C wide; in wprintf the reverse;
 *     h forces narrow, l/w force wide.
 *   - %p is 16 upper-case hex digits ("0X" prefix with '#').
 *   - A NULL string prints "(null)".
 *   - An unknown conversion character is printed as itself, without the
 *     width; "%5%" prints nothing (as Wine; "%%" prints "%").
 *   - Wide text going to narrow output goes through the locale (see
 *     locale.c): in "C", U+0000-U+00FF become single bytes, and a string
 *     holding any other character prints nothing, as under Wine.
 * The UCRT's rules (out->opts, PF_* in msvcrt.h; tests/programs/ucrt/
 * printf.c): %hh is a char, %F a conversion, "inf"/"nan"/"-nan(ind)"
 * with space padding only, two-digit exponents, %n refused unless
 * _set_printf_count_output, and without the legacy-wide option %s/%c are
 * narrow and %S/%C wide in both printf and wprintf. */
#include <math.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

#define F_LEFT 0x01
#define F_PLUS 0x02
#define F_SPACE 0x04
#define F_ALT 0x08
#define F_ZERO 0x10

struct spec {
    int flags, width, prec; /* prec -1: none */
    int i64, i32, shrt, chr, lng, wide, narrow;
};

int crt_printf_count_output;

int pf_put_narrow(struct pf_sink *out, const char *s, size_t n)
{
    if (!n)
        return 0;
    if (!out->wide) {
        out->count += n;
        return out->put(out, s, n);
    }
    /* narrow into wide output: UTF-8 -> UTF-16 */
    WCHAR tmp[256];
    while (n) {
        size_t chunk = n > 200 ? 200 : n;
        /* do not split a UTF-8 sequence */
        while (chunk < n && chunk > 0 && ((unsigned char)s[chunk] & 0xc0) == 0x80)
            chunk--;
        if (!chunk)
            chunk = n > 200 ? 200 : n;
        int w = crt_lc_mb2w(s, (int)chunk, tmp, ARRAY_SIZE(tmp));
        if (w > 0) {
            out->count += w;
            if (out->put(out, tmp, w))
                return -1;
        }
        s += chunk;
        n -= chunk;
    }
    return 0;
}

int pf_put_wide(struct pf_sink *out, const WCHAR *s, size_t n)
{
    if (!n)
        return 0;
    if (out->wide) {
        out->count += n;
        return out->put(out, s, n);
    }
    char tmp[600];
    while (n) {
        size_t chunk = n > 180 ? 180 : n;
        if (chunk < n && s[chunk - 1] >= 0xd800 && s[chunk - 1] < 0xdc00)
            chunk--;
        int b = crt_lc_w2mb(s, (int)chunk, tmp, sizeof tmp);
        if (b > 0) {
            out->count += b;
            if (out->put(out, tmp, b))
                return -1;
        }
        s += chunk;
        n -= chunk;
    }
    return 0;
}

static int put_repeat(struct pf_sink *out, char c, int n)
{
    char buf[64];
    memset(buf, c, sizeof buf);
    while (n > 0) {
        int k = n > 64 ? 64 : n;
        if (pf_put_narrow(out, buf, k))
            return -1;
        n -= k;
    }
    return 0;
}

/* Units a narrow string takes in this sink. */
static size_t narrow_units(struct pf_sink *out, const char *s, size_t n)
{
    return out->wide ? (size_t)crt_lc_mb2w(s, (int)n, NULL, 0) : n;
}

static size_t wide_units(struct pf_sink *out, const WCHAR *s, size_t n)
{
    return out->wide ? n : (size_t)crt_lc_w2mb(s, (int)n, NULL, 0);
}

/* Precision on a string limits output units, never splitting a
 * character; returns how many source units to take. */
static size_t clip_narrow(struct pf_sink *out, const char *s, size_t len,
                          int prec)
{
    if (prec < 0)
        return len;
    size_t n = 0, units = 0;
    while (n < len) {
        size_t k = 1;
        while (n + k < len && ((unsigned char)s[n + k] & 0xc0) == 0x80)
            k++;
        size_t u = narrow_units(out, s + n, k);
        if (units + u > (size_t)prec)
            break;
        units += u;
        n += k;
    }
    return n;
}

static size_t clip_wide(struct pf_sink *out, const WCHAR *s, size_t len,
                        int prec)
{
    if (prec < 0)
        return len;
    size_t n = 0, units = 0;
    while (n < len) {
        size_t k = (s[n] >= 0xd800 && s[n] < 0xdc00 && n + 1 < len) ? 2 : 1;
        size_t u = wide_units(out, s + n, k);
        if (units + u > (size_t)prec)
            break;
        units += u;
        n += k;
    }
    return n;
}

static int pad_left(struct pf_sink *out, const struct spec *sp, size_t units)
{
    if (!(sp->flags & F_LEFT) && sp->width > (int)units)
        return put_repeat(out, ' ', sp->width - (int)units);
    return 0;
}

static int pad_right(struct pf_sink *out, const struct spec *sp, size_t units)
{
    if ((sp->flags & F_LEFT) && sp->width > (int)units)
        return put_repeat(out, ' ', sp->width - (int)units);
    return 0;
}

static int emit_narrow_str(struct pf_sink *out, const struct spec *sp,
                           const char *s, int prec)
{
    size_t len = 0;
    if (prec >= 0)
        while (len < (size_t)prec * 4 + 4 && s[len])
            len++;
    else
        len = strlen(s);
    len = clip_narrow(out, s, len, prec);
    size_t units = narrow_units(out, s, len);
    if (pad_left(out, sp, units) || pf_put_narrow(out, s, len))
        return -1;
    return pad_right(out, sp, units);
}

static int emit_wide_str(struct pf_sink *out, const struct spec *sp,
                         const WCHAR *s, int prec)
{
    size_t len = 0;
    if (prec >= 0)
        while (len < (size_t)prec + 2 && s[len])
            len++;
    else
        while (s[len])
            len++;
    len = clip_wide(out, s, len, prec);
    /* a string the locale cannot represent prints nothing at all, not
     * even its padding (Wine: "[%S]" of L"x\x4e2dy" is "[]") */
    if (!out->wide && (size_t)crt_lc_w2mb(s, (int)len, NULL, 0) < len &&
        !msvcrt___lc_codepage)
        return 0;
    size_t units = wide_units(out, s, len);
    if (pad_left(out, sp, units) || pf_put_wide(out, s, len))
        return -1;
    return pad_right(out, sp, units);
}

/* sign/prefix, zero padding, digits: the layout every number shares. */
static int emit_number(struct pf_sink *out, const struct spec *sp,
                       const char *prefix, const char *body, size_t blen,
                       int zero_ok)
{
    size_t plen = strlen(prefix);
    int pad = sp->width - (int)(plen + blen);
    if (pad < 0)
        pad = 0;
    if (!(sp->flags & F_LEFT) && !((sp->flags & F_ZERO) && zero_ok) &&
        put_repeat(out, ' ', pad))
        return -1;
    if (pf_put_narrow(out, prefix, plen))
        return -1;
    if (!(sp->flags & F_LEFT) && (sp->flags & F_ZERO) && zero_ok &&
        put_repeat(out, '0', pad))
        return -1;
    if (pf_put_narrow(out, body, blen))
        return -1;
    if ((sp->flags & F_LEFT) && put_repeat(out, ' ', pad))
        return -1;
    return 0;
}

static int emit_int(struct pf_sink *out, struct spec *sp, char conv,
                    ULONGLONG v, int negative)
{
    char digits[80], body[600], prefix[4] = "";
    int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
    const char *hex = conv == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
    int n = 0;
    ULONGLONG u = v;
    /* one loop per base: a constant divisor is a multiplication, where a
     * variable one is a 64-bit div (15-40 cycles) for every digit */
    if (base == 10)
        for (; u; u /= 10)
            digits[n++] = (char)('0' + u % 10);
    else if (base == 16)
        for (; u; u >>= 4)
            digits[n++] = hex[u & 15];
    else
        for (; u; u >>= 3)
            digits[n++] = (char)('0' + (u & 7));
    int prec = sp->prec;
    if (prec > 512)
        prec = 512;
    if (prec < 0)
        prec = 1;
    if (conv == 'o' && (sp->flags & F_ALT) && n >= prec)
        prec = n + 1; /* '#' on octal forces a leading zero */
    int len = 0;
    for (int i = n; i < prec; i++)
        body[len++] = '0';
    while (n)
        body[len++] = digits[--n];
    if (conv == 'd' || conv == 'i') {
        if (negative)
            strcpy(prefix, "-");
        else if (sp->flags & F_PLUS)
            strcpy(prefix, "+");
        else if (sp->flags & F_SPACE)
            strcpy(prefix, " ");
    } else if ((sp->flags & F_ALT) && v && (base == 16)) {
        prefix[0] = '0';
        prefix[1] = conv == 'x' ? 'x' : 'X';
        prefix[2] = 0;
    }
    /* msvcrt keeps '0' padding even with a precision: "%08.3d" of 7 is
     * "00000007" (Wine), where ANSI C would give "     007" */
    return emit_number(out, sp, prefix, body, len, 1);
}

static int emit_float(struct pf_sink *out, struct spec *sp, char conv, double v)
{
    char small[400];
    char *buf = small;
    int flags = sp->flags, zero_ok = 1;
    ULONGLONG o = out->opts;
    if (o & PF_UCRT) {
        if (!(o & PF_THREE_DIGIT_EXP))
            flags |= FPF_TWO_DIGIT_EXP;
        if (!(o & PF_LEGACY_MSVCRT)) {
            flags |= FPF_C99_SPECIAL;
            zero_ok = isfinite(v); /* "%010f" of inf: "       inf" */
        }
        if (o & PF_STANDARD_ROUNDING)
            flags |= FPF_STD_ROUNDING;
    }
    int n = crt_fp_format(buf, sizeof small, v, conv, sp->prec, flags);
    if (n < 0)
        return -1;
    if ((size_t)n >= sizeof small) {
        buf = msvcrt_malloc(n + 1);
        if (!buf)
            return -1;
        crt_fp_format(buf, n + 1, v, conv, sp->prec, flags);
    }
    const char *prefix = signbit(v) ? "-" : (sp->flags & F_PLUS) ? "+"
                         : (sp->flags & F_SPACE) ? " " : "";
    int r = emit_number(out, sp, prefix, buf, n, zero_ok);
    if (buf != small)
        msvcrt_free(buf);
    return r;
}

/* %s/%c take the format's own width, %S/%C the other one; h forces
 * narrow and l/w force wide. The UCRT without its legacy-wide option
 * follows ISO C: %s/%c narrow, %S/%C wide, whatever the format. */
static int arg_is_wide(int upper, int fmt_wide, const struct spec *sp,
                       ULONGLONG opts)
{
    if (sp->narrow)
        return 0;
    if (sp->wide)
        return 1;
    if ((opts & PF_UCRT) && !(opts & PF_LEGACY_WIDE))
        return upper;
    return upper ? !fmt_wide : fmt_wide;
}

static inline int fmt_at(const void *fmt, int wide, size_t i)
{
    return wide ? ((const WCHAR *)fmt)[i] : ((const unsigned char *)fmt)[i];
}

/* Formats into out. Returns 0, or -1 when the sink refused output. */
int crt_format(struct pf_sink *out, const void *fmt, int fw, WIN_VA_LIST ap)
{
    size_t i = 0;
    int ucrt = (out->opts & PF_UCRT) != 0;
    for (;;) {
        /* literal run */
        size_t start = i;
        int c;
        while ((c = fmt_at(fmt, fw, i)) && c != '%')
            i++;
        if (i > start) {
            int r = fw ? pf_put_wide(out, (const WCHAR *)fmt + start, i - start)
                       : pf_put_narrow(out, (const char *)fmt + start, i - start);
            if (r)
                return -1;
        }
        if (!c)
            return 0;
        i++; /* '%' */
        if (fmt_at(fmt, fw, i) == '%') {
            if (pf_put_narrow(out, "%", 1))
                return -1;
            i++;
            continue;
        }
        struct spec sp = {.prec = -1};
        for (;; i++) {
            c = fmt_at(fmt, fw, i);
            if (c == '-') sp.flags |= F_LEFT;
            else if (c == '+') sp.flags |= F_PLUS;
            else if (c == ' ') sp.flags |= F_SPACE;
            else if (c == '#') sp.flags |= F_ALT;
            else if (c == '0') sp.flags |= F_ZERO;
            else break;
        }
        if (c == '*') {
            sp.width = __builtin_va_arg(ap, int);
            if (sp.width < 0) {
                sp.flags |= F_LEFT;
                sp.width = -sp.width;
            }
            c = fmt_at(fmt, fw, ++i);
        } else {
            while (c >= '0' && c <= '9') {
                sp.width = sp.width * 10 + (c - '0');
                c = fmt_at(fmt, fw, ++i);
            }
        }
        if (c == '.') {
            sp.prec = 0;
            c = fmt_at(fmt, fw, ++i);
            if (c == '*') {
                sp.prec = __builtin_va_arg(ap, int);
                if (sp.prec < 0)
                    sp.prec = -1;
                c = fmt_at(fmt, fw, ++i);
            } else {
                while (c >= '0' && c <= '9') {
                    sp.prec = sp.prec * 10 + (c - '0');
                    c = fmt_at(fmt, fw, ++i);
                }
            }
        }
        /* size prefixes */
        for (;;) {
            if (c == 'h') {
                if (ucrt && sp.shrt)
                    sp.chr = 1; /* %hh */
                sp.shrt = 1;
                sp.narrow = 1;
                sp.wide = 0;
            } else if (c == 'l') {
                if (fmt_at(fmt, fw, i + 1) == 'l') {
                    sp.i64 = 1;
                    i++;
                } else {
                    sp.lng = 1;
                    sp.wide = 1;
                    sp.narrow = 0;
                }
            } else if (c == 'w') {
                sp.wide = 1;
            } else if (c == 'L' || (c == 'F' && !ucrt) || c == 'N') {
                /* long double is double; far/near mean nothing */
            } else if (c == 'z' || c == 'j' || c == 't') {
                sp.i64 = 1;
            } else if (c == 'I') {
                int c1 = fmt_at(fmt, fw, i + 1), c2 = c1 ? fmt_at(fmt, fw, i + 2) : 0;
                if (c1 == '6' && c2 == '4') {
                    sp.i64 = 1;
                    i += 2;
                } else if (c1 == '3' && c2 == '2') {
                    sp.i32 = 1;
                    sp.i64 = 0;
                    i += 2;
                } else if (c1 && strchr("diouxX", c1)) {
                    sp.i64 = 1;
                } else {
                    break; /* 'I' is then the conversion: printed as is */
                }
            } else {
                break;
            }
            c = fmt_at(fmt, fw, ++i);
        }
        if (!c)
            return 0;
        i++;
        int r = 0;
        switch (c) {
        case 'd':
        case 'i': {
            LONGLONG v = sp.i64 ? __builtin_va_arg(ap, LONGLONG)
                                : (LONGLONG)__builtin_va_arg(ap, int);
            if (sp.chr && !sp.i64)
                v = (signed char)v;
            else if (sp.shrt && !sp.i64)
                v = (short)v;
            r = emit_int(out, &sp, 'd', v < 0 ? -(ULONGLONG)v : (ULONGLONG)v,
                         v < 0);
            break;
        }
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
            ULONGLONG v = sp.i64 ? __builtin_va_arg(ap, ULONGLONG)
                                 : (ULONGLONG)__builtin_va_arg(ap, unsigned);
            if (sp.chr && !sp.i64)
                v = (unsigned char)v;
            else if (sp.shrt && !sp.i64)
                v = (unsigned short)v;
            r = emit_int(out, &sp, c, v, 0);
            break;
        }
        case 'p': {
            ULONGLONG v = (ULONGLONG)__builtin_va_arg(ap, void *);
            if (sp.prec < 0 || sp.prec < 16)
                sp.prec = 16;
            sp.flags &= ~F_ZERO;
            r = emit_int(out, &sp, 'p', v, 0);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            r = emit_float(out, &sp, c, __builtin_va_arg(ap, double));
            break;
        case 'c':
        case 'C': {
            int v = __builtin_va_arg(ap, int);
            int wide = arg_is_wide(c == 'C', fw, &sp, out->opts);
            if (sp.prec == 0) { /* Wine prints nothing for %.0c */
                r = pad_left(out, &sp, 0) || pad_right(out, &sp, 0);
                break;
            }
            struct spec s1 = sp;
            s1.prec = -1;
            if (wide) {
                WCHAR w[2] = {(WCHAR)v, 0};
                r = emit_wide_str(out, &s1, w, 1);
            } else {
                char ch[2] = {(char)v, 0};
                if (out->wide) {
                    /* one byte into wide output: ASCII as is, other bytes
                     * cannot be a whole UTF-8 character: keep the value */
                    WCHAR w[2] = {(unsigned char)v, 0};
                    r = emit_wide_str(out, &s1, w, 1);
                } else {
                    r = pad_left(out, &s1, 1) || pf_put_narrow(out, ch, 1) ||
                        pad_right(out, &s1, 1);
                }
            }
            break;
        }
        case 's':
        case 'S': {
            void *p = __builtin_va_arg(ap, void *);
            int wide = arg_is_wide(c == 'S', fw, &sp, out->opts);
            if (!p)
                r = emit_narrow_str(out, &sp, "(null)", sp.prec);
            else if (wide)
                r = emit_wide_str(out, &sp, p, sp.prec);
            else
                r = emit_narrow_str(out, &sp, p, sp.prec);
            break;
        }
        case 'n': {
            if (ucrt && !crt_printf_count_output) {
                /* the UCRT refuses %n by default: the invalid-parameter
                 * handler runs and the call fails, its output so far kept */
                crt_ucrt_invalid_parameter();
                return -1;
            }
            void *p = __builtin_va_arg(ap, void *);
            if (!p)
                break;
            if (sp.i64)
                *(LONGLONG *)p = out->count;
            else if (sp.chr)
                *(signed char *)p = (signed char)out->count;
            else if (sp.shrt)
                *(short *)p = (short)out->count;
            else
                *(int *)p = (int)out->count;
            break;
        }
        case '%':
            break; /* "%5%": nothing, as Wine */
        default: {
            char ch = (char)c;
            if (fw) {
                WCHAR w = (WCHAR)c;
                r = pf_put_wide(out, &w, 1);
            } else {
                r = pf_put_narrow(out, &ch, 1);
            }
            break;
        }
        }
        if (r)
            return -1;
    }
}
