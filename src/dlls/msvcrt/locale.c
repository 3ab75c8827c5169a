/* Locale and the multibyte character set.
 *
 * Two code pages matter and they are not the same:
 *   - The ANSI code page (GetACP, UTF-8 in decant by design) is what
 *     Windows uses for argv, _acmdln, the environment and file names:
 *     crt_wcs_to_acp/crt_acp_to_wcs, so Linux names round-trip.
 *   - The CRT locale's code page is what wctomb/mbstowcs/printf("%ls")
 *     use. At start-up the locale is "C", exactly as msvcrt's:
 *     ___lc_codepage_func() is 0, ___mb_cur_max_func() is 1, and wide
 *     characters map to bytes one to one up to U+00FF (others cannot be
 *     converted). mingw-w64's own wcrtomb/mbrtowc (used by its printf)
 *     depend on those two values: with 65001 they pass lpUsedDefaultChar
 *     to WideCharToMultiByte, which Windows rejects for UTF-8, and %ls
 *     prints nothing (tests/programs/crt/wmain.c).
 *   - setlocale(LC_ALL or LC_CTYPE, "") (or ".65001"/".UTF-8") selects
 *     the ANSI code page's locale, UTF-8: the code page is then 65001 and
 *     MB_CUR_MAX 4, the longest UTF-8 sequence, as the UCRT has it, so
 *     buffers sized with MB_CUR_MAX hold what wcstombs writes.
 * _getmbcp stays 0: the _mbs* functions see single bytes (UTF-8 has no
 * DBCS lead bytes). */
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "k32.h"
#include "msvcrt.h"

UINT crt_acp = CP_UTF8;
int msvcrt___mb_cur_max = 1;     /* __mb_cur_max (msvcrt data) */
UINT msvcrt___lc_codepage = 0;   /* __lc_codepage (msvcrt data) */
UINT msvcrt___lc_collate_cp = 0; /* __lc_collate_cp (msvcrt data) */
static char locale_name[64] = "C";

void crt_locale_init(void) { crt_acp = GetACP(); }

static void set_ctype_cp(UINT cp)
{
    msvcrt___lc_codepage = msvcrt___lc_collate_cp = cp;
    switch (cp) {
    case 0: msvcrt___mb_cur_max = 1; break;
    case CP_UTF8: msvcrt___mb_cur_max = 4; break;
    case 932: case 936: case 949: case 950: case 1361:
        msvcrt___mb_cur_max = 2; break;
    default: msvcrt___mb_cur_max = 1; break;
    }
}

/* ___lc_codepage_func / ___mb_cur_max_func / ___lc_collate_cp_func */
UINT CDECL msvcrt____lc_codepage_func(void) { return msvcrt___lc_codepage; }
int CDECL msvcrt____mb_cur_max_func(void) { return msvcrt___mb_cur_max; }
UINT CDECL msvcrt____lc_collate_cp_func(void) { return msvcrt___lc_collate_cp; }

/* Wide -> locale multibyte; characters the locale cannot represent are
 * dropped (Wine's printf does the same). Returns bytes (needed when out
 * is NULL). */
int crt_lc_w2mb(const WCHAR *s, int n, char *out, int size)
{
    UINT cp = msvcrt___lc_codepage;
    if (cp) {
        int r = WideCharToMultiByte(cp, 0, s, n, out, out ? size : 0, NULL, NULL);
        return r > 0 ? r : 0;
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] > 0xff)
            continue;
        if (out) {
            if (k >= size)
                break;
            out[k] = (char)s[i];
        }
        k++;
    }
    return k;
}

/* Locale multibyte -> wide. */
int crt_lc_mb2w(const char *s, int n, WCHAR *out, int size)
{
    UINT cp = msvcrt___lc_codepage;
    if (cp) {
        int r = MultiByteToWideChar(cp, 0, s, n, out, out ? size : 0);
        return r > 0 ? r : 0;
    }
    if (!out)
        return n;
    int k = n < size ? n : size;
    for (int i = 0; i < k; i++)
        out[i] = (unsigned char)s[i];
    return k;
}

/* ___lc_handle_func (msvcrt): LCIDs per category, all 0 in "C". */
static ULONG lc_handles[6];
ULONG *CDECL msvcrt____lc_handle_func(void) { return lc_handles; }

/* __lconv_init (msvcrt) */
int CDECL msvcrt___lconv_init(void) { return 0; }

/* _getmbcp / _setmbcp (msvcrt) */
static int mbcp;
int CDECL msvcrt__getmbcp(void) { return mbcp; }
int CDECL msvcrt__setmbcp(int cp)
{
    /* _MB_CP_ANSI (-3), _MB_CP_LOCALE (-4), _MB_CP_SBCS (0), or a code page:
     * all behave as single-byte here. */
    mbcp = cp < 0 ? 0 : cp;
    if (cp > 0 && cp != CP_UTF8)
        FIXME("multibyte code page %d treated as single-byte", cp);
    return 0;
}

/* msvcrt's struct lconv. */
struct msvcrt_lconv {
    char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol,
        *currency_symbol, *mon_decimal_point, *mon_thousands_sep,
        *mon_grouping, *positive_sign, *negative_sign;
    char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space,
        n_cs_precedes, n_sep_by_space, p_sign_posn, n_sign_posn;
};

static struct msvcrt_lconv c_lconv = {
    ".", "", "", "", "", "", "", "", "", "",
    127, 127, 127, 127, 127, 127, 127, 127,
};

/* localeconv (msvcrt) */
struct msvcrt_lconv *CDECL msvcrt_localeconv(void) { return &c_lconv; }

/* setlocale (msvcrt): "C", or the user's locale ("" or a name ending in
 * the ANSI code page), whose character set is the ANSI code page. */
char *CDECL msvcrt_setlocale(int category, const char *name)
{
    if (category < 0 || category > 5)
        return NULL;
    if (!name)
        return locale_name;
    crt_init();
    const char *dot = strrchr(name, '.');
    if (!strcmp(name, "C") || !strcmp(name, "POSIX")) {
        if (category == 0 || category == 2) /* LC_ALL, LC_CTYPE */
            set_ctype_cp(0);
        strcpy(locale_name, "C");
        return locale_name;
    }
    if (!*name || (dot && (!strcmp(dot + 1, "65001") || !strcasecmp(dot + 1, "utf8") ||
                           !strcasecmp(dot + 1, "utf-8") ||
                           (unsigned)atoi(dot + 1) == crt_acp))) {
        if (category == 0 || category == 2)
            set_ctype_cp(crt_acp);
        snprintf(locale_name, sizeof locale_name,
                 "English_United States.%u", crt_acp);
        return locale_name;
    }
    TRACE("locale %s refused", name);
    return NULL;
}

/* _wsetlocale (msvcrt) */
WCHAR *CDECL msvcrt__wsetlocale(int category, const WCHAR *name)
{
    static WCHAR wname[64];
    char buf[64];
    size_t i = 0;
    if (name) {
        for (; name[i] && i < sizeof buf - 1; i++)
            buf[i] = name[i] < 0x80 ? (char)name[i] : '?';
        buf[i] = 0;
    }
    char *r = msvcrt_setlocale(category, name ? buf : NULL);
    if (!r)
        return NULL;
    for (i = 0; r[i] && i < ARRAY_SIZE(wname) - 1; i++)
        wname[i] = (unsigned char)r[i];
    wname[i] = 0;
    return wname;
}

/* One character in the locale's code page: bytes used, or -1. */
int crt_mbtowc(WCHAR *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    UINT cp = msvcrt___lc_codepage;
    if (!n)
        return -1;
    if (!cp || u[0] < 0x80) {
        if (out)
            *out = u[0];
        return 1;
    }
    int len = 1;
    if (cp == CP_UTF8) {
        len = u[0] >= 0xf0 ? 4 : u[0] >= 0xe0 ? 3 : u[0] >= 0xc2 ? 2 : 0;
    } else if (msvcrt___mb_cur_max == 2 && IsDBCSLeadByteEx &&
               IsDBCSLeadByteEx(cp, u[0])) {
        len = 2;
    }
    if (!len || (size_t)len > n)
        return -1;
    WCHAR w[2];
    if (MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, s, len, w, 2) != 1)
        return -1; /* invalid, or outside the BMP (needs two WCHARs) */
    if (out)
        *out = w[0];
    return len;
}

int crt_wctomb(char *out, WCHAR c)
{
    UINT cp = msvcrt___lc_codepage;
    char tmp[8];
    if (!cp) {
        if (c > 0xff)
            return -1;
        if (out)
            *out = (char)c;
        return 1;
    }
    if (c >= 0xd800 && c < 0xe000)
        return -1;
    BOOL bad = FALSE;
    int n = WideCharToMultiByte(cp, cp == CP_UTF8 ? 0 : WC_NO_BEST_FIT_CHARS,
                                &c, 1, tmp, sizeof tmp, NULL,
                                cp == CP_UTF8 ? NULL : &bad);
    if (n <= 0 || bad)
        return -1;
    if (out)
        memcpy(out, tmp, n);
    return n;
}

char *crt_wcs_to_acp(const WCHAR *s)
{
    int n = WideCharToMultiByte(crt_acp, 0, s, -1, NULL, 0, NULL, NULL);
    char *d = msvcrt_malloc(n > 0 ? n : 1);
    if (!d)
        return NULL;
    if (n <= 0)
        *d = 0;
    else
        WideCharToMultiByte(crt_acp, 0, s, -1, d, n, NULL, NULL);
    return d;
}

WCHAR *crt_acp_to_wcs(const char *s)
{
    int n = MultiByteToWideChar(crt_acp, 0, s, -1, NULL, 0);
    WCHAR *d = msvcrt_malloc((n > 0 ? n : 1) * sizeof(WCHAR));
    if (!d)
        return NULL;
    if (n <= 0)
        *d = 0;
    else
        MultiByteToWideChar(crt_acp, 0, s, -1, d, n);
    return d;
}

/* mbtowc (msvcrt) */
int CDECL msvcrt_mbtowc(WCHAR *pwc, const char *s, size_t n)
{
    if (!s)
        return 0;
    if (!n)
        return -1;
    if (!*s) {
        if (pwc)
            *pwc = 0;
        return 0;
    }
    int r = crt_mbtowc(pwc, s, n);
    if (r < 0)
        crt_set_errno(M_EILSEQ);
    return r;
}

/* mblen (msvcrt) */
int CDECL msvcrt_mblen(const char *s, size_t n)
{
    if (!s)
        return 0;
    if (!n || !*s)
        return 0;
    return crt_mbtowc(NULL, s, n);
}

/* wctomb (msvcrt) */
int CDECL msvcrt_wctomb(char *s, WCHAR c)
{
    if (!s)
        return 0;
    int r = crt_wctomb(s, c);
    if (r < 0)
        crt_set_errno(M_EILSEQ);
    return r;
}

/* mbstowcs (msvcrt): units written (or needed, with a NULL dst), not
 * counting the terminator; (size_t)-1 for an invalid sequence. */
size_t CDECL msvcrt_mbstowcs(WCHAR *dst, const char *src, size_t n)
{
    size_t out = 0;
    const char *p = src;
    while (*p && (!dst || out < n)) {
        WCHAR w;
        int k = crt_mbtowc(&w, p, 4);
        if (k < 0) {
            crt_set_errno(M_EILSEQ);
            return (size_t)-1;
        }
        if (dst)
            dst[out] = w;
        out++;
        p += k;
    }
    if (dst && out < n)
        dst[out] = 0;
    return out;
}

/* wcstombs (msvcrt): never splits a character at the limit. */
size_t CDECL msvcrt_wcstombs(char *dst, const WCHAR *src, size_t n)
{
    size_t out = 0;
    for (const WCHAR *p = src; *p; p++) {
        char tmp[8];
        int k = crt_wctomb(tmp, *p);
        if (k < 0) {
            crt_set_errno(M_EILSEQ);
            return (size_t)-1;
        }
        if (dst) {
            if (out + k > n)
                return out;
            memcpy(dst + out, tmp, k);
        }
        out += k;
    }
    if (dst && out < n)
        dst[out] = 0;
    return out;
}

/* _mbstrlen (msvcrt): characters, or -1 for an invalid sequence. */
size_t CDECL msvcrt__mbstrlen(const char *s)
{
    size_t n = 0;
    while (*s) {
        int k = crt_mbtowc(NULL, s, 4);
        if (k < 0) {
            crt_set_errno(M_EILSEQ);
            return (size_t)-1;
        }
        s += k;
        n++;
    }
    return n;
}

/* btowc / wctob (msvcrt) */
unsigned short CDECL msvcrt_btowc(int c)
{
    char ch = (char)c;
    WCHAR w;
    if (c == M_EOF || crt_mbtowc(&w, &ch, 1) != 1)
        return M_WEOF;
    return w;
}
int CDECL msvcrt_wctob(unsigned short c)
{
    char tmp[8];
    if (crt_wctomb(tmp, c) != 1)
        return M_EOF;
    return (unsigned char)tmp[0];
}
