/* Exception delivery: N access violations, each handled by skipping the
 * faulting 6-byte store (see below) — a vectored handler on Windows, a
 * SIGSEGV handler natively; µs per fault. The check counts the faults
 * handled, so a run that skipped them cannot pass. */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "bench.h"

static volatile long handled;

/* The faulting instruction is exactly "movl $1, (%rax)" = c7 00 01 00 00 00 (6 bytes). */
static inline void fault(void *p)
{
    __asm__ volatile("movl $1, (%0)" : : "a"(p) : "memory");
}

#ifdef _WIN32
#include <windows.h>
static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION)
        return EXCEPTION_CONTINUE_SEARCH;
    handled++;
    ep->ContextRecord->Rip += 6;
    return EXCEPTION_CONTINUE_EXECUTION;
}
static void install(void) { AddVectoredExceptionHandler(1, handler); }
#else
#include <signal.h>
#include <ucontext.h>
static void handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    handled++;
    uc->uc_mcontext.gregs[REG_RIP] += 6;
}
static void install(void)
{
    struct sigaction sa = {0};
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
}
#endif

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 100000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    install();
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++)
            fault((void *)16);
        t[r] = (now_ns() - t0) / n / 1e3;
    }
    printf("result fault %.3f\n", median(t, reps));
    printf("check fault %ld faults handled\n", handled);
    return handled != n * reps;
}
