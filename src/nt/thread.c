/* Thread creation and exit. Each Windows thread starts as a pthread on a
 * small glibc stack beside its TEB, then switches to a stack decant maps
 * itself, so the TEB's StackBase/StackLimit describe exactly the memory
 * the program may use. ExitThread jumps back to the glibc frame, so
 * nothing ever unwinds through the program's frames (which carry no
 * DWARF unwind data). The kernel says when a thread has ended, as it
 * does for pthread_join (thread_wait_gone, thread_reap). */
#include <asm/hwcap2.h>
#include <asm/prctl.h>
#include <errno.h>
#include <signal.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdio.h>
#include <stdlib.h>
#include <sched.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#define DEBUG_CHANNEL thread
#include "blocking.h"
#include "clock.h"
#include "debug.h"
#include "loader.h"
#include "memory.h"
#include "signal_handling.h"
#include "syscall.h"
#include "status.h"
#include "thread.h"
#include "process.h"

__thread TEB *current_teb;
void suspend_init(void);
static void suspend_close(struct thread *t);
static struct thread *main_thread;
static int live_threads;
static size_t default_stack_reserve = 1 << 20;

static void futex_wait_nonzero(int *word)
{
    int v;
    while ((v = __atomic_load_n(word, __ATOMIC_ACQUIRE)) > 0)
        syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, v, NULL, NULL, 0);
}

/* Runs fn(arg) with rsp at `top` (16-byte aligned), then returns. */
void call_on_stack(void (*fn)(void *), void *arg, void *top);
__asm__(".text\n"
        ".globl call_on_stack\n"
        ".hidden call_on_stack\n"
        ".type call_on_stack,@function\n"
        "call_on_stack:\n"
        "    push %rbp\n"
        "    mov %rsp, %rbp\n"
        "    mov %rdx, %rsp\n"
        "    and $-16, %rsp\n"
        "    mov %rdi, %rax\n"
        "    mov %rsi, %rdi\n"
        "    call *%rax\n"
        "    mov %rbp, %rsp\n"
        "    pop %rbp\n"
        "    ret\n");

/* Every thread enters the program through here: a return address of
 * call_program_entry_ret marks the bottom of the program's stack, which
 * exception dispatch and backtraces recognise. */
__asm__(".text\n"
        ".globl call_program_entry\n"
        ".hidden call_program_entry\n"
        ".type call_program_entry,@function\n"
        "call_program_entry:\n"
        "    push %rbp\n"
        "    mov %rsp, %rbp\n"
        "    sub $32, %rsp\n"        /* the callee's shadow space */
        "    mov %rsi, %rcx\n"
        "    call *%rdi\n"
        ".globl call_program_entry_ret\n"
        ".hidden call_program_entry_ret\n"
        "call_program_entry_ret:\n"
        "    leave\n"
        "    ret\n");

struct thread *thread_main(void) { return main_thread; }
int thread_count(void) { return __atomic_load_n(&live_threads, __ATOMIC_ACQUIRE); }

static void teb_free(TEB *teb);

static void thread_destroy(struct object *o)
{
    struct thread *t = (struct thread *)o;
    if (t->teb && t->exited)
        teb_free(t->teb);
    free(t);
}

static int thread_signaled(struct object *o, struct thread *w)
{
    return ((struct thread *)o)->exited;
}

static int thread_acquire(struct object *o, struct thread *w) { return 0; }

static const struct object_ops thread_ops = {thread_destroy, thread_signaled,
                                             thread_acquire};

static struct object self_process;
static int never_signaled(struct object *o, struct thread *t) { return 0; }
static const struct object_ops self_process_ops = {NULL, never_signaled,
                                                   thread_acquire};

struct object *process_self_object(void)
{
    if (!self_process.type) {
        object_init(&self_process, OBJ_PROCESS, &self_process_ops);
        self_process.refs = INT_MAX / 2; /* never destroyed */
    }
    return &self_process;
}

/* Mappings of threads that have ended, kept for the next threads: a
 * fresh mapping costs page faults on first touch, and unmapping one a TLB
 * shootdown on every CPU the process runs on; together they made thread
 * creation 2x slower than native (bench/thread.c). A thread's stack is
 * handed on as the last thread left it, like glibc's stack cache does, so
 * a new thread's stack is not zeroed as on Windows. */
#define KEPT_MAX 16
static struct { void *p; size_t size; } kept[KEPT_MAX];
static int nkept;
static pthread_mutex_t kept_lock = PTHREAD_MUTEX_INITIALIZER;

static void *kept_take(size_t size)
{
    void *p = NULL;
    pthread_mutex_lock(&kept_lock);
    for (int i = nkept - 1; i >= 0; i--)
        if (kept[i].size == size) {
            p = kept[i].p;
            kept[i] = kept[--nkept];
            break;
        }
    pthread_mutex_unlock(&kept_lock);
    return p;
}

/* 0 if there is no room: the caller unmaps. */
static int kept_put(void *p, size_t size)
{
    pthread_mutex_lock(&kept_lock);
    int room = nkept < KEPT_MAX;
    if (room) {
        kept[nkept].p = p;
        kept[nkept++].size = size;
    }
    pthread_mutex_unlock(&kept_lock);
    return room;
}

/* A thread's TEB, its alternate signal stack and the glibc stack it
 * starts on share one mapping: a guard page, the signal stack, a guard
 * page, the glibc stack, then the TEB. The glibc stack is the thread's
 * own (pthread_attr_setstack) so that the mapping's reuse waits for the
 * kernel's word that the thread has ended (thread_reap). */
#define TEB_SIZE 0x2000
#define GLIBC_STACK_SIZE 0x10000
#define TEB_BLOCK_SIZE (2 * PAGE_SIZE_WIN + ALTSTACK_SIZE + GLIBC_STACK_SIZE + TEB_SIZE)

static TEB *teb_alloc(struct thread *t)
{
    uint8_t *p = kept_take(TEB_BLOCK_SIZE);
    if (p)
        memset(p + TEB_BLOCK_SIZE - TEB_SIZE, 0, TEB_SIZE);
    else {
        p = mmap(NULL, TEB_BLOCK_SIZE, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
        mprotect(p, PAGE_SIZE_WIN, PROT_NONE);
        mprotect(p + PAGE_SIZE_WIN + ALTSTACK_SIZE, PAGE_SIZE_WIN, PROT_NONE);
    }
    TEB *teb = (TEB *)(p + TEB_BLOCK_SIZE - TEB_SIZE);
    teb->Tib.Self = teb;
    teb->Peb = nt_peb();
    static pid_t pid;
    if (!pid)
        pid = getpid();
    teb->ClientId.UniqueProcess = (HANDLE)(uintptr_t)pid;
    teb->CurrentLocale = 0x409;
    teb->decant_thread = t;
    teb->TlsLinks.Flink = teb->TlsLinks.Blink = &teb->TlsLinks;
    return teb;
}

static uint8_t *teb_block(TEB *teb) { return (uint8_t *)teb + TEB_SIZE - TEB_BLOCK_SIZE; }
static uint8_t *teb_altstack(TEB *teb) { return teb_block(teb) + PAGE_SIZE_WIN; }
static uint8_t *teb_glibc_stack(TEB *teb)
{
    return teb_altstack(teb) + ALTSTACK_SIZE + PAGE_SIZE_WIN;
}

/* Once its thread has ended (thread_reap), or never ran. Its TLS blocks
 * too: freed by the thread itself, they would make glibc give it a
 * malloc cache of its own to set up and tear down. */
static void teb_free(TEB *teb)
{
    ldr_tls_free_thread(teb);
    free(teb->TlsExpansionSlots);
    if (!kept_put(teb_block(teb), TEB_BLOCK_SIZE))
        munmap(teb_block(teb), TEB_BLOCK_SIZE);
}

/* GS base = p: with the wrgsbase instruction where the kernel allows it
 * (Linux 5.9+ on CPUs that have it), as it says in AT_HWCAP2; that is
 * one system call less per thread. */
static void set_gs_base(void *p)
{
    static int wrgsbase = -1;
    if (wrgsbase < 0)
        wrgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
    if (wrgsbase)
        __asm__ volatile("wrgsbase %0" ::"r"(p) : "memory");
    else
        syscall(SYS_arch_prctl, ARCH_SET_GS, (unsigned long)p);
}

/* `tid` is the thread's own, gettid()'s. */
static void teb_activate(struct thread *t, pid_t tid)
{
    t->teb->ClientId.UniqueThread = (HANDLE)(uintptr_t)tid;
    __atomic_store_n(&t->tid, tid, __ATOMIC_RELEASE);
    set_gs_base(t->teb);
    current_teb = t->teb;
    signal_init_thread(teb_altstack(t->teb));
}

/* A hard guard page, a soft guard below StackLimit that a stack overflow
 * opens to dispatch STATUS_STACK_OVERFLOW in (signal.c), then the stack;
 * recorded for VirtualQuery. */
#define STACK_GUARD 0x10000

static int stack_alloc(struct thread *t, size_t size)
{
    size = (size + 0xffff) & ~(size_t)0xffff;
    if (size < 4 * STACK_GUARD)
        size = 4 * STACK_GUARD;
    uint8_t *p = kept_take(size);
    if (!p) {
        p = mem_map_arena(size, PROT_READ | PROT_WRITE, MAP_NORESERVE | MAP_STACK);
        if (!p)
            return -1;
        mprotect(p, STACK_GUARD, PROT_NONE);
        mem_register_private(p, size, PAGE_READWRITE);
    }
    t->stack = p;
    t->stack_size = size;
    t->teb->DeallocationStack = p;
    t->teb->Tib.StackLimit = p + STACK_GUARD;
    t->teb->Tib.StackBase = p + size;
    return 0;
}

/* Kept only as stack_alloc made it: its soft guard closed, and no page
 * freed or protected by the program (a PAGE_GUARD page of its own). */
static void stack_free(struct thread *t)
{
    if (!t->stack)
        return;
    if (t->teb->Tib.StackLimit != t->stack + STACK_GUARD ||
        !mem_region_is(t->stack, t->stack_size, PAGE_READWRITE) ||
        !kept_put(t->stack, t->stack_size)) {
        mem_unregister(t->stack);
        munmap(t->stack, t->stack_size);
    }
    t->stack = NULL;
}

/* _resetstkoflw: after a stack overflow was handled, close the soft
 * guard again so the next overflow is caught too. 0 if the stack is still
 * in use below the guard's end. */
int thread_reset_stack_guard(void)
{
    TEB *teb = nt_current_teb();
    if (!teb || !teb->DeallocationStack)
        return 0;
    uint8_t *hard_end = (uint8_t *)teb->DeallocationStack + PAGE_SIZE_WIN;
    uint8_t *soft_end = (uint8_t *)teb->DeallocationStack + STACK_GUARD;
    if ((uint8_t *)__builtin_frame_address(0) < soft_end + PAGE_SIZE_WIN)
        return 0;
    if ((uint8_t *)teb->Tib.StackLimit < soft_end) {
        mprotect(hard_end, soft_end - hard_end, PROT_NONE);
        teb->Tib.StackLimit = soft_end;
    }
    return 1;
}

static struct thread *thread_alloc(void)
{
    struct thread *t = calloc(1, sizeof *t);
    object_init(&t->obj, OBJ_THREAD, &thread_ops);
    t->exit_code = STILL_ACTIVE;
    pthread_mutex_init(&t->suspend_lock, NULL);
    t->teb = teb_alloc(t);
    if (!t->teb) {
        free(t);
        return NULL;
    }
    return t;
}

/* Threads past their last step in decant, each with the reference it ran
 * with: until the kernel has zeroed their `alive`, a thread may still be
 * on the glibc stack in its TEB mapping, and until it is `detached`,
 * glibc still lists its descriptor there. Under kept_lock. */
static struct thread *gone;

/* Puts `t` (if any) on that list, and drops the references of the
 * threads on it that have ended, so that their mappings go to the next
 * threads (kept_take). Called as a thread ends and before one is made:
 * the list stays short. */
static void thread_reap(struct thread *t)
{
    struct thread *done = NULL;
    pthread_mutex_lock(&kept_lock);
    for (struct thread **pp = &gone; *pp;) {
        struct thread *g = *pp;
        if (__atomic_load_n(&g->alive, __ATOMIC_ACQUIRE) ||
            !__atomic_load_n(&g->detached, __ATOMIC_ACQUIRE)) {
            pp = &g->next_gone;
            continue;
        }
        *pp = g->next_gone;
        g->next_gone = done;
        done = g;
    }
    if (t) {
        t->next_gone = gone;
        gone = t;
    }
    pthread_mutex_unlock(&kept_lock);
    while (done) {
        struct thread *next = done->next_gone;
        object_put(&done->obj);
        done = next;
    }
}

/* A joiner woken when the thread marks itself exited would, on the same
 * CPU, preempt the thread that still has its last steps to take (glibc's
 * exit, the kernel's): two more context switches per thread. So a lone
 * wait on a thread sleeps on the word the kernel zeroes and wakes at the
 * thread's very end, as pthread_join does, unless it sleeps on another
 * CPU (wake_joiners_elsewhere); waits on several objects are woken by
 * thread_finished. */
int thread_wait_gone(struct thread *t, int64_t timeout)
{
    if (t->is_main)
        return -1;
    /* FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC deadline: a
     * wait woken early goes on with the same one */
    struct timespec until, *up = NULL;
    int64_t now = timeout >= 0 ? clock_ns(CLOCK_MONOTONIC) : 0;
    if (timeout >= 0 && timeout < INT64_MAX - now) {
        until.tv_sec = (now + timeout) / 1000000000;
        until.tv_nsec = (now + timeout) % 1000000000;
        up = &until;
    }
    __atomic_store_n(&t->joiner_cpu, sched_getcpu(), __ATOMIC_RELAXED);
    __atomic_add_fetch(&t->alive_waiters, 1, __ATOMIC_SEQ_CST);
    int v, gone_now;
    while (!(gone_now = __atomic_load_n(&t->exited, __ATOMIC_ACQUIRE)) &&
           (v = __atomic_load_n(&t->alive, __ATOMIC_ACQUIRE)) && timeout) {
        /* not FUTEX_PRIVATE: the kernel's wake at thread exit is a shared
         * one, which a private wait would not match */
        if (BLOCKING(syscall(SYS_futex, &t->alive, FUTEX_WAIT_BITSET, v, up, NULL,
                             FUTEX_BITSET_MATCH_ANY)) < 0 && errno == ETIMEDOUT)
            break;
    }
    gone_now = gone_now || !__atomic_load_n(&t->alive, __ATOMIC_ACQUIRE);
    /* the kernel wakes one waiter: that one wakes the others */
    if (__atomic_sub_fetch(&t->alive_waiters, 1, __ATOMIC_SEQ_CST) && gone_now)
        syscall(SYS_futex, &t->alive, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
    return gone_now;
}

/* Once the thread is marked exited (and its stack kept for the next
 * thread): a lone waiter that sleeps on another CPU may as well run now,
 * beside the rest of this thread's end, which it then does not wait for.
 * One on this CPU would only preempt the thread and have it come back to
 * end: the kernel wakes that one at the very end. */
static void wake_joiners_elsewhere(struct thread *t)
{
    if (__atomic_load_n(&t->alive_waiters, __ATOMIC_SEQ_CST) &&
        __atomic_load_n(&t->joiner_cpu, __ATOMIC_RELAXED) != sched_getcpu())
        syscall(SYS_futex, &t->alive, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

/* The thread is done: signal waiters; the last thread ends the process
 * with its own exit code, as on Windows. */
static void thread_finished(struct thread *t)
{
    pthread_mutex_lock(&sync_lock);
    t->exited = 1;
    sync_abandon_mutexes_locked(t);
    sync_wake_locked(&t->obj);
    sync_unlock();
    if (__atomic_sub_fetch(&live_threads, 1, __ATOMIC_ACQ_REL) == 0)
        process_terminate(t->exit_code);
    stack_free(t);
    wake_joiners_elsewhere(t);
}

struct main_args {
    void (*fn)(void *);
    void *arg;
};

static void main_on_stack(void *p)
{
    struct main_args *a = p;
    a->fn(a->arg);
}

void thread_start_helper(void *(*fn)(void *), void *arg, size_t stack)
{
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old); /* the new thread inherits it */
    pthread_t th;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, stack);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&th, &attr, fn, arg);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void thread_cond_init_monotonic(pthread_cond_t *cond)
{
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(cond, &ca);
    pthread_condattr_destroy(&ca);
}

void thread_init_process(void)
{
    main_thread = thread_alloc();
    if (!main_thread) {
        fprintf(stderr, "decant: out of memory creating the main thread\n");
        exit(1);
    }
    main_thread->is_main = 1;
    main_thread->pthread = pthread_self();
    main_thread->running = 1;
    suspend_init();
    main_thread->obj.refs++; /* the process keeps it */
    live_threads = 1;
    teb_activate(main_thread, gettid());
    ldr_tls_alloc_thread(main_thread->teb);
}

void thread_run_main(size_t stack_reserve, void (*fn)(void *), void *arg)
{
    struct thread *t = main_thread;
    if (stack_reserve < 0x10000)
        stack_reserve = 0x10000;
    default_stack_reserve = stack_reserve;
    if (stack_alloc(t, stack_reserve) < 0) {
        fprintf(stderr, "decant: cannot map a %zu-byte stack\n", stack_reserve);
        exit(1);
    }
    struct main_args a = {fn, arg};
    if (!setjmp(t->exit_jmp))
        call_on_stack(main_on_stack, &a, t->teb->Tib.StackBase);
    /* ExitThread on the main thread: others go on running. */
    suspend_close(t);
    thread_finished(t);
    pthread_exit(NULL);
}


static void thread_on_stack(void *p)
{
    struct thread *t = p;
    ldr_thread_attach();
    DWORD code = call_program_entry(t->start, t->param);
    thread_exit(code);
}

static void *thread_entry(void *p)
{
    struct thread *t = p;
    /* From here the kernel zeroes t->alive when the thread has ended;
     * the call answers the thread's tid too. */
    teb_activate(t, syscall(SYS_set_tid_address, &t->alive));
    syscall_init_thread();
    /* From here a SuspendThread signals the thread, and one that came
     * earlier finds it waiting here, where it may park too. */
    __atomic_store_n(&t->running, 1, __ATOMIC_SEQ_CST);
    blocking_begin();
    futex_wait_nonzero(&t->suspend_count);
    blocking_end();
    if (!setjmp(t->exit_jmp))
        call_on_stack(thread_on_stack, t, t->teb->Tib.StackBase);
    suspend_close(t);
    thread_finished(t);
    /* Its signal stack stays until the thread is gone: the mapping waits
     * for that before it goes to another thread (thread_reap). */
    current_teb = NULL;
    thread_reap(t);
    return NULL;
}

struct thread *thread_create(LPTHREAD_START_ROUTINE start, void *param,
                             size_t stack_size, DWORD flags, NTSTATUS *status)
{
    thread_reap(NULL);
    struct thread *t = thread_alloc();
    if (!t) {
        *status = STATUS_NO_MEMORY;
        return NULL;
    }
    size_t reserve = default_stack_reserve;
    if (flags & STACK_SIZE_PARAM_IS_A_RESERVATION)
        reserve = stack_size ? stack_size : reserve;
    else if (stack_size > reserve)
        reserve = (stack_size + 0xfffff) & ~(size_t)0xfffff;
    if (stack_alloc(t, reserve) < 0) {
        teb_free(t->teb);
        free(t);
        *status = STATUS_NO_MEMORY;
        return NULL;
    }
    t->start = start;
    t->param = param;
    t->suspend_count = flags & CREATE_SUSPENDED ? 1 : 0;
    t->alive = 1;
    ldr_tls_alloc_thread(t->teb); /* here, for the reason teb_free says */
    object_ref(&t->obj); /* the running thread's own reference */
    __atomic_add_fetch(&live_threads, 1, __ATOMIC_ACQ_REL);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstack(&attr, teb_glibc_stack(t->teb), GLIBC_STACK_SIZE);
    kuser_start_clock();
    int err = pthread_create(&t->pthread, &attr, thread_entry, t);
    pthread_attr_destroy(&attr);
    if (err) {
        __atomic_sub_fetch(&live_threads, 1, __ATOMIC_ACQ_REL);
        stack_free(t);
        t->alive = 0;
        t->exited = 1;
        object_put(&t->obj);
        object_put(&t->obj);
        *status = STATUS_NO_MEMORY;
        return NULL;
    }
    /* CreateThread's lpThreadId needs the tid now, before the thread may
     * have run. glibc has it already (clone's CLONE_PARENT_SETTID) and
     * pthread_getcpuclockid encodes it in the clock id by the kernel's
     * rule (CPUCLOCK_PID); the thread is still joinable, so its pthread
     * is valid until detached. A thread that has already exited reports
     * ESRCH, and then its own teb_activate has stored the tid. */
    clockid_t clock;
    if (!pthread_getcpuclockid(t->pthread, &clock) && (pid_t)~(clock >> 3) > 0)
        __atomic_store_n(&t->tid, (pid_t)~(clock >> 3), __ATOMIC_RELEASE);
    pthread_detach(t->pthread);
    __atomic_store_n(&t->detached, 1, __ATOMIC_RELEASE);
    *status = STATUS_SUCCESS;
    return t;
}

void thread_exit(DWORD code)
{
    struct thread *t = nt_current_thread();
    ldr_thread_detach();
    t->exit_code = code;
    longjmp(t->exit_jmp, 1);
}


/* ---- suspension ------------------------------------------------------------
 * A running thread is suspended with a signal, SIG_SUSPEND: its handler
 * records the interrupted state (for Get/SetThreadContext) and parks on
 * the suspend count until ResumeThread brings it to zero; returning from
 * the handler resumes the thread with whatever state SetThreadContext
 * left.
 *
 * The handler parks only at a safe point, where the thread holds none of
 * decant's locks nor glibc's (malloc's arenas, stdio):
 *  - in program code: the interrupted pc lies outside the Linux range
 *    (mem_in_linux_range, the range Syscall User Dispatch exempts), which
 *    holds decant and every Linux library but no Windows code;
 *  - in a blocking call marked with blocking_begin/blocking_end
 *    (blocking.h): a wait, a sleep, a read of a pipe or console.
 * Anywhere else the thread is in decant's code, maybe half-way through
 * NtSetEvent with the sync lock held: parked there, it would hang its
 * suspender as soon as that one needs the lock too (Go's preemptM calls
 * SetEvent between SuspendThread and ResumeThread). Windows never
 * suspends a thread in the middle of a system service either. So the
 * handler only notes that its signal came and returns; the suspender,
 * still waiting for `parked`, sends the signal again (suspend_wait) until
 * one finds the thread back in program code or blocked. A signal that
 * arrives while the thread runs one of decant's own signal handlers (a
 * fault, a raw system call) finds a pc in the Linux range too, and waits
 * likewise. Locks that Windows too keeps in user mode may be held by a
 * parked thread, as there: a critical section, msvcrt's stream locks, the
 * loader lock around DllMain.
 *
 * t->parked is 0 (running), 1 (parked) or 2 (leaving: the count reached
 * zero, and the handler looks at it once more, since a new SuspendThread
 * may have raised it meanwhile). t->suspend_signal is 1 while a signal is
 * on its way, so that a slow thread is not sent a pile of them. A thread
 * whose program code is over sets t->exiting; if a suspender is under
 * way, it blocks the signal, wakes the suspender and goes through
 * suspend_lock once, so that no suspender still waits for it or is about
 * to signal it when it is gone. */
#define SIG_SUSPEND (SIGRTMIN + 1)
#define SUSPEND_QUICK_TRIES 64
#define SUSPEND_QUICK_NS 1000000
#define SUSPEND_RETRY_NS 100000
#define SUSPEND_SPIN_NS 50000

__thread int thread_blocking; /* blocking.h */

static void futex_wake_all(int *word)
{
    syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}

static void futex_wait(int *word, int val, const struct timespec *ts)
{
    syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, val, ts, NULL, 0);
}

static void set_parked(struct thread *t, int state)
{
    __atomic_store_n(&t->parked, state, __ATOMIC_SEQ_CST);
    futex_wake_all(&t->parked);
}

/* In the handler: the suspender may send the next signal. */
static void signal_seen(struct thread *t)
{
    __atomic_store_n(&t->suspend_signal, 0, __ATOMIC_SEQ_CST);
    futex_wake_all(&t->suspend_signal);
}

static void suspend_handler(int sig, siginfo_t *si, void *ctx)
{
    struct thread *t = nt_current_thread();
    ucontext_t *uc = ctx;
    if (!t)
        return;
    uintptr_t pc = uc->uc_mcontext.gregs[REG_RIP];
    int saved_errno = errno; /* of a blocking call, not read yet */
    if (!__atomic_load_n(&t->suspend_count, __ATOMIC_SEQ_CST) ||
        (mem_in_linux_range(pc) && !thread_blocking)) {
        /* resumed already; or in decant's code: sent again soon */
        t->deferred_pc = pc;
        signal_seen(t);
        errno = saved_errno;
        return;
    }
    t->suspend_uc = uc;
    set_parked(t, 1);
    signal_seen(t);
    for (;;) {
        futex_wait_nonzero(&t->suspend_count);
        set_parked(t, 2);
        if (!__atomic_load_n(&t->suspend_count, __ATOMIC_SEQ_CST))
            break;
        set_parked(t, 1); /* suspended again before it could go */
    }
    /* SetThreadContext may have sent it from a blocking call to program
     * code, which is no blocking call */
    if (!mem_in_linux_range(uc->uc_mcontext.gregs[REG_RIP]))
        thread_blocking = 0;
    t->suspend_uc = NULL;
    set_parked(t, 0);
    errno = saved_errno;
}

void suspend_init(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = suspend_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIG_SUSPEND, &sa, NULL);
}

/* The thread has run its last program code: no suspension stops it now.
 * A suspender holds suspend_lock while it signals and waits for the
 * thread, and looks at `exiting` once it holds it: when the lock is free,
 * none is under way and none will signal, so there is no one to wake. */
static void suspend_close(struct thread *t)
{
    __atomic_store_n(&t->exiting, 1, __ATOMIC_SEQ_CST);
    if (!pthread_mutex_trylock(&t->suspend_lock)) {
        pthread_mutex_unlock(&t->suspend_lock);
        return;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIG_SUSPEND);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    futex_wake_all(&t->parked); /* a suspender waiting for us gives up */
    futex_wake_all(&t->suspend_signal);
    pthread_mutex_lock(&t->suspend_lock);
    pthread_mutex_unlock(&t->suspend_lock);
}

DWORD thread_resume(struct thread *t)
{
    pthread_mutex_lock(&t->suspend_lock);
    int prev = __atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE);
    if (prev > 0 && __atomic_sub_fetch(&t->suspend_count, 1, __ATOMIC_SEQ_CST) == 0)
        futex_wake_all(&t->suspend_count);
    pthread_mutex_unlock(&t->suspend_lock);
    return prev;
}

/* Under t->suspend_lock, once the count has gone from 0 to 1: signals the
 * thread until it has parked, or has run its last program code. A signal
 * that found it in decant's code is sent again as soon as its handler has
 * run at first (most of decant's calls are over in microseconds), up to
 * SUSPEND_QUICK_TRIES times in SUSPEND_QUICK_NS, then SUSPEND_RETRY_NS
 * after the handler ran. One signal at a time: a thread that is slow to
 * take it (not scheduled) is not sent a pile of them. */
static void suspend_wait(struct thread *t)
{
    struct timespec retry = {0, SUSPEND_RETRY_NS};
    int64_t start = clock_ns(CLOCK_MONOTONIC);
    int tries = 0, warned = 0;
    for (;;) {
        /* the signal first: a handler clears it after parking */
        int sent = __atomic_load_n(&t->suspend_signal, __ATOMIC_SEQ_CST);
        int parked = __atomic_load_n(&t->parked, __ATOMIC_SEQ_CST);
        if (parked == 1 || __atomic_load_n(&t->exiting, __ATOMIC_SEQ_CST))
            return;
        if (parked == 2) { /* leaving the last suspension: it stays, or goes */
            futex_wait(&t->parked, 2, NULL);
            continue;
        }
        int64_t waited = clock_ns(CLOCK_MONOTONIC) - start;
        if (!sent) {
            if (tries >= SUSPEND_QUICK_TRIES || waited >= SUSPEND_QUICK_NS) {
                /* let it run on in decant's code for a while */
                futex_wait(&t->parked, 0, &retry);
                if (__atomic_load_n(&t->exiting, __ATOMIC_SEQ_CST))
                    return;
            }
            __atomic_store_n(&t->suspend_signal, 1, __ATOMIC_SEQ_CST);
            pthread_kill(t->pthread, SIG_SUSPEND);
            tries++;
        }
        /* until the handler has run (parked or not): on another CPU that
         * is a few microseconds, less than waking up from a futex takes */
        int64_t spun = clock_ns(CLOCK_MONOTONIC);
        while (__atomic_load_n(&t->suspend_signal, __ATOMIC_SEQ_CST) &&
               clock_ns(CLOCK_MONOTONIC) - spun < SUSPEND_SPIN_NS)
            sched_yield();
        futex_wait(&t->suspend_signal, 1, &retry);
        if (!warned && waited > 1000000000ll) {
            warned = 1;
            FIXME("thread %04x has been in decant's code for 1 s, last at %p: "
                  "a blocking call not marked as one? (blocking.h)",
                  t->tid, (void *)t->deferred_pc);
        }
    }
}

DWORD thread_suspend(struct thread *t)
{
    if (t == nt_current_thread()) {
        /* Parked by its own signal inside a blocking call, as another
         * thread would park it. Without the lock: a suspender of this
         * thread may hold it while it waits for the thread to park. */
        int prev = __atomic_fetch_add(&t->suspend_count, 1, __ATOMIC_SEQ_CST);
        blocking_begin();
        syscall(SYS_tgkill, getpid(), t->tid, SIG_SUSPEND);
        blocking_end();
        return prev;
    }
    pthread_mutex_lock(&t->suspend_lock);
    if (t->exited) {
        pthread_mutex_unlock(&t->suspend_lock);
        return (DWORD)-1;
    }
    int prev = __atomic_fetch_add(&t->suspend_count, 1, __ATOMIC_SEQ_CST);
    if (prev == 0 && __atomic_load_n(&t->running, __ATOMIC_SEQ_CST) && !t->exiting)
        suspend_wait(t);
    pthread_mutex_unlock(&t->suspend_lock);
    return prev;
}
