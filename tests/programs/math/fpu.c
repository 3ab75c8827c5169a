/* Floating-point environment a Windows program starts with: x87 control
 * word and MXCSR as Windows sets them (round to nearest, all exceptions
 * masked), _controlfp reading, division by zero giving infinity rather
 * than a trap, and _statusfp/_clearfp. */
#include <float.h>
#include <math.h>
#include "test.h"

#ifndef _SW_ZERODIVIDE
#define _SW_ZERODIVIDE 0x00000008 /* as in Microsoft's float.h */
#endif

int main(void)
{
    volatile double zero = 0.0, one = 1.0;
    unsigned int cw, mxcsr;
    double r;

    cw = _controlfp(0, 0);
    ok((cw & _MCW_RC) == _RC_NEAR, "rounding: nearest (%#x)", cw & _MCW_RC);
    ok((cw & _MCW_EM) == _MCW_EM, "all exceptions masked (%#x)", cw & _MCW_EM);
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
    ok((mxcsr & 0x1f80) == 0x1f80, "MXCSR exceptions masked: %#x", mxcsr);
    ok((mxcsr & 0x6000) == 0, "MXCSR round to nearest");
    ok((mxcsr & 0x8040) == 0, "MXCSR FTZ/DAZ off");

    _clearfp();
    r = one / zero;
    ok(isinf(r), "1/0 is inf");
    ok(_statusfp() & _SW_ZERODIVIDE, "zero-divide status flag: %#x", _statusfp());
    _clearfp();
    ok((_statusfp() & _SW_ZERODIVIDE) == 0, "_clearfp clears it");
    r = zero / zero;
    ok(isnan(r), "0/0 is nan");

    _controlfp(_RC_UP, _MCW_RC);
    ok((_controlfp(0, 0) & _MCW_RC) == _RC_UP, "rounding set to up");
    _controlfp(_RC_NEAR, _MCW_RC);
    ok((_controlfp(0, 0) & _MCW_RC) == _RC_NEAR, "rounding restored");
    ok(DBL_EPSILON == 2.220446049250313e-16, "DBL_EPSILON");
    return test_summary();
}
