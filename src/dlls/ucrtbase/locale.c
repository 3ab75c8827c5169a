/* The UCRT's locale objects and restartable conversions. decant's CRT has
 * one locale at a time (msvcrt's setlocale: "C" or the ANSI code page),
 * so a _locale_t is a snapshot of it, and the "_l" functions are the
 * plain ones (exports.h). The object's layout matters: the UCRT's inline
 * header code reads locale->locinfo->_locale_pctype and friends. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "ucrt.h"

/* __crt_locale_data_public, the start of the UCRT's locinfo */
struct ucrt_locinfo {
    const unsigned short *pctype;
    int mb_cur_max;
    UINT lc_codepage;
};

struct ucrt_locale {
    struct ucrt_locinfo *locinfo;
    void *mbcinfo;
    struct ucrt_locinfo info; /* ours: locinfo points here */
};

const unsigned short *CDECL msvcrt___pctype_func(void);
int CDECL msvcrt____mb_cur_max_func(void);
UINT CDECL msvcrt____lc_codepage_func(void);

static ucrt_locale_t new_locale(void)
{
    struct ucrt_locale *l = msvcrt_calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->locinfo = &l->info;
    l->info.pctype = msvcrt___pctype_func();
    l->info.mb_cur_max = msvcrt____mb_cur_max_func();
    l->info.lc_codepage = msvcrt____lc_codepage_func();
    return l;
}

/* _create_locale / _wcreate_locale (ucrtbase): any name gives the current
 * CRT locale ("C" is what nearly every caller asks for). */
ucrt_locale_t CDECL ucrt__create_locale(int category, const char *name)
{
    if (category < 0 || category > 5 || !name)
        return NULL;
    if (strcmp(name, "C") && *name)
        FIXME("locale %s is the CRT's current one", name);
    return new_locale();
}
ucrt_locale_t CDECL ucrt__wcreate_locale(int category, const WCHAR *name)
{
    if (category < 0 || category > 5 || !name)
        return NULL;
    if (name[0] && !(name[0] == 'C' && !name[1]))
        FIXME("a named locale is the CRT's current one");
    return new_locale();
}

/* _get_current_locale / _free_locale (ucrtbase) */
ucrt_locale_t CDECL ucrt__get_current_locale(void) { return new_locale(); }
void CDECL ucrt__free_locale(ucrt_locale_t l) { msvcrt_free(l); }

/* ___mb_cur_max_l_func (ucrtbase) */
int CDECL ucrt____mb_cur_max_l_func(ucrt_locale_t l)
{
    return l ? l->locinfo->mb_cur_max : msvcrt____mb_cur_max_func();
}

/* ___lc_locale_name_func (ucrtbase): the names per category (LC_ALL ..
 * LC_TIME); NULL is the "C" locale, which the C++ library expects. */
WCHAR **CDECL ucrt____lc_locale_name_func(void)
{
    static WCHAR *names[6];
    return names;
}

static int per_thread_locale = 2; /* _DISABLE_PER_THREAD_LOCALE */

/* _configthreadlocale (ucrtbase): remembered; there is one locale. */
int CDECL ucrt__configthreadlocale(int type)
{
    int old = per_thread_locale;
    if (type == 1 || type == 2)
        per_thread_locale = type;
    else if (type != 0 && type != -1)
        return -1;
    return old;
}

/* _lock_locales / _unlock_locales / __initialize_lconv_for_unsigned_char */
void CDECL ucrt__lock_locales(void) {}
void CDECL ucrt__unlock_locales(void) {}
int CDECL ucrt___initialize_lconv_for_unsigned_char(void) { return 0; }

/* The UCRT's mbstate_t; only whole characters are converted here, so the
 * state stays empty. */
typedef struct {
    ULONG wchar;
    USHORT byte, state;
} ucrt_mbstate;

/* mbrtowc / mbrlen (ucrtbase) */
size_t CDECL ucrt_mbrtowc(WCHAR *dst, const char *s, size_t n, ucrt_mbstate *st)
{
    if (!s)
        return 0;
    if (!n)
        return (size_t)-2;
    WCHAR w;
    int r = crt_mbtowc(&w, s, n);
    if (r < 0) {
        /* a valid start cut short by n is incomplete, not invalid */
        unsigned char c = *s;
        int want = msvcrt____lc_codepage_func() == CP_UTF8
                       ? (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0) : 0;
        if (want && (size_t)want > n)
            return (size_t)-2;
        crt_set_errno(M_EILSEQ);
        return (size_t)-1;
    }
    if (dst)
        *dst = w;
    return w ? (size_t)r : 0;
}
size_t CDECL ucrt_mbrlen(const char *s, size_t n, ucrt_mbstate *st)
{
    return ucrt_mbrtowc(NULL, s, n, st);
}

/* wcrtomb (ucrtbase) */
size_t CDECL ucrt_wcrtomb(char *dst, WCHAR c, ucrt_mbstate *st)
{
    char tmp[8];
    if (!dst)
        return 1;
    int n = crt_wctomb(tmp, c);
    if (n < 0) {
        crt_set_errno(M_EILSEQ);
        return (size_t)-1;
    }
    memcpy(dst, tmp, n);
    return n;
}

/* mbsrtowcs (ucrtbase): *src advances past what was converted, and
 * becomes NULL when the terminator was. */
size_t CDECL ucrt_mbsrtowcs(WCHAR *dst, const char **src, size_t n,
                            ucrt_mbstate *st)
{
    const char *s = *src;
    size_t done = 0;
    while (!dst || done < n) {
        WCHAR w;
        int r = crt_mbtowc(&w, s, 8);
        if (r < 0) {
            crt_set_errno(M_EILSEQ);
            return (size_t)-1;
        }
        if (dst)
            dst[done] = w;
        if (!w) {
            if (dst)
                *src = NULL;
            return done;
        }
        s += r;
        done++;
    }
    *src = s;
    return done;
}

/* wcsrtombs (ucrtbase) */
size_t CDECL ucrt_wcsrtombs(char *dst, const WCHAR **src, size_t n,
                            ucrt_mbstate *st)
{
    const WCHAR *s = *src;
    size_t done = 0;
    for (;;) {
        char tmp[8];
        int r = crt_wctomb(tmp, *s);
        if (r < 0) {
            crt_set_errno(M_EILSEQ);
            return (size_t)-1;
        }
        if (dst && done + r > n)
            break;
        if (dst)
            memcpy(dst + done, tmp, r);
        if (!*s) {
            if (dst)
                *src = NULL;
            return done;
        }
        done += r;
        s++;
    }
    *src = s;
    return done;
}

size_t CDECL msvcrt_mbstowcs(WCHAR *dst, const char *src, size_t n);
size_t CDECL msvcrt_wcstombs(char *dst, const WCHAR *src, size_t n);
int CDECL msvcrt_wctomb(char *s, WCHAR c);

#define TRUNCATE ((size_t)-1)

/* A conversion mbstowcs_s and wcstombs_s share: at most n units of src
 * into dst (NULL: just count them); (size_t)-1 on a bad character. */
typedef size_t (*convert_fn)(void *dst, const void *src, size_t n);

static size_t to_wide(void *dst, const void *src, size_t n)
{
    return msvcrt_mbstowcs(dst, src, n);
}

static size_t to_multibyte(void *dst, const void *src, size_t n)
{
    return msvcrt_wcstombs(dst, src, n);
}

static void terminate_at(void *dst, size_t unit, size_t i)
{
    if (unit == sizeof(WCHAR))
        ((WCHAR *)dst)[i] = 0;
    else
        ((char *)dst)[i] = 0;
}

/* The secure rules: *ret counts the terminator; a result that does not
 * fit is ERANGE and "" unless count is _TRUNCATE, which cuts it
 * (STRUNCATE). `unit` is the size of one destination character. */
static int convert_s(size_t *ret, void *dst, size_t unit, size_t size, const void *src,
                     size_t count, convert_fn convert)
{
    if ((!dst && size) || (dst && !size) || !src) {
        if (dst && size)
            terminate_at(dst, unit, 0);
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    size_t need = convert(NULL, src, 0);
    if (need == (size_t)-1) {
        if (dst)
            terminate_at(dst, unit, 0);
        return *msvcrt__errno();
    }
    if (count != TRUNCATE && count < need)
        need = count;
    if (!dst) {
        if (ret)
            *ret = need + 1;
        return 0;
    }
    int err = 0;
    if (need >= size) {
        if (count != TRUNCATE) {
            terminate_at(dst, unit, 0);
            crt_ucrt_invalid_parameter();
            crt_set_errno(M_ERANGE);
            return M_ERANGE;
        }
        need = size - 1;
        err = 80; /* STRUNCATE */
    }
    size_t n = convert(dst, src, need);
    if (n == (size_t)-1)
        n = 0;
    terminate_at(dst, unit, n);
    if (ret)
        *ret = n + 1;
    return err;
}

/* mbstowcs_s (ucrtbase) */
int CDECL ucrt_mbstowcs_s(size_t *ret, WCHAR *dst, size_t size,
                          const char *src, size_t count)
{
    return convert_s(ret, dst, sizeof(WCHAR), size, src, count, to_wide);
}

/* wcstombs_s (ucrtbase) */
int CDECL ucrt_wcstombs_s(size_t *ret, char *dst, size_t size,
                          const WCHAR *src, size_t count)
{
    return convert_s(ret, dst, 1, size, src, count, to_multibyte);
}

/* wctomb_s (ucrtbase) */
int CDECL ucrt_wctomb_s(int *ret, char *dst, size_t size, WCHAR c)
{
    char tmp[8];
    int n = crt_wctomb(tmp, c);
    if (n < 0) {
        if (ret)
            *ret = -1;
        crt_set_errno(M_EILSEQ);
        return M_EILSEQ;
    }
    if (dst) {
        if ((size_t)n > size) {
            crt_ucrt_invalid_parameter();
            crt_set_errno(M_ERANGE);
            return M_ERANGE;
        }
        memcpy(dst, tmp, n);
    }
    if (ret)
        *ret = n;
    return 0;
}

/* wctype (ucrtbase): the class names of C99, as _isctype masks. */
USHORT CDECL ucrt_wctype(const char *name)
{
    static const struct {
        const char *name;
        USHORT mask;
    } classes[] = {
        {"alnum", C_ALPHA | C_DIGIT}, {"alpha", C_ALPHA}, {"blank", C_BLANK},
        {"cntrl", C_CONTROL}, {"digit", C_DIGIT},
        {"graph", C_PUNCT | C_ALPHA | C_DIGIT}, {"lower", C_LOWER},
        {"print", C_BLANK | C_PUNCT | C_ALPHA | C_DIGIT}, {"punct", C_PUNCT},
        {"space", C_SPACE}, {"upper", C_UPPER}, {"xdigit", C_HEX},
    };
    for (size_t i = 0; name && i < ARRAY_SIZE(classes); i++)
        if (!strcmp(name, classes[i].name))
            return classes[i].mask;
    return 0;
}
