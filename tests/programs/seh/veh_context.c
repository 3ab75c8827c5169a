/* A vectored handler returning EXCEPTION_CONTINUE_EXECUTION resumes the
 * thread with the CONTEXT it was given, changes included: Rip moved past
 * the faulting instruction or to another function, integer registers,
 * the flags and SSE registers.  The handler also sees the values the
 * program had in its registers at the fault. */
#include <windows.h>
#include <string.h>
#include "test.h"

/* load(p): returns *p; the handler supplies the value instead when p is bad */
extern int load(int *p);
/* regs(out): sets known values in rbx, rsi, rdi, r12-r15, xmm0, reads
 * address 0, then stores the registers and CF (as the handler left them) in out[] */
extern void regs(DWORD64 *out);
__asm__(".text\n"
        ".globl load\nload:\n"
        "  mov $7, %eax\n"
        ".globl load_insn\nload_insn:\n"
        "  mov (%rcx), %eax\n" /* 8b 01: two bytes */
        "  ret\n"
        ".globl elsewhere\nelsewhere:\n"
        "  mov $99, %eax\n"
        "  ret\n"
        ".globl regs\nregs:\n"
        "  push %rbx\n push %rsi\n push %rdi\n push %r12\n push %r13\n push %r14\n push %r15\n"
        "  mov %rcx, %r15\n"
        "  mov $0x1111, %ebx\n mov $0x2222, %esi\n mov $0x3333, %edi\n"
        "  mov $0x4444, %r12d\n mov $0x5555, %r13d\n mov $0x6666, %r14d\n"
        "  mov $0x3ff8000000000000, %rax\n movq %rax, %xmm0\n" /* 1.5 */
        "  xor %eax, %eax\n"
        "  clc\n"
        ".globl regs_insn\nregs_insn:\n"
        "  mov (%rax), %eax\n"
        ".globl regs_resume\nregs_resume:\n"
        "  setc %al\n movzbl %al, %eax\n"
        "  mov %rbx, 0(%r15)\n mov %rsi, 8(%r15)\n mov %rdi, 16(%r15)\n"
        "  mov %r12, 24(%r15)\n mov %r13, 32(%r15)\n mov %r14, 40(%r15)\n"
        "  movq %xmm0, 48(%r15)\n mov %rax, 56(%r15)\n"
        "  pop %r15\n pop %r14\n pop %r13\n pop %r12\n pop %rdi\n pop %rsi\n pop %rbx\n"
        "  ret\n");
extern char load_insn[], elsewhere[], regs_insn[], regs_resume[];

static int mode;
static DWORD64 seen[8];

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    CONTEXT *c = ep->ContextRecord;
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION)
        return EXCEPTION_CONTINUE_SEARCH;
    switch (mode) {
    case 1: /* skip the load, supply a value */
        seen[0] = c->Rip;
        c->Rax = 0x1234;
        c->Rip += 2;
        break;
    case 2: /* continue in another function, which returns to load's caller */
        c->Rip = (DWORD64)elsewhere;
        break;
    case 3:
        seen[0] = c->Rip;
        seen[1] = c->Rbx; seen[2] = c->Rsi; seen[3] = c->Rdi;
        seen[4] = c->R12; seen[5] = c->R13; seen[6] = c->R14;
        memcpy(&seen[7], &c->Xmm0, 8);
        c->Rbx += 1;
        c->R14 = 0xabcd;
        c->Xmm0.Low = 0x4004000000000000ULL; /* 2.5 */
        c->EFlags |= 1;                      /* CF */
        c->Rip = (DWORD64)regs_resume;
        break;
    default:
        return EXCEPTION_CONTINUE_SEARCH;
    }
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    int good = 5;
    DWORD64 out[8];
    double d;
    void *h = AddVectoredExceptionHandler(1, veh);

    mode = 1;
    ok(load(&good) == 5, "load of a good pointer");
    ok(load((int *)8) == 0x1234, "Rax set by the handler");
    ok(seen[0] == (DWORD64)load_insn, "Rip at the faulting instruction");

    mode = 2;
    ok(load((int *)8) == 99, "Rip moved to another function");

    mode = 3;
    memset(out, 0, sizeof(out));
    regs(out);
    ok(seen[0] == (DWORD64)regs_insn, "Rip at the faulting mov");
    ok(seen[1] == 0x1111 && seen[2] == 0x2222 && seen[3] == 0x3333, "rbx rsi rdi in the context: %llx %llx %llx",
       seen[1], seen[2], seen[3]);
    ok(seen[4] == 0x4444 && seen[5] == 0x5555 && seen[6] == 0x6666, "r12 r13 r14 in the context");
    memcpy(&d, &seen[7], 8);
    ok(d == 1.5, "xmm0 in the context: %g", d);
    ok(out[0] == 0x1112, "rbx changed by the handler: %llx", out[0]);
    ok(out[1] == 0x2222 && out[2] == 0x3333 && out[3] == 0x4444 && out[4] == 0x5555, "other registers kept");
    ok(out[5] == 0xabcd, "r14 changed: %llx", out[5]);
    memcpy(&d, &out[6], 8);
    ok(d == 2.5, "xmm0 changed: %g", d);
    ok(out[7] == 1, "carry flag set through EFlags");

    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
