/* Hardware faults in program code become Windows exceptions (DESIGN.md §5).
 * The handler runs on a per-thread alternate stack, translates the signal
 * into an EXCEPTION_RECORD and a CONTEXT, copies both onto the faulting
 * thread's own stack and returns into seh_fault_trampoline there — as
 * Windows enters KiUserExceptionDispatcher — so dispatch runs outside
 * signal context and handlers may do anything. A fault in decant's own
 * code is reported, never dispatched. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "exception.h"
#include "loader.h"
#include "memory.h"
#include "process.h"
#include "signal_handling.h"
#include "status.h"
#include "syscall.h"
#include "thread.h"

void seh_fault_trampoline(void);

/* x86 register number -> gregs index */
static const int greg_index[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX,
                                   REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                   REG_R8,  REG_R9,  REG_R10, REG_R11,
                                   REG_R12, REG_R13, REG_R14, REG_R15};

/* Linux reports every #DE as a division by zero; Windows says
 * STATUS_INTEGER_OVERFLOW when the divisor was not zero (INT_MIN / -1, a
 * quotient too big for `div`). Decode the faulting div/idiv to read its
 * divisor, register or memory. */
static DWORD divide_code(const ucontext_t *uc)
{
    const greg_t *g = uc->uc_mcontext.gregs;
    const uint8_t *pc = (const uint8_t *)g[REG_RIP];
    int opsize = 32, rex = 0;
    for (;; pc++) {
        if (*pc == 0x66)
            opsize = 16;
        else if ((*pc & 0xf0) == 0x40)
            rex = *pc;
        else if (*pc != 0x2e && *pc != 0x3e && *pc != 0x26 && *pc != 0x64 &&
                 *pc != 0x65 && *pc != 0x36)
            break;
    }
    if (rex & 8)
        opsize = 64;
    if (*pc == 0xf6)
        opsize = 8;
    else if (*pc != 0xf7)
        return STATUS_INTEGER_DIVIDE_BY_ZERO;
    const uint8_t *p = pc + 1;
    uint8_t modrm = *p++;
    if (((modrm >> 3) & 7) < 6) /* not div or idiv */
        return STATUS_INTEGER_DIVIDE_BY_ZERO;
    int mod = modrm >> 6, rm = modrm & 7;
    uint64_t v;
    if (mod == 3) {
        int reg = rm + ((rex & 1) ? 8 : 0);
        v = g[greg_index[reg]];
        if (opsize == 8 && !rex && reg >= 4) /* ah, ch, dh, bh */
            v = g[greg_index[reg - 4]] >> 8;
    } else {
        uint64_t addr = 0;
        if (rm == 4) { /* SIB */
            uint8_t sib = *p++;
            int base = (sib & 7) + ((rex & 1) ? 8 : 0);
            int index = ((sib >> 3) & 7) + ((rex & 2) ? 8 : 0);
            if (index != 4)
                addr += (uint64_t)g[greg_index[index]] << (sib >> 6);
            if ((sib & 7) == 5 && mod == 0) {
                int32_t d;
                memcpy(&d, p, 4);
                p += 4;
                addr += d;
            } else {
                addr += g[greg_index[base]];
            }
        } else if (rm == 5 && mod == 0) { /* rip-relative */
            int32_t d;
            memcpy(&d, p, 4);
            p += 4;
            addr = (uint64_t)p + d; /* div has no immediate: p is the next instruction */
        } else {
            addr = g[greg_index[rm + ((rex & 1) ? 8 : 0)]];
        }
        if (mod == 1)
            addr += (int8_t)*p;
        else if (mod == 2) {
            int32_t d;
            memcpy(&d, p, 4);
            addr += d;
        }
        v = 0;
        memcpy(&v, (const void *)addr, opsize / 8);
    }
    uint64_t mask = opsize == 64 ? ~0ull : (1ull << opsize) - 1;
    return (v & mask) ? STATUS_INTEGER_OVERFLOW : STATUS_INTEGER_DIVIDE_BY_ZERO;
}

static DWORD x87_code(const ucontext_t *uc)
{
    const struct _libc_fpstate *fp = uc->uc_mcontext.fpregs;
    unsigned pending = fp ? fp->swd & ~fp->cwd & 0x3f : 0;
    if (pending & 0x01)
        return fp->swd & 0x40 ? STATUS_FLOAT_STACK_CHECK : STATUS_FLOAT_INVALID_OPERATION;
    if (pending & 0x02) return STATUS_FLOAT_DENORMAL_OPERAND;
    if (pending & 0x04) return STATUS_FLOAT_DIVIDE_BY_ZERO;
    if (pending & 0x08) return STATUS_FLOAT_OVERFLOW;
    if (pending & 0x10) return STATUS_FLOAT_UNDERFLOW;
    return STATUS_FLOAT_INEXACT_RESULT;
}

/* SSE exceptions: Windows x64 reports STATUS_FLOAT_MULTIPLE_TRAPS for
 * invalid/denormal/divide and STATUS_FLOAT_MULTIPLE_FAULTS for
 * overflow/underflow/inexact, with MXCSR as the second parameter. */
static DWORD simd_code(const ucontext_t *uc)
{
    const struct _libc_fpstate *fp = uc->uc_mcontext.fpregs;
    unsigned pending = fp ? fp->mxcsr & ~(fp->mxcsr >> 7) & 0x3f : 0;
    return pending & 0x07 ? STATUS_FLOAT_MULTIPLE_TRAPS : STATUS_FLOAT_MULTIPLE_FAULTS;
}

static void context_from_signal(CONTEXT *c, const ucontext_t *uc)
{
    const greg_t *g = uc->uc_mcontext.gregs;
    memset(c, 0, sizeof *c);
    c->ContextFlags = CONTEXT_ALL;
    c->Rax = g[REG_RAX];
    c->Rcx = g[REG_RCX];
    c->Rdx = g[REG_RDX];
    c->Rbx = g[REG_RBX];
    c->Rsp = g[REG_RSP];
    c->Rbp = g[REG_RBP];
    c->Rsi = g[REG_RSI];
    c->Rdi = g[REG_RDI];
    c->R8 = g[REG_R8];
    c->R9 = g[REG_R9];
    c->R10 = g[REG_R10];
    c->R11 = g[REG_R11];
    c->R12 = g[REG_R12];
    c->R13 = g[REG_R13];
    c->R14 = g[REG_R14];
    c->R15 = g[REG_R15];
    c->Rip = g[REG_RIP];
    c->EFlags = g[REG_EFL];
    c->SegCs = 0x33;
    c->SegDs = c->SegEs = c->SegSs = c->SegGs = 0x2b;
    c->SegFs = 0x53;
    if (uc->uc_mcontext.fpregs) {
        memcpy(&c->FltSave, uc->uc_mcontext.fpregs, sizeof c->FltSave);
        c->MxCsr = c->FltSave.MxCsr;
    }
}

static void fatal(const char *what, DWORD code, const ucontext_t *uc, const siginfo_t *si)
{
    char line[400];
    void *pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
    struct module *m = ldr_find_by_address(pc);
    int n;
    if (m)
        n = snprintf(line, sizeof line, "decant: %s 0x%08x (%s) at %s+0x%lx\n", what, code,
                     seh_code_name(code), m->name, (unsigned long)((uint8_t *)pc - m->base));
    else
        n = snprintf(line, sizeof line, "decant: %s 0x%08x (%s) at %p, address %p\n", what,
                     code, seh_code_name(code), pc, si->si_addr);
    ssize_t r = write(2, line, n);
    (void)r;
    process_terminate(code);
}

static void fault_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    greg_t *g = uc->uc_mcontext.gregs;
    TEB *teb = nt_current_teb();
    DWORD64 rip = g[REG_RIP], rsp = g[REG_RSP];
    EXCEPTION_RECORD rec = {0};
    rec.ExceptionAddress = (PVOID)rip;

    switch (sig) {
    case SIGSEGV:
    case SIGBUS:
        rec.ExceptionCode = STATUS_ACCESS_VIOLATION;
        rec.NumberParameters = 2;
        rec.ExceptionInformation[0] = (g[REG_ERR] & 0x10) ? 8 : (g[REG_ERR] & 2) ? 1 : 0;
        rec.ExceptionInformation[1] = (ULONG_PTR)si->si_addr;
        if (si->si_code == SEGV_ACCERR && mem_take_guard(si->si_addr))
            rec.ExceptionCode = STATUS_GUARD_PAGE_VIOLATION;
        if (si->si_code == SI_KERNEL && !si->si_addr) {
            /* hlt, cli, sti, in, out in user mode; and general protection
             * faults (non-canonical addresses), which Windows reports as
             * an access violation at address -1 */
            uint8_t op = *(const uint8_t *)rip;
            if (op == 0xcd && ((const uint8_t *)rip)[1] == 0x2e && teb &&
                !seh_in_native_code(rip)) {
                /* int 0x2e, Windows' other way into the kernel */
                g[REG_RIP] = rip + 2;
                syscall_serve_windows(uc);
                return;
            }
            if (op == 0xf4 || op == 0xfa || op == 0xfb || (op & 0xf4) == 0xe4 ||
                (op & 0xfc) == 0x6c) {
                rec.ExceptionCode = STATUS_PRIVILEGED_INSTRUCTION;
                rec.NumberParameters = 0;
                rec.ExceptionInformation[0] = rec.ExceptionInformation[1] = 0;
            } else {
                rec.ExceptionInformation[0] = 0;
                rec.ExceptionInformation[1] = ~(ULONG_PTR)0;
            }
        }
        break;
    case SIGILL:
        rec.ExceptionCode = si->si_code == ILL_PRVOPC ? STATUS_PRIVILEGED_INSTRUCTION
                                                      : STATUS_ILLEGAL_INSTRUCTION;
        break;
    case SIGTRAP:
        if (si->si_code == TRAP_TRACE && teb && teb->decant_thread &&
            teb->decant_thread->tf_resume == rip) {
            /* the trap of the jump that resumed a context with TF set:
             * the program's first instruction has yet to run */
            teb->decant_thread->tf_resume = 0;
            return;
        }
        if (si->si_code == TRAP_TRACE) {
            rec.ExceptionCode = STATUS_SINGLE_STEP;
        } else {
            /* int3: Windows points both the address and rip at it */
            rec.ExceptionCode = STATUS_BREAKPOINT;
            rec.NumberParameters = 1;
            if (*(const uint8_t *)(rip - 1) == 0xcc) {
                rip--;
                g[REG_RIP] = rip;
                rec.ExceptionAddress = (PVOID)rip;
            }
        }
        break;
    case SIGFPE:
        switch (g[REG_TRAPNO]) {
        case 0:
            rec.ExceptionCode = divide_code(uc);
            break;
        case 16:
            rec.ExceptionCode = x87_code(uc);
            break;
        default:
            rec.ExceptionCode = simd_code(uc);
            rec.NumberParameters = 2;
            rec.ExceptionInformation[1] = uc->uc_mcontext.fpregs
                                              ? uc->uc_mcontext.fpregs->mxcsr : 0;
            break;
        }
        break;
    }

    if (!teb)
        fatal("fault outside a Windows thread:", rec.ExceptionCode, uc, si);
    if (seh_in_native_code(rip))
        fatal("unhandled exception in decant's own code:", rec.ExceptionCode, uc, si);
    /* A program may run on stacks of its own (Go's goroutines): Windows
     * dispatches there too, below the faulting rsp, and the program's
     * vectored handler takes it from there. Only the thread's own stack
     * has limits to check. */
    int own_stack = rsp >= (DWORD64)teb->DeallocationStack && rsp <= (DWORD64)teb->Tib.StackBase;

    /* Stack overflow: the fault hit the soft guard below StackLimit. Open
     * it, so the exception can be dispatched in the room it gives. */
    DWORD64 hard_end = (DWORD64)teb->DeallocationStack + 0x1000;
    DWORD64 fault = (DWORD64)si->si_addr;
    if ((sig == SIGSEGV || sig == SIGBUS) && fault >= (DWORD64)teb->DeallocationStack &&
        fault < (DWORD64)teb->Tib.StackLimit) {
        if (fault < hard_end || (DWORD64)teb->Tib.StackLimit <= hard_end)
            fatal("stack overflow with no room left:", STATUS_STACK_OVERFLOW, uc, si);
        mprotect((void *)hard_end, (DWORD64)teb->Tib.StackLimit - hard_end,
                 PROT_READ | PROT_WRITE);
        teb->Tib.StackLimit = (PVOID)hard_end;
        rec.ExceptionCode = STATUS_STACK_OVERFLOW;
    }

    /* Room below the faulting frame, past a red zone in case the faulting
     * code was SysV code called from Windows code. */
    DWORD64 sp = (rsp - 128 - sizeof(CONTEXT)) & ~(DWORD64)63;
    CONTEXT *c = (CONTEXT *)sp;
    sp = (sp - sizeof(EXCEPTION_RECORD)) & ~(DWORD64)15;
    EXCEPTION_RECORD *r = (EXCEPTION_RECORD *)sp;
    sp -= 16;
    if (own_stack && sp < hard_end)
        fatal("no stack left to dispatch", rec.ExceptionCode, uc, si);
    context_from_signal(c, uc);
    *r = rec;

    g[REG_RIP] = (greg_t)seh_fault_trampoline;
    g[REG_RSP] = sp;
    g[REG_RDI] = (greg_t)r;
    g[REG_RSI] = (greg_t)c;
    g[REG_EFL] &= ~0x500; /* no trap flag and DF clear for the dispatcher */
    if (uc->uc_mcontext.fpregs) {
        /* the dispatcher runs with default FP settings; the program's
         * come back from the CONTEXT */
        uc->uc_mcontext.fpregs->mxcsr = 0x1f80;
        uc->uc_mcontext.fpregs->cwd = 0x37f;
        uc->uc_mcontext.fpregs->swd = 0;
    }
}

void signal_init_thread(void *altstack)
{
    stack_t ss = {.ss_sp = altstack, .ss_size = ALTSTACK_SIZE};
    sigaltstack(&ss, NULL);
}

void signal_init_process(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP};
    for (unsigned i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaction(sigs[i], &sa, NULL);
}

/* The state of a thread parked by SuspendThread, as a CONTEXT and back. */
void signal_get_context(const void *ucontext, CONTEXT *c)
{
    DWORD flags = c->ContextFlags;
    context_from_signal(c, ucontext);
    c->ContextFlags = flags ? flags : CONTEXT_FULL;
}

void signal_set_context(void *ucontext, const CONTEXT *c)
{
    ucontext_t *uc = ucontext;
    greg_t *g = uc->uc_mcontext.gregs;
    DWORD f = c->ContextFlags;
    if ((f & CONTEXT_CONTROL) == CONTEXT_CONTROL) {
        g[REG_RIP] = c->Rip;
        g[REG_RSP] = c->Rsp;
        g[REG_RBP] = c->Rbp;
        g[REG_EFL] = (g[REG_EFL] & ~0xcd5) | (c->EFlags & 0xcd5);
    }
    if ((f & CONTEXT_INTEGER) == CONTEXT_INTEGER) {
        g[REG_RAX] = c->Rax;
        g[REG_RCX] = c->Rcx;
        g[REG_RDX] = c->Rdx;
        g[REG_RBX] = c->Rbx;
        g[REG_RSI] = c->Rsi;
        g[REG_RDI] = c->Rdi;
        g[REG_R8] = c->R8;
        g[REG_R9] = c->R9;
        g[REG_R10] = c->R10;
        g[REG_R11] = c->R11;
        g[REG_R12] = c->R12;
        g[REG_R13] = c->R13;
        g[REG_R14] = c->R14;
        g[REG_R15] = c->R15;
    }
    if ((f & CONTEXT_FLOATING_POINT) == CONTEXT_FLOATING_POINT && uc->uc_mcontext.fpregs)
        memcpy(uc->uc_mcontext.fpregs, &c->FltSave, sizeof c->FltSave);
}
