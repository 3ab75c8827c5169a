/* Linux clocks as decant reads them: for the Windows-ABI exports
 * (QueryPerformanceCounter, GetSystemTimeAsFileTime, ...) and the Windows
 * time units made of them, and in nanoseconds for decant's own deadlines.
 *
 * Why not glibc's clock_gettime: called from an ms_abi function, any
 * System V call makes the caller save and restore xmm6-15 (callee-saved
 * for Windows, scratch for Linux) — 20 stores and loads, a fifth of
 * QueryPerformanceCounter's time. The vDSO's clock_gettime, like the rest
 * of the kernel, is built without SSE, so calling it directly with the
 * System V integer registers declared clobbered is enough. */
#ifndef DECANT_CLOCK_H
#define DECANT_CLOCK_H

#include <stdint.h>
#include <time.h>

/* The vDSO's clock_gettime, or until clock_init (and where the kernel has
 * none) a raw system call with the same signature. */
extern long (*clock_vdso_gettime)(clockid_t, struct timespec *);

/* Looks up the vDSO's clock_gettime; once, at process start. */
void clock_init(void);

/* clock_gettime(id, ts) without touching xmm registers. The call runs
 * below the red zone on a 16-byte aligned stack, as the System V ABI
 * wants, whatever the caller's frame looks like. */
static inline void clock_read(clockid_t id, struct timespec *ts)
{
    register long rdi asm("rdi") = id;
    register struct timespec *rsi asm("rsi") = ts;
    long rax;
    asm volatile("mov %%rsp, %%rbx\n\t"
                 "sub $128, %%rsp\n\t"
                 "and $-16, %%rsp\n\t"
                 "call *%[fn]\n\t"
                 "mov %%rbx, %%rsp"
                 : "=a"(rax), "+D"(rdi), "+S"(rsi)
                 : [fn] "r"(clock_vdso_gettime)
                 : "rbx", "rcx", "rdx", "r8", "r9", "r10", "r11", "memory", "cc");
    (void)rax;
}

#define CLOCK_TICKS_PER_SEC 10000000ll                /* Windows' 100 ns */
#define CLOCK_EPOCH_1601 116444736000000000ll        /* 1601 -> 1970 in ticks */

/* A Linux clock in 100 ns ticks (since its own origin). */
static inline int64_t clock_ticks(clockid_t id)
{
    struct timespec ts;
    clock_read(id, &ts);
    return (int64_t)ts.tv_sec * CLOCK_TICKS_PER_SEC + ts.tv_nsec / 100;
}

/* A Linux clock in nanoseconds: decant's own deadlines and waits. */
static inline int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_read(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The time of day as a Windows system time: 100 ns ticks since 1601. */
static inline int64_t clock_system_time(void)
{
    return clock_ticks(CLOCK_REALTIME) + CLOCK_EPOCH_1601;
}

#endif
