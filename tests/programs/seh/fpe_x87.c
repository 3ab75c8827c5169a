/* x87 floating-point exceptions: with the zero-divide exception unmasked
 * in the x87 control word, fdiv by zero leaves the exception pending and
 * the next waiting x87 instruction raises EXCEPTION_FLT_DIVIDE_BY_ZERO
 * (0xC000008E); invalid (0/0) gives EXCEPTION_FLT_INVALID_OPERATION
 * (0xC0000090).  The handler clears the status word and masks the
 * exceptions in the CONTEXT's FltSave, then resumes. */
#include <windows.h>
#include "test.h"

/* x87_div(a, b, cw): load control word cw, compute a/b on the x87 stack,
 * fwait, restore the default control word, return the status word seen
 * after */
extern void x87_div(const double *a, const double *b, const unsigned short *cw);
__asm__(".text\n"
        ".globl x87_div\nx87_div:\n"
        "  sub $8, %rsp\n"
        "  fnclex\n"
        "  fldcw (%r8)\n"
        "  fldl (%rcx)\n"
        "  fdivl (%rdx)\n"
        ".globl x87_wait\nx87_wait:\n"
        "  fwait\n"
        "  fstpl (%rsp)\n"
        "  movq $0x37f, (%rsp)\n"
        "  fldcw (%rsp)\n"
        "  add $8, %rsp\n"
        "  ret\n");

static int faults;
static DWORD code;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    DWORD c = ep->ExceptionRecord->ExceptionCode;
    if (c < 0xC000008D || c > 0xC0000093)
        return EXCEPTION_CONTINUE_SEARCH;
    faults++;
    code = c;
    ep->ContextRecord->FltSave.StatusWord &= ~0x80ff; /* flags, ES, B */
    ep->ContextRecord->FltSave.ControlWord |= 0x3f;   /* mask all */
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    double one = 1.0, zero = 0.0, two = 2.0;
    unsigned short masked = 0x37f, zm_unmasked = 0x37f & ~0x4, im_unmasked = 0x37f & ~0x1;
    void *h = AddVectoredExceptionHandler(1, veh);

    x87_div(&one, &zero, &masked);
    ok(faults == 0, "masked: no exception");

    x87_div(&one, &two, &zm_unmasked);
    ok(faults == 0, "exact division: no exception");

    x87_div(&one, &zero, &zm_unmasked);
    ok(faults == 1, "divide by zero traps once: %d", faults);
    ok(code == EXCEPTION_FLT_DIVIDE_BY_ZERO, "code %#lx", code);

    faults = 0;
    x87_div(&zero, &zero, &im_unmasked);
    ok(faults == 1, "0/0 traps once: %d", faults);
    ok(code == EXCEPTION_FLT_INVALID_OPERATION, "code %#lx", code);

    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
