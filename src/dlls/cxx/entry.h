/* Entry stubs for C++ runtime exports that may throw or raise: they
 * capture the calling program's registers in a CONTEXT on the stack and
 * pass it to the C implementation (System V) as the last argument.
 *
 * Why: decant's own code has no .pdata, so a dispatch started inside it
 * stops at the first native frame (src/nt/exception.c). An exception
 * raised "from" the caller's state (the instruction after its call) walks
 * only program frames, as Windows' walk through RaiseException's and
 * _CxxThrowException's own .pdata would. The caller's state is what
 * Windows unwinds to in any case. Offsets are CONTEXT's (winexcept.h). */
#ifndef DECANT_CXX_ENTRY_H
#define DECANT_CXX_ENTRY_H

#define CXX_SAVE_CONTEXT                                \
    "    mov %rax, 0x78(%rsp)\n"                        \
    "    mov %rcx, 0x80(%rsp)\n"                        \
    "    mov %rdx, 0x88(%rsp)\n"                        \
    "    mov %rbx, 0x90(%rsp)\n"                        \
    "    mov %rbp, 0xa0(%rsp)\n"                        \
    "    mov %rsi, 0xa8(%rsp)\n"                        \
    "    mov %rdi, 0xb0(%rsp)\n"                        \
    "    mov %r8, 0xb8(%rsp)\n"                         \
    "    mov %r9, 0xc0(%rsp)\n"                         \
    "    mov %r10, 0xc8(%rsp)\n"                        \
    "    mov %r11, 0xd0(%rsp)\n"                        \
    "    mov %r12, 0xd8(%rsp)\n"                        \
    "    mov %r13, 0xe0(%rsp)\n"                        \
    "    mov %r14, 0xe8(%rsp)\n"                        \
    "    mov %r15, 0xf0(%rsp)\n"                        \
    "    fxsave64 0x100(%rsp)\n"                        \
    "    stmxcsr 0x34(%rsp)\n"                          \
    "    movw $0x33, 0x38(%rsp)\n"                      \
    "    movw $0x2b, 0x3a(%rsp)\n"                      \
    "    movw $0x2b, 0x3c(%rsp)\n"                      \
    "    movw $0x53, 0x3e(%rsp)\n"                      \
    "    movw $0x2b, 0x40(%rsp)\n"                      \
    "    movw $0x2b, 0x42(%rsp)\n"                      \
    "    movl $0x10001f, 0x30(%rsp)\n"                  \
    "    pushfq\n"                                      \
    "    popq %rax\n"                                   \
    "    mov %eax, 0x44(%rsp)\n"                        \
    "    lea 0x4e0(%rsp), %rax\n" /* rsp after return */ \
    "    mov %rax, 0x98(%rsp)\n"                        \
    "    mov 0x4d8(%rsp), %rax\n" /* return address */  \
    "    mov %rax, 0xf8(%rsp)\n"

/* `name` (Windows, up to 5 arguments) calls `impl(a1..a5, CONTEXT *)` and
 * returns what it returns. rsi/rdi and xmm6-15 are callee-saved on Windows
 * but not in System V: restored from the saved state. */
#define CXX_CONTEXT_ENTRY(name, impl)                                   \
    __asm__(".text\n"                                                   \
            ".globl " #name "\n"                                        \
            ".hidden " #name "\n"                                       \
            ".type " #name ",@function\n" #name ":\n"                   \
            "    sub $0x4d8, %rsp\n"                                    \
            CXX_SAVE_CONTEXT                                            \
            "    mov %rcx, %rdi\n"                                      \
            "    mov %rdx, %rsi\n"                                      \
            "    mov %r8, %rdx\n"                                       \
            "    mov %r9, %rcx\n"                                       \
            "    mov 0x500(%rsp), %r8\n" /* 5th Windows argument */     \
            "    mov %rsp, %r9\n"                                       \
            "    call " #impl "\n"                                      \
            "    fxrstor64 0x100(%rsp)\n"                               \
            "    mov 0xa8(%rsp), %rsi\n"                                \
            "    mov 0xb0(%rsp), %rdi\n"                                \
            "    add $0x4d8, %rsp\n"                                    \
            "    ret\n");

#endif
