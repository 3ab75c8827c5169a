// build: -fno-builtin
/* Wide-string functions (wchar_t is 16 bits on Windows). */
#include <wchar.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

int main(void)
{
    wchar_t buf[64];
    wchar_t *p;

    ok(sizeof(wchar_t) == 2, "wchar_t is 2 bytes");
    ok(wcslen(L"") == 0 && wcslen(L"hello") == 5, "wcslen");
    ok(wcslen(L"\xD83D\xDE00") == 2, "surrogate pair counts as 2 units");
    wcscpy(buf, L"wide");
    ok(!wcscmp(buf, L"wide"), "wcscpy");
    wcscat(buf, L"-cat");
    ok(!wcscmp(buf, L"wide-cat"), "wcscat");
    wcsncpy(buf, L"ab", 4);
    ok(buf[0] == L'a' && buf[1] == L'b' && buf[2] == 0 && buf[3] == 0 && buf[4] == L'-', "wcsncpy pads");
    ok(wcscmp(L"abc", L"abd") < 0 && wcscmp(L"\x1000", L"a") > 0, "wcscmp");
    ok(wcsncmp(L"abcx", L"abcy", 3) == 0, "wcsncmp");
    ok(_wcsicmp(L"HeLLo", L"hello") == 0 && _wcsicmp(L"a", L"B") < 0, "_wcsicmp");
    ok(_wcsnicmp(L"ABCdef", L"abcXYZ", 3) == 0, "_wcsnicmp");
    /* in the "C" locale msvcrt folds only ASCII letters */
    ok(_wcsicmp(L"\x00C9t", L"\x00E9T") != 0, "_wcsicmp does not fold non-ASCII in the C locale");
    p = L"find the needle";
    ok(wcschr(p, L'n') == p + 2, "wcschr");
    ok(wcsrchr(p, L'e') == p + 14, "wcsrchr");
    ok(wcsstr(p, L"needle") == p + 9, "wcsstr");
    ok(wcsspn(L"aaab", L"a") == 3 && wcscspn(L"abc,d", L",") == 3, "wcsspn/wcscspn");
    wcscpy(buf, L"MiXeD");
    ok(!wcscmp(_wcslwr(buf), L"mixed"), "_wcslwr");
    ok(!wcscmp(_wcsupr(buf), L"MIXED"), "_wcsupr");
    p = _wcsdup(L"dup");
    ok(p && !wcscmp(p, L"dup"), "_wcsdup");
    free(p);
    ok(wcstol(L"  -123xyz", &p, 10) == -123 && *p == L'x', "wcstol");
    ok(wcstoul(L"ff", NULL, 16) == 255, "wcstoul");
    ok(_wtoi(L"42") == 42, "_wtoi");
    ok(wcstod(L"2.5e2", NULL) == 250.0, "wcstod");
    ok(towupper(L'a') == L'A' && towlower(L'Z') == L'z', "towupper/towlower");
    ok(towlower(L'\x00C9') == L'\x00C9', "towlower leaves non-ASCII alone in the C locale");
    ok(iswalpha(L'\x00E9') && !iswdigit(L'x') && iswspace(L'\t'), "isw*");
    ok(wmemcmp(L"abc", L"abd", 3) < 0, "wmemcmp");
    return test_summary();
}
