/* Waitable timers. One timer thread per process, started by the first
 * SetWaitableTimer, sleeps until the earliest due time, signals the timer
 * through the ordinary wait machinery and queues its completion APC to
 * the thread that set it. */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#define DEBUG_CHANNEL sync
#include "debug.h"
#include "clock.h"
#include "object.h"
#include "status.h"
#include "thread.h"

struct timer {
    struct object obj;
    int manual, state;
    int64_t due;          /* CLOCK_MONOTONIC ns; 0 = not set */
    int64_t period;       /* ns, 0 = one-shot */
    PTIMERAPCROUTINE apc;
    PVOID apc_arg;
    struct thread *apc_thread;
    struct timer *next;   /* in the active list */
};

static struct timer *active;
static pthread_cond_t timer_cond;
static pthread_once_t timer_once = PTHREAD_ONCE_INIT;

static int timer_signaled(struct object *o, struct thread *t)
{
    return ((struct timer *)o)->state;
}

static int timer_acquire(struct object *o, struct thread *t)
{
    struct timer *tm = (struct timer *)o;
    if (!tm->manual)
        tm->state = 0; /* a synchronization timer releases one waiter */
    return 0;
}

static void unlink_active(struct timer *t)
{
    for (struct timer **p = &active; *p; p = &(*p)->next)
        if (*p == t) {
            *p = t->next;
            break;
        }
    t->due = 0;
}

static void timer_destroy(struct object *o)
{
    pthread_mutex_lock(&sync_lock);
    unlink_active((struct timer *)o);
    sync_unlock();
    free(o);
}

static const struct object_ops timer_ops = {timer_destroy, timer_signaled, timer_acquire};

struct object *waitable_timer_create(BOOL manual)
{
    struct timer *t = calloc(1, sizeof *t);
    object_init(&t->obj, OBJ_TIMER, &timer_ops);
    t->manual = manual;
    return &t->obj;
}

/* The APC gets the time it runs, as a FILETIME split in two DWORDs. */
struct timer_apc {
    PTIMERAPCROUTINE fn;
    PVOID arg;
};

static void WINAPI timer_apc_trampoline(ULONG_PTR p)
{
    struct timer_apc *ta = (struct timer_apc *)p;
    uint64_t ft = (uint64_t)clock_system_time();
    PTIMERAPCROUTINE fn = ta->fn;
    PVOID arg = ta->arg;
    free(ta);
    fn(arg, (DWORD)ft, (DWORD)(ft >> 32));
}

static void *timer_thread(void *unused)
{
    pthread_mutex_lock(&sync_lock);
    for (;;) {
        int64_t now = clock_ns(CLOCK_MONOTONIC), next = 0;
        for (struct timer *t = active, *n; t; t = n) {
            n = t->next;
            if (t->due > now) {
                if (!next || t->due < next)
                    next = t->due;
                continue;
            }
            t->state = 1;
            sync_wake_locked(&t->obj);
            if (t->apc && t->apc_thread) {
                /* the routine takes three arguments: a record carries them */
                struct timer_apc *ta = malloc(sizeof *ta);
                ta->fn = t->apc;
                ta->arg = t->apc_arg;
                sync_queue_apc_locked(t->apc_thread, timer_apc_trampoline, (ULONG_PTR)ta);
            }
            if (t->period) {
                t->due += t->period;
                if (!next || t->due < next)
                    next = t->due;
            } else {
                unlink_active(t);
            }
        }
        sync_wake_pending();
        if (next) {
            struct timespec ts = {next / 1000000000, next % 1000000000};
            pthread_cond_timedwait(&timer_cond, &sync_lock, &ts);
        } else {
            pthread_cond_wait(&timer_cond, &sync_lock);
        }
    }
    return NULL;
}

static void start_timer_thread(void)
{
    thread_cond_init_monotonic(&timer_cond);
    thread_start_helper(timer_thread, NULL, 64 * 1024);
}

NTSTATUS waitable_timer_set(struct object *o, LONGLONG due, LONG period_ms,
                   PTIMERAPCROUTINE apc, PVOID arg)
{
    struct timer *t = (struct timer *)o;
    pthread_once(&timer_once, start_timer_thread);
    int64_t deadline;
    if (due < 0) {
        deadline = clock_ns(CLOCK_MONOTONIC) + -due * 100;
    } else {
        int64_t now_ft = clock_system_time();
        deadline = clock_ns(CLOCK_MONOTONIC) + (due - now_ft) * 100;
    }
    pthread_mutex_lock(&sync_lock);
    unlink_active(t);
    t->state = 0;
    t->due = deadline > 0 ? deadline : 1;
    t->period = (int64_t)period_ms * 1000000;
    t->apc = apc;
    t->apc_arg = arg;
    t->apc_thread = nt_current_thread();
    t->next = active;
    active = t;
    pthread_cond_signal(&timer_cond);
    sync_unlock();
    return STATUS_SUCCESS;
}

NTSTATUS waitable_timer_cancel(struct object *o)
{
    pthread_mutex_lock(&sync_lock);
    unlink_active((struct timer *)o);
    sync_unlock();
    return STATUS_SUCCESS;
}
