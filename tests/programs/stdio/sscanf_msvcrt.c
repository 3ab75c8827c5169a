// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin -Wno-format
/* msvcrt's sscanf/swscanf: conversions, return counts, EOF on empty input,
 * %n, scansets, widths, assignment suppression, %I64d. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

int main(void)
{
    int a = 0, b = 0, c = 0, n = 0, r;
    unsigned u = 0;
    long long ll = 0;
    double d = 0;
    float f = 0;
    char s1[32] = "", s2[32] = "", ch = 0;
    wchar_t ws[32];
    short sh = 0;

    r = sscanf("12 34 56", "%d %d %d", &a, &b, &c);
    ok(r == 3 && a == 12 && b == 34 && c == 56, "three ints: %d %d %d %d", r, a, b, c);
    r = sscanf("  -7xyz", "%d%s", &a, s1);
    ok(r == 2 && a == -7 && !strcmp(s1, "xyz"), "int then string: %d %d %s", r, a, s1);
    r = sscanf("", "%d", &a);
    ok(r == EOF, "empty input gives EOF: %d", r);
    /* Not checked: sscanf("   ", "%d").  Wine 8 returns 0; the C standard
     * and the Visual C++ CRT sources (input.c: "if any fields were
     * matched or assigned, return count", else -1 at end of input)
     * suggest EOF.  Unverified on Windows. */
    r = sscanf("abc", "%d", &a);
    ok(r == 0, "mismatch gives 0: %d", r);
    r = sscanf("0x1F 077 ff", "%i %i %x", &a, &b, &u);
    ok(r == 3 && a == 31 && b == 63 && u == 255, "%%i/%%x: %d %d %d %u", r, a, b, u);
    r = sscanf("3.25 -1e3", "%lf %f", &d, &f);
    ok(r == 2 && d == 3.25 && f == -1000.0f, "floats: %d %f %f", r, d, f);
    r = sscanf("12345678901234", "%I64d", &ll);
    ok(r == 1 && ll == 12345678901234LL, "%%I64d: %d", r);
    r = sscanf("-9876543210", "%lld", &ll);
    ok(r == 1 && ll == -9876543210LL, "%%lld: %d", r);
    r = sscanf("abcdef", "%3s%s", s1, s2);
    ok(r == 2 && !strcmp(s1, "abc") && !strcmp(s2, "def"), "width: %s %s", s1, s2);
    r = sscanf("key=value;rest", "%[^=]=%[^;]", s1, s2);
    ok(r == 2 && !strcmp(s1, "key") && !strcmp(s2, "value"), "scansets: %s %s", s1, s2);
    r = sscanf("aaabbb", "%[a]%n", s1, &n);
    ok(r == 1 && !strcmp(s1, "aaa") && n == 3, "%%[a]%%n: %d %s %d", r, s1, n);
    r = sscanf("1 2 3", "%*d %d %n%d", &a, &n, &b);
    ok(r == 2 && a == 2 && b == 3 && n == 4, "suppression and %%n not counted: %d %d %d %d", r, a, b, n);
    r = sscanf("x y", "%c %c", &ch, s1);
    ok(r == 2 && ch == 'x' && s1[0] == 'y', "%%c: %d", r);
    r = sscanf("70000", "%hd", &sh);
    ok(r == 1 && sh == 4464, "%%hd truncates: %d", sh);
    r = sscanf("4294967295", "%u", &u);
    ok(r == 1 && u == 4294967295u, "%%u max: %u", u);
    r = sscanf("12abc", "%d%c", &a, &ch);
    ok(r == 2 && a == 12 && ch == 'a', "%%d then %%c: %d", r);
    r = sscanf("10,20", "%d,%d", &a, &b);
    ok(r == 2 && a == 10 && b == 20, "literal separator");
    r = sscanf("10;20", "%d,%d", &a, &b);
    ok(r == 1, "literal mismatch stops: %d", r);
    r = swscanf(L"42 wide", L"%d %s", &a, ws);
    ok(r == 2 && a == 42 && !wcscmp(ws, L"wide"), "swscanf: %d", r);
    r = sscanf("narrow", "%S", ws);
    ok(r == 1 && !wcscmp(ws, L"narrow"), "%%S into wide: %d", r);
    return test_summary();
}
