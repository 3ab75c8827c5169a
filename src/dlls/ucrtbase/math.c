/* The C99 math that the UCRT adds to msvcrt's set: float forms, fma,
 * remquo, nan, scalbn, the classification helpers behind the headers'
 * fpclassify/signbit/isless (_dclass, _dsign, _dpcomp...), and <fenv.h>
 * with Microsoft's constants. long double is double on Windows x64, so
 * the "l" forms are the double functions (exports.h). Errors carry
 * glibc's errno across as msvcrt's math.c does. */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "ucrt.h"
#include "../msvcrt/math_errno.h"

#define F1(name) float CDECL ucrt_##name(float x) { CALL(name(x)); }
#define F2(name) float CDECL ucrt_##name(float x, float y) { CALL(name(x, y)); }

/* float forms (ucrtbase) */
F1(acoshf) F1(asinhf) F1(atanhf) F1(cbrtf) F1(erff) F1(erfcf) F1(exp2f)
F1(expm1f) F1(lgammaf) F1(log1pf) F1(log2f) F1(nearbyintf) F1(rintf)
F1(roundf) F1(tgammaf) F1(truncf)
F2(fdimf) F2(fmaxf) F2(fminf) F2(remainderf)

/* fma / fmaf / remquo / remquof (ucrtbase) */
double CDECL ucrt_fma(double x, double y, double z) { CALL(fma(x, y, z)); }
float CDECL ucrt_fmaf(float x, float y, float z) { CALL(fmaf(x, y, z)); }
double CDECL ucrt_remquo(double x, double y, int *q) { CALL(remquo(x, y, q)); }
float CDECL ucrt_remquof(float x, float y, int *q) { CALL(remquof(x, y, q)); }

/* Windows long is 32 bits: lrint and friends return LONG and, out of
 * range, the value the conversion instruction gives. */
LONG CDECL ucrt_lrintf(float x) { CALL((LONG)lrintf(x)); }
LONG CDECL ucrt_lroundf(float x) { CALL((LONG)lroundf(x)); }
LONGLONG CDECL ucrt_llrint(double x) { CALL(llrint(x)); }
LONGLONG CDECL ucrt_llrintf(float x) { CALL(llrintf(x)); }
LONGLONG CDECL ucrt_llroundf(float x) { CALL(llroundf(x)); }

/* scalbn / scalbln / ilogb / nexttowardf (ucrtbase) */
double CDECL ucrt_scalbn(double x, int n) { CALL(scalbn(x, n)); }
float CDECL ucrt_scalbnf(float x, int n) { CALL(scalbnf(x, n)); }
double CDECL ucrt_scalbln(double x, LONG n) { CALL(scalbn(x, n)); }
float CDECL ucrt_scalblnf(float x, LONG n) { CALL(scalbnf(x, n)); }
int CDECL ucrt_ilogb(double x) { CALL(ilogb(x)); }
int CDECL ucrt_ilogbf(float x) { CALL(ilogbf(x)); }
float CDECL ucrt_nexttowardf(float x, double y) { CALL(nexttowardf(x, y)); }

/* nan / nanf (ucrtbase): a quiet NaN; the payload text is not parsed. */
double CDECL ucrt_nan(const char *tag) { return __builtin_nan(""); }
float CDECL ucrt_nanf(const char *tag) { return __builtin_nanf(""); }

/* _chgsignf / _scalbf (ucrtbase) */
float CDECL ucrt__chgsignf(float x) { return -x; }
float CDECL ucrt__scalbf(float x, LONG n) { CALL(scalbnf(x, n)); }

/* _fpclassf (ucrtbase): msvcrt's _FPCLASS_* bits. */
int CDECL ucrt__fpclassf(float x)
{
    int neg = signbit(x);
    switch (fpclassify(x)) {
    case FP_NAN: {
        unsigned b;
        memcpy(&b, &x, 4);
        return (b & 0x400000) ? 2 /* QNAN */ : 1 /* SNAN */;
    }
    case FP_INFINITE: return neg ? 0x4 : 0x200;
    case FP_ZERO: return neg ? 0x20 : 0x40;
    case FP_SUBNORMAL: return neg ? 0x10 : 0x80;
    default: return neg ? 0x8 : 0x100;
    }
}

/* Microsoft's FP_* values (math.h), which fpclassify() returns there. */
#define MS_FP_INFINITE 1
#define MS_FP_NAN 2
#define MS_FP_NORMAL (-1)
#define MS_FP_SUBNORMAL (-2)
#define MS_FP_ZERO 0

static short ms_class(int c)
{
    switch (c) {
    case FP_INFINITE: return MS_FP_INFINITE;
    case FP_NAN: return MS_FP_NAN;
    case FP_SUBNORMAL: return MS_FP_SUBNORMAL;
    case FP_ZERO: return MS_FP_ZERO;
    }
    return MS_FP_NORMAL;
}

/* _dclass / _fdclass / _dtest / _fdtest (ucrtbase): fpclassify */
short CDECL ucrt__dclass(double x) { return ms_class(fpclassify(x)); }
short CDECL ucrt__fdclass(float x) { return ms_class(fpclassify(x)); }
short CDECL ucrt__dtest(double *x) { return ms_class(fpclassify(*x)); }
short CDECL ucrt__fdtest(float *x) { return ms_class(fpclassify(*x)); }

/* _dsign / _fdsign (ucrtbase): signbit, as the sign bit of the top
 * 16 bits (0x8000) */
int CDECL ucrt__dsign(double x) { return signbit(x) ? 0x8000 : 0; }
int CDECL ucrt__fdsign(float x) { return signbit(x) ? 0x8000 : 0; }

/* _dpcomp / _fdpcomp (ucrtbase): isless & co.: _FP_LT 1, _FP_EQ 2,
 * _FP_GT 4, 0 when unordered. */
int CDECL ucrt__dpcomp(double x, double y)
{
    return isunordered(x, y) ? 0 : x < y ? 1 : x == y ? 2 : 4;
}
int CDECL ucrt__fdpcomp(float x, float y) { return ucrt__dpcomp(x, y); }

/* _Dcomplex: a 16-byte struct, passed by reference under the x64
 * convention (GCC's ms_abi does that for us). */
typedef struct {
    double v[2];
} ucrt_dcomplex;

/* creal / cimag / cabs (ucrtbase) */
double CDECL ucrt_creal(ucrt_dcomplex z) { return z.v[0]; }
double CDECL ucrt_cimag(ucrt_dcomplex z) { return z.v[1]; }
double CDECL ucrt_cabs(ucrt_dcomplex z) { CALL(hypot(z.v[0], z.v[1])); }

/* <fenv.h> with Microsoft's values: exceptions are the _SW_* bits
 * (inexact 1, underflow 2, overflow 4, divide-by-zero 8, invalid 0x10),
 * rounding the _RC_* ones (near 0, down 0x100, up 0x200, chop 0x300). */
#define MS_FE_ALL 0x1f

static const struct {
    int ms, gnu;
} except_map[] = {
    {0x01, FE_INEXACT}, {0x02, FE_UNDERFLOW}, {0x04, FE_OVERFLOW},
    {0x08, FE_DIVBYZERO}, {0x10, FE_INVALID},
};

static int to_gnu(int ms)
{
    int g = 0;
    for (size_t i = 0; i < ARRAY_SIZE(except_map); i++)
        if (ms & except_map[i].ms)
            g |= except_map[i].gnu;
    return g;
}

static int to_ms(int gnu)
{
    int m = 0;
    for (size_t i = 0; i < ARRAY_SIZE(except_map); i++)
        if (gnu & except_map[i].gnu)
            m |= except_map[i].ms;
    return m;
}

typedef struct {
    ULONG ctl, stat;
} ucrt_fenv_t;

unsigned CDECL msvcrt__control87(unsigned newval, unsigned mask);
unsigned CDECL msvcrt__statusfp(void);

/* fegetround / fesetround (ucrtbase) */
int CDECL ucrt_fegetround(void)
{
    switch (fegetround()) {
    case FE_DOWNWARD: return 0x100;
    case FE_UPWARD: return 0x200;
    case FE_TOWARDZERO: return 0x300;
    }
    return 0;
}
int CDECL ucrt_fesetround(int mode)
{
    static const int gnu[4] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
    if (mode & ~0x300)
        return 1;
    msvcrt__control87(mode, 0x300); /* MXCSR and the x87 word together */
    return fegetround() == gnu[mode >> 8] ? 0 : 1;
}

/* fetestexcept / feclearexcept (ucrtbase) */
int CDECL ucrt_fetestexcept(int ex) { return to_ms(fetestexcept(to_gnu(ex & MS_FE_ALL))); }
int CDECL ucrt_feclearexcept(int ex)
{
    return feclearexcept(to_gnu(ex & MS_FE_ALL)) ? 1 : 0;
}

/* fegetexceptflag / fesetexceptflag (ucrtbase): fexcept_t is a ULONG of
 * the same bits; setting does not raise (no trap runs). */
int CDECL ucrt_fegetexceptflag(ULONG *flag, int ex)
{
    *flag = to_ms(fetestexcept(to_gnu(ex & MS_FE_ALL)));
    return 0;
}
int CDECL ucrt_fesetexceptflag(const ULONG *flag, int ex)
{
    fexcept_t f = (fexcept_t)to_gnu(*flag & ex & MS_FE_ALL);
    return fesetexceptflag(&f, to_gnu(ex & MS_FE_ALL)) ? 1 : 0;
}

/* fegetenv / fesetenv / feholdexcept (ucrtbase): the control word in
 * _control87's terms and the sticky flags. */
int CDECL ucrt_fegetenv(ucrt_fenv_t *env)
{
    env->ctl = msvcrt__control87(0, 0);
    env->stat = to_ms(fetestexcept(FE_ALL_EXCEPT));
    return 0;
}
int CDECL ucrt_fesetenv(const ucrt_fenv_t *env)
{
    msvcrt__control87(env->ctl, 0x0308031f); /* _MCW_EM | _MCW_RC | _MCW_DN */
    feclearexcept(FE_ALL_EXCEPT);
    fexcept_t f = (fexcept_t)to_gnu(env->stat & MS_FE_ALL);
    fesetexceptflag(&f, FE_ALL_EXCEPT);
    return 0;
}
int CDECL ucrt_feholdexcept(ucrt_fenv_t *env)
{
    ucrt_fegetenv(env);
    feclearexcept(FE_ALL_EXCEPT);
    msvcrt__control87(MS_FE_ALL, MS_FE_ALL); /* every exception masked */
    return 0;
}
