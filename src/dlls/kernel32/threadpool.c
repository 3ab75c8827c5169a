/* Thread pools: the Vista API (work, timer and wait objects, simple
 * callbacks, callback instances) and the legacy QueueUserWorkItem and timer
 * queues, all over one process-wide pool. Workers are ordinary decant
 * threads (thread_create: a TEB, a Windows stack, DLL_THREAD_ATTACH); the
 * pool grows by one whenever work is queued and no worker is idle. One
 * Linux thread keeps the timers (it only queues work, never calls the
 * program); each wait object that has been set gets one decant thread that
 * waits for its handle. Callback environments are accepted and their pool
 * ignored: every object runs on the default pool.
 * tests/programs/thread/threadpool.c, tests/programs/thread/timerqueue.c */
#include <errno.h>
#include <string.h>
#include <time.h>

#define DEBUG_CHANNEL thread
#include "debug.h"
#include "clock.h"
#include "kernel32_private.h"
#include "object.h"
#include "thread.h"

BOOL WINAPI ReleaseMutex(HANDLE);
BOOL WINAPI ReleaseSemaphore(HANDLE, LONG, LONG *);

#define MAX_WORKERS 256
#define WT_EXECUTEONLYONCE 0x8
#define INVALID_HANDLE ((HANDLE)(LONG_PTR)-1)

enum tp_kind { TP_SIMPLE, TP_WORK, TP_TIMER, TP_WAIT, TP_LEGACY_TIMER, TP_USER_ITEM };

struct tp_instance {
    HANDLE event, semaphore, mutex;
    LONG sem_count;
    CRITICAL_SECTION *cs;
    HMODULE dll;
    int may_run_long_asked, disassociated;
    struct tp_object *obj;
};

typedef void(WINAPI *tp_callback)(struct tp_instance *, void *, void *, ULONG);

struct tp_object {
    enum tp_kind kind;
    void *callback;
    void *context;
    int refs;          /* pool_lock */
    int queued;        /* jobs in the queue for it */
    int running;       /* callbacks in progress */
    int closed;
    pthread_cond_t idle; /* queued == running == 0 */
    /* timers (pool_lock) */
    int timer_set;
    int expired;       /* a one-shot timer that has fired */
    ULONGLONG due_ns;  /* CLOCK_MONOTONIC */
    DWORD period;
    struct tp_object *next_timer;
    /* waits (their own lock: wait_lock) */
    struct object *wait_target;
    ULONGLONG wait_deadline; /* 0 = none */
    unsigned wait_gen;
    struct object *wait_cancel;
    struct thread *wait_thread;
};

struct tp_job {
    struct tp_job *next;
    struct tp_object *obj;
    ULONG result; /* a wait's WAIT_OBJECT_0 / WAIT_TIMEOUT; TRUE for a timer-queue timer */
};

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_work = PTHREAD_COND_INITIALIZER;
static pthread_cond_t timer_cond;
static pthread_once_t timer_once = PTHREAD_ONCE_INIT;
static struct tp_job *queue_first, *queue_last;
static int workers, idle_workers;
static struct tp_object *timers;

static ULONGLONG now_ns(void) { return (ULONGLONG)clock_ns(CLOCK_MONOTONIC); }

/* A Windows due time: negative = relative, in 100 ns; else an absolute
 * FILETIME (0 = now). */
static ULONGLONG due_to_ns(LONGLONG due)
{
    if (due < 0)
        return now_ns() + (ULONGLONG)-due * 100;
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    LONGLONG now = (LONGLONG)(((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime);
    return now_ns() + (due > now ? (ULONGLONG)(due - now) * 100 : 0);
}

static struct tp_object *tp_new(enum tp_kind kind, void *cb, void *ctx)
{
    struct tp_object *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->kind = kind;
    o->callback = cb;
    o->context = ctx;
    o->refs = 1;
    pthread_cond_init(&o->idle, NULL);
    return o;
}

static void tp_put_locked(struct tp_object *o)
{
    if (--o->refs)
        return;
    pthread_cond_destroy(&o->idle);
    if (o->wait_cancel)
        object_put(o->wait_cancel);
    free(o);
}

static DWORD WINAPI worker_main(void *arg);

/* Under pool_lock. */
static void enqueue_locked(struct tp_object *o, ULONG result)
{
    struct tp_job *j = malloc(sizeof *j);
    j->next = NULL;
    j->obj = o;
    j->result = result;
    o->refs++;
    o->queued++;
    if (queue_last)
        queue_last->next = j;
    else
        queue_first = j;
    queue_last = j;
    if (idle_workers)
        pthread_cond_signal(&pool_work);
    else if (workers < MAX_WORKERS) {
        NTSTATUS st;
        struct thread *t = thread_create(worker_main, NULL, 0, 0, &st);
        if (t) {
            workers++;
            object_put(&t->obj);
        } else
            WARN("no new worker: %#x", (unsigned)st);
    }
}

static void run_instance_actions(struct tp_instance *ci)
{
    if (ci->cs)
        LeaveCriticalSection(ci->cs);
    if (ci->mutex)
        ReleaseMutex(ci->mutex);
    if (ci->semaphore)
        ReleaseSemaphore(ci->semaphore, ci->sem_count, NULL);
    if (ci->event)
        SetEvent(ci->event);
    if (ci->dll)
        FreeLibrary(ci->dll);
}

static DWORD WINAPI worker_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&pool_lock);
    for (;;) {
        while (!queue_first) {
            idle_workers++;
            pthread_cond_wait(&pool_work, &pool_lock);
            idle_workers--;
        }
        struct tp_job *j = queue_first;
        queue_first = j->next;
        if (!queue_first)
            queue_last = NULL;
        struct tp_object *o = j->obj;
        o->queued--;
        o->running++;
        pthread_mutex_unlock(&pool_lock);

        struct tp_instance ci = {.obj = o};
        switch (o->kind) {
        case TP_SIMPLE:
            ((void(WINAPI *)(struct tp_instance *, void *))o->callback)(&ci, o->context);
            break;
        case TP_WORK:
        case TP_TIMER:
            ((void(WINAPI *)(struct tp_instance *, void *, void *))o->callback)(&ci, o->context, o);
            break;
        case TP_WAIT:
            ((tp_callback)o->callback)(&ci, o->context, o, j->result);
            break;
        case TP_LEGACY_TIMER:
            ((void(WINAPI *)(void *, BOOLEAN))o->callback)(o->context, TRUE);
            break;
        case TP_USER_ITEM:
            ((LPTHREAD_START_ROUTINE)o->callback)(o->context);
            break;
        }
        free(j);
        run_instance_actions(&ci);

        pthread_mutex_lock(&pool_lock);
        if (!ci.disassociated)
            o->running--;
        if (!o->running && !o->queued)
            pthread_cond_broadcast(&o->idle);
        tp_put_locked(o);
    }
    return 0;
}

/* Drops the queued jobs of o (cancel) and waits until none runs. */
static void wait_callbacks(struct tp_object *o, BOOL cancel)
{
    pthread_mutex_lock(&pool_lock);
    if (cancel) {
        struct tp_job **p = &queue_first, *last = NULL;
        while (*p) {
            struct tp_job *j = *p;
            if (j->obj == o) {
                *p = j->next;
                o->queued--;
                o->refs--; /* o itself holds one more: never the last */
                free(j);
            } else {
                last = j;
                p = &j->next;
            }
        }
        queue_last = last;
    }
    while (o->queued || o->running)
        pthread_cond_wait(&o->idle, &pool_lock);
    pthread_mutex_unlock(&pool_lock);
}

/* ---- timers: one Linux thread, a list in no order (few timers) ---- */

static void *timer_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&pool_lock);
    for (;;) {
        ULONGLONG now = now_ns(), next = 0;
        for (struct tp_object *t = timers; t; t = t->next_timer) {
            if (!t->timer_set)
                continue;
            if (t->due_ns <= now) {
                enqueue_locked(t, 0);
                if (t->period)
                    t->due_ns = now + (ULONGLONG)t->period * 1000000;
                else {
                    t->timer_set = 0;
                    t->expired = 1;
                }
            }
            if (t->timer_set && (!next || t->due_ns < next))
                next = t->due_ns;
        }
        if (!next)
            pthread_cond_wait(&timer_cond, &pool_lock);
        else {
            struct timespec ts = {next / 1000000000ull, next % 1000000000ull};
            pthread_cond_timedwait(&timer_cond, &pool_lock, &ts);
        }
    }
    return NULL;
}

static void timer_start(void)
{
    thread_cond_init_monotonic(&timer_cond);
    thread_start_helper(timer_main, NULL, 64 * 1024);
}

static void timer_add(struct tp_object *t)
{
    pthread_once(&timer_once, timer_start);
    pthread_mutex_lock(&pool_lock);
    t->next_timer = timers;
    timers = t;
    t->refs++;
    pthread_mutex_unlock(&pool_lock);
}

static void timer_remove(struct tp_object *t)
{
    pthread_mutex_lock(&pool_lock);
    for (struct tp_object **p = &timers; *p; p = &(*p)->next_timer)
        if (*p == t) {
            *p = t->next_timer;
            tp_put_locked(t);
            break;
        }
    pthread_mutex_unlock(&pool_lock);
}

static void timer_set(struct tp_object *t, int set, ULONGLONG due_ns, DWORD period)
{
    pthread_mutex_lock(&pool_lock);
    t->timer_set = set;
    t->expired = 0;
    t->due_ns = due_ns;
    t->period = period;
    pthread_cond_signal(&timer_cond);
    pthread_mutex_unlock(&pool_lock);
}

static void close_object(struct tp_object *o)
{
    pthread_mutex_lock(&pool_lock);
    o->closed = 1;
    tp_put_locked(o);
    pthread_mutex_unlock(&pool_lock);
}

/* CreateThreadpoolWork (kernel32) */
struct tp_object *WINAPI CreateThreadpoolWork(void *callback, void *context, void *env)
{
    (void)env;
    struct tp_object *o = tp_new(TP_WORK, callback, context);
    if (!o)
        set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    return o;
}

/* SubmitThreadpoolWork (kernel32) */
void WINAPI SubmitThreadpoolWork(struct tp_object *work)
{
    pthread_mutex_lock(&pool_lock);
    enqueue_locked(work, 0);
    pthread_mutex_unlock(&pool_lock);
}

/* WaitForThreadpoolWorkCallbacks (kernel32) */
void WINAPI WaitForThreadpoolWorkCallbacks(struct tp_object *work, BOOL cancel)
{
    wait_callbacks(work, cancel);
}

/* CloseThreadpoolWork (kernel32): freed once its callbacks have run. */
void WINAPI CloseThreadpoolWork(struct tp_object *work) { close_object(work); }

/* TrySubmitThreadpoolCallback (kernel32) */
BOOL WINAPI TrySubmitThreadpoolCallback(void *callback, void *context, void *env)
{
    (void)env;
    struct tp_object *o = tp_new(TP_SIMPLE, callback, context);
    if (!o) {
        set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    pthread_mutex_lock(&pool_lock);
    enqueue_locked(o, 0);
    tp_put_locked(o);
    pthread_mutex_unlock(&pool_lock);
    return TRUE;
}

/* CreateThreadpoolTimer (kernel32) */
struct tp_object *WINAPI CreateThreadpoolTimer(void *callback, void *context, void *env)
{
    (void)env;
    struct tp_object *o = tp_new(TP_TIMER, callback, context);
    if (!o) {
        set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    timer_add(o);
    return o;
}

/* SetThreadpoolTimer (kernel32): NULL due time stops the timer; the
 * window (coalescing) is ignored. */
void WINAPI SetThreadpoolTimer(struct tp_object *timer, FILETIME *due, DWORD period,
                               DWORD window)
{
    (void)window;
    if (!due) {
        timer_set(timer, 0, 0, 0);
        return;
    }
    LONGLONG d = (LONGLONG)(((ULONGLONG)due->dwHighDateTime << 32) | due->dwLowDateTime);
    timer_set(timer, 1, due_to_ns(d), period);
}

/* IsThreadpoolTimerSet (kernel32) */
BOOL WINAPI IsThreadpoolTimerSet(struct tp_object *timer)
{
    pthread_mutex_lock(&pool_lock);
    BOOL r = timer->timer_set;
    pthread_mutex_unlock(&pool_lock);
    return r;
}

/* WaitForThreadpoolTimerCallbacks (kernel32) */
void WINAPI WaitForThreadpoolTimerCallbacks(struct tp_object *timer, BOOL cancel)
{
    wait_callbacks(timer, cancel);
}

/* CloseThreadpoolTimer (kernel32): the timer stops; callbacks already
 * queued still run. */
void WINAPI CloseThreadpoolTimer(struct tp_object *timer)
{
    timer_set(timer, 0, 0, 0);
    timer_remove(timer);
    close_object(timer);
}

/* ---- waits: a decant thread per wait object, started on first use ---- */

static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_cond = PTHREAD_COND_INITIALIZER;

static DWORD WINAPI wait_main(void *arg)
{
    struct tp_object *w = arg;
    pthread_mutex_lock(&wait_lock);
    for (;;) {
        while (!w->closed && !w->wait_target)
            pthread_cond_wait(&wait_cond, &wait_lock);
        if (w->closed)
            break;
        struct object *objs[2] = {object_ref(w->wait_target), w->wait_cancel};
        unsigned gen = w->wait_gen;
        ULONGLONG deadline = w->wait_deadline, now = now_ns();
        pthread_mutex_unlock(&wait_lock);
        DWORD ms = !deadline ? INFINITE
                   : deadline <= now ? 0
                                     : (DWORD)((deadline - now + 999999) / 1000000);
        DWORD r = sync_wait(2, objs, FALSE, ms, FALSE);
        object_put(objs[0]);
        pthread_mutex_lock(&wait_lock);
        /* the cancel event only makes us look at the state again */
        if (r != WAIT_OBJECT_0 + 1 && gen == w->wait_gen && w->wait_target) {
            object_put(w->wait_target);
            w->wait_target = NULL;
            pthread_mutex_lock(&pool_lock);
            enqueue_locked(w, r == WAIT_TIMEOUT ? WAIT_TIMEOUT : WAIT_OBJECT_0);
            pthread_mutex_unlock(&pool_lock);
        }
    }
    pthread_mutex_unlock(&wait_lock);
    pthread_mutex_lock(&pool_lock);
    tp_put_locked(w);
    pthread_mutex_unlock(&pool_lock);
    return 0;
}

/* CreateThreadpoolWait (kernel32) */
struct tp_object *WINAPI CreateThreadpoolWait(void *callback, void *context, void *env)
{
    (void)env;
    struct tp_object *o = tp_new(TP_WAIT, callback, context);
    if (!o) {
        set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    o->wait_cancel = event_create(FALSE, FALSE);
    return o;
}

/* SetThreadpoolWait (kernel32): one callback when the handle is signalled
 * or the timeout passes; a NULL handle cancels. */
void WINAPI SetThreadpoolWait(struct tp_object *w, HANDLE h, FILETIME *timeout)
{
    struct object *target = NULL;
    if (h && !(target = handle_ref(h, 0)))
        WARN("SetThreadpoolWait on bad handle %p", h);
    pthread_mutex_lock(&wait_lock);
    if (w->wait_target)
        object_put(w->wait_target);
    w->wait_target = target;
    w->wait_gen++;
    w->wait_deadline = 0;
    if (target && timeout) {
        LONGLONG d = (LONGLONG)(((ULONGLONG)timeout->dwHighDateTime << 32) |
                                timeout->dwLowDateTime);
        w->wait_deadline = due_to_ns(d);
        if (!w->wait_deadline)
            w->wait_deadline = 1;
    }
    if (target && !w->wait_thread) {
        NTSTATUS st;
        pthread_mutex_lock(&pool_lock);
        w->refs++; /* the wait thread's */
        pthread_mutex_unlock(&pool_lock);
        w->wait_thread = thread_create(wait_main, w, 0, 0, &st);
        if (w->wait_thread)
            object_put(&w->wait_thread->obj);
    }
    pthread_cond_broadcast(&wait_cond);
    pthread_mutex_unlock(&wait_lock);
    event_set(w->wait_cancel, NULL);
}

/* WaitForThreadpoolWaitCallbacks (kernel32) */
void WINAPI WaitForThreadpoolWaitCallbacks(struct tp_object *w, BOOL cancel)
{
    wait_callbacks(w, cancel);
}

/* CloseThreadpoolWait (kernel32) */
void WINAPI CloseThreadpoolWait(struct tp_object *w)
{
    pthread_mutex_lock(&wait_lock);
    if (w->wait_target)
        object_put(w->wait_target);
    w->wait_target = NULL;
    w->wait_gen++;
    pthread_mutex_lock(&pool_lock);
    w->closed = 1;
    pthread_mutex_unlock(&pool_lock);
    pthread_cond_broadcast(&wait_cond);
    pthread_mutex_unlock(&wait_lock);
    event_set(w->wait_cancel, NULL);
    close_object(w);
}

/* ---- callback instances ---- */

/* CallbackMayRunLong (kernel32): the pool grows on demand anyway. */
BOOL WINAPI CallbackMayRunLong(struct tp_instance *ci)
{
    ci->may_run_long_asked = 1;
    return TRUE;
}

/* SetEventWhenCallbackReturns (kernel32) */
void WINAPI SetEventWhenCallbackReturns(struct tp_instance *ci, HANDLE ev) { ci->event = ev; }

/* ReleaseSemaphoreWhenCallbackReturns (kernel32) */
void WINAPI ReleaseSemaphoreWhenCallbackReturns(struct tp_instance *ci, HANDLE sem, DWORD n)
{
    ci->semaphore = sem;
    ci->sem_count = n;
}

/* ReleaseMutexWhenCallbackReturns (kernel32) */
void WINAPI ReleaseMutexWhenCallbackReturns(struct tp_instance *ci, HANDLE mutex)
{
    ci->mutex = mutex;
}

/* LeaveCriticalSectionWhenCallbackReturns (kernel32) */
void WINAPI LeaveCriticalSectionWhenCallbackReturns(struct tp_instance *ci,
                                                    CRITICAL_SECTION *cs)
{
    ci->cs = cs;
}

/* FreeLibraryWhenCallbackReturns (kernel32) */
void WINAPI FreeLibraryWhenCallbackReturns(struct tp_instance *ci, HMODULE dll)
{
    ci->dll = dll;
}

/* DisassociateCurrentThreadFromCallback (kernel32): WaitFor*Callbacks no
 * longer waits for the rest of this callback. */
void WINAPI DisassociateCurrentThreadFromCallback(struct tp_instance *ci)
{
    pthread_mutex_lock(&pool_lock);
    if (!ci->disassociated) {
        ci->disassociated = 1;
        struct tp_object *o = ci->obj;
        o->running--;
        if (!o->running && !o->queued)
            pthread_cond_broadcast(&o->idle);
    }
    pthread_mutex_unlock(&pool_lock);
}

/* ---- legacy API ---- */

/* QueueUserWorkItem (kernel32): flags (WT_EXECUTELONGFUNCTION, ...) only
 * hint at thread use; every item runs on the pool. */
BOOL WINAPI QueueUserWorkItem(LPTHREAD_START_ROUTINE fn, void *context, ULONG flags)
{
    (void)flags;
    struct tp_object *o = tp_new(TP_USER_ITEM, (void *)fn, context);
    if (!o) {
        set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    pthread_mutex_lock(&pool_lock);
    enqueue_locked(o, 0);
    tp_put_locked(o);
    pthread_mutex_unlock(&pool_lock);
    return TRUE;
}

/* A timer queue: the set of its timers, so that deleting it deletes them. */
struct timer_queue {
    pthread_mutex_t lock;
    struct qtimer *timers;
};

struct qtimer {
    struct qtimer *next;
    struct timer_queue *queue;
    struct tp_object *timer;
};

static struct timer_queue default_queue = {PTHREAD_MUTEX_INITIALIZER, NULL};

/* CreateTimerQueue (kernel32) */
HANDLE WINAPI CreateTimerQueue(void)
{
    struct timer_queue *q = calloc(1, sizeof *q);
    if (!q) {
        set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    pthread_mutex_init(&q->lock, NULL);
    return q;
}

/* CreateTimerQueueTimer (kernel32): due and period in ms; the callback
 * gets (Parameter, TRUE). */
BOOL WINAPI CreateTimerQueueTimer(HANDLE *out, HANDLE queue, void *callback, void *param,
                                  DWORD due, DWORD period, ULONG flags)
{
    struct timer_queue *q = queue ? queue : &default_queue;
    if (!out || !callback) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    struct qtimer *qt = calloc(1, sizeof *qt);
    struct tp_object *o = qt ? tp_new(TP_LEGACY_TIMER, callback, param) : NULL;
    if (!o) {
        free(qt);
        set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    qt->timer = o;
    qt->queue = q;
    timer_add(o);
    pthread_mutex_lock(&q->lock);
    qt->next = q->timers;
    q->timers = qt;
    pthread_mutex_unlock(&q->lock);
    timer_set(o, 1, now_ns() + (ULONGLONG)due * 1000000,
              flags & WT_EXECUTEONLYONCE ? 0 : period);
    *out = qt;
    return TRUE;
}

/* ChangeTimerQueueTimer (kernel32): a one-shot timer that has fired
 * stays expired, as documented (tests/programs/thread/timerqueue.c). */
BOOL WINAPI ChangeTimerQueueTimer(HANDLE queue, HANDLE timer, ULONG due, ULONG period)
{
    (void)queue;
    struct qtimer *qt = timer;
    if (!qt) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    pthread_mutex_lock(&pool_lock);
    int expired = qt->timer->expired;
    pthread_mutex_unlock(&pool_lock);
    if (!expired)
        timer_set(qt->timer, 1, now_ns() + (ULONGLONG)due * 1000000, period);
    return TRUE;
}

/* Stops and frees a timer; done as DeleteTimerQueueTimer's event says:
 * INVALID_HANDLE_VALUE waits for running callbacks, NULL does not (and
 * answers ERROR_IO_PENDING if one is running), an event is set once they
 * have finished. */
static BOOL delete_qtimer(struct qtimer *qt, HANDLE event)
{
    struct tp_object *o = qt->timer;
    timer_set(o, 0, 0, 0);
    timer_remove(o);
    BOOL ok = TRUE;
    if (event) {
        wait_callbacks(o, TRUE);
        if (event != INVALID_HANDLE)
            SetEvent(event);
    } else {
        pthread_mutex_lock(&pool_lock);
        if (o->running || o->queued)
            ok = FALSE;
        pthread_mutex_unlock(&pool_lock);
    }
    close_object(o);
    free(qt);
    if (!ok)
        set_last_error(ERROR_IO_PENDING);
    return ok;
}

static int unlink_qtimer(struct timer_queue *q, struct qtimer *qt)
{
    int found = 0;
    pthread_mutex_lock(&q->lock);
    for (struct qtimer **p = &q->timers; *p; p = &(*p)->next)
        if (*p == qt) {
            *p = qt->next;
            found = 1;
            break;
        }
    pthread_mutex_unlock(&q->lock);
    return found;
}

/* DeleteTimerQueueTimer (kernel32) */
BOOL WINAPI DeleteTimerQueueTimer(HANDLE queue, HANDLE timer, HANDLE event)
{
    struct timer_queue *q = queue ? queue : &default_queue;
    struct qtimer *qt = timer;
    if (!qt || !unlink_qtimer(q, qt)) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return delete_qtimer(qt, event);
}

/* DeleteTimerQueueEx (kernel32) */
BOOL WINAPI DeleteTimerQueueEx(HANDLE queue, HANDLE event)
{
    struct timer_queue *q = queue;
    if (!q) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    pthread_mutex_lock(&q->lock);
    struct qtimer *list = q->timers;
    q->timers = NULL;
    pthread_mutex_unlock(&q->lock);
    BOOL ok = TRUE;
    while (list) {
        struct qtimer *next = list->next;
        ok &= delete_qtimer(list, event ? INVALID_HANDLE : NULL);
        list = next;
    }
    if (event && event != INVALID_HANDLE)
        SetEvent(event);
    pthread_mutex_destroy(&q->lock);
    free(q);
    if (!ok)
        set_last_error(ERROR_IO_PENDING);
    return ok;
}

/* DeleteTimerQueue (kernel32) */
BOOL WINAPI DeleteTimerQueue(HANDLE queue) { return DeleteTimerQueueEx(queue, NULL); }
