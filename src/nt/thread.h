/* Windows threads: one Linux thread each, with a TEB behind GS, a stack of
 * the size asked for with true TEB bounds, and a waitable object. */
#ifndef DECANT_THREAD_H
#define DECANT_THREAD_H

#include <pthread.h>
#include <setjmp.h>
#include <sys/types.h>

#include "iocp.h"
#include "object.h"
#include "process.h"
#include "win32.h"

struct thread {
    struct object obj;      /* signalled when the thread has exited */
    TEB *teb;
    pid_t tid;
    pthread_t pthread;
    LPTHREAD_START_ROUTINE start;
    void *param;
    DWORD exit_code;        /* STILL_ACTIVE until it exits */
    int exited;
    /* Nonzero while the Linux thread may still run: the kernel zeroes it
     * and wakes one futex waiter at the thread's very end
     * (set_tid_address), after its last instruction, as it does for
     * pthread_join. Not used for the main thread, which glibc ends. */
    int alive;
    /* Set once thread_create has detached the pthread: until then glibc
     * keeps the thread's descriptor, which lies in its TEB mapping, on
     * its lists, so the mapping may not go to another thread. */
    int detached;
    int alive_waiters;      /* thread_wait_gone callers (atomic) */
    int joiner_cpu;         /* where the last of them sleeps (a hint) */
    struct thread *next_gone; /* on the list of threads whose end is near */
    int suspend_count;      /* a thread created suspended waits on this */
    uint8_t *stack;         /* mapping: guard page + stack */
    size_t stack_size;
    jmp_buf exit_jmp;       /* ExitThread returns here, off the Windows stack */
    int is_main;
    struct seh_frame *seh_frames; /* active exception dispatches */
    struct mutex *owned_mutexes;  /* for abandonment (sync_lock) */
    struct apc *apcs;             /* queued APCs (sync_lock) */
    struct waiter *alertable_wait; /* current alertable wait (sync_lock) */
    int running;                  /* may be signalled to suspend it */
    int parked;                   /* in the suspend signal handler: 1 parked, 2 leaving */
    int suspend_signal;           /* a suspend signal is on its way */
    int exiting;                  /* past its last program code: never parks */
    uintptr_t deferred_pc;        /* where the last suspend signal found it */
    void *suspend_uc;             /* its ucontext while parked */
    pthread_mutex_t suspend_lock; /* held by Suspend/ResumeThread */
    DWORD64 tf_resume;            /* rip of a context resumed with TF set */
    struct iocp_packet iocp_packet; /* handed over by a completion port wait */
    int iocp_has_packet;
};

#define CREATE_SUSPENDED 0x4
#define STACK_SIZE_PARAM_IS_A_RESERVATION 0x10000

/* The main thread: TEB and a stack per the exe's SizeOfStackReserve;
 * runs fn(arg) on that stack and never returns. */
void thread_run_main(size_t stack_reserve, void (*fn)(void *), void *arg)
    __attribute__((noreturn));
void thread_init_process(void);
/* A thread of decant's own (a timer, a reaper, an I/O loop) that never
 * runs program code: detached, on a `stack`-byte glibc stack, with every
 * signal blocked, so that none meant for the program lands on it. */
void thread_start_helper(void *(*fn)(void *), void *arg, size_t stack);
/* A condition variable whose timed waits take CLOCK_MONOTONIC deadlines. */
void thread_cond_init_monotonic(pthread_cond_t *cond);
struct thread *thread_create(LPTHREAD_START_ROUTINE start, void *param,
                             size_t stack_size, DWORD flags, NTSTATUS *status);
void thread_exit(DWORD code) __attribute__((noreturn));
/* WaitForSingleObject on a thread: 1 once it has ended, 0 on timeout
 * (nanoseconds, negative = none), -1 if only sync_wait can tell (the main
 * thread). */
int thread_wait_gone(struct thread *t, int64_t timeout);
DWORD thread_resume(struct thread *t);
DWORD thread_suspend(struct thread *t);
struct thread *thread_main(void);
int thread_reset_stack_guard(void);
/* Calls a program entry point fn(arg) (ms_abi) from a recognisable frame. */
DWORD call_program_entry(void *fn, void *arg);
extern char call_program_entry_ret[];
int thread_count(void);

/* The current process as a waitable object (for GetCurrentProcess()). */
struct object *process_self_object(void);

#endif
