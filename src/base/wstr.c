/* UTF-16 helpers. Case folding covers ASCII and Latin-1 plus the common
 * Latin Extended-A pairs; that is what file names and env names need. */
#include "wstr.h"

#include <stdlib.h>
#include <string.h>

size_t wstr_len(const WCHAR *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

WCHAR *wstr_dup(const WCHAR *s)
{
    size_t n = (wstr_len(s) + 1) * sizeof(WCHAR);
    WCHAR *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int wstr_cmp(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (int)*a - (int)*b;
}

WCHAR wstr_upper(WCHAR c)
{
    if (c >= 'a' && c <= 'z')
        return c - 32;
    if (c < 0xe0)
        return c;
    if (c <= 0xfe && c != 0xf7)
        return c - 32;
    if (c == 0xff)
        return 0x178;
    if (c >= 0x100 && c <= 0x17f && c != 0x130 && c != 0x131 && c != 0x138 &&
        c != 0x149 && c != 0x17f) {
        /* Latin Extended-A pairs: even upper/odd lower, shifted after 0x138
         * and 0x149 */
        int odd_lower = (c < 0x138) || (c > 0x149 && c < 0x178);
        if (odd_lower ? (c & 1) : !(c & 1))
            return c - 1;
    }
    if (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2)
        return c - 32; /* Greek */
    if (c >= 0x430 && c <= 0x44f)
        return c - 32; /* Cyrillic */
    if (c >= 0x450 && c <= 0x45f)
        return c - 80;
    return c;
}

WCHAR wstr_lower(WCHAR c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c < 0xc0)
        return c;
    if (c <= 0xde && c != 0xd7)
        return c + 32;
    if (c == 0x178)
        return 0xff;
    if (c >= 0x100 && c <= 0x17f && wstr_upper(c + 1) == c)
        return c + 1;
    if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2)
        return c + 32;
    if (c >= 0x410 && c <= 0x42f)
        return c + 32;
    if (c >= 0x400 && c <= 0x40f)
        return c + 80;
    return c;
}

int wstr_nicmp(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        WCHAR x = wstr_upper(a[i]), y = wstr_upper(b[i]);
        if (x != y || !x)
            return (int)x - (int)y;
    }
    return 0;
}

int wstr_icmp(const WCHAR *a, const WCHAR *b)
{
    return wstr_nicmp(a, b, (size_t)-1);
}

size_t wstr_to_utf8(const WCHAR *s, ssize_t len, char *out, size_t outsize)
{
    size_t need = 0;
    int nul = len < 0;
    size_t n = nul ? wstr_len(s) : (size_t)len;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        if (c < 0x80) { /* ASCII runs, the common case, without encoding */
            size_t room = out && need < outsize ? outsize - need : 0, k = 0;
            while (k < room && i + k < n && s[i + k] < 0x80) { /* no checks per unit */
                out[need + k] = (char)s[i + k];
                k++;
            }
            if (!k)
                k = 1; /* counting only, or out of room */
            need += k;
            i += k - 1;
            continue;
        }
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && s[i + 1] >= 0xdc00 &&
            s[i + 1] < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (s[i + 1] - 0xdc00);
            i++;
        } else if (c >= 0xd800 && c < 0xe000) {
            c = 0xfffd;
        }
        char buf[4];
        int k;
        if (c < 0x800) {
            buf[0] = 0xc0 | (c >> 6);
            buf[1] = 0x80 | (c & 0x3f);
            k = 2;
        } else if (c < 0x10000) {
            buf[0] = 0xe0 | (c >> 12);
            buf[1] = 0x80 | ((c >> 6) & 0x3f);
            buf[2] = 0x80 | (c & 0x3f);
            k = 3;
        } else {
            buf[0] = 0xf0 | (c >> 18);
            buf[1] = 0x80 | ((c >> 12) & 0x3f);
            buf[2] = 0x80 | ((c >> 6) & 0x3f);
            buf[3] = 0x80 | (c & 0x3f);
            k = 4;
        }
        for (int j = 0; j < k; j++, need++)
            if (out && need < outsize)
                out[need] = buf[j];
    }
    if (nul) {
        if (out && outsize)
            out[need < outsize ? need : outsize - 1] = 0;
        need++;
    }
    return need;
}

/* Decodes one UTF-8 sequence; returns its length (>= 1) and the code point.
 * An ill-formed sequence becomes one U+FFFD per maximal subpart (the
 * longest prefix that could start a valid sequence), as Windows and the
 * Unicode standard's "best practice" do: "\xE2\x82" is one U+FFFD,
 * "\xC0\xAF" two, an encoded surrogate "\xED\xA0\x80" three. */
static int utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
    unsigned c = s[0];
    int k;
    unsigned lo = 0x80, hi = 0xbf; /* allowed range of the second byte */
    uint32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
        k = 2, v = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        k = 3, v = c & 0x0f;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        k = 4, v = c & 0x07;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    } else {
        *cp = 0xfffd;
        return 1;
    }
    for (int i = 1; i < k; i++) {
        if ((size_t)i >= avail || s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xbf)) {
            *cp = 0xfffd;
            return i;
        }
        v = (v << 6) | (s[i] & 0x3f);
    }
    *cp = v;
    return k;
}

int utf8_is_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(u + i, n - i, &cp);
        /* U+FFFD itself is valid: EF BF BD */
        if (cp == 0xfffd && !(k == 3 && u[i] == 0xef && u[i + 1] == 0xbf && u[i + 2] == 0xbd))
            return 0;
        i += k;
    }
    return 1;
}

size_t utf8_to_wstr(const char *s, ssize_t len, WCHAR *out, size_t outsize)
{
    int nul = len < 0;
    size_t n = nul ? strlen(s) : (size_t)len, need = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) { /* ASCII runs, the common case, without decoding */
            size_t room = out && need < outsize ? outsize - need : 0, k = 0;
            while (k < room && i + k < n && u[i + k] < 0x80) { /* no checks per byte */
                out[need + k] = u[i + k];
                k++;
            }
            if (!k)
                k = 1; /* counting only, or out of room */
            need += k;
            i += k;
            continue;
        }
        uint32_t cp;
        i += utf8_decode(u + i, n - i, &cp);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            if (out && need < outsize)
                out[need] = 0xd800 + (cp >> 10);
            need++;
            cp = 0xdc00 + (cp & 0x3ff);
        }
        if (out && need < outsize)
            out[need] = cp;
        need++;
    }
    if (nul) {
        if (out && outsize)
            out[need < outsize ? need : outsize - 1] = 0;
        need++;
    }
    return need;
}

char *wstr_to_utf8_alloc(const WCHAR *s)
{
    if (!s)
        return NULL;
    size_t n = wstr_len(s) * 3 + 1; /* a UTF-16 unit is at most 3 bytes: one pass */
    char *d = malloc(n);
    if (d)
        wstr_to_utf8(s, -1, d, n);
    return d;
}

WCHAR *utf8_to_wstr_alloc(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1; /* UTF-16 needs no more units than UTF-8 bytes: one pass */
    WCHAR *d = malloc(n * sizeof(WCHAR));
    if (d)
        d[utf8_to_wstr(s, n - 1, d, n)] = 0;
    return d;
}
