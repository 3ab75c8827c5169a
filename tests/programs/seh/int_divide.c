/* Integer division by zero (idiv and div, 32 and 64 bits) raises
 * EXCEPTION_INT_DIVIDE_BY_ZERO (0xC0000094) with no parameters, Rip and
 * ExceptionAddress at the div; the handler resumes after it.
 * (Quotient overflow, INT_MIN / -1: see int_overflow.c.) */
#include <windows.h>
#include "test.h"

/* each: rcx = dividend, rdx = divisor; the handler skips the 3-byte div */
extern int idiv32(int a, int b);
extern long long idiv64(long long a, long long b);
extern unsigned div32(unsigned a, unsigned b);
extern unsigned div64by32(unsigned long long a, unsigned b);
__asm__(".text\n"
        ".globl idiv32\nidiv32:\n mov %edx, %r8d\n mov %ecx, %eax\n cltd\n"
        ".globl idiv32_insn\nidiv32_insn:\n idivl %r8d\n ret\n"
        ".globl idiv64\nidiv64:\n mov %rdx, %r8\n mov %rcx, %rax\n cqto\n"
        ".globl idiv64_insn\nidiv64_insn:\n idivq %r8\n ret\n"
        ".globl div32\ndiv32:\n mov %edx, %r8d\n mov %ecx, %eax\n xor %edx, %edx\n"
        ".globl div32_insn\ndiv32_insn:\n divl %r8d\n ret\n"
        /* edx:eax = a (64-bit), quotient must fit 32 bits */
        ".globl div64by32\ndiv64by32:\n mov %edx, %r8d\n mov %rcx, %rax\n mov %rcx, %rdx\n shr $32, %rdx\n"
        ".globl div64by32_insn\ndiv64by32_insn:\n divl %r8d\n ret\n");
extern char idiv32_insn[], idiv64_insn[], div32_insn[], div64by32_insn[];

static DWORD code, nparams;
static void *addr;
static DWORD64 rip;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    DWORD c = ep->ExceptionRecord->ExceptionCode;
    if (c != EXCEPTION_INT_DIVIDE_BY_ZERO && c != EXCEPTION_INT_OVERFLOW)
        return EXCEPTION_CONTINUE_SEARCH;
    code = c;
    nparams = ep->ExceptionRecord->NumberParameters;
    addr = ep->ExceptionRecord->ExceptionAddress;
    rip = ep->ContextRecord->Rip;
    ep->ContextRecord->Rip += 3;
    ep->ContextRecord->Rax = 0x5a5a;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void expect(const char *what, DWORD want, void *insn)
{
    ok(code == want, "%s: code %#lx, want %#lx", what, code, want);
    ok(nparams == 0, "%s: %lu parameters", what, nparams);
    ok(addr == insn && rip == (DWORD64)insn, "%s: address at the div", what);
    code = 0;
}

int main(void)
{
    void *h = AddVectoredExceptionHandler(1, veh);

    ok(idiv32(-7, 2) == -3 && code == 0, "-7 / 2");
    ok(idiv32(5, 0) == 0x5a5a, "5 / 0 resumes");
    expect("idiv32 by zero", EXCEPTION_INT_DIVIDE_BY_ZERO, idiv32_insn);
    ok(idiv64(-5, 0) == 0x5a5a, "64-bit / 0");
    expect("idiv64 by zero", EXCEPTION_INT_DIVIDE_BY_ZERO, idiv64_insn);
    ok(div32(9, 0) == 0x5a5a, "unsigned / 0");
    expect("div32 by zero", EXCEPTION_INT_DIVIDE_BY_ZERO, div32_insn);
    ok(div64by32(0x500000000ULL, 0) == 0x5a5a, "64/32 divide by zero");
    expect("div64by32 by zero", EXCEPTION_INT_DIVIDE_BY_ZERO, div64by32_insn);
    ok(div64by32(0x500000000ULL, 0x10) == 0x50000000 && code == 0, "quotient that fits");

    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
