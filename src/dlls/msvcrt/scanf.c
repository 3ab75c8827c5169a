/* The scanf family: one engine over narrow or wide input (a string or a
 * stream) and a narrow or wide format. msvcrt's rules: %l is 32 bits for
 * integers and double for floats, %I64/%ll are 64 bits, h is short (hh
 * too), %S/%C take the other width, %[...] accepts ranges, integers wrap
 * rather than clamp, and the result is EOF only when the input ends before
 * anything was converted or matched (the Visual C++ CRT's rule; Wine 8
 * returns 0 for sscanf("   ", "%d") and sscanf("0x", "%x"), Windows -1). */
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

static int sf_get(struct sf_source *in)
{
    int c = in->get(in);
    if (c >= 0)
        in->consumed++;
    return c;
}

static void sf_unget(struct sf_source *in, int c)
{
    if (c >= 0) {
        in->unget(in, c);
        in->consumed--;
    }
}

static int sf_space(int c)
{
    return c == ' ' || (c >= 9 && c <= 13) ||
           (c > 0x7f && crt_iswctype((WCHAR)c, C_SPACE));
}

static int fmt_at(const void *fmt, int wide, size_t i)
{
    return wide ? ((const WCHAR *)fmt)[i] : ((const unsigned char *)fmt)[i];
}

/* Is c in the %[...] set at fmt[start..end)? */
static int in_set(const void *fmt, int fw, size_t start, size_t end, int c)
{
    for (size_t i = start; i < end; i++) {
        int a = fmt_at(fmt, fw, i);
        if (i + 2 < end && fmt_at(fmt, fw, i + 1) == '-') {
            int b = fmt_at(fmt, fw, i + 2);
            int lo = a < b ? a : b, hi = a < b ? b : a;
            if (c >= lo && c <= hi)
                return 1;
            i += 2;
            continue;
        }
        if (a == c)
            return 1;
    }
    return 0;
}

static int digit_val(int c, int base)
{
    int v = c >= '0' && c <= '9' ? c - '0'
          : c >= 'a' && c <= 'z' ? c - 'a' + 10
          : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    return v < base ? v : -1;
}

/* Stores one converted unit of a string/char conversion. */
static void store_unit(void **dst, int dst_wide, int c, int in_wide)
{
    if (dst_wide) {
        WCHAR w = (WCHAR)c;
        if (!in_wide) {
            char b = (char)c;
            crt_mbtowc(&w, &b, 1);
        }
        *(*(WCHAR **)dst)++ = w;
    } else if (in_wide) {
        char mb[8];
        int n = crt_wctomb(mb, (WCHAR)c);
        for (int i = 0; i < n; i++)
            *(*(char **)dst)++ = mb[i];
    } else {
        *(*(char **)dst)++ = (char)c;
    }
}

int crt_scan(struct sf_source *in, const void *fmt, int fw, WIN_VA_LIST ap)
{
    int ucrt = (in->opts & SF_UCRT) != 0;
    int assigned = 0, converted_any = 0;
    size_t i = 0;
    int c;
    for (;;) {
        int f = fmt_at(fmt, fw, i);
        if (!f)
            break;
        if (sf_space(f)) {
            while (sf_space(fmt_at(fmt, fw, i)))
                i++;
            while (sf_space(c = sf_get(in)))
                ;
            sf_unget(in, c);
            continue;
        }
        if (f != '%' || fmt_at(fmt, fw, i + 1) == '%') {
            if (f == '%')
                i++;
            i++;
            c = sf_get(in);
            if (c != f) {
                sf_unget(in, c);
                if (c < 0 && !converted_any)
                    return -1;
                break;
            }
            converted_any = 1; /* a matched literal: no EOF result after it */
            continue;
        }
        i++;
        int suppress = 0, width = 0, i64 = 0, shrt = 0, chr = 0, lng = 0, wide = 0, narrow = 0;
        if (fmt_at(fmt, fw, i) == '*') {
            suppress = 1;
            i++;
        }
        while ((f = fmt_at(fmt, fw, i)) >= '0' && f <= '9') {
            width = width * 10 + (f - '0');
            i++;
        }
        for (;; i++) {
            f = fmt_at(fmt, fw, i);
            if (f == 'h') { chr = ucrt && shrt; shrt = 1; narrow = 1; wide = 0; }
            else if (f == 'l') {
                if (fmt_at(fmt, fw, i + 1) == 'l') { i64 = 1; i++; }
                else { lng = 1; wide = 1; narrow = 0; }
            }
            else if (f == 'w') wide = 1;
            else if (f == 'L') lng |= ucrt; /* UCRT: long double is double */
            else if (f == 'F' || f == 'N') ;
            else if (f == 'z' || f == 'j' || f == 't') i64 = 1;
            else if (f == 'I') {
                if (fmt_at(fmt, fw, i + 1) == '6' && fmt_at(fmt, fw, i + 2) == '4') { i64 = 1; i += 2; }
                else if (fmt_at(fmt, fw, i + 1) == '3' && fmt_at(fmt, fw, i + 2) == '2') { i64 = 0; i += 2; }
                else i64 = 1;
            } else break;
        }
        int conv = f;
        if (!conv)
            break;
        i++;
        if (conv != 'c' && conv != 'C' && conv != '[' && conv != 'n') {
            while (sf_space(c = sf_get(in)))
                ;
            sf_unget(in, c);
        }
        switch (conv) {
        case 'n':
            if (!suppress) {
                void *p = __builtin_va_arg(ap, void *);
                if (i64) *(LONGLONG *)p = in->consumed;
                else if (shrt) *(short *)p = (short)in->consumed;
                else *(int *)p = in->consumed;
            }
            continue;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p': {
            int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16
                       : conv == 'i' ? 0 : 10;
            if (conv == 'p')
                i64 = 1;
            if (!width)
                width = -1;
            int neg = 0, ndig = 0;
            c = sf_get(in);
            if ((c == '-' || c == '+') && width) {
                neg = c == '-';
                width--;
                c = sf_get(in);
            }
            if (c == '0' && width && (base == 0 || base == 16)) {
                ndig = 1;
                width--;
                c = sf_get(in);
                if ((c == 'x' || c == 'X') && width) {
                    base = 16;
                    ndig = 0;
                    width--;
                    c = sf_get(in);
                } else if (base == 0) {
                    base = 8;
                }
            }
            if (!base)
                base = 10;
            ULONGLONG v = 0;
            int d;
            while (width && c >= 0 && (d = digit_val(c, base)) >= 0) {
                v = v * base + d;
                ndig++;
                width--;
                c = sf_get(in);
            }
            sf_unget(in, c);
            if (!ndig) {
                if (c < 0 && !converted_any)
                    return -1;
                return assigned;
            }
            converted_any = 1;
            if (neg)
                v = 0 - v;
            if (!suppress) {
                void *p = __builtin_va_arg(ap, void *);
                if (i64) *(ULONGLONG *)p = v;
                else if (chr) *(unsigned char *)p = (unsigned char)v;
                else if (shrt) *(unsigned short *)p = (unsigned short)v;
                else *(unsigned *)p = (unsigned)v;
                assigned++;
            }
            continue;
        }
        case 'e': case 'E': case 'f': case 'g': case 'G': case 'a': case 'A': {
            char buf[400];
            int n = 0, seen_digit = 0, seen_exp = 0, seen_dot = 0;
            if (!width || width > (int)sizeof buf - 1)
                width = sizeof buf - 1;
            c = sf_get(in);
            if ((c == '-' || c == '+') && n < width) {
                buf[n++] = (char)c;
                c = sf_get(in);
            }
            /* decimal syntax; "inf"/"nan" words also accepted as strtod does */
            while (n < width && c >= 0) {
                if (c >= '0' && c <= '9') {
                    seen_digit = 1;
                } else if (c == '.' && !seen_dot && !seen_exp) {
                    seen_dot = 1;
                } else if ((c == 'e' || c == 'E') && seen_digit && !seen_exp) {
                    /* an exponent needs digits: "1e" is a failed field */
                    seen_exp = 1;
                    buf[n++] = (char)c;
                    c = sf_get(in);
                    if ((c == '-' || c == '+') && n < width) {
                        buf[n++] = (char)c;
                        c = sf_get(in);
                    }
                    if (!(c >= '0' && c <= '9') || n >= width) {
                        sf_unget(in, c);
                        if (c < 0 && !converted_any)
                            return -1;
                        return assigned;
                    }
                    continue;
                } else {
                    break;
                }
                buf[n++] = (char)c;
                c = sf_get(in);
            }
            sf_unget(in, c);
            buf[n] = 0;
            if (!seen_digit) {
                if (c < 0 && !converted_any)
                    return -1;
                return assigned;
            }
            converted_any = 1;
            double v = strtod(buf, NULL);
            if (!suppress) {
                void *p = __builtin_va_arg(ap, void *);
                if (lng || i64)
                    *(double *)p = v;
                else
                    *(float *)p = (float)v;
                assigned++;
            }
            continue;
        }
        case 's': case 'S': case 'c': case 'C': case '[': {
            int upper = conv == 'S' || conv == 'C';
            int dst_wide = narrow ? 0 : wide ? 1
                           : ucrt && !(in->opts & SF_LEGACY_WIDE) ? upper
                           : upper ? !fw : fw;
            size_t set_start = 0, set_end = 0;
            int negate = 0;
            if (conv == '[') {
                if (fmt_at(fmt, fw, i) == '^') {
                    negate = 1;
                    i++;
                }
                set_start = i;
                if (fmt_at(fmt, fw, i) == ']')
                    i++;
                while (fmt_at(fmt, fw, i) && fmt_at(fmt, fw, i) != ']')
                    i++;
                set_end = i;
                if (fmt_at(fmt, fw, i))
                    i++;
            }
            int is_char = conv == 'c' || conv == 'C';
            if (!width)
                width = is_char ? 1 : -1;
            void *dst = suppress ? NULL : __builtin_va_arg(ap, void *);
            void *start = dst;
            /* the _s forms pass each buffer's size (in units) after it */
            size_t room = (size_t)-1;
            if (dst && (in->opts & SF_SECURECRT))
                room = __builtin_va_arg(ap, unsigned);
            int n = 0;
            while (width) {
                c = sf_get(in);
                if (c < 0)
                    break;
                int ok = is_char ? 1
                         : conv == '[' ? in_set(fmt, fw, set_start, set_end, c) != negate
                         : !sf_space(c);
                if (!ok) {
                    sf_unget(in, c);
                    break;
                }
                if (dst && (size_t)n + !is_char >= room) {
                    /* too small: an empty string, and scanning stops */
                    if (room) {
                        if (dst_wide)
                            *(WCHAR *)start = 0;
                        else
                            *(char *)start = 0;
                    }
                    return assigned;
                }
                if (dst)
                    store_unit(&dst, dst_wide, c, in->wide);
                n++;
                width--;
            }
            if (!n) {
                if (c < 0 && !converted_any)
                    return -1;
                return assigned;
            }
            converted_any = 1;
            if (dst) {
                if (!is_char)
                    store_unit(&dst, dst_wide, 0, 0);
                assigned += dst != start;
            }
            continue;
        }
        default:
            return assigned;
        }
    }
    return assigned;
}

/* Sources: a string of either width, a locked stream. */
struct str_source {
    struct sf_source base;
    const void *s;
    size_t pos, len; /* len (size_t)-1: until the terminator */
};

static int str_get(struct sf_source *src)
{
    struct str_source *s = (struct str_source *)src;
    if (s->pos >= s->len)
        return -1;
    int c = src->wide ? ((const WCHAR *)s->s)[s->pos]
                      : ((const unsigned char *)s->s)[s->pos];
    if (!c)
        return -1;
    s->pos++;
    return c;
}
static void str_unget(struct sf_source *src, int c) { ((struct str_source *)src)->pos--; }

struct file_source {
    struct sf_source base;
    MSVCRT_FILE *f;
};
static int file_get(struct sf_source *src)
{
    MSVCRT_FILE *f = ((struct file_source *)src)->f;
    if (src->wide) {
        int c = crt_fgetwc_nolock(f);
        return c == M_WEOF ? -1 : c;
    }
    int c = crt_getc_nolock(f);
    return c == M_EOF ? -1 : c;
}
static void file_unget(struct sf_source *src, int c)
{
    MSVCRT_FILE *f = ((struct file_source *)src)->f;
    if (!src->wide) {
        crt_ungetc_nolock(c, f);
        return;
    }
    char mb[8];
    int n = crt_wctomb(mb, (WCHAR)c);
    for (int i = n - 1; i >= 0; i--)
        crt_ungetc_nolock((unsigned char)mb[i], f);
}

int crt_scan_string_opts(const void *s, size_t len, int wide, const void *fmt,
                         ULONGLONG opts, WIN_VA_LIST ap)
{
    if (!s || !fmt) {
        if (opts & SF_UCRT)
            crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return -1;
    }
    struct str_source src = {{wide, str_get, str_unget, 0, opts}, s, 0, len};
    return crt_scan(&src.base, fmt, wide, ap);
}

static int scan_string(const void *s, size_t len, int wide, const void *fmt,
                       WIN_VA_LIST ap)
{
    return crt_scan_string_opts(s, len, wide, fmt, 0, ap);
}

int crt_scan_file_opts(MSVCRT_FILE *f, const void *fmt, int wide,
                       ULONGLONG opts, WIN_VA_LIST ap)
{
    if (!f || !fmt) {
        if (opts & SF_UCRT)
            crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return -1;
    }
    struct file_source src = {{wide, file_get, file_unget, 0, opts}, f};
    crt_lock_file(f);
    int r = crt_scan(&src.base, fmt, wide, ap);
    crt_unlock_file(f);
    return r;
}

static int scan_file(MSVCRT_FILE *f, const void *fmt, int wide, WIN_VA_LIST ap)
{
    return crt_scan_file_opts(f, fmt, wide, 0, ap);
}

#define VA(last, call)                                                      \
    do {                                                                    \
        WIN_VA_LIST ap;                                                     \
        win_va_start(ap, last);                                             \
        int r_ = call;                                                      \
        win_va_end(ap);                                                     \
        return r_;                                                          \
    } while (0)

static MSVCRT_FILE *in_stream(void) { return &msvcrt___iob_func()[0]; }

/* sscanf / swscanf / _snscanf / _snwscanf / vsscanf / vswscanf (msvcrt) */
int CDECL msvcrt_sscanf(const char *s, const char *fmt, ...)
{
    VA(fmt, scan_string(s, (size_t)-1, 0, fmt, ap));
}
int CDECL msvcrt_swscanf(const WCHAR *s, const WCHAR *fmt, ...)
{
    VA(fmt, scan_string(s, (size_t)-1, 1, fmt, ap));
}
int CDECL msvcrt__snscanf(const char *s, size_t n, const char *fmt, ...)
{
    VA(fmt, scan_string(s, n, 0, fmt, ap));
}
int CDECL msvcrt__snwscanf(const WCHAR *s, size_t n, const WCHAR *fmt, ...)
{
    VA(fmt, scan_string(s, n, 1, fmt, ap));
}
int CDECL msvcrt_vsscanf(const char *s, const char *fmt, WIN_VA_LIST ap)
{
    return scan_string(s, (size_t)-1, 0, fmt, ap);
}
int CDECL msvcrt_vswscanf(const WCHAR *s, const WCHAR *fmt, WIN_VA_LIST ap)
{
    return scan_string(s, (size_t)-1, 1, fmt, ap);
}

/* fscanf / fwscanf / scanf / wscanf / vfscanf / vscanf ... (msvcrt) */
int CDECL msvcrt_fscanf(MSVCRT_FILE *f, const char *fmt, ...)
{
    VA(fmt, scan_file(f, fmt, 0, ap));
}
int CDECL msvcrt_fwscanf(MSVCRT_FILE *f, const WCHAR *fmt, ...)
{
    VA(fmt, scan_file(f, fmt, 1, ap));
}
int CDECL msvcrt_scanf(const char *fmt, ...)
{
    VA(fmt, scan_file(in_stream(), fmt, 0, ap));
}
int CDECL msvcrt_wscanf(const WCHAR *fmt, ...)
{
    VA(fmt, scan_file(in_stream(), fmt, 1, ap));
}
int CDECL msvcrt_vfscanf(MSVCRT_FILE *f, const char *fmt, WIN_VA_LIST ap)
{
    return scan_file(f, fmt, 0, ap);
}
int CDECL msvcrt_vfwscanf(MSVCRT_FILE *f, const WCHAR *fmt, WIN_VA_LIST ap)
{
    return scan_file(f, fmt, 1, ap);
}
int CDECL msvcrt_vscanf(const char *fmt, WIN_VA_LIST ap)
{
    return scan_file(in_stream(), fmt, 0, ap);
}
int CDECL msvcrt_vwscanf(const WCHAR *fmt, WIN_VA_LIST ap)
{
    return scan_file(in_stream(), fmt, 1, ap);
}
