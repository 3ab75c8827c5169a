/* Character case and classification in user32 (CharUpper, IsCharAlpha...),
 * over decant's UTF-16 case tables. A pointer argument whose high word is
 * zero is a single character, as documented. */
#include <wctype.h>

#include "windef.h"
#include "wstr.h"

static int is_char_arg(const void *p) { return !((uintptr_t)p >> 16); }

/* CharUpperW (user32) */
LPWSTR WINAPI CharUpperW(LPWSTR s)
{
    if (is_char_arg(s))
        return (LPWSTR)(uintptr_t)wstr_upper((WCHAR)(uintptr_t)s);
    for (WCHAR *p = s; *p; p++)
        *p = wstr_upper(*p);
    return s;
}

/* CharLowerW (user32) */
LPWSTR WINAPI CharLowerW(LPWSTR s)
{
    if (is_char_arg(s))
        return (LPWSTR)(uintptr_t)wstr_lower((WCHAR)(uintptr_t)s);
    for (WCHAR *p = s; *p; p++)
        *p = wstr_lower(*p);
    return s;
}

/* CharUpperA (user32): ASCII letters only, since the ANSI code page is
 * UTF-8 and a byte is not a character. */
LPSTR WINAPI CharUpperA(LPSTR s)
{
    if (is_char_arg(s)) {
        char c = (char)(uintptr_t)s;
        return (LPSTR)(uintptr_t)(unsigned char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    for (char *p = s; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p -= 32;
    return s;
}

/* CharLowerA (user32) */
LPSTR WINAPI CharLowerA(LPSTR s)
{
    if (is_char_arg(s)) {
        char c = (char)(uintptr_t)s;
        return (LPSTR)(uintptr_t)(unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (char *p = s; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p += 32;
    return s;
}

/* CharUpperBuffW (user32) */
DWORD WINAPI CharUpperBuffW(LPWSTR s, DWORD n)
{
    for (DWORD i = 0; i < n; i++)
        s[i] = wstr_upper(s[i]);
    return n;
}

/* CharLowerBuffW (user32) */
DWORD WINAPI CharLowerBuffW(LPWSTR s, DWORD n)
{
    for (DWORD i = 0; i < n; i++)
        s[i] = wstr_lower(s[i]);
    return n;
}

/* CharNextW (user32) */
LPWSTR WINAPI CharNextW(LPCWSTR s) { return (LPWSTR)(*s ? s + 1 : s); }

/* CharPrevW (user32) */
LPWSTR WINAPI CharPrevW(LPCWSTR start, LPCWSTR s) { return (LPWSTR)(s > start ? s - 1 : s); }

/* CharNextA (user32): steps over a whole UTF-8 sequence. */
LPSTR WINAPI CharNextA(LPCSTR s)
{
    if (!*s)
        return (LPSTR)s;
    s++;
    while ((*s & 0xc0) == 0x80)
        s++;
    return (LPSTR)s;
}

/* IsCharAlphaW (user32) */
BOOL WINAPI IsCharAlphaW(WCHAR c) { return iswalpha(c) != 0; }

/* IsCharAlphaNumericW (user32) */
BOOL WINAPI IsCharAlphaNumericW(WCHAR c) { return iswalnum(c) != 0; }

/* IsCharUpperW (user32) */
BOOL WINAPI IsCharUpperW(WCHAR c) { return wstr_lower(c) != c; }

/* IsCharLowerW (user32) */
BOOL WINAPI IsCharLowerW(WCHAR c) { return wstr_upper(c) != c; }

/* IsCharAlphaA (user32) */
BOOL WINAPI IsCharAlphaA(CHAR c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* IsCharAlphaNumericA (user32) */
BOOL WINAPI IsCharAlphaNumericA(CHAR c) { return IsCharAlphaA(c) || (c >= '0' && c <= '9'); }

/* CharPrevExA (user32): UTF-8 steps back over a whole sequence. */
LPSTR WINAPI CharPrevExA(WORD cp, LPCSTR start, LPCSTR s, DWORD flags)
{
    if (s <= start)
        return (LPSTR)start;
    s--;
    while (s > start && (*s & 0xc0) == 0x80)
        s--;
    return (LPSTR)s;
}

/* CharPrevA (user32) */
LPSTR WINAPI CharPrevA(LPCSTR start, LPCSTR s) { return CharPrevExA(0, start, s, 0); }

/* CharNextExA (user32) */
LPSTR WINAPI CharNextExA(WORD cp, LPCSTR s, DWORD flags) { return CharNextA(s); }
