/* Math as a default build sees it (gcc builtins and mingw's libm where it
 * replaces msvcrt's), printed with mingw's printf. */
#include <stdio.h>
#include <math.h>

int main(void)
{
    volatile double a = 1.0, b = 3.0, c = -2.5;
    printf("a/b=%.17g\n", a / b);
    printf("sin(1)=%.12f cos(1)=%.12f\n", sin(a), cos(a));
    printf("sqrt(3)=%.12f cbrt(27)=%.6f\n", sqrt(b), cbrt(27.0 * a));
    printf("round(-2.5)=%.1f trunc(-2.5)=%.1f rint(2.5)=%.1f nearbyint(3.5)=%.1f lround(2.5)=%ld\n",
           round(c), trunc(c), rint(-c), nearbyint(3.5 * a), lround(-c));
    printf("fmax(1,3)=%.1f fmin(1,3)=%.1f fdim(3,1)=%.1f\n", fmax(a, b), fmin(a, b), fdim(b, a));
    printf("expm1(1e-10)=%.6e log1p(1e-10)=%.6e\n", expm1(1e-10 * a), log1p(1e-10 * a));
    printf("exp2(10)=%.1f log2(1024)=%.1f\n", exp2(10 * a), log2(1024 * a));
    printf("isnan(NAN)=%d isinf(-INFINITY)=%d signbit(-0.0)=%d\n", isnan(NAN) != 0, isinf(-INFINITY) != 0, signbit(-0.0 * a) != 0);
    printf("fpclassify: zero=%d normal=%d inf=%d nan=%d\n",
           fpclassify(0.0 * a) == FP_ZERO, fpclassify(a) == FP_NORMAL,
           fpclassify(INFINITY) == FP_INFINITE, fpclassify(NAN) == FP_NAN);
    printf("hypot(5,12)=%.1f remainder(7,2)=%.1f\n", hypot(5 * a, 12 * a), remainder(7 * a, 2));
    printf("float: sinf(0.5f)=%.6f sqrtf(2)=%.6f\n", (double)sinf(0.5f), (double)sqrtf(2.0f));
    return 0;
}
