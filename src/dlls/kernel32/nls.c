/* stringapiset and locale basics. The ANSI and OEM code pages are UTF-8
 * (65001), so every Linux file name round-trips (DESIGN.md §7); other code
 * pages go through glibc's iconv. The locale is en-US. */
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#define DEBUG_CHANNEL nls
#include "debug.h"
#include "kernel32_private.h"

#define WC_ERR_INVALID_CHARS 0x80
#define CSTR_LESS_THAN 1
#define CSTR_EQUAL 2
#define CSTR_GREATER_THAN 3
#define NORM_IGNORECASE 0x1
#define LINGUISTIC_IGNORECASE 0x10
#define LCMAP_LOWERCASE 0x100
#define LCMAP_UPPERCASE 0x200
typedef LONG_PTR LPARAM_unused;

static UINT resolve_cp(UINT cp)
{
    if (cp == CP_ACP || cp == CP_OEMCP || cp == CP_THREAD_ACP || cp == 2 /* MACCP */)
        return CP_UTF8;
    return cp;
}

static const char *iconv_name(UINT cp)
{
    static char buf[16];
    switch (cp) {
    case 20127: return "ASCII";
    case 28591: return "ISO-8859-1";
    case 28592: return "ISO-8859-2";
    case 28605: return "ISO-8859-15";
    case 932: return "CP932";
    case 936: return "GBK";
    case 949: return "CP949";
    case 950: return "BIG5";
    case 54936: return "GB18030";
    case 20866: return "KOI8-R";
    case 1200: return "UTF-16LE";
    case 1201: return "UTF-16BE";
    case 12000: return "UTF-32LE";
    default:
        snprintf(buf, sizeof buf, "CP%u", cp);
        return buf;
    }
}

/* Single-byte code pages: both directions as tables, built once from
 * iconv. Bytes a code page leaves undefined map to U+00xx, as Windows'
 * tables for 1252 do (0x81 -> U+0081). */
struct sbcs {
    struct sbcs *next;
    UINT cp;
    WCHAR to_w[256];
    uint8_t from_w[65536]; /* 0 = no mapping (except for U+0000) */
};
static struct sbcs *sbcs_list;
static pthread_mutex_t sbcs_lock = PTHREAD_MUTEX_INITIALIZER;

static int is_dbcs(UINT cp)
{
    return cp == 932 || cp == 936 || cp == 949 || cp == 950 || cp == 54936 ||
           cp == 1200 || cp == 1201 || cp == 12000;
}

static struct sbcs *sbcs_get(UINT cp)
{
    if (is_dbcs(cp) || cp == CP_UTF8 || cp == CP_UTF7)
        return NULL;
    pthread_mutex_lock(&sbcs_lock);
    struct sbcs *t = sbcs_list;
    while (t && t->cp != cp)
        t = t->next;
    if (!t) {
        iconv_t cd = iconv_open("UTF-16LE", iconv_name(cp));
        if (cd != (iconv_t)-1) {
            t = calloc(1, sizeof *t);
            t->cp = cp;
            for (int b = 0; b < 256; b++) {
                char in = (char)b, *ip = &in, out[8], *op = out;
                size_t il = 1, ol = sizeof out;
                iconv(cd, NULL, NULL, NULL, NULL);
                if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && op - out == 2)
                    t->to_w[b] = (uint8_t)out[0] | (uint8_t)out[1] << 8;
                else
                    t->to_w[b] = b;
            }
            iconv_close(cd);
            for (int b = 255; b >= 0; b--)
                t->from_w[t->to_w[b]] = b;
            t->next = sbcs_list;
            sbcs_list = t;
        }
    }
    pthread_mutex_unlock(&sbcs_lock);
    return t;
}

static int iconv_convert(const char *from, const char *to, const char *in,
                         size_t inlen, char *out, size_t outlen, size_t *produced)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1)
        return -1;
    char tmp[4096];
    char *ip = (char *)in;
    size_t total = 0;
    int bad = 0;
    while (inlen) {
        char *op = out ? out + total : tmp;
        size_t room = out ? outlen - total : sizeof tmp;
        size_t r = iconv(cd, &ip, &inlen, &op, &room);
        size_t made = (out ? (size_t)(op - (out + total)) : (size_t)(op - tmp));
        total += made;
        if (r == (size_t)-1) {
            if (errno == E2BIG) {
                if (out) {
                    iconv_close(cd);
                    return -2;
                }
                continue;
            }
            /* invalid or incomplete input: skip a byte */
            ip++;
            inlen--;
            bad = 1;
        }
    }
    iconv_close(cd);
    *produced = total;
    return bad;
}

/* MultiByteToWideChar (kernel32) */
int WINAPI MultiByteToWideChar(UINT cp, DWORD flags, LPCSTR src, int srclen,
                               LPWSTR dst, int dstlen)
{
    if (!src || !srclen || dstlen < 0 || (dstlen && !dst) ||
        (const void *)src == (const void *)dst) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    size_t n = srclen < 0 ? strlen(src) + 1 : (size_t)srclen;
    cp = resolve_cp(cp);
    size_t need;
    if (cp == CP_UTF8) {
        if (flags & ~MB_ERR_INVALID_CHARS) {
            set_last_error(ERROR_INVALID_FLAGS);
            return 0;
        }
        if ((flags & MB_ERR_INVALID_CHARS) && !utf8_is_valid(src, n)) {
            set_last_error(ERROR_NO_UNICODE_TRANSLATION);
            return 0;
        }
        need = utf8_to_wstr(src, n, NULL, 0);
        if (!dstlen)
            return need;
        if (need > (size_t)dstlen) {
            utf8_to_wstr(src, n, dst, dstlen);
            set_last_error(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        utf8_to_wstr(src, n, dst, dstlen);
        return need;
    }
    struct sbcs *t = sbcs_get(cp);
    if (t) {
        if (!dstlen)
            return n;
        if (n > (size_t)dstlen) {
            set_last_error(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        for (size_t i = 0; i < n; i++)
            dst[i] = t->to_w[(uint8_t)src[i]];
        return n;
    }
    size_t bytes;
    int r = iconv_convert(iconv_name(cp), "UTF-16LE", src, n, NULL, 0, &bytes);
    if (r == -1) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (r == 1 && (flags & MB_ERR_INVALID_CHARS)) {
        set_last_error(ERROR_NO_UNICODE_TRANSLATION);
        return 0;
    }
    need = bytes / 2;
    if (!dstlen)
        return need;
    if (need > (size_t)dstlen) {
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    iconv_convert(iconv_name(cp), "UTF-16LE", src, n, (char *)dst, dstlen * 2, &bytes);
    return bytes / 2;
}

/* WideCharToMultiByte (kernel32) */
int WINAPI WideCharToMultiByte(UINT cp, DWORD flags, LPCWSTR src, int srclen,
                               LPSTR dst, int dstlen, LPCSTR defchar,
                               BOOL *used_def)
{
    if (!src || !srclen || dstlen < 0 || (dstlen && !dst) ||
        (const void *)src == (const void *)dst) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    size_t n = srclen < 0 ? wstr_len(src) + 1 : (size_t)srclen;
    UINT asked = cp;
    cp = resolve_cp(cp);
    if (cp == CP_UTF8) {
        /* the default-char arguments and other flags are errors only when
         * the caller names UTF-8 itself; CP_ACP (UTF-8 here) ignores them */
        if (asked != CP_UTF8) {
            if (used_def)
                *used_def = FALSE;
            used_def = NULL;
            defchar = NULL;
            flags &= WC_ERR_INVALID_CHARS;
        }
        if (defchar || used_def) {
            set_last_error(ERROR_INVALID_PARAMETER);
            return 0;
        }
        if (flags & ~WC_ERR_INVALID_CHARS) {
            set_last_error(ERROR_INVALID_FLAGS);
            return 0;
        }
        if (flags & WC_ERR_INVALID_CHARS) {
            for (size_t i = 0; i < n; i++) {
                WCHAR c = src[i];
                if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && src[i + 1] >= 0xdc00 &&
                    src[i + 1] < 0xe000) {
                    i++;
                } else if (c >= 0xd800 && c < 0xe000) {
                    set_last_error(ERROR_NO_UNICODE_TRANSLATION);
                    return 0;
                }
            }
        }
        size_t need = wstr_to_utf8(src, n, NULL, 0);
        if (!dstlen)
            return need;
        if (need > (size_t)dstlen) {
            wstr_to_utf8(src, n, dst, dstlen);
            set_last_error(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        wstr_to_utf8(src, n, dst, dstlen);
        return need;
    }
    if (used_def)
        *used_def = FALSE;
    struct sbcs *t = sbcs_get(cp);
    if (t) {
        char def = defchar ? defchar[0] : '?';
        if (dstlen && n > (size_t)dstlen) {
            set_last_error(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        for (size_t i = 0; i < n; i++) {
            uint8_t b = t->from_w[src[i]];
            int mapped = b || !src[i];
            if (!mapped && used_def)
                *used_def = TRUE;
            if (dstlen)
                dst[i] = mapped ? (char)b : def;
        }
        return n;
    }
    size_t bytes;
    char tocode[40];
    snprintf(tocode, sizeof tocode, "%s//TRANSLIT", iconv_name(cp));
    int r = iconv_convert("UTF-16LE", tocode, (const char *)src, n * 2, NULL, 0, &bytes);
    if (r == -1) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (r == 1 && used_def)
        *used_def = TRUE;
    if (!dstlen)
        return bytes;
    if (bytes > (size_t)dstlen) {
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    iconv_convert("UTF-16LE", tocode, (const char *)src, n * 2, dst, dstlen, &bytes);
    return bytes;
}

/* GetACP (kernel32) */
UINT WINAPI GetACP(void) { return CP_UTF8; }

/* GetOEMCP (kernel32) */
UINT WINAPI GetOEMCP(void) { return CP_UTF8; }

/* IsValidCodePage (kernel32) */
BOOL WINAPI IsValidCodePage(UINT cp)
{
    if (cp == CP_UTF8 || cp == CP_UTF7)
        return TRUE;
    iconv_t cd = iconv_open("UTF-16LE", iconv_name(cp));
    if (cd == (iconv_t)-1)
        return FALSE;
    iconv_close(cd);
    return TRUE;
}

typedef struct {
    UINT MaxCharSize;
    BYTE DefaultChar[2];
    BYTE LeadByte[12];
} CPINFO;

typedef struct {
    UINT MaxCharSize;
    BYTE DefaultChar[2];
    BYTE LeadByte[12];
    WCHAR UnicodeDefaultChar;
    UINT CodePage;
    WCHAR CodePageName[MAX_PATH];
} CPINFOEXW;

/* GetCPInfo (kernel32) */
BOOL WINAPI GetCPInfo(UINT cp, CPINFO *info)
{
    cp = resolve_cp(cp);
    if (!info || !IsValidCodePage(cp)) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    memset(info, 0, sizeof *info);
    info->DefaultChar[0] = '?';
    info->MaxCharSize = cp == CP_UTF8 ? 4 : cp == 932 || cp == 936 || cp == 949 ||
                                                  cp == 950 ? 2 : 1;
    if (info->MaxCharSize == 2) {
        info->LeadByte[0] = 0x81;
        info->LeadByte[1] = 0xfe;
    }
    return TRUE;
}

/* GetCPInfoExW (kernel32) */
BOOL WINAPI GetCPInfoExW(UINT cp, DWORD flags, CPINFOEXW *info)
{
    CPINFO ci;
    if (!GetCPInfo(cp, &ci))
        return FALSE;
    memset(info, 0, sizeof *info);
    memcpy(info, &ci, sizeof ci);
    info->UnicodeDefaultChar = '?';
    info->CodePage = resolve_cp(cp);
    char name[64];
    snprintf(name, sizeof name, info->CodePage == CP_UTF8 ? "65001 (UTF-8)" : "%u",
             info->CodePage);
    utf8_to_wstr(name, -1, info->CodePageName, MAX_PATH);
    return TRUE;
}

/* IsDBCSLeadByteEx (kernel32): UTF-8 has no lead bytes in this sense. */
BOOL WINAPI IsDBCSLeadByteEx(UINT cp, BYTE c)
{
    CPINFO ci;
    if (!GetCPInfo(cp, &ci) || ci.MaxCharSize != 2)
        return FALSE;
    return c >= ci.LeadByte[0] && c <= ci.LeadByte[1];
}

/* IsDBCSLeadByte (kernel32) */
BOOL WINAPI IsDBCSLeadByte(BYTE c) { return IsDBCSLeadByteEx(CP_ACP, c); }

/* ---- comparison and mapping ----------------------------------------------- */

static int compare(const WCHAR *a, int al, const WCHAR *b, int bl, int icase)
{
    size_t n1 = al < 0 ? wstr_len(a) : (size_t)al;
    size_t n2 = bl < 0 ? wstr_len(b) : (size_t)bl;
    /* a counted string may carry its terminator: ignore it */
    while (n1 && !a[n1 - 1])
        n1--;
    while (n2 && !b[n2 - 1])
        n2--;
    for (size_t i = 0; i < n1 && i < n2; i++) {
        WCHAR x = icase ? wstr_upper(a[i]) : a[i], y = icase ? wstr_upper(b[i]) : b[i];
        if (x != y)
            return x < y ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
    }
    return n1 == n2 ? CSTR_EQUAL : n1 < n2 ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
}

/* CompareStringOrdinal (kernel32) */
int WINAPI CompareStringOrdinal(LPCWSTR a, int al, LPCWSTR b, int bl, BOOL icase)
{
    if (!a || !b) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return compare(a, al, b, bl, icase);
}

/* Linguistic comparison, a simplification of Windows' sort keys in three
 * levels: first the letters without case or accents (symbols before
 * digits before letters; '-' and '\'' ignored in word sort), then
 * accents, then case — lower case first, as Windows orders "a" < "A" <
 * "b". FIXME: no expansions (ß = ss), no per-locale tables. */
#define NORM_IGNORENONSPACE 0x2
#define NORM_IGNORESYMBOLS 0x4
#define SORT_STRINGSORT 0x1000

static WCHAR unaccent(WCHAR c)
{
    static const char base[] = "AAAAAAACEEEEIIII" "DNOOOOO*OUUUUYTs"
                               "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";
    if (c >= 0xc0 && c <= 0xff && base[c - 0xc0] != '*' && base[c - 0xc0] != '/')
        return base[c - 0xc0];
    return c;
}

static int primary(WCHAR c)
{
    WCHAR u = wstr_upper(unaccent(c));
    if (iswalpha(c))
        return 0x30000 + u;
    if (c >= '0' && c <= '9')
        return 0x20000 + c;
    return 0x10000 + c;
}

static int ignorable(WCHAR c, DWORD flags)
{
    if (!(flags & SORT_STRINGSORT) && (c == '-' || c == '\''))
        return 1;
    return (flags & NORM_IGNORESYMBOLS) && !iswalnum(c) && c;
}

static int linguistic(const WCHAR *a, size_t n1, const WCHAR *b, size_t n2, DWORD flags)
{
    for (int level = 0; level < 3; level++) {
        if (level == 1 && (flags & NORM_IGNORENONSPACE))
            continue;
        if (level == 2 && (flags & (NORM_IGNORECASE | LINGUISTIC_IGNORECASE)))
            continue;
        size_t i = 0, j = 0;
        for (;;) {
            while (i < n1 && ignorable(a[i], flags))
                i++;
            while (j < n2 && ignorable(b[j], flags))
                j++;
            if (i == n1 || j == n2)
                break;
            int x, y;
            if (level == 0) {
                x = primary(a[i]);
                y = primary(b[j]);
            } else if (level == 1) {
                x = unaccent(a[i]) != a[i];
                y = unaccent(b[j]) != b[j];
            } else {
                x = wstr_lower(a[i]) != a[i]; /* upper case weighs more */
                y = wstr_lower(b[j]) != b[j];
            }
            if (x != y)
                return x < y ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
            i++;
            j++;
        }
        if ((i < n1) != (j < n2))
            return i < n1 ? CSTR_GREATER_THAN : CSTR_LESS_THAN;
    }
    /* equal but for ignored characters: fall back to code points */
    if (flags & (NORM_IGNORECASE | NORM_IGNORESYMBOLS | NORM_IGNORENONSPACE))
        return CSTR_EQUAL;
    return compare(a, n1, b, n2, 0);
}

/* CompareStringW (kernel32) */
int WINAPI CompareStringW(DWORD lcid, DWORD flags, LPCWSTR a, int al, LPCWSTR b, int bl)
{
    if (!a || !b) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    size_t n1 = al < 0 ? wstr_len(a) : (size_t)al, n2 = bl < 0 ? wstr_len(b) : (size_t)bl;
    while (n1 && !a[n1 - 1])
        n1--;
    while (n2 && !b[n2 - 1])
        n2--;
    return linguistic(a, n1, b, n2, flags);
}

/* CompareStringEx (kernel32) */
int WINAPI CompareStringEx(LPCWSTR locale, DWORD flags, LPCWSTR a, int al, LPCWSTR b,
                           int bl, void *ver, void *res, LPARAM_unused param)
{
    return CompareStringW(0, flags, a, al, b, bl);
}

/* CompareStringA (kernel32) */
int WINAPI CompareStringA(DWORD lcid, DWORD flags, LPCSTR a, int al, LPCSTR b, int bl)
{
    size_t n1 = al < 0 ? strlen(a) : (size_t)al, n2 = bl < 0 ? strlen(b) : (size_t)bl;
    WCHAR *wa = malloc((n1 + 1) * sizeof(WCHAR)), *wb = malloc((n2 + 1) * sizeof(WCHAR));
    size_t k1 = utf8_to_wstr(a, n1, wa, n1 + 1), k2 = utf8_to_wstr(b, n2, wb, n2 + 1);
    int r = CompareStringW(lcid, flags, wa, k1, wb, k2);
    free(wa);
    free(wb);
    return r;
}

/* LCMapStringW (kernel32): case mapping only. */
int WINAPI LCMapStringW(DWORD lcid, DWORD flags, LPCWSTR src, int srclen, LPWSTR dst,
                        int dstlen)
{
    size_t n = srclen < 0 ? wstr_len(src) + 1 : (size_t)srclen;
    if (!dstlen)
        return n;
    if ((size_t)dstlen < n) {
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        dst[i] = flags & LCMAP_UPPERCASE ? wstr_upper(src[i])
               : flags & LCMAP_LOWERCASE ? wstr_lower(src[i]) : src[i];
    return n;
}

/* LCMapStringEx (kernel32) */
int WINAPI LCMapStringEx(LPCWSTR locale, DWORD flags, LPCWSTR src, int srclen,
                         LPWSTR dst, int dstlen, void *ver, void *res, LPARAM_unused p)
{
    return LCMapStringW(0, flags, src, srclen, dst, dstlen);
}

#define C1_UPPER 0x1
#define C1_LOWER 0x2
#define C1_DIGIT 0x4
#define C1_SPACE 0x8
#define C1_PUNCT 0x10
#define C1_CNTRL 0x20
#define C1_BLANK 0x40
#define C1_XDIGIT 0x80
#define C1_ALPHA 0x100
#define C1_DEFINED 0x200

/* GetStringTypeW (kernel32): CT_CTYPE1 from the C library's classes. */
BOOL WINAPI GetStringTypeW(DWORD type, LPCWSTR src, int len, WORD *out)
{
    size_t n = len < 0 ? wstr_len(src) + 1 : (size_t)len;
    for (size_t i = 0; i < n; i++) {
        wint_t c = src[i];
        WORD t = C1_DEFINED;
        if (type != 1) {
            out[i] = 0;
            continue;
        }
        if (iswupper(c)) t |= C1_UPPER | C1_ALPHA;
        if (iswlower(c)) t |= C1_LOWER | C1_ALPHA;
        if (iswalpha(c)) t |= C1_ALPHA;
        if (c >= '0' && c <= '9') t |= C1_DIGIT;
        if (iswspace(c)) t |= C1_SPACE;
        if (iswpunct(c)) t |= C1_PUNCT;
        if (iswcntrl(c)) t |= C1_CNTRL;
        if (c == ' ' || c == '\t') t |= C1_BLANK;
        if (iswxdigit(c)) t |= C1_XDIGIT;
        out[i] = t;
    }
    return TRUE;
}

/* GetStringTypeExW (kernel32) */
BOOL WINAPI GetStringTypeExW(DWORD lcid, DWORD type, LPCWSTR src, int len, WORD *out)
{
    return GetStringTypeW(type, src, len, out);
}

/* ---- locale ------------------------------------------------------------ */

/* GetUserDefaultLCID (kernel32) */
DWORD WINAPI GetUserDefaultLCID(void) { return 0x409; }

/* GetSystemDefaultLCID (kernel32) */
DWORD WINAPI GetSystemDefaultLCID(void) { return 0x409; }

/* GetUserDefaultLangID (kernel32) */
WORD WINAPI GetUserDefaultLangID(void) { return 0x409; }

/* GetSystemDefaultLangID (kernel32) */
WORD WINAPI GetSystemDefaultLangID(void) { return 0x409; }

/* GetUserDefaultUILanguage (kernel32) */
WORD WINAPI GetUserDefaultUILanguage(void) { return 0x409; }

/* GetThreadLocale (kernel32) */
DWORD WINAPI GetThreadLocale(void) { return 0x409; }

/* SetThreadLocale (kernel32) */
BOOL WINAPI SetThreadLocale(DWORD lcid) { return TRUE; }

/* GetUserDefaultLocaleName (kernel32) */
int WINAPI GetUserDefaultLocaleName(LPWSTR buf, int len)
{
    static const WCHAR name[] = u"en-US";
    if (len < 6) {
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    memcpy(buf, name, sizeof name);
    return 6;
}

/* GetSystemDefaultLocaleName (kernel32) */
int WINAPI GetSystemDefaultLocaleName(LPWSTR buf, int len)
{
    return GetUserDefaultLocaleName(buf, len);
}

#define LOCALE_RETURN_NUMBER 0x20000000
#define LOCALE_NOUSEROVERRIDE 0x80000000

/* GetLocaleInfoW (kernel32): the en-US values programs commonly ask. */
int WINAPI GetLocaleInfoW(DWORD lcid, DWORD type, LPWSTR buf, int len)
{
    const char *v = NULL;
    DWORD t = type & ~(LOCALE_RETURN_NUMBER | LOCALE_NOUSEROVERRIDE);
    switch (t) {
    case 0x01: v = "0409"; break;                /* LOCALE_ILANGUAGE */
    case 0x02: v = "English (United States)"; break; /* LOCALE_SLANGUAGE */
    case 0x03: v = "ENU"; break;                 /* LOCALE_SABBREVLANGNAME */
    case 0x06: v = "United States"; break;       /* LOCALE_SCOUNTRY */
    case 0x0b: v = "437"; break;                 /* LOCALE_IDEFAULTCODEPAGE */
    case 0x0e: v = "."; break;                   /* LOCALE_SDECIMAL */
    case 0x0f: v = ","; break;                   /* LOCALE_STHOUSAND */
    case 0x10: v = "3;0"; break;                 /* LOCALE_SGROUPING */
    case 0x11: v = "2"; break;                   /* LOCALE_IDIGITS */
    case 0x12: v = "1"; break;                   /* LOCALE_ILZERO */
    case 0x14: v = "$"; break;                   /* LOCALE_SCURRENCY */
    case 0x1d: v = "/"; break;                   /* LOCALE_SDATE */
    case 0x1e: v = ":"; break;                   /* LOCALE_STIME */
    case 0x1f: v = "M/d/yyyy"; break;            /* LOCALE_SSHORTDATE */
    case 0x20: v = "dddd, MMMM d, yyyy"; break;  /* LOCALE_SLONGDATE */
    case 0x1001: v = "English"; break;           /* LOCALE_SENGLANGUAGE */
    case 0x1002: v = "United States"; break;     /* LOCALE_SENGCOUNTRY */
    case 0x1004: v = "65001"; break;             /* LOCALE_IDEFAULTANSICODEPAGE */
    case 0x1003: v = "37"; break;                /* LOCALE_SNATIVECURRNAME? unused */
    case 0x59: v = "en"; break;                  /* LOCALE_SISO639LANGNAME */
    case 0x5a: v = "US"; break;                  /* LOCALE_SISO3166CTRYNAME */
    case 0x5c: v = "en-US"; break;               /* LOCALE_SNAME */
    case 0x1009: v = "1"; break;                 /* LOCALE_IDEFAULTEBCDICCODEPAGE? */
    case 0x100c: v = "0"; break;                 /* LOCALE_IFIRSTDAYOFWEEK */
    case 0x7b: v = "en-US"; break;               /* LOCALE_SPARENT-ish */
    default:
        FIXME("locale info %#x", type);
        set_last_error(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (type & LOCALE_RETURN_NUMBER) {
        if (len < 2) {
            set_last_error(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        *(DWORD *)buf = strtoul(v, NULL, t == 0x01 ? 16 : 10);
        return 2;
    }
    size_t need = utf8_to_wstr(v, -1, NULL, 0);
    if (!len)
        return need;
    if ((size_t)len < need) {
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    utf8_to_wstr(v, -1, buf, len);
    return need;
}

/* GetLocaleInfoA (kernel32) */
int WINAPI GetLocaleInfoA(DWORD lcid, DWORD type, LPSTR buf, int len)
{
    WCHAR w[128];
    int n = GetLocaleInfoW(lcid, type, w, 128);
    if (!n)
        return 0;
    if (type & LOCALE_RETURN_NUMBER) {
        if (len >= 4)
            memcpy(buf, w, 4);
        return 4;
    }
    size_t need = wstr_to_utf8(w, -1, NULL, 0);
    if (!len)
        return need;
    if ((size_t)len < need) {
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    wstr_to_utf8(w, -1, buf, len);
    return need;
}

/* GetLocaleInfoEx (kernel32) */
int WINAPI GetLocaleInfoEx(LPCWSTR locale, DWORD type, LPWSTR buf, int len)
{
    return GetLocaleInfoW(0x409, type, buf, len);
}

/* IsValidLocale (kernel32) */
BOOL WINAPI IsValidLocale(DWORD lcid, DWORD flags) { return lcid == 0x409 || lcid == 0x400 || lcid == 0x800 || lcid == 0x7f; }

/* ---- lstr* ---------------------------------------------------------------- */

/* lstrlenA (kernel32) */
int WINAPI lstrlenA(LPCSTR s) { return s ? (int)strlen(s) : 0; }

/* lstrlenW (kernel32) */
int WINAPI lstrlenW(LPCWSTR s) { return s ? (int)wstr_len(s) : 0; }

/* lstrcpyA (kernel32) */
LPSTR WINAPI lstrcpyA(LPSTR d, LPCSTR s) { return strcpy(d, s); }

/* lstrcpyW (kernel32) */
LPWSTR WINAPI lstrcpyW(LPWSTR d, LPCWSTR s)
{
    memcpy(d, s, (wstr_len(s) + 1) * sizeof(WCHAR));
    return d;
}

/* lstrcpynA (kernel32) */
LPSTR WINAPI lstrcpynA(LPSTR d, LPCSTR s, int n)
{
    int i;
    for (i = 0; i < n - 1 && s[i]; i++)
        d[i] = s[i];
    if (n > 0)
        d[i] = 0;
    return d;
}

/* lstrcpynW (kernel32) */
LPWSTR WINAPI lstrcpynW(LPWSTR d, LPCWSTR s, int n)
{
    int i;
    for (i = 0; i < n - 1 && s[i]; i++)
        d[i] = s[i];
    if (n > 0)
        d[i] = 0;
    return d;
}

/* lstrcatA (kernel32) */
LPSTR WINAPI lstrcatA(LPSTR d, LPCSTR s) { return strcat(d, s); }

/* lstrcatW (kernel32) */
LPWSTR WINAPI lstrcatW(LPWSTR d, LPCWSTR s)
{
    lstrcpyW(d + wstr_len(d), s);
    return d;
}

/* lstrcmpW (kernel32) */
int WINAPI lstrcmpW(LPCWSTR a, LPCWSTR b) { return CompareStringW(0, 0, a, -1, b, -1) - 2; }

/* lstrcmpiW (kernel32) */
int WINAPI lstrcmpiW(LPCWSTR a, LPCWSTR b)
{
    return CompareStringW(0, NORM_IGNORECASE, a, -1, b, -1) - 2;
}

/* lstrcmpA (kernel32) */
int WINAPI lstrcmpA(LPCSTR a, LPCSTR b) { return CompareStringA(0, 0, a, -1, b, -1) - 2; }

/* lstrcmpiA (kernel32) */
int WINAPI lstrcmpiA(LPCSTR a, LPCSTR b)
{
    return CompareStringA(0, NORM_IGNORECASE, a, -1, b, -1) - 2;
}
