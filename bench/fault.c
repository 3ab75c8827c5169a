/* Exception delivery: N access violations, each handled by skipping the
 * faulting 3-byte store (mov %eax,(%rdx)... see below) — a vectored
 * handler on Windows, a SIGSEGV handler natively. Prints the count so a
 * run that skipped the faults cannot pass. */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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
    long n = argc > 1 ? atol(argv[1]) : 100000;
    install();
    for (long i = 0; i < n; i++)
        fault((void *)16);
    printf("%ld faults handled\n", handled);
    return handled != n;
}
