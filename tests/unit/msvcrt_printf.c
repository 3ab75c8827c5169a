/* msvcrt's printf engine against outputs recorded from msvcrt under Wine 8
 * (probe programs built with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin).
 * Cases where Wine is known to differ from Windows are left out and noted
 * in src/dlls/msvcrt/printf.c. Exits 0 when all pass. */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "windef.h"

int CDECL msvcrt_sprintf(char *buf, const char *fmt, ...);
int CDECL msvcrt__snprintf(char *buf, size_t n, const char *fmt, ...);
int CDECL msvcrt__scprintf(const char *fmt, ...);
int CDECL msvcrt_swprintf(WCHAR *buf, const WCHAR *fmt, ...);
int CDECL msvcrt__snwprintf(WCHAR *buf, size_t n, const WCHAR *fmt, ...);

static int failures, count;

static void check(const char *got, const char *want, const char *what, int line)
{
    count++;
    if (strcmp(got, want)) {
        failures++;
        printf("FAIL line %d: %s\n  got  [%s]\n  want [%s]\n", line, what, got, want);
    }
}

#define T(want, ...)                                                        \
    do {                                                                    \
        char b_[2048];                                                      \
        msvcrt_sprintf(b_, __VA_ARGS__);                                    \
        check(b_, want, #__VA_ARGS__, __LINE__);                            \
    } while (0)

static void wide_to_ascii(const WCHAR *w, char *out)
{
    while ((*out++ = (char)*w++))
        ;
}

/* msvcrt's %.Nf / %.Ne of v, built from all of glibc's exact digits with
 * ties rounded away from zero: the definition printf_fp.c implements,
 * partly through glibc's own rounding. */
static void reference(char *out, double v, char conv, int prec)
{
    static char exact[1200];
    char digits[1200], *p = digits;
    int n = 0, point = 0, exp10 = 0;
    snprintf(exact, sizeof exact, conv == 'f' ? "%.1100f" : "%.1100e", fabs(v));
    digits[n++] = '0';
    for (const char *s = exact; *s && *s != 'e'; s++) {
        if (*s == '.')
            point = n;
        else
            digits[n++] = *s;
    }
    if (conv == 'e')
        exp10 = atoi(strchr(exact, 'e') + 1);
    int keep = conv == 'f' ? point + prec : 2 + prec;
    if (digits[keep] >= '5')
        for (int i = keep - 1; i >= 0; i--) {
            if (digits[i] != '9') {
                digits[i]++;
                break;
            }
            digits[i] = '0';
        }
    if (digits[0] == '0')
        p++, keep--, point--;
    else
        exp10++;
    char *o = out;
    if (signbit(v))
        *o++ = '-';
    if (conv == 'f') {
        memcpy(o, p, point);
        o += point;
        if (prec)
            *o++ = '.';
        memcpy(o, p + point, prec);
        o += prec;
        *o = 0;
    } else {
        *o++ = p[0];
        if (prec)
            *o++ = '.';
        memcpy(o, p + 1, prec);
        o += prec;
        sprintf(o, "e%c%03d", exp10 < 0 ? '-' : '+', abs(exp10));
    }
}

/* %f and %e of many doubles against the reference: random bit patterns,
 * i / 7 as bench/printf prints, and exact ties (k / 2^n, and m 10^g with
 * m's last digit 5, which are ties for %e at negative positions). */
static void fp_against_reference(void)
{
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    int bad = 0, n = 0;
    for (int i = 0; i < 4000; i++) {
        double v;
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        switch (i % 5) {
        case 0: { /* any finite double not too large for %f */
            uint64_t bits = seed;
            memcpy(&v, &bits, sizeof v);
            if (!isfinite(v) || fabs(v) > 1e30)
                v = (double)(int64_t)(seed >> 20) / 3.0;
            break;
        }
        case 1: v = (double)(seed >> 44) / 7.0; break;
        case 2: v = ldexp((double)((seed >> 40) | 1), -(int)(seed % 20)); break;
        case 3: v = (double)((seed >> 50) * 10 + 5) * pow(10, (int)(seed % 9)); break;
        default: v = ldexp((double)(seed >> 11), -(int)(seed % 70)) * (seed & 1 ? -1 : 1); break;
        }
        for (int prec = 0; prec <= 20; prec += 1 + (int)((seed >> (prec % 32)) & 3)) {
            char fmt[16], want[1300], got[1300];
            for (const char *c = "fe"; *c; c++) {
                snprintf(fmt, sizeof fmt, "%%.%d%c", prec, *c);
                reference(want, v, *c, prec);
                msvcrt_sprintf(got, fmt, v);
                n++;
                if (strcmp(got, want) && bad++ < 10)
                    printf("FAIL %s of %.17g: got [%s] want [%s]\n", fmt, v, got, want);
            }
        }
    }
    count++;
    if (bad) {
        failures++;
        printf("FAIL %%f/%%e against exact digits: %d of %d wrong\n", bad, n);
    }
}

int main(void)
{
    double inf = HUGE_VAL, qnan = NAN, ind;
    unsigned long long ind_bits = 0xfff8000000000000ull;
    memcpy(&ind, &ind_bits, sizeof ind);

    /* infinities and NaNs, msvcrt's spelling and its rounding of them */
    T("[1.#INF00][1.#INF00e+000][1.#INF][1.#J][1][     1.#IO]",
      "[%f][%e][%g][%.2f][%.0f][%10.3f]", inf, inf, inf, inf, inf, inf);
    T("[-1.#INF00][-1.#INF00e+000][-1.#INF][-1.#J][-1.$]",
      "[%f][%e][%g][%.2f][%.1f]", -inf, -inf, -inf, -inf, -inf);
    T("[1.#QNAN0][1.#QNAN0e+000][1.#QNAN][1.#QO][1.$]",
      "[%f][%e][%g][%.3f][%.1f]", qnan, qnan, qnan, qnan, qnan);
    T("[-1.#IND00][-1.#IND00e+000][-1.#IND][-1.#IO][-1.$]",
      "[%f][%e][%g][%.3f][%.1f]", ind, ind, ind, ind, ind);
    T("[    1.#INF00][00001.#INF00][+1.#INF00][ 1.#INF00]",
      "[%12f][%012f][%+f][% f]", inf, inf, inf, inf);
    T("[1.#J][1.#INF000000][1.#INF]", "[%.3g][%.10f][%#g]", inf, inf, inf);
    T("[1.#INF00E+000][1.#QNAN]", "[%E][%G]", inf, qnan);

    /* exponents have three digits; ties round away from zero */
    T("[1.500000e+000][1.234568E+004][1e-005][1.23457e+008][100000][1.00000][0.0001]",
      "[%e][%E][%g][%g][%g][%#g][%g]", 1.5, 12345.678, 1e-5, 123456789.0, 100000.0,
      1.0, 0.0001);
    T("[0.000000e+000][0][1e+004][3.][3.e+000][-1.235e+003][-02.3][ 1.500000]",
      "[%e][%g][%.0e][%#.0f][%#.0e][%+.3e][%05.1f][% f]", 0.0, 0.0, 12345.0, 3.0,
      3.0, -1234.5678, -2.25, 1.5);
    T("[1e-300][1.5e+300][1.234e-005][0.5][1.00][1e+015][0.3333333333][1E-010]",
      "[%g][%g][%g][%.0g][%#.3g][%g][%.10g][%G]", 1e-300, 1.5e300, 0.00001234, 0.5,
      1.0, 1e15, 1.0 / 3, 1e-10);
    T("[0.3][0.3][1][2][2.67e+000]", "[%.1f][%.1f][%.0f][%.0f][%.2e]", 0.25, 0.35,
      0.5, 1.5, 2.675);
    T("[1.0e+001][      3.1415927][6.020E+023     |][+5][ 5]",
      "[%4.1e][%15.8g][%-15.3E|][%+g][% g]", 9.96, 3.14159265358979, 6.02e23, 5.0, 5.0);
    T("[1.000000e-310][1.797693e+308][9.999e+000][9.99995e-005][1e+006]",
      "[%e][%e][%.3e][%g][%g]", 1e-310, 1.7976931348623157e308, 9.9995, 9.99995e-5,
      999999.5);
    T("[0.10000000000000000555][99999999999999991611392][100000000000000000000.000000]",
      "[%.20f][%.0f][%f]", 0.1, 1e23, 1e20);
    T("[3.333333333333333148296162562474e-001][0.10000000000000001][9.9999999999999992e+022]",
      "[%.30e][%.17g][%.17g]", 1.0 / 3, 0.1, 1e23);
    T("[0.000000][4.940656e-324][4.94066e-324]", "[%f][%e][%g]", 5e-324, 5e-324, 5e-324);

    /* %a: full 13 digits by default, rounding may carry into the lead */
    T("[0x1.0000000000000p+0][0X1.FF00000000000P+7][0x1.555p-2]", "[%a][%A][%.3a]",
      1.0, 255.5, 1.0 / 3);
    T("[0x2.0p+0][0x2p+0][0x1.55p-2][0x1.7e43c8800759cp+996]", "[%.1a][%.0a][%.2a][%a]",
      1.96875, 1.5, 1.0 / 3, 1.0e300);
    T("[0x1.8000000000000p+0][0x0.0000000000000p+0][0x0.0000000000001p-1022]",
      "[%a][%a][%a]", 1.5, 0.0, 4.9e-324);
    T("[0x1.0000000000000p-1022]", "[%a]", 2.2250738585072014e-308);

    /* integers: sizes, flags, precision */
    T("[0000000000001234][0X0000000000001234][00000000000000AB][00000000000000AB    |]",
      "[%p][%#p][%10p][%-20p|]", (void *)0x1234, (void *)0x1234, (void *)0xab,
      (void *)0xab);
    T("[0][0][0XFF][0xff]", "[%#x][%#o][%#X][%#x]", 0, 0, 255, 255);
    T("[300][4464][5][5][5][5][5][5][5][5]", "[%hhd][%hd][%ld][%lld][%I64d][%I32d][%Id][%zd][%jd][%td]",
      300, 70000, 5, 5LL, 5LL, 5, (size_t)5, (size_t)5, 5LL, (size_t)5);
    T("[4000000000][123456789abc][fedcba9876543210][ABC][18446744073709551615][010]",
      "[%lu][%llx][%I64x][%I64X][%Iu][%#llo]", 4000000000u, 0x123456789abcLL,
      0xfedcba9876543210ULL, 0xabcULL, (size_t)-1, 8LL);
    T("[1][1][1][1]", "[%ld][%lu][%lx][%Lx]", 0x100000001LL, 0x100000001LL,
      0x100000001LL, 0x100000001LL);
    T("[][007][00000007][ffffffff][FF][10][4294967295]",
      "[%.0d][%.3d][%08.3d][%x][%X][%o][%u]", 0, 7, 7, -1, 255, 8, -1);
    T("[+1   ][+2   ][ 0003][+0004][ 5   ]", "[%-+5d][%+-5d][% 05d][%+05d][%-0 5d]",
      1, 2, 3, 4, 5);
    T("[005][005][0x005][000000ab][ab      |]", "[%.3x][%#.3o][%#5.3x][%08x][%-08x|]",
      5, 5, 5, 0xab, 0xab);
    T("[      0xff][0xff      |][-1.500e+000]", "[%#10x][%-#10x|][%010.3e]", 255, 255, -1.5);
    T("[(null)][    a][b  |][00042][+42][ 42][+42][42   |]",
      "[%S][%5c][%-3c|][%05d][%+d][% d][%+ d][%-05d|]", (WCHAR *)0, 'a', 'b', 42, 42,
      42, 42, 42);
    T("[    1][1    |][3.14][    he]", "[%*d][%-*d|][%.*f][%*.*s]", 5, 1, 5, 1, 2,
      3.14159, 6, 2, "hello");

    /* strings and characters of both widths */
    T("[wide][wide2][nar][W][X][y][Z][ws]", "[%S][%ls][%hs][%C][%lc][%hc][%wc][%ws]",
      u"wide", u"wide2", "nar", u'W', u'X', 'y', u'Z', u"ws");
    T("[a][b][c][d][e][f]", "[%hs][%hS][%lS][%wS][%hC][%lC]", "a", "b", u"c", u"d",
      'e', u'f');
    T("[   ab][ab   |][ab][    x][(null)]", "[%5s][%-5s|][%.2s][%5.1s][%s]", "ab", "ab",
      "abcdef", "xyz", (char *)0);
    T("[   xy][wxy][ab    |][abcdef]", "[%5.2s][%.3S][%-6S|][%3ls]", "xyz", u"wxyz",
      u"ab", u"abcdef");
    T("[][A]", "[%C][%c]", 0x4e2d, 0x141); /* "C" locale: U+4E2D drops out */
    T("[    x][][   |][]", "[%5.3c][%.0c][%-3.0s|][%.0s]", 'x', 'y', "abc", "def");

    /* odd conversions: printed as themselves; "%5%" prints nothing */
    T("[%][k][][y]", "[%%][%k][%5%][%y]");
    T("[][I][1][I16d][2]", "[%I64][%I][%I32x][%I16d][%llI64d]", 1, 2);
    T("[][][][][q][q][]", "[%-5%][%05%][%.3%][%l%][%q][%5q][%-5w]");
    T("[][1.500000][0]", "[%F][%Lf][%Ld]", 1.5, 2.5);
    {
        int n = 0;
        char b[64];
        msvcrt_sprintf(b, "[%%][%k][%5%][%y]%n", &n);
        count++;
        if (n != 11) {
            failures++;
            printf("FAIL %%n: %d\n", n);
        }
    }

    /* _snprintf: -1 and no terminator when it does not fit */
    {
        char b[10];
        int r;
        memset(b, 'Z', 10);
        r = msvcrt__snprintf(b, 4, "%s", "abcdef");
        count++;
        if (r != -1 || memcmp(b, "abcdZZ", 6)) {
            failures++;
            printf("FAIL _snprintf overflow: %d %.6s\n", r, b);
        }
        memset(b, 'Z', 10);
        r = msvcrt__snprintf(b, 4, "%s", "abcd");
        count++;
        if (r != 4 || memcmp(b, "abcdZZ", 6)) {
            failures++;
            printf("FAIL _snprintf exact fit: %d %.6s\n", r, b);
        }
        memset(b, 'Z', 10);
        r = msvcrt__snprintf(b, 4, "%s", "abc");
        count++;
        if (r != 3 || strcmp(b, "abc")) {
            failures++;
            printf("FAIL _snprintf fits: %d %s\n", r, b);
        }
        r = msvcrt__scprintf("%d", 12345);
        count++;
        if (r != 5) {
            failures++;
            printf("FAIL _scprintf: %d\n", r);
        }
    }

    /* wide: %s is wide, %S narrow; swprintf has no size argument */
    {
        WCHAR w[128];
        char a[128];
        int r = msvcrt_swprintf(w, u"[%s][%S][%hs][%ls][%c][%C][%d][%5.1f]", u"wstr",
                                "nstr", "hstr", u"lstr", u'w', 'n', 42, 3.14159);
        wide_to_ascii(w, a);
        check(a, "[wstr][nstr][hstr][lstr][w][n][42][  3.1]", "swprintf", __LINE__);
        count++;
        if (r != 41) {
            failures++;
            printf("FAIL swprintf result %d\n", r);
        }
        r = msvcrt__snwprintf(w, 5, u"%s", u"abcdefgh");
        count++;
        if (r != -1) {
            failures++;
            printf("FAIL _snwprintf overflow %d\n", r);
        }
    }

    fp_against_reference();
    /* the same under another rounding mode, which glibc's digits follow
     * and msvcrt's do not */
    fesetround(FE_UPWARD);
    fp_against_reference();
    fesetround(FE_TONEAREST);

    printf("%d tests, %d failures\n", count, failures);
    return failures != 0;
}
