/* Assembly pieces that capture a Windows caller's register state into a
 * CONTEXT, for builtins that must know where their caller was: those that
 * raise or unwind (the walk starts at the caller, not in decant's frames)
 * and those that call back into the program (an exception thrown by the
 * callback continues at the caller; exception.c). CONTEXT offsets are
 * asserted in winexcept.h. */
#ifndef DECANT_CALLER_CONTEXT_H
#define DECANT_CALLER_CONTEXT_H

#include "winexcept.h"

/* Windows' segment selector values, reported in every CONTEXT. */
#define SAVE_SEGMENTS(reg)                         \
    "    movw $0x33, 0x38(" reg ")\n"              \
    "    movw $0x2b, 0x3a(" reg ")\n"              \
    "    movw $0x2b, 0x3c(" reg ")\n"              \
    "    movw $0x53, 0x3e(" reg ")\n"              \
    "    movw $0x2b, 0x40(" reg ")\n"              \
    "    movw $0x2b, 0x42(" reg ")\n"

/* Stores every register but rax/rsp/rip/flags into the CONTEXT at `reg`. */
#define SAVE_GPRS(reg)                             \
    "    mov %rcx, 0x80(" reg ")\n"                \
    "    mov %rdx, 0x88(" reg ")\n"                \
    "    mov %rbx, 0x90(" reg ")\n"                \
    "    mov %rbp, 0xa0(" reg ")\n"                \
    "    mov %rsi, 0xa8(" reg ")\n"                \
    "    mov %rdi, 0xb0(" reg ")\n"                \
    "    mov %r8, 0xb8(" reg ")\n"                 \
    "    mov %r9, 0xc0(" reg ")\n"                 \
    "    mov %r10, 0xc8(" reg ")\n"                \
    "    mov %r11, 0xd0(" reg ")\n"                \
    "    mov %r12, 0xd8(" reg ")\n"                \
    "    mov %r13, 0xe0(" reg ")\n"                \
    "    mov %r14, 0xe8(" reg ")\n"                \
    "    mov %r15, 0xf0(" reg ")\n"                \
    "    fxsave64 0x100(" reg ")\n"                \
    "    stmxcsr 0x34(" reg ")\n"                  \
    SAVE_SEGMENTS(reg)                             \
    "    movl $0x10001f, 0x30(" reg ")\n" /* CONTEXT_FULL | CONTEXT_SEGMENTS */

/* The stub's caller's state, as it will be when the stub returns, into a
 * CONTEXT at the bottom of 0x4d8 bytes the stub takes on the stack. */
#define CAPTURE_CALLER                                                      \
    "    sub $0x4d8, %rsp\n"                                                \
    "    mov %rax, 0x78(%rsp)\n"                                            \
    SAVE_GPRS("%rsp")                                                       \
    "    pushfq\n"                                                          \
    "    popq %rax\n"                                                       \
    "    mov %eax, 0x44(%rsp)\n"                                            \
    "    lea 0x4e0(%rsp), %rax\n"                                           \
    "    mov %rax, 0x98(%rsp)\n"                                            \
    "    mov 0x4d8(%rsp), %rax\n"                                           \
    "    mov %rax, 0xf8(%rsp)\n"

/* Entry stubs: capture the caller's context on our own stack, then call
 * the C implementation (SysV) with it as an extra argument. The C side
 * never returns through the stub: it either restores a context or ends the
 * process. `name` receives Windows arguments in rcx, rdx, r8, r9. */
#define CALLER_CONTEXT_ENTRY(name, impl)                                    \
    __asm__(".text\n"                                                       \
            ".globl " #name "\n"                                            \
            ".type " #name ",@function\n" #name ":\n"                       \
            CAPTURE_CALLER                                                  \
            "    mov %rcx, %rdi\n"                                          \
            "    mov %rdx, %rsi\n"                                          \
            "    mov %r8, %rdx\n"                                           \
            "    mov %r9, %rcx\n"                                           \
            "    mov %rsp, %r8\n"                                           \
            "    mov 0x500(%rsp), %r9\n" /* 5th Windows argument */          \
            "    mov 0x508(%rsp), %rax\n" /* 6th */                          \
            "    push %rax\n"                                               \
            "    push %rax\n"                                               \
            "    call " #impl "\n"                                          \
            "    ud2\n");

/* The same, for a function that returns (rax) to its caller. */
#define CALLER_CONTEXT_CALL(name, impl)                                     \
    __asm__(".text\n"                                                       \
            ".globl " #name "\n"                                            \
            ".type " #name ",@function\n" #name ":\n"                       \
            CAPTURE_CALLER                                                  \
            "    push %rsi\n"                                               \
            "    push %rdi\n"                                               \
            "    mov %rcx, %rdi\n"                                          \
            "    mov %rdx, %rsi\n"                                          \
            "    mov %r8, %rdx\n"                                           \
            "    mov %r9, %rcx\n"                                           \
            "    lea 16(%rsp), %r8\n"                                       \
            "    call " #impl "\n"                                          \
            "    fxrstor64 0x110(%rsp)\n" /* xmm6-15 are the caller's */  \
            "    pop %rdi\n"                                                \
            "    pop %rsi\n"                                                \
            "    add $0x4d8, %rsp\n"                                        \
            "    ret\n");

/* The n-th (n >= 5) Windows argument of a call whose caller state is `c`:
 * it sits in the caller's outgoing argument area, above the home space. */
static inline DWORD64 caller_arg(const CONTEXT *c, int n)
{
    return ((const DWORD64 *)c->Rsp)[n - 1];
}

#endif
