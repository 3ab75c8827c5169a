/* Hardware faults in program code. Until frame-based exception dispatch
 * exists, every fault is an unhandled exception: decant reports it the way
 * Windows ends such a process — exception code as exit status — with one
 * line naming the code and the faulting module+offset. Handlers run on a
 * per-thread alternate stack so a stack overflow can be reported too. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "loader.h"
#include "process.h"
#include "signal_handling.h"
#include "status.h"

#define STATUS_BREAKPOINT ((NTSTATUS)0x80000003)
#define STATUS_ILLEGAL_INSTRUCTION ((NTSTATUS)0xc000001d)
#define STATUS_PRIVILEGED_INSTRUCTION ((NTSTATUS)0xc0000096)
#define STATUS_INTEGER_DIVIDE_BY_ZERO ((NTSTATUS)0xc0000094)
#define STATUS_INTEGER_OVERFLOW ((NTSTATUS)0xc0000095)
#define STATUS_FLOAT_DIVIDE_BY_ZERO ((NTSTATUS)0xc000008e)
#define STATUS_FLOAT_INVALID_OPERATION ((NTSTATUS)0xc0000090)

#define ALTSTACK_SIZE (64 * 1024)

static const char *code_name(DWORD code)
{
    switch (code) {
    case 0xc0000005: return "access violation";
    case 0xc00000fd: return "stack overflow";
    case 0x80000003: return "breakpoint";
    case 0xc000001d: return "illegal instruction";
    case 0xc0000096: return "privileged instruction";
    case 0xc0000094: return "integer divide by zero";
    case 0xc0000095: return "integer overflow";
    case 0xc000008e: return "floating-point divide by zero";
    case 0xc0000090: return "floating-point invalid operation";
    default: return "exception";
    }
}

static DWORD code_for(int sig, const siginfo_t *si, const ucontext_t *uc)
{
    switch (sig) {
    case SIGSEGV:
    case SIGBUS: {
        /* a fault just below the stack limit is a stack overflow */
        TEB *teb = nt_current_teb();
        uintptr_t a = (uintptr_t)si->si_addr;
        if (teb && teb->DeallocationStack && a >= (uintptr_t)teb->DeallocationStack &&
            a < (uintptr_t)teb->Tib.StackLimit)
            return STATUS_STACK_OVERFLOW;
        /* `hlt`, `cli`, `in`/`out` in user mode arrive as SIGSEGV with no
         * address: Windows calls them privileged instructions. */
        if (si->si_code == SI_KERNEL && !si->si_addr) {
            const uint8_t *pc = (const uint8_t *)uc->uc_mcontext.gregs[REG_RIP];
            if (*pc == 0xf4 || *pc == 0xfa || *pc == 0xfb)
                return STATUS_PRIVILEGED_INSTRUCTION;
        }
        return STATUS_ACCESS_VIOLATION;
    }
    case SIGILL: return si->si_code == ILL_PRVOPC ? STATUS_PRIVILEGED_INSTRUCTION
                                                  : STATUS_ILLEGAL_INSTRUCTION;
    case SIGTRAP: return STATUS_BREAKPOINT;
    case SIGFPE:
        switch (si->si_code) {
        case FPE_INTDIV: return STATUS_INTEGER_DIVIDE_BY_ZERO;
        case FPE_INTOVF: return STATUS_INTEGER_OVERFLOW;
        case FPE_FLTDIV: return STATUS_FLOAT_DIVIDE_BY_ZERO;
        default: return STATUS_FLOAT_INVALID_OPERATION;
        }
    }
    return STATUS_ACCESS_VIOLATION;
}

static void fault_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    void *pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
    DWORD code = code_for(sig, si, uc);
    char where[160];
    struct module *m = ldr_find_by_address(pc);
    if (m)
        snprintf(where, sizeof where, "%s+0x%lx", m->name,
                 (unsigned long)((uint8_t *)pc - m->base));
    else
        snprintf(where, sizeof where, "%p", pc);
    char line[400];
    int n;
    if (sig == SIGSEGV && code == (DWORD)STATUS_ACCESS_VIOLATION)
        n = snprintf(line, sizeof line,
                     "decant: unhandled exception 0x%08x (%s) at %s, address %p\n",
                     code, code_name(code), where, si->si_addr);
    else
        n = snprintf(line, sizeof line, "decant: unhandled exception 0x%08x (%s) at %s\n",
                     code, code_name(code), where);
    ssize_t r = write(2, line, n);
    (void)r;
    process_terminate(code);
}

void signal_init_thread(void)
{
    stack_t ss;
    ss.ss_sp = mmap(NULL, ALTSTACK_SIZE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (ss.ss_sp == MAP_FAILED)
        return;
    ss.ss_size = ALTSTACK_SIZE;
    ss.ss_flags = 0;
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
    signal_init_thread();
}
