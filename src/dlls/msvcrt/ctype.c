/* Character classes. _ctype/_pctype (narrow, "C" locale) and _pwctype
 * (wide, Latin-1) are tables programs read directly, with msvcrt's bits
 * and Wine-verified values: _pctype['A'] 0x81, ['\t'] 0x28, [0xe9] 0;
 * _pwctype['\t'] 0x68, [0xa0] 0x48, [0xe9] 0x102. In the "C" locale
 * tolower/towlower fold ASCII only, and _tolower/_toupper add or
 * subtract 32 blindly. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "k32.h"
#include "msvcrt.h"
#include "wstr.h"

unsigned short msvcrt__ctype[257]; /* _ctype (msvcrt data); [0] is EOF */
static unsigned short wctype_table[256];
const unsigned short *msvcrt__pctype = msvcrt__ctype + 1; /* _pctype data */
const unsigned short *msvcrt__pwctype = wctype_table;     /* _pwctype data */

static unsigned short ascii_class(int c)
{
    if (c < 0x20 || c == 0x7f)
        return C_CONTROL | (c >= 9 && c <= 13 ? C_SPACE : 0);
    if (c == ' ')
        return C_SPACE | C_BLANK;
    if (c >= '0' && c <= '9')
        return C_DIGIT | C_HEX;
    if (c >= 'A' && c <= 'Z')
        return C_UPPER | (c <= 'F' ? C_HEX : 0);
    if (c >= 'a' && c <= 'z')
        return C_LOWER | (c <= 'f' ? C_HEX : 0);
    if (c < 0x7f)
        return C_PUNCT;
    return 0;
}

static unsigned short latin1_wide_class(int c)
{
    if (c < 0x80) {
        unsigned short v = ascii_class(c);
        if (v & (C_UPPER | C_LOWER))
            v |= 0x100;
        if (c == '\t')
            v |= C_BLANK;
        return v;
    }
    if (c < 0xa0)
        return C_CONTROL;
    if (c == 0xa0)
        return C_SPACE | C_BLANK;
    if (c == 0xaa || c == 0xb5 || c == 0xba || (c >= 0xdf && c != 0xf7))
        return 0x100 | C_LOWER;
    if (c >= 0xc0 && c != 0xd7)
        return 0x100 | C_UPPER;
    if (c == 0xb2 || c == 0xb3 || c == 0xb9)
        return C_DIGIT | C_PUNCT;
    return C_PUNCT;
}

__attribute__((constructor)) static void init_tables(void)
{
    for (int c = 0; c < 256; c++) {
        msvcrt__ctype[c + 1] = ascii_class(c);
        wctype_table[c] = latin1_wide_class(c);
    }
}

/* Above U+00FF: GetStringTypeW (CT_CTYPE1) when kernel32 has it, else a
 * coarse table of the common scripts. */
static unsigned short wide_class(WCHAR c)
{
    if (c < 256)
        return wctype_table[c];
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
        c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000)
        return C_SPACE | C_BLANK;
    WORD t;
    if (GetStringTypeW && GetStringTypeW(1, &c, 1, &t))
        return t & 0x1ff;
    if (c >= 0xd800 && c < 0xe000)
        return 0;
    if (wstr_upper(c) != c)
        return 0x100 | C_LOWER;
    if (wstr_lower(c) != c)
        return 0x100 | C_UPPER;
    if ((c >= 0x2000 && c < 0x3000) || (c >= 0x3000 && c < 0x3040) ||
        (c >= 0xff00 && c < 0xff10) || (c >= 0xfe30 && c < 0xfe70))
        return C_PUNCT;
    return 0x100; /* letters of scripts without case (CJK, Arabic...) */
}

int crt_iswctype(WCHAR c, unsigned short mask) { return wide_class(c) & mask; }

static unsigned short narrow_class(int c)
{
    if (c < -1 || c > 255)
        return 0;
    return msvcrt__ctype[c + 1];
}

/* __pctype_func / __pwctype_func / __p__pctype / __p__pwctype (msvcrt) */
const unsigned short *CDECL msvcrt___pctype_func(void) { return msvcrt__pctype; }
const unsigned short *CDECL msvcrt___pwctype_func(void) { return msvcrt__pwctype; }
const unsigned short **CDECL msvcrt___p__pctype(void) { return &msvcrt__pctype; }
const unsigned short **CDECL msvcrt___p__pwctype(void) { return &msvcrt__pwctype; }

/* _isctype (msvcrt) */
int CDECL msvcrt__isctype(int c, int mask) { return narrow_class(c) & mask; }

#define C_ALPHA3 (0x100 | C_UPPER | C_LOWER)
#define NARROW_IS(name, mask)                                               \
    int CDECL msvcrt_##name(int c) { return narrow_class(c) & (mask); }
NARROW_IS(isalpha, C_ALPHA3)
NARROW_IS(isupper, C_UPPER)
NARROW_IS(islower, C_LOWER)
NARROW_IS(isdigit, C_DIGIT)
NARROW_IS(isxdigit, C_HEX)
NARROW_IS(isspace, C_SPACE)
NARROW_IS(ispunct, C_PUNCT)
NARROW_IS(isalnum, C_ALPHA3 | C_DIGIT)
NARROW_IS(isprint, C_BLANK | C_PUNCT | C_ALPHA3 | C_DIGIT)
NARROW_IS(isgraph, C_PUNCT | C_ALPHA3 | C_DIGIT)
NARROW_IS(iscntrl, C_CONTROL)

/* isblank (msvcrt) */
int CDECL msvcrt_isblank(int c) { return c == ' ' || c == '\t' ? C_BLANK : 0; }

/* __isascii / __toascii / __iscsym / __iscsymf (msvcrt) */
int CDECL msvcrt___isascii(int c) { return (unsigned)c < 0x80; }
int CDECL msvcrt___toascii(int c) { return c & 0x7f; }
int CDECL msvcrt___iscsym(int c)
{
    return c == '_' || (narrow_class(c) & (C_ALPHA3 | C_DIGIT));
}
int CDECL msvcrt___iscsymf(int c) { return c == '_' || (narrow_class(c) & C_ALPHA3); }

/* tolower / toupper / _tolower / _toupper (msvcrt) */
int CDECL msvcrt_tolower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
int CDECL msvcrt_toupper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
int CDECL msvcrt__tolower(int c) { return c + 32; }
int CDECL msvcrt__toupper(int c) { return c - 32; }

/* isleadbyte (msvcrt): UTF-8 and the "C" locale have no lead bytes. */
int CDECL msvcrt_isleadbyte(int c) { return 0; }

#define WIDE_IS(name, mask)                                                 \
    int CDECL msvcrt_##name(unsigned short c) { return wide_class(c) & (mask); }
WIDE_IS(iswalpha, C_ALPHA3)
WIDE_IS(iswupper, C_UPPER)
WIDE_IS(iswlower, C_LOWER)
WIDE_IS(iswdigit, C_DIGIT)
WIDE_IS(iswxdigit, C_HEX)
WIDE_IS(iswspace, C_SPACE)
WIDE_IS(iswpunct, C_PUNCT)
WIDE_IS(iswalnum, C_ALPHA3 | C_DIGIT)
WIDE_IS(iswprint, C_BLANK | C_PUNCT | C_ALPHA3 | C_DIGIT)
WIDE_IS(iswgraph, C_PUNCT | C_ALPHA3 | C_DIGIT)
WIDE_IS(iswcntrl, C_CONTROL)
WIDE_IS(iswblank, C_BLANK)

/* iswctype / is_wctype / iswascii / __iswcsym / __iswcsymf (msvcrt) */
int CDECL msvcrt_iswctype(unsigned short c, unsigned short mask)
{
    return wide_class(c) & mask;
}
int CDECL msvcrt_iswascii(unsigned short c) { return c < 0x80; }
int CDECL msvcrt___iswcsym(unsigned short c)
{
    return c == '_' || (wide_class(c) & (C_ALPHA3 | C_DIGIT));
}
int CDECL msvcrt___iswcsymf(unsigned short c)
{
    return c == '_' || (wide_class(c) & C_ALPHA3);
}

/* towlower / towupper (msvcrt): ASCII only in the "C" locale. */
unsigned short CDECL msvcrt_towlower(unsigned short c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}
unsigned short CDECL msvcrt_towupper(unsigned short c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}
