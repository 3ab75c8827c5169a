/* Math on glibc's libm. msvcrt reports domain errors as EDOM and range
 * errors (overflow, underflow, poles such as log(0)) as ERANGE; glibc
 * sets the same two errno values, so its errno is carried across. A
 * _matherr handler registered with __setusermatherr is kept but not
 * called (FIXME). */
#include <errno.h>
#include <math.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"
#include "math_errno.h"

typedef int(CDECL *matherr_fn)(void *);
static matherr_fn user_matherr;

/* __setusermatherr (msvcrt) */
void CDECL msvcrt___setusermatherr(matherr_fn f) { user_matherr = f; }

#define D1(name, fn) double CDECL msvcrt_##name(double x) { CALL(fn(x)); }
#define D2(name, fn) double CDECL msvcrt_##name(double x, double y) { CALL(fn(x, y)); }
#define F1(name, fn) float CDECL msvcrt_##name(float x) { CALL(fn(x)); }
#define F2(name, fn) float CDECL msvcrt_##name(float x, float y) { CALL(fn(x, y)); }

/* The double functions (msvcrt) */
D1(sin, sin) D1(cos, cos) D1(tan, tan) D1(asin, asin) D1(acos, acos)
D1(atan, atan) D2(atan2, atan2) D1(sinh, sinh) D1(cosh, cosh) D1(tanh, tanh)
D1(exp, exp) D1(log, log) D1(log10, log10) D2(pow, pow) D1(sqrt, sqrt)
D1(floor, floor) D1(ceil, ceil) D1(fabs, fabs) D2(fmod, fmod)
D2(_hypot, hypot) D2(hypot, hypot) D1(_logb, logb) D2(_nextafter, nextafter)
D1(_j0, j0) D1(_j1, j1) D1(_y0, y0) D1(_y1, y1)
D1(exp2, exp2) D1(log2, log2) D1(cbrt, cbrt) D1(round, round) D1(trunc, trunc)
D1(rint, rint) D1(nearbyint, nearbyint) D1(expm1, expm1) D1(log1p, log1p)
D1(asinh, asinh) D1(acosh, acosh) D1(atanh, atanh) D1(erf, erf) D1(erfc, erfc)
D1(tgamma, tgamma) D1(lgamma, lgamma) D2(fmin, fmin) D2(fmax, fmax)
D2(remainder, remainder) D2(copysign, copysign) D2(fdim, fdim)

/* The float functions x64 msvcrt exports */
F1(sinf, sinf) F1(cosf, cosf) F1(tanf, tanf) F1(asinf, asinf) F1(acosf, acosf)
F1(atanf, atanf) F2(atan2f, atan2f) F1(sinhf, sinhf) F1(coshf, coshf)
F1(tanhf, tanhf) F1(expf, expf) F1(logf, logf) F1(log10f, log10f)
F2(powf, powf) F1(sqrtf, sqrtf) F1(floorf, floorf) F1(ceilf, ceilf)
F2(fmodf, fmodf) F2(_hypotf, hypotf) F1(_logbf, logbf) F2(_nextafterf, nextafterf)
F2(_copysignf, copysignf) F1(fabsf, fabsf)

/* _jn / _yn (msvcrt) */
double CDECL msvcrt__jn(int n, double x) { CALL(jn(n, x)); }
double CDECL msvcrt__yn(int n, double x) { CALL(yn(n, x)); }

/* ldexp / frexp / modf / modff / _scalb (msvcrt) */
double CDECL msvcrt_ldexp(double x, int e) { CALL(ldexp(x, e)); }
double CDECL msvcrt_frexp(double x, int *e) { return frexp(x, e); }
double CDECL msvcrt_modf(double x, double *ip) { return modf(x, ip); }
float CDECL msvcrt_modff(float x, float *ip) { return modff(x, ip); }
double CDECL msvcrt__scalb(double x, LONG e) { CALL(scalbn(x, e)); }

/* lround / llround / lrint (32-bit long) */
LONG CDECL msvcrt_lround(double x) { return (LONG)lround(x); }
LONGLONG CDECL msvcrt_llround(double x) { return llround(x); }
LONG CDECL msvcrt_lrint(double x) { return (LONG)lrint(x); }

/* _copysign / _chgsign / _finite / _isnan / _finitef / _isnanf (msvcrt) */
double CDECL msvcrt__copysign(double x, double y) { return copysign(x, y); }
double CDECL msvcrt__chgsign(double x) { return -x; }
int CDECL msvcrt__finite(double x) { return isfinite(x); }
int CDECL msvcrt__isnan(double x) { return isnan(x); }
int CDECL msvcrt__finitef(float x) { return isfinite(x); }
int CDECL msvcrt__isnanf(float x) { return isnan(x); }

/* _fpclass (msvcrt) */
int CDECL msvcrt__fpclass(double x)
{
    int neg = signbit(x);
    switch (fpclassify(x)) {
    case FP_NAN: {
        unsigned long long b;
        __builtin_memcpy(&b, &x, 8);
        return (b & 0x8000000000000ull) ? 2 /* QNAN */ : 1 /* SNAN */;
    }
    case FP_INFINITE: return neg ? 0x4 : 0x200;
    case FP_ZERO: return neg ? 0x20 : 0x40;
    case FP_SUBNORMAL: return neg ? 0x10 : 0x80;
    default: return neg ? 0x8 : 0x100;
    }
}

struct m_complex { double x, y; };
/* _cabs (msvcrt) */
double CDECL msvcrt__cabs(struct m_complex z) { CALL(hypot(z.x, z.y)); }
