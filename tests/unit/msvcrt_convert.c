/* msvcrt's number conversions and sscanf, against results recorded from
 * msvcrt under Wine 8 (where Wine differs from the Visual C++ CRT's rules
 * the CRT's are used, as commented). Exits 0 when all pass. */
#include <stdio.h>
#include <string.h>

#include "windef.h"

LONG CDECL msvcrt_strtol(const char *s, char **end, int base);
ULONG CDECL msvcrt_strtoul(const char *s, char **end, int base);
LONGLONG CDECL msvcrt__strtoi64(const char *s, char **end, int base);
int CDECL msvcrt_atoi(const char *s);
LONG CDECL msvcrt_atol(const char *s);
LONGLONG CDECL msvcrt__atoi64(const char *s);
double CDECL msvcrt_strtod(const char *s, char **end);
int *CDECL msvcrt__errno(void);
char *CDECL msvcrt__itoa(int v, char *buf, int base);
char *CDECL msvcrt__ultoa(ULONG v, char *buf, int base);
char *CDECL msvcrt__i64toa(LONGLONG v, char *buf, int base);
int CDECL msvcrt_sscanf(const char *s, const char *fmt, ...);
int CDECL msvcrt_rand(void);
void CDECL msvcrt_srand(unsigned seed);
char *CDECL msvcrt_strerror(int e);

static int failures, count;

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        count++;                                                            \
        if (!(cond)) {                                                      \
            failures++;                                                     \
            printf("FAIL line %d: ", __LINE__);                             \
            printf(__VA_ARGS__);                                            \
            printf("\n");                                                   \
        }                                                                   \
    } while (0)

static void check_strtol(const char *s, int base, LONG want, int want_end, int want_errno)
{
    char *end;
    *msvcrt__errno() = 0;
    LONG v = msvcrt_strtol(s, &end, base);
    CHECK(v == want && end - s == want_end && *msvcrt__errno() == want_errno,
          "strtol(%s, %d) = %d end %d errno %d", s, base, v, (int)(end - s),
          *msvcrt__errno());
}

static void check_strtoul(const char *s, ULONG want, int want_end, int want_errno)
{
    char *end;
    *msvcrt__errno() = 0;
    ULONG v = msvcrt_strtoul(s, &end, 10);
    CHECK(v == want && end - s == want_end && *msvcrt__errno() == want_errno,
          "strtoul(%s) = %u end %d errno %d", s, v, (int)(end - s), *msvcrt__errno());
}

static void check_strtod(const char *s, double want, int want_end, int want_errno)
{
    char *end;
    *msvcrt__errno() = 0;
    double v = msvcrt_strtod(s, &end);
    CHECK(v == want && end - s == want_end && *msvcrt__errno() == want_errno,
          "strtod(%s) = %.17g end %d errno %d", s, v, (int)(end - s), *msvcrt__errno());
}

int main(void)
{
    check_strtol("0x", 16, 0, 0, 0);
    check_strtol("0x", 0, 0, 0, 0);
    check_strtol("  -0x7fffffff", 0, -2147483647, 13, 0);
    check_strtol("-2147483649", 10, -2147483647 - 1, 11, 34);
    check_strtol("2147483648", 10, 2147483647, 10, 34);
    check_strtol("z", 36, 35, 1, 0);
    check_strtol("010", 0, 8, 3, 0);
    check_strtol("-", 10, 0, 0, 0);
    check_strtoul("-1", 4294967295u, 2, 0);
    check_strtoul("4294967296", 4294967295u, 10, 34);
    check_strtoul("-4294967296", 1, 11, 34);
    check_strtoul(" +5", 5, 3, 0);

    CHECK(msvcrt_atoi("  -12abc") == -12, "atoi");
    CHECK(msvcrt_atoi("99999999999") == 1215752191, "atoi wraps");
    CHECK(msvcrt_atol("-99999999999") == -1215752191, "atol wraps");
    CHECK(msvcrt__atoi64("99999999999999999999") == 0x7fffffffffffffffLL, "_atoi64 clamps");

    check_strtod("  -1.5e3xyz", -1500, 8, 0);
    check_strtod(".5", 0.5, 2, 0);
    check_strtod("1.", 1, 2, 0);
    check_strtod("1e", 1, 1, 0);
    check_strtod("1e+", 1, 1, 0);
    check_strtod("-", 0, 0, 0);
    check_strtod("+.e1", 0, 0, 0);
    check_strtod("1e-400", 0, 6, 34);
    check_strtod("2.4e-324", 0, 8, 34);
    check_strtod("1d5", 1, 1, 0);

    char b[80];
    CHECK(!strcmp(msvcrt__itoa(-255, b, 16), "ffffff01"), "_itoa hex: %s", b);
    CHECK(!strcmp(msvcrt__ultoa(255, b, 2), "11111111"), "_ultoa: %s", b);
    CHECK(!strcmp(msvcrt__i64toa(-5, b, 10), "-5"), "_i64toa: %s", b);
    CHECK(!strcmp(msvcrt__itoa(-2147483647 - 1, b, 10), "-2147483648"), "_itoa min: %s", b);

    /* msvcrt's LCG */
    msvcrt_srand(1);
    int r1 = msvcrt_rand(), r2 = msvcrt_rand();
    CHECK(r1 == 41 && r2 == 18467, "rand: %d %d", r1, r2);

    CHECK(!strcmp(msvcrt_strerror(12), "Not enough space"), "strerror(ENOMEM)");
    CHECK(!strcmp(msvcrt_strerror(42), "Illegal byte sequence"), "strerror(EILSEQ)");
    CHECK(!strcmp(msvcrt_strerror(99), "Unknown error"), "strerror(99)");

    int a = -1, bb = -1, n = -1;
    long long ll = -1;
    short h = -1;
    char s[50], s2[50];
    double d = -1;
    float f = -1;
    unsigned u = 0;
    CHECK(msvcrt_sscanf("  0x1f 017 -12", "%x %i %i", &a, &bb, &n) == 3 && a == 31 &&
          bb == 15 && n == -12, "sscanf hex/octal");
    CHECK(msvcrt_sscanf("99999999999", "%d", &a) == 1 && a == 1215752191, "sscanf wraps");
    CHECK(msvcrt_sscanf("123456789012345 7", "%I64d %hd", &ll, &h) == 2 &&
          ll == 123456789012345LL && h == 7, "sscanf %%I64d %%hd");
    CHECK(msvcrt_sscanf("hello world", "%s%n %3s", s, &n, s2) == 2 && !strcmp(s, "hello") &&
          n == 5 && !strcmp(s2, "wor"), "sscanf %%s %%n");
    CHECK(msvcrt_sscanf("abc123def", "%[a-z]%d%[^x]", s, &a, s2) == 3 && !strcmp(s, "abc") &&
          a == 123 && !strcmp(s2, "def"), "sscanf %%[");
    CHECK(msvcrt_sscanf("3.25e2 1.5", "%lf %f", &d, &f) == 2 && d == 325 && f == 1.5f,
          "sscanf floats");
    CHECK(msvcrt_sscanf("", "%d", &a) == -1, "sscanf empty");
    CHECK(msvcrt_sscanf("x", "%d", &a) == 0, "sscanf mismatch");
    CHECK(msvcrt_sscanf("12", "%d %d", &a, &bb) == 1, "sscanf partial");
    CHECK(msvcrt_sscanf("-5", "%u", &u) == 1 && u == 4294967291u, "sscanf %%u negative");
    CHECK(msvcrt_sscanf("1;2", "%d,%d", &a, &bb) == 1, "sscanf literal mismatch");
    CHECK(msvcrt_sscanf("1e", "%lf%s", &d, s) == -1, "sscanf 1e fails");
    CHECK(msvcrt_sscanf("12abc", "%2d%s", &a, s) == 2 && a == 12 && !strcmp(s, "abc"),
          "sscanf width");
    CHECK(msvcrt_sscanf("]x]", "%[]x]", s) == 1 && !strcmp(s, "]x]"), "sscanf ] in set");
    CHECK(msvcrt_sscanf("%5", "%%%d", &a) == 1 && a == 5, "sscanf %%%%");
    /* The Visual C++ rule; Wine 8 returns 0 for these two. */
    CHECK(msvcrt_sscanf("   ", "%d", &a) == -1, "sscanf blanks then end");
    CHECK(msvcrt_sscanf("0x", "%x", &a) == -1, "sscanf 0x then end");

    printf("%d tests, %d failures\n", count, failures);
    return failures != 0;
}
