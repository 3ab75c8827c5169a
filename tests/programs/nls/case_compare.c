// build: -luser32
/* CharUpper/CharLower-free case mapping and comparison through kernel32:
 * CompareStringOrdinal (ignore case), lstrcmpiW, CompareStringW with
 * NORM_IGNORECASE, LCMapStringW upper/lower, IsCharAlphaW-free. */
#include <windows.h>
#include "test.h"

int main(void)
{
    WCHAR buf[32];
    int n;

    ok(CompareStringOrdinal(L"Hello", -1, L"hELLO", -1, TRUE) == CSTR_EQUAL, "ordinal ignore case");
    ok(CompareStringOrdinal(L"Hello", -1, L"hELLO", -1, FALSE) == CSTR_LESS_THAN, "ordinal compares code units: 'H' (0x48) < 'h' (0x68)");
    ok(CompareStringOrdinal(L"\x00E9", -1, L"\x00C9", -1, TRUE) == CSTR_EQUAL, "ordinal ignore case folds Latin-1");
    ok(CompareStringOrdinal(L"abc", 2, L"ab", -1, FALSE) == CSTR_EQUAL, "explicit lengths");
    ok(lstrcmpiW(L"ABC", L"abc") == 0, "lstrcmpiW");
    ok(lstrcmpW(L"a", L"B") < 0, "lstrcmpW is linguistic: a < B");
    ok(lstrcmpA("abc", "abd") < 0 && lstrlenA("four") == 4 && lstrlenW(L"four") == 4, "lstrcmpA/lstrlen");
    ok(CompareStringW(LOCALE_INVARIANT, NORM_IGNORECASE, L"Straße", -1, L"STRASSE", -1) != 0, "CompareStringW works");
    ok(CompareStringW(LOCALE_INVARIANT, NORM_IGNORECASE, L"text", -1, L"TEXT", -1) == CSTR_EQUAL, "ignore case equal");
    ok(CompareStringW(LOCALE_INVARIANT, 0, L"a", -1, L"b", -1) == CSTR_LESS_THAN, "a < b");

    n = LCMapStringW(LOCALE_INVARIANT, LCMAP_UPPERCASE, L"mixed \x00e9", -1, buf, 32);
    ok(n == 8 && !lstrcmpW(buf, L"MIXED \x00c9"), "LCMAP_UPPERCASE: %d", n);
    n = LCMapStringW(LOCALE_INVARIANT, LCMAP_LOWERCASE, L"MIXED \x00c9", -1, buf, 32);
    ok(n == 8 && !lstrcmpW(buf, L"mixed \x00e9"), "LCMAP_LOWERCASE");
    lstrcpyW(buf, L"AbC");
    CharLowerW(buf);
    ok(!lstrcmpW(buf, L"abc"), "CharLowerW (user32)");
    return test_summary();
}
