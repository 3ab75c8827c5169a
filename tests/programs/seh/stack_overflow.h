/* Surviving a stack overflow, for the tests that cause one.
 * protected_call(fn): calls fn() and returns 0, or returns 1 when an
 * exception handler has sent the thread to `recover` (Rip = recover,
 * Rsp = saved_rsp), the way a runtime such as Go's moves a faulting thread
 * elsewhere. It saves the non-volatile registers (rbx rbp rsi rdi r12-r15
 * xmm6-xmm15) on its own stack and that stack pointer in saved_rsp, so
 * one thread at a time. overflow() recurses until the stack runs out
 * (depth: how far); veh, a vectored handler, counts each
 * EXCEPTION_STACK_OVERFLOW, records its Rsp and sends the thread to
 * `recover`, and counts other exceptions in `other`. */
#ifndef STACK_OVERFLOW_H
#define STACK_OVERFLOW_H

#include <windows.h>

extern int protected_call(void (*fn)(void));
DWORD64 saved_rsp;
__asm__(".text\n"
        ".globl protected_call\nprotected_call:\n"
        "  push %rbx\n push %rbp\n push %rsi\n push %rdi\n push %r12\n push %r13\n push %r14\n push %r15\n"
        "  sub $200, %rsp\n" /* 160 for xmm6-15 + 32 home + 8 align */
        "  movdqu %xmm6, 32(%rsp)\n movdqu %xmm7, 48(%rsp)\n movdqu %xmm8, 64(%rsp)\n movdqu %xmm9, 80(%rsp)\n"
        "  movdqu %xmm10, 96(%rsp)\n movdqu %xmm11, 112(%rsp)\n movdqu %xmm12, 128(%rsp)\n"
        "  movdqu %xmm13, 144(%rsp)\n movdqu %xmm14, 160(%rsp)\n movdqu %xmm15, 176(%rsp)\n"
        "  mov %rsp, saved_rsp(%rip)\n"
        "  call *%rcx\n"
        "  xor %eax, %eax\n"
        "  jmp 1f\n"
        ".globl recover\nrecover:\n"
        "  mov saved_rsp(%rip), %rsp\n"
        "  mov $1, %eax\n"
        "1:\n"
        "  movdqu 32(%rsp), %xmm6\n movdqu 48(%rsp), %xmm7\n movdqu 64(%rsp), %xmm8\n movdqu 80(%rsp), %xmm9\n"
        "  movdqu 96(%rsp), %xmm10\n movdqu 112(%rsp), %xmm11\n movdqu 128(%rsp), %xmm12\n"
        "  movdqu 144(%rsp), %xmm13\n movdqu 160(%rsp), %xmm14\n movdqu 176(%rsp), %xmm15\n"
        "  add $200, %rsp\n"
        "  pop %r15\n pop %r14\n pop %r13\n pop %r12\n pop %rdi\n pop %rsi\n pop %rbp\n pop %rbx\n"
        "  ret\n");
extern char recover[];

static volatile int depth, stop_at = -1;
static volatile LONG overflows, other;
static volatile DWORD64 fault_rsp;

static int recurse(int n)
{
    volatile char buf[1000];
    buf[0] = (char)n;
    depth = n;
    if (n == stop_at)
        return 0;
    return recurse(n + 1) + buf[0];
}

static void overflow(void)
{
    recurse(0);
}

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_STACK_OVERFLOW) {
        other++;
        return EXCEPTION_CONTINUE_SEARCH;
    }
    overflows++;
    fault_rsp = ep->ContextRecord->Rsp;
    ep->ContextRecord->Rsp = saved_rsp;
    ep->ContextRecord->Rip = (DWORD64)recover;
    return EXCEPTION_CONTINUE_EXECUTION;
}

#endif
