/* wsprintf: user32's small formatter — integers, characters and strings,
 * no floating point, output limited to 1024 characters (documented). One
 * engine for the A and W forms; strings are built in UTF-16. */
#include <stdlib.h>
#include <string.h>

#include "windef.h"
#include "wstr.h"

#define WSPRINTF_MAX 1024

struct sink {
    WCHAR buf[WSPRINTF_MAX];
    int len;
};

static void put(struct sink *s, WCHAR c)
{
    if (s->len < WSPRINTF_MAX - 1)
        s->buf[s->len++] = c;
}

static void put_padded(struct sink *s, const WCHAR *str, int n, int width, int left,
                       WCHAR pad)
{
    if (!left)
        for (int i = n; i < width; i++)
            put(s, pad);
    for (int i = 0; i < n; i++)
        put(s, str[i]);
    if (left)
        for (int i = n; i < width; i++)
            put(s, ' ');
}

/* `wide`: the format and default %s/%c are UTF-16 (wsprintfW). */
static void format(struct sink *s, const void *fmtv, int wide, WIN_VA_LIST ap)
{
    const char *fa = fmtv;
    const WCHAR *fw = fmtv;
    for (size_t i = 0;; i++) {
        WCHAR c = wide ? fw[i] : (unsigned char)fa[i];
        if (!c)
            break;
        if (c != '%') {
            put(s, c);
            continue;
        }
#define NEXT (wide ? fw[++i] : (unsigned char)fa[++i])
        c = NEXT;
        int left = 0, zero = 0, alt = 0, width = 0, prec = -1, size = 0; /* 1 h, 2 l, 3 I64 */
        for (;; c = NEXT) {
            if (c == '-') left = 1;
            else if (c == '0') zero = 1;
            else if (c == '#') alt = 1;
            else break;
        }
        while (c >= '0' && c <= '9') {
            width = width * 10 + c - '0';
            c = NEXT;
        }
        if (c == '.') {
            prec = 0;
            for (c = NEXT; c >= '0' && c <= '9'; c = NEXT)
                prec = prec * 10 + c - '0';
        }
        if (c == 'l' || c == 'w') {
            size = 2;
            c = NEXT;
        } else if (c == 'h') {
            size = 1;
            c = NEXT;
        } else if (c == 'I' && (wide ? fw[i + 1] == '6' && fw[i + 2] == '4'
                                     : fa[i + 1] == '6' && fa[i + 2] == '4')) {
            size = 3;
            i += 2;
            c = NEXT;
        }
#undef NEXT
        WCHAR tmp[64];
        int n = 0;
        switch (c) {
        case 'c':
        case 'C': {
            int wchar_arg = size == 2 || (size != 1 && ((c == 'c') == wide));
            WCHAR ch = wchar_arg ? (WCHAR)__builtin_va_arg(ap, int)
                                 : (unsigned char)__builtin_va_arg(ap, int);
            put_padded(s, &ch, 1, width, left, ' ');
            break;
        }
        case 's':
        case 'S': {
            int wide_arg = size == 2 || (size != 1 && ((c == 's') == wide));
            const void *p = __builtin_va_arg(ap, const void *);
            if (!p)
                p = wide_arg ? (const void *)u"(null)" : "(null)";
            WCHAR *w = wide_arg ? NULL : utf8_to_wstr_alloc(p);
            const WCHAR *str = wide_arg ? p : w;
            int len = wstr_len(str);
            if (prec >= 0 && len > prec)
                len = prec;
            put_padded(s, str, len, width, left, ' ');
            free(w);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'p': {
            unsigned long long v;
            int neg = 0;
            if (c == 'p') {
                v = (unsigned long long)__builtin_va_arg(ap, void *);
                prec = 16;
                c = 'X';
            } else if (size == 3) {
                v = __builtin_va_arg(ap, unsigned long long);
                if ((c == 'd' || c == 'i') && (long long)v < 0) {
                    neg = 1;
                    v = -(long long)v;
                }
            } else {
                unsigned int u = __builtin_va_arg(ap, unsigned int);
                if (size == 1)
                    u &= 0xffff;
                v = u;
                if (c == 'd' || c == 'i') {
                    int sv = size == 1 ? (short)u : (int)u;
                    if (sv < 0) {
                        neg = 1;
                        v = -(long long)sv;
                    }
                }
            }
            const char *digits = c == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            unsigned base = (c == 'x' || c == 'X') ? 16 : 10;
            WCHAR rev[32];
            int k = 0;
            do {
                rev[k++] = digits[v % base];
                v /= base;
            } while (v);
            while (k < prec && k < 30)
                rev[k++] = '0';
            if (alt && base == 16) {
                rev[k++] = c;
                rev[k++] = '0';
            }
            if (neg)
                rev[k++] = '-';
            for (int j = 0; j < k; j++)
                tmp[n++] = rev[k - 1 - j];
            if (zero && !left && prec < 0 && neg && width > n) {
                put(s, '-');
                put_padded(s, tmp + 1, n - 1, width - 1, 0, '0');
            } else {
                put_padded(s, tmp, n, width, left, zero && prec < 0 ? '0' : ' ');
            }
            break;
        }
        case 0:
            return;
        default:
            put(s, c); /* "%%" and unknown conversions print the character */
        }
    }
}

/* wvsprintfW (user32) */
int WINAPI wvsprintfW(LPWSTR out, LPCWSTR fmt, WIN_VA_LIST ap)
{
    struct sink s = {.len = 0};
    format(&s, fmt, 1, ap);
    memcpy(out, s.buf, s.len * sizeof(WCHAR));
    out[s.len] = 0;
    return s.len;
}

/* wvsprintfA (user32) */
int WINAPI wvsprintfA(LPSTR out, LPCSTR fmt, WIN_VA_LIST ap)
{
    struct sink s = {.len = 0};
    format(&s, fmt, 0, ap);
    s.buf[s.len] = 0;
    size_t n = wstr_to_utf8(s.buf, -1, out, WSPRINTF_MAX);
    return n > WSPRINTF_MAX ? WSPRINTF_MAX - 1 : (int)n - 1;
}

/* wsprintfW (user32) */
int WINAPI wsprintfW(LPWSTR out, LPCWSTR fmt, ...)
{
    WIN_VA_LIST ap;
    win_va_start(ap, fmt);
    int r = wvsprintfW(out, fmt, ap);
    win_va_end(ap);
    return r;
}

/* wsprintfA (user32) */
int WINAPI wsprintfA(LPSTR out, LPCSTR fmt, ...)
{
    WIN_VA_LIST ap;
    win_va_start(ap, fmt);
    int r = wvsprintfA(out, fmt, ap);
    win_va_end(ap);
    return r;
}
