// wine: skip Wine 8 reports SSE faults as x87-style codes (0xC000008E, 0xC0000090); all other checks pass
/* SSE floating-point exceptions, unmasked through msvcrt's _controlfp
 * (which sets MXCSR on x64).  A trapping divsd raises
 * STATUS_FLOAT_MULTIPLE_TRAPS (0xC00002B5), Windows' code for every SSE
 * (#XM) fault, with Rip at the instruction and the MXCSR in the CONTEXT
 * showing the exception flag.  The handler masks the exception in the
 * CONTEXT's MxCsr and resumes: the instruction runs again and gives the
 * masked result (inf, NaN).  Windows x64 reports SSE faults as
 * STATUS_FLOAT_MULTIPLE_TRAPS: "0xC00002B5: Multiple floating point
 * traps" is what MSVC programs with unmasked SSE exceptions stop with;
 * Wine 9+ matches it (dlls/ntdll/unix/signal_x86_64.c, "that's what
 * native does"). */
#include <windows.h>
#include <float.h>
#include <math.h>
#include "test.h"

extern double sse_div(double a, double b);
__asm__(".text\n"
        ".globl sse_div\nsse_div:\n"
        ".globl sse_div_insn\nsse_div_insn:\n"
        "  divsd %xmm1, %xmm0\n"
        "  ret\n");
extern char sse_div_insn[];

static int faults;
static DWORD code, nparams;
static DWORD64 rip;
static DWORD mxcsr;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    DWORD c = ep->ExceptionRecord->ExceptionCode;
    if (c != STATUS_FLOAT_MULTIPLE_TRAPS && (c < 0xC000008D || c > 0xC0000093))
        return EXCEPTION_CONTINUE_SEARCH;
    faults++;
    code = c;
    nparams = ep->ExceptionRecord->NumberParameters;
    rip = ep->ContextRecord->Rip;
    mxcsr = ep->ContextRecord->MxCsr;
    ep->ContextRecord->MxCsr = (ep->ContextRecord->MxCsr | 0x1f80) & ~0x3f;
    ep->ContextRecord->FltSave.MxCsr = ep->ContextRecord->MxCsr;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    double r;
    void *h = AddVectoredExceptionHandler(1, veh);

    r = sse_div(1.0, 0.0);
    ok(isinf(r) && faults == 0, "masked by default: 1/0 = inf, no exception");

    _clearfp();
    _controlfp(_MCW_EM & ~_EM_ZERODIVIDE, _MCW_EM);
    r = sse_div(3.0, 2.0);
    ok(r == 1.5 && faults == 0, "no exception for an exact division");
    r = sse_div(1.0, 0.0);
    ok(faults == 1, "divide by zero traps once: %d", faults);
    ok(code == STATUS_FLOAT_MULTIPLE_TRAPS, "code %#lx", code);
    ok(rip == (DWORD64)sse_div_insn, "Rip at the divsd");
    ok(mxcsr & 0x4, "MXCSR ZE flag set in the context: %#lx", mxcsr);
    ok(!(mxcsr & 0x200), "ZM unmasked in the context: %#lx", mxcsr);
    ok(isinf(r), "re-executed masked: inf");

    _clearfp();
    _controlfp(0, _MCW_EM); /* everything unmasked */
    faults = 0;
    r = sse_div(0.0, 0.0);
    ok(faults == 1 && code == STATUS_FLOAT_MULTIPLE_TRAPS, "0/0, invalid unmasked: %d %#lx", faults, code);
    ok(mxcsr & 0x1, "MXCSR IE flag set: %#lx", mxcsr);
    ok(isnan(r), "re-executed masked: NaN");

    _clearfp();
    _controlfp(_MCW_EM, _MCW_EM);
    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
