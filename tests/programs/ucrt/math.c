// build: -specs=tests/programs/ucrt/ucrt.specs -fno-builtin -O0
/* The C99 math of the UCRT (api-ms-win-crt-math): float forms, fma,
 * remquo, nan, the classification helpers its headers use (_dclass,
 * _dsign, _dpcomp, _fdtest) and <fenv.h> with Microsoft's constants.
 * mingw-w64 links its own libmingwex versions of most of these, so the
 * test takes ucrtbase's through GetProcAddress. */
#include <windows.h>
#include <stdio.h>
#include <math.h>
#include <errno.h>
#include "test.h"

static HMODULE ucrt;
#define GET(ret, name, args) ret(__cdecl *name) args = (void *)GetProcAddress(ucrt, #name)

/* Microsoft's <fenv.h> values */
#define MS_FE_TONEAREST 0
#define MS_FE_DOWNWARD 0x100
#define MS_FE_UPWARD 0x200
#define MS_FE_INEXACT 0x01
#define MS_FE_DIVBYZERO 0x08
#define MS_FE_ALL 0x1f
typedef struct { unsigned long ctl, stat; } ms_fenv_t;

int main(void)
{
    ucrt = LoadLibraryA("ucrtbase.dll");
    ok(ucrt != NULL, "ucrtbase loads");
    GET(float, cbrtf, (float));
    GET(float, log2f, (float));
    GET(float, exp2f, (float));
    GET(float, truncf, (float));
    GET(float, roundf, (float));
    GET(float, fdimf, (float, float));
    GET(double, fma, (double, double, double));
    GET(float, fmaf, (float, float, float));
    GET(double, remquo, (double, double, int *));
    GET(float, remainderf, (float, float));
    GET(long, lrintf, (float));
    GET(long, lroundf, (float));
    GET(long long, llrint, (double));
    GET(long long, llroundf, (float));
    GET(double, scalbn, (double, int));
    GET(float, scalbnf, (float, int));
    GET(int, ilogb, (double));
    GET(int, ilogbf, (float));
    GET(float, tgammaf, (float));
    GET(float, lgammaf, (float));
    GET(float, erff, (float));
    GET(double, nan, (const char *));
    GET(short, _dclass, (double));
    GET(short, _fdclass, (float));
    GET(short, _dtest, (double *));
    GET(int, _dsign, (double));
    GET(int, _fdsign, (float));
    GET(int, _dpcomp, (double, double));
    GET(int, fegetround, (void));
    GET(int, fesetround, (int));
    GET(int, fetestexcept, (int));
    GET(int, feclearexcept, (int));
    GET(int, fegetenv, (ms_fenv_t *));
    GET(int, fesetenv, (const ms_fenv_t *));
    GET(double, exp, (double));
    GET(int *, _errno, (void));

    printf("float: %.6f %.6f %.6f %.6f %.6f %.6f\n", cbrtf(27.0f), log2f(8.0f), exp2f(3.0f),
           truncf(-2.7f), roundf(2.5f), fdimf(5.0f, 3.0f));
    printf("fma: %.17g %.9g\n", fma(0.1, 10.0, -1.0), fmaf(2.0f, 3.0f, 1.0f));
    int q = 0;
    double rem = remquo(10.0, 3.0, &q);
    printf("remquo: %g %d remainderf: %g\n", rem, q, remainderf(7.0f, 2.0f));
    printf("rint: %ld %ld %lld %lld\n", lrintf(2.5f), lroundf(2.5f), llrint(3.5), llroundf(-2.5f));
    printf("scal: %g %g %d %d\n", scalbn(1.0, 10), scalbnf(3.0f, 2), ilogb(1024.0), ilogbf(0.25f));
    printf("gamma: %.6f %.6f %.6f\n", tgammaf(5.0f), lgammaf(10.0f), erff(0.5f));
    printf("nan: %d\n", isnan(nan("")));

    printf("_dclass: %d %d %d %d %d\n", _dclass(1.0), _dclass(0.0), _dclass(INFINITY),
           _dclass(NAN), _dclass(1e-310));
    double d = -0.0;
    printf("_fdclass: %d _dtest: %d _dsign: %d %d _fdsign: %d\n", _fdclass(1e-40f), _dtest(&d),
           !!_dsign(d), _dsign(1.0), !!_fdsign(-1.0f));
    printf("_dpcomp: %d %d %d %d\n", _dpcomp(1, 2), _dpcomp(2, 2), _dpcomp(3, 2), _dpcomp(NAN, 2));

    printf("round: %d", fegetround() == MS_FE_TONEAREST);
    int set = fesetround(MS_FE_UPWARD);
    printf(" set: %d %#x", set, fegetround());
    volatile double one = 1.0, three = 3.0, zero = 0.0;
    volatile double third = one / three;
    printf(" up: %.17g", third);
    printf(" bad: %d", fesetround(0x1234) != 0);
    fesetround(MS_FE_TONEAREST);
    printf(" back: %d\n", fegetround() == MS_FE_TONEAREST);

    feclearexcept(MS_FE_ALL);
    volatile double x = one / zero;
    printf("except: divbyzero %d inexact %d", !!fetestexcept(MS_FE_DIVBYZERO),
           !!fetestexcept(MS_FE_INEXACT));
    third = one / three;
    printf(" inexact now %d", !!fetestexcept(MS_FE_INEXACT));
    feclearexcept(MS_FE_DIVBYZERO);
    printf(" cleared %d (%g)\n", !!fetestexcept(MS_FE_DIVBYZERO), x);
    ms_fenv_t env;
    printf("env: %d", fegetenv(&env));
    fesetround(MS_FE_DOWNWARD);
    printf(" %d %d\n", fesetenv(&env), fegetround() == MS_FE_TONEAREST);

    *_errno() = 0;
    double big = exp(1000.0);
    printf("exp(1000): %g errno %d\n", big, *_errno());
    return test_summary();
}
