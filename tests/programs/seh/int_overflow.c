// wine: skip Wine 8 reports every #DE as 0xC0000094, even with a non-zero divisor
/* A division whose quotient does not fit (INT_MIN / -1, LLONG_MIN / -1,
 * a 64/32-bit div with a large quotient) raises the same #DE fault as a
 * division by zero, but Windows tells them apart: with a non-zero divisor
 * the code is EXCEPTION_INT_OVERFLOW (0xC0000095).  MSVC-built programs
 * crashing on INT_MIN / -1 report 0xC0000095, e.g.
 * https://github.com/angband/angband/issues/6722 . */
#include <windows.h>
#include <limits.h>
#include "test.h"

/* each: rcx = dividend, rdx = divisor; the handler skips the 3-byte div */
extern int idiv32(int a, int b);
extern long long idiv64(long long a, long long b);
extern unsigned div64by32(unsigned long long a, unsigned b);
__asm__(".text\n"
        ".globl idiv32\nidiv32:\n mov %edx, %r8d\n mov %ecx, %eax\n cltd\n"
        ".globl idiv32_insn\nidiv32_insn:\n idivl %r8d\n ret\n"
        ".globl idiv64\nidiv64:\n mov %rdx, %r8\n mov %rcx, %rax\n cqto\n"
        ".globl idiv64_insn\nidiv64_insn:\n idivq %r8\n ret\n"
        /* edx:eax = a (64-bit), quotient must fit 32 bits */
        ".globl div64by32\ndiv64by32:\n mov %edx, %r8d\n mov %rcx, %rax\n mov %rcx, %rdx\n shr $32, %rdx\n"
        ".globl div64by32_insn\ndiv64by32_insn:\n divl %r8d\n ret\n");
extern char idiv32_insn[], idiv64_insn[], div64by32_insn[];

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

    ok(idiv32(INT_MIN, -1) == 0x5a5a, "INT_MIN / -1 resumes");
    expect("INT_MIN / -1", EXCEPTION_INT_OVERFLOW, idiv32_insn);
    ok(idiv64(LLONG_MIN, -1) == 0x5a5a, "LLONG_MIN / -1 resumes");
    expect("LLONG_MIN / -1", EXCEPTION_INT_OVERFLOW, idiv64_insn);
    ok(div64by32(0x500000000ULL, 2) == 0x5a5a, "quotient too big for 32 bits");
    expect("div64by32 overflow", EXCEPTION_INT_OVERFLOW, div64by32_insn);
    ok(idiv32(5, 0) == 0x5a5a && code == EXCEPTION_INT_DIVIDE_BY_ZERO, "a zero divisor is still 0xC0000094");
    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
