/* The _mbs* functions. The multibyte code page stays 0 (single byte, see
 * locale.c), so every byte is one character and these are the byte
 * functions with msvcrt's names; _mbctype says there are no lead bytes. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

typedef unsigned char uchar;

/* _mbctype (msvcrt data): 257 flag bytes, all clear. */
uchar msvcrt__mbctype[257];
/* _mbcasemap (msvcrt data) */
uchar msvcrt__mbcasemap[256];

/* __p__mbctype / __p__mbcasemap (msvcrt) */
uchar *CDECL msvcrt___p__mbctype(void) { return msvcrt__mbctype; }
uchar *CDECL msvcrt___p__mbcasemap(void) { return msvcrt__mbcasemap; }

int CDECL msvcrt__stricmp(const char *a, const char *b);
int CDECL msvcrt__strnicmp(const char *a, const char *b, size_t n);
char *CDECL msvcrt__strlwr(char *s);
char *CDECL msvcrt__strupr(char *s);
char *CDECL msvcrt__strrev(char *s);
char *CDECL msvcrt__strset(char *s, int c);
char *CDECL msvcrt__strnset(char *s, int c, size_t n);
char *CDECL msvcrt_strtok(char *s, const char *delim);
int CDECL msvcrt__isctype(int c, int mask);

static int sign(int v) { return v < 0 ? -1 : v > 0; }

size_t CDECL msvcrt__mbslen(const uchar *s) { return strlen((const char *)s); }
size_t CDECL msvcrt__mbsnlen(const uchar *s, size_t n) { return strnlen((const char *)s, n); }
uchar *CDECL msvcrt__mbscpy(uchar *d, const uchar *s) { return (uchar *)strcpy((char *)d, (const char *)s); }
uchar *CDECL msvcrt__mbscat(uchar *d, const uchar *s) { return (uchar *)strcat((char *)d, (const char *)s); }
uchar *CDECL msvcrt__mbschr(const uchar *s, unsigned c) { return (uchar *)strchr((const char *)s, (int)c); }
uchar *CDECL msvcrt__mbsrchr(const uchar *s, unsigned c) { return (uchar *)strrchr((const char *)s, (int)c); }
uchar *CDECL msvcrt__mbsstr(const uchar *h, const uchar *n) { return (uchar *)strstr((const char *)h, (const char *)n); }
uchar *CDECL msvcrt__mbspbrk(const uchar *s, const uchar *set) { return (uchar *)strpbrk((const char *)s, (const char *)set); }
size_t CDECL msvcrt__mbsspn(const uchar *s, const uchar *set) { return strspn((const char *)s, (const char *)set); }
size_t CDECL msvcrt__mbscspn(const uchar *s, const uchar *set) { return strcspn((const char *)s, (const char *)set); }
uchar *CDECL msvcrt__mbsspnp(const uchar *s, const uchar *set)
{
    s += strspn((const char *)s, (const char *)set);
    return *s ? (uchar *)s : NULL;
}
int CDECL msvcrt__mbscmp(const uchar *a, const uchar *b) { return sign(strcmp((const char *)a, (const char *)b)); }
int CDECL msvcrt__mbscoll(const uchar *a, const uchar *b) { return sign(strcmp((const char *)a, (const char *)b)); }
int CDECL msvcrt__mbsncmp(const uchar *a, const uchar *b, size_t n) { return sign(strncmp((const char *)a, (const char *)b, n)); }
int CDECL msvcrt__mbsnbcmp(const uchar *a, const uchar *b, size_t n) { return sign(strncmp((const char *)a, (const char *)b, n)); }
int CDECL msvcrt__mbsicmp(const uchar *a, const uchar *b) { return sign(msvcrt__stricmp((const char *)a, (const char *)b)); }
int CDECL msvcrt__mbsicoll(const uchar *a, const uchar *b) { return sign(msvcrt__stricmp((const char *)a, (const char *)b)); }
int CDECL msvcrt__mbsnicmp(const uchar *a, const uchar *b, size_t n) { return sign(msvcrt__strnicmp((const char *)a, (const char *)b, n)); }
int CDECL msvcrt__mbsnbicmp(const uchar *a, const uchar *b, size_t n) { return sign(msvcrt__strnicmp((const char *)a, (const char *)b, n)); }
uchar *CDECL msvcrt__mbsdup(const uchar *s) { return s ? (uchar *)crt_strdup((const char *)s) : NULL; }
uchar *CDECL msvcrt__mbslwr(uchar *s) { return (uchar *)msvcrt__strlwr((char *)s); }
uchar *CDECL msvcrt__mbsupr(uchar *s) { return (uchar *)msvcrt__strupr((char *)s); }
uchar *CDECL msvcrt__mbsrev(uchar *s) { return (uchar *)msvcrt__strrev((char *)s); }
uchar *CDECL msvcrt__mbsset(uchar *s, unsigned c) { return (uchar *)msvcrt__strset((char *)s, (int)c); }
uchar *CDECL msvcrt__mbsnset(uchar *s, unsigned c, size_t n) { return (uchar *)msvcrt__strnset((char *)s, (int)c, n); }
uchar *CDECL msvcrt__mbsnbset(uchar *s, unsigned c, size_t n) { return (uchar *)msvcrt__strnset((char *)s, (int)c, n); }
uchar *CDECL msvcrt__mbstok(uchar *s, const uchar *delim) { return (uchar *)msvcrt_strtok((char *)s, (const char *)delim); }
uchar *CDECL msvcrt__mbsncpy(uchar *d, const uchar *s, size_t n) { return (uchar *)strncpy((char *)d, (const char *)s, n); }
uchar *CDECL msvcrt__mbsnbcpy(uchar *d, const uchar *s, size_t n) { return (uchar *)strncpy((char *)d, (const char *)s, n); }
uchar *CDECL msvcrt__mbsncat(uchar *d, const uchar *s, size_t n) { return (uchar *)strncat((char *)d, (const char *)s, n); }
uchar *CDECL msvcrt__mbsnbcat(uchar *d, const uchar *s, size_t n) { return (uchar *)strncat((char *)d, (const char *)s, n); }
size_t CDECL msvcrt__mbsnbcnt(const uchar *s, size_t n) { return strnlen((const char *)s, n); }
size_t CDECL msvcrt__mbsnccnt(const uchar *s, size_t n) { return strnlen((const char *)s, n); }

/* Character stepping: one byte per character. */
uchar *CDECL msvcrt__mbsinc(const uchar *p) { return (uchar *)p + 1; }
uchar *CDECL msvcrt__mbsninc(const uchar *p, size_t n)
{
    return p ? (uchar *)p + strnlen((const char *)p, n) : NULL;
}
uchar *CDECL msvcrt__mbsdec(const uchar *start, const uchar *p)
{
    return p > start ? (uchar *)p - 1 : NULL;
}
unsigned CDECL msvcrt__mbsnextc(const uchar *p) { return *p; }
size_t CDECL msvcrt__mbclen(const uchar *p) { return 1; }
void CDECL msvcrt__mbccpy(uchar *d, const uchar *s) { *d = *s; }

/* Lead/trail bytes and types: none in a single-byte code page. */
int CDECL msvcrt__ismbblead(unsigned c) { return 0; }
int CDECL msvcrt__ismbbtrail(unsigned c) { return 0; }
int CDECL msvcrt__ismbslead(const uchar *s, const uchar *p) { return 0; }
int CDECL msvcrt__ismbstrail(const uchar *s, const uchar *p) { return 0; }
int CDECL msvcrt__mbbtype(uchar c, int type) { return 0; /* _MBC_SINGLE */ }
int CDECL msvcrt__mbsbtype(const uchar *s, size_t pos) { return 0; }
unsigned CDECL msvcrt__mbbtombc(unsigned c) { return c; }
unsigned CDECL msvcrt__mbctombb(unsigned c) { return c; }

/* Character classes and case of a (single-byte) character. */
#define MBC_IS(name, mask)                                                  \
    int CDECL msvcrt_##name(unsigned c) { return c < 256 && msvcrt__isctype((int)c, mask); }
MBC_IS(_ismbcdigit, C_DIGIT)
MBC_IS(_ismbcalpha, C_ALPHA)
MBC_IS(_ismbcalnum, C_ALPHA | C_DIGIT)
MBC_IS(_ismbcspace, C_SPACE)
MBC_IS(_ismbclower, C_LOWER)
MBC_IS(_ismbcupper, C_UPPER)
MBC_IS(_ismbcpunct, C_PUNCT)
MBC_IS(_ismbcprint, C_BLANK | C_PUNCT | C_ALPHA | C_DIGIT)
MBC_IS(_ismbcgraph, C_PUNCT | C_ALPHA | C_DIGIT)
unsigned CDECL msvcrt__mbctolower(unsigned c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
unsigned CDECL msvcrt__mbctoupper(unsigned c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
