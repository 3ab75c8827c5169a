// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* msvcrt.dll's libm through the import (-fno-builtin keeps gcc from
 * folding constants), printed with msvcrt's printf at %.6f / %.10g. */
#include <stdio.h>
#include <math.h>

int main(void)
{
    volatile double x = 0.5, y = 2.0, z = -3.7;
    double ip, fr;
    int e;

    printf("sin(0.5)=%.10f cos(0.5)=%.10f tan(0.5)=%.10f\n", sin(x), cos(x), tan(x));
    printf("asin(0.5)=%.10f acos(0.5)=%.10f atan(0.5)=%.10f\n", asin(x), acos(x), atan(x));
    printf("atan2(1,-1)=%.10f atan2(-0.0,-1)=%.10f atan2(0,0)=%.1f\n", atan2(1.0, -1.0), atan2(-0.0, -1.0), atan2(0.0, 0.0));
    printf("sinh(0.5)=%.10f cosh(0.5)=%.10f tanh(0.5)=%.10f\n", sinh(x), cosh(x), tanh(x));
    printf("sqrt(2)=%.15f sqrt(1e10)=%.1f\n", sqrt(y), sqrt(1e10));
    printf("pow(2,10)=%.1f pow(2,0.5)=%.12f pow(0,0)=%.1f pow(-2,3)=%.1f\n",
           pow(y, 10), pow(y, 0.5), pow(0, 0), pow(-2, 3));
    printf("exp(1)=%.15f exp(-1)=%.15f log(10)=%.15f log10(1000)=%.6f\n", exp(1.0), exp(-1.0), log(10.0), log10(1000.0));
    printf("floor(-3.7)=%.1f ceil(-3.7)=%.1f floor(3.7)=%.1f ceil(3.2)=%.1f\n", floor(z), ceil(z), floor(-z), ceil(3.2));
    printf("fmod(7.5,2)=%.2f fmod(-7.5,2)=%.2f fmod(7.5,-2)=%.2f\n", fmod(7.5, 2), fmod(-7.5, 2), fmod(7.5, -2));
    printf("fabs(-3.7)=%.2f\n", fabs(z));
    fr = modf(z, &ip);
    printf("modf(-3.7)= int %.1f frac %.6f\n", ip, fr);
    fr = frexp(48.0, &e);
    printf("frexp(48)= %.6f * 2^%d\n", fr, e);
    fr = frexp(-0.1, &e);
    printf("frexp(-0.1)= %.17g * 2^%d\n", fr, e);
    fr = frexp(0.0, &e);
    printf("frexp(0)= %.1f * 2^%d\n", fr, e);
    printf("ldexp(0.75,4)=%.2f ldexp(1,-1074)=%.6g\n", ldexp(0.75, 4), ldexp(1.0, -1074));
    printf("_hypot(3,4)=%.6f\n", _hypot(3, 4));
    printf("_copysign(3,-0.0)=%.1f _chgsign(2)=%.1f\n", _copysign(3, -0.0), _chgsign(2));
    printf("_finite(1)=%d _finite(inf)=%d _isnan(nan)=%d\n", _finite(1.0), _finite(HUGE_VAL), _isnan(sqrt(-1.0)) != 0);
    /* sqrtsd of a negative number gives the x86 "indefinite" NaN (sign
     * set), which msvcrt prints as -1.#IND.  (The NaNs of pow(-8, 1/3.)
     * and log(-1) are not printed: their sign is up to the library.) */
    printf("sqrt(-1) prints %f\n", sqrt(-1.0));
    printf("log(0) prints %f\n", log(0.0));
    return 0;
}
