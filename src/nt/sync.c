/* Waitable objects and WaitForMultipleObjects semantics.
 *
 * One process-wide lock guards every waitable object's state and wait
 * queue. A thread that must block queues itself on each object it waits
 * for and sleeps on a futex word of its own. Whoever signals an object
 * satisfies queued waiters right there, in FIFO order, and hands them the
 * signal — so an auto-reset event set twice releases two waiters, and a
 * semaphore released by N wakes exactly N, as on Windows. */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define DEBUG_CHANNEL sync
#include "blocking.h"
#include "clock.h"
#include "debug.h"
#include "object.h"
#include "status.h"
#include "thread.h"

pthread_mutex_t sync_lock = PTHREAD_MUTEX_INITIALIZER;

struct wait_entry {
    struct wait_entry *next, *prev;
    struct waiter *waiter;
};

struct waiter {
    struct thread *thread;
    struct object **objs;
    DWORD count;
    BOOL all;
    DWORD result;   /* WAIT_TIMEOUT until satisfied */
    uint32_t futex; /* 1 once satisfied */
    struct wait_entry entries[64];
};

static long futex(uint32_t *addr, int op, uint32_t val, const struct timespec *ts)
{
    return syscall(SYS_futex, addr, op, val, ts, NULL, 0);
}

static void enqueue(struct object *o, struct wait_entry *e)
{
    e->next = NULL;
    e->prev = o->wq_last;
    if (o->wq_last)
        o->wq_last->next = e;
    else
        o->wq_first = e;
    o->wq_last = e;
}

static void dequeue(struct object *o, struct wait_entry *e)
{
    if (e->prev)
        e->prev->next = e->next;
    else
        o->wq_first = e->next;
    if (e->next)
        e->next->prev = e->prev;
    else
        o->wq_last = e->prev;
}

/* A thread woken under sync_lock usually wants the lock next (to set the
 * event its partner waits for): waking it while still holding the lock
 * makes it sleep again on the lock. So the wakes found under the lock are
 * made by sync_unlock, after releasing it. A waiter's futex word may
 * belong to a wait that has ended by then (it timed out, or saw the word
 * set without sleeping): the wake is then spurious, and every futex wait
 * rechecks its condition. */
#define MAX_PENDING 8
static __thread uint32_t *pending[MAX_PENDING];
static __thread int npending;

static void wake_later(uint32_t *word)
{
    if (npending < MAX_PENDING)
        pending[npending++] = word;
    else
        futex(word, FUTEX_WAKE_PRIVATE, 1, NULL);
}

void sync_wake_pending(void)
{
    int n = npending;
    uint32_t *words[MAX_PENDING];
    memcpy(words, pending, n * sizeof *words);
    npending = 0;
    for (int i = 0; i < n; i++)
        futex(words[i], FUTEX_WAKE_PRIVATE, 1, NULL);
}

void sync_unlock(void)
{
    int n = npending;
    uint32_t *words[MAX_PENDING];
    memcpy(words, pending, n * sizeof *words);
    npending = 0;
    pthread_mutex_unlock(&sync_lock);
    for (int i = 0; i < n; i++)
        futex(words[i], FUTEX_WAKE_PRIVATE, 1, NULL);
}

/* Under sync_lock: take what the wait asks for if it is all there. */
static int try_satisfy(struct waiter *w)
{
    if (w->all) {
        for (DWORD i = 0; i < w->count; i++)
            if (!w->objs[i]->ops->signaled(w->objs[i], w->thread))
                return 0;
        int abandoned = 0;
        for (DWORD i = 0; i < w->count; i++)
            abandoned |= w->objs[i]->ops->acquire(w->objs[i], w->thread);
        w->result = abandoned ? WAIT_ABANDONED : WAIT_OBJECT_0;
        return 1;
    }
    for (DWORD i = 0; i < w->count; i++)
        if (w->objs[i]->ops->signaled(w->objs[i], w->thread)) {
            int abandoned = w->objs[i]->ops->acquire(w->objs[i], w->thread);
            w->result = (abandoned ? WAIT_ABANDONED : WAIT_OBJECT_0) + i;
            return 1;
        }
    return 0;
}

/* Under sync_lock, after `o` may have become signalled. */
void sync_wake_locked(struct object *o)
{
    struct wait_entry *e = o->wq_first;
    while (e && o->ops->signaled(o, e->waiter->thread)) {
        struct wait_entry *next = e->next;
        struct waiter *w = e->waiter;
        if (try_satisfy(w)) {
            for (DWORD i = 0; i < w->count; i++)
                dequeue(w->objs[i], &w->entries[i]);
            __atomic_store_n(&w->futex, 1, __ATOMIC_RELEASE);
            wake_later(&w->futex);
            next = o->wq_first; /* the queue changed under us */
        }
        e = next;
    }
}


/* ---- asynchronous procedure calls ------------------------------------ */

struct apc {
    struct apc *next;
    PAPCFUNC fn;
    ULONG_PTR arg;
};

NTSTATUS sync_queue_apc(struct thread *t, PAPCFUNC fn, ULONG_PTR arg)
{
    pthread_mutex_lock(&sync_lock);
    NTSTATUS st = sync_queue_apc_locked(t, fn, arg);
    sync_unlock();
    return st;
}

NTSTATUS sync_queue_apc_locked(struct thread *t, PAPCFUNC fn, ULONG_PTR arg)
{
    struct apc *a = malloc(sizeof *a);
    if (!a)
        return STATUS_NO_MEMORY;
    a->fn = fn;
    a->arg = arg;
    a->next = NULL;
    struct apc **p = (struct apc **)&t->apcs;
    while (*p)
        p = &(*p)->next;
    *p = a;
    if (t->alertable_wait) { /* interrupt its alertable wait */
        __atomic_store_n(&t->alertable_wait->futex, 1, __ATOMIC_RELEASE);
        wake_later(&t->alertable_wait->futex);
    }
    return STATUS_SUCCESS;
}

/* Runs the thread's queued APCs in order; how many ran. */
static int run_apcs(struct thread *t)
{
    if (!t)
        return 0;
    pthread_mutex_lock(&sync_lock);
    struct apc *a = t->apcs;
    t->apcs = NULL;
    sync_unlock();
    int n = 0;
    while (a) {
        struct apc *next = a->next;
        a->fn(a->arg);
        free(a);
        a = next;
        n++;
    }
    return n;
}

DWORD sync_wait(DWORD count, struct object **objs, BOOL all, DWORD timeout,
                BOOL alertable)
{
    return sync_wait_ns(count, objs, all, timeout == INFINITE ? -1 : timeout * 1000000ll,
                        alertable);
}

DWORD sync_wait_ns(DWORD count, struct object **objs, BOOL all, int64_t timeout,
                   BOOL alertable)
{
    struct waiter w;
    w.thread = nt_current_thread();
    w.objs = objs;
    w.count = count;
    w.all = all;
    w.result = WAIT_TIMEOUT;
    w.futex = 0;
    if (alertable && run_apcs(w.thread))
        return WAIT_IO_COMPLETION;
    if (count == 1 && !alertable && objs[0]->type == OBJ_THREAD) {
        int gone = thread_wait_gone((struct thread *)objs[0], timeout);
        if (gone >= 0)
            return gone ? WAIT_OBJECT_0 : WAIT_TIMEOUT;
    }
    pthread_mutex_lock(&sync_lock);
    if ((count && try_satisfy(&w)) || timeout == 0) {
        sync_unlock();
        return w.result;
    }
    for (DWORD i = 0; i < count; i++) {
        w.entries[i].waiter = &w;
        enqueue(objs[i], &w.entries[i]);
    }
    if (alertable && w.thread)
        w.thread->alertable_wait = &w;
    sync_unlock();

    int64_t now = clock_ns(CLOCK_MONOTONIC);
    if (timeout > INT64_MAX - now)
        timeout = -1; /* centuries: none */
    int64_t deadline = timeout < 0 ? 0 : now + timeout;
    while (!__atomic_load_n(&w.futex, __ATOMIC_ACQUIRE)) {
        struct timespec ts, *tsp = NULL;
        if (timeout >= 0) {
            int64_t left = deadline - clock_ns(CLOCK_MONOTONIC);
            if (left <= 0)
                break;
            ts.tv_sec = left / 1000000000;
            ts.tv_nsec = left % 1000000000;
            tsp = &ts;
        }
        BLOCKING(futex(&w.futex, FUTEX_WAIT_PRIVATE, 0, tsp));
    }
    /* Satisfied: the waker has dequeued us and set the result. Taking the
     * lock anyway would collide with the waker, which still holds it. */
    if (!alertable && __atomic_load_n(&w.futex, __ATOMIC_ACQUIRE))
        return w.result;
    pthread_mutex_lock(&sync_lock);
    if (alertable && w.thread)
        w.thread->alertable_wait = NULL;
    int satisfied = w.result != WAIT_TIMEOUT;
    if (!satisfied) /* timed out or interrupted by an APC: leave the queues */
        for (DWORD i = 0; i < count; i++)
            dequeue(objs[i], &w.entries[i]);
    sync_unlock();
    if (!satisfied && alertable && run_apcs(w.thread))
        return WAIT_IO_COMPLETION;
    return w.result;
}

/* Events */
struct event {
    struct object obj;
    int manual, state;
};

static int event_signaled(struct object *o, struct thread *t)
{
    return ((struct event *)o)->state;
}

static int event_acquire(struct object *o, struct thread *t)
{
    struct event *e = (struct event *)o;
    if (!e->manual)
        e->state = 0;
    return 0;
}

static const struct object_ops event_ops = {NULL, event_signaled, event_acquire};

struct object *event_create(BOOL manual, BOOL initial)
{
    struct event *e = calloc(1, sizeof *e);
    object_init(&e->obj, OBJ_EVENT, &event_ops);
    e->manual = manual;
    e->state = initial ? 1 : 0;
    return &e->obj;
}

NTSTATUS event_set(struct object *o, LONG *prev)
{
    struct event *e = (struct event *)o;
    pthread_mutex_lock(&sync_lock);
    if (prev)
        *prev = e->state;
    e->state = 1;
    sync_wake_locked(o);
    sync_unlock();
    return STATUS_SUCCESS;
}

NTSTATUS event_reset(struct object *o, LONG *prev)
{
    struct event *e = (struct event *)o;
    pthread_mutex_lock(&sync_lock);
    if (prev)
        *prev = e->state;
    e->state = 0;
    sync_unlock();
    return STATUS_SUCCESS;
}

/* PulseEvent: release the threads waiting now (all of them, or one for an
 * auto-reset event), then leave the event unsignalled. */
NTSTATUS event_pulse(struct object *o)
{
    struct event *e = (struct event *)o;
    pthread_mutex_lock(&sync_lock);
    e->state = 1;
    sync_wake_locked(o);
    e->state = 0;
    sync_unlock();
    return STATUS_SUCCESS;
}

/* Mutexes: owned recursively by a thread; a thread that exits holding one
 * leaves it abandoned, and the next wait reports WAIT_ABANDONED. */
struct mutex {
    struct object obj;
    struct thread *owner;
    struct mutex *next_owned; /* in the owner's list */
    int count, abandoned;
};

static void unlink_owned(struct mutex *m)
{
    if (!m->owner)
        return;
    for (struct mutex **p = (struct mutex **)&m->owner->owned_mutexes; *p;
         p = &(*p)->next_owned)
        if (*p == m) {
            *p = m->next_owned;
            break;
        }
}

static int mutex_signaled(struct object *o, struct thread *t)
{
    struct mutex *m = (struct mutex *)o;
    return !m->owner || m->owner == t;
}

static int mutex_acquire(struct object *o, struct thread *t)
{
    struct mutex *m = (struct mutex *)o;
    int ab = m->abandoned;
    m->abandoned = 0;
    if (m->owner != t) {
        m->owner = t;
        if (t) {
            m->next_owned = t->owned_mutexes;
            t->owned_mutexes = m;
        }
    }
    m->count++;
    return ab;
}

static void mutex_destroy(struct object *o)
{
    pthread_mutex_lock(&sync_lock);
    unlink_owned((struct mutex *)o);
    sync_unlock();
    free(o);
}

static const struct object_ops mutex_ops = {mutex_destroy, mutex_signaled, mutex_acquire};

struct object *mutex_create(BOOL owned)
{
    struct mutex *m = calloc(1, sizeof *m);
    object_init(&m->obj, OBJ_MUTEX, &mutex_ops);
    if (owned) {
        pthread_mutex_lock(&sync_lock);
        mutex_acquire(&m->obj, nt_current_thread());
        sync_unlock();
    }
    return &m->obj;
}

NTSTATUS mutex_release(struct object *o, LONG *prev)
{
    struct mutex *m = (struct mutex *)o;
    NTSTATUS st = STATUS_SUCCESS;
    pthread_mutex_lock(&sync_lock);
    if (m->owner != nt_current_thread() || !m->count) {
        st = STATUS_MUTANT_NOT_OWNED;
    } else {
        if (prev)
            *prev = m->count;
        if (!--m->count) {
            unlink_owned(m);
            m->owner = NULL;
            sync_wake_locked(o);
        }
    }
    sync_unlock();
    return st;
}

/* Under sync_lock, when thread t ends: its mutexes become abandoned. */
void sync_abandon_mutexes_locked(struct thread *t)
{
    struct mutex *m;
    while ((m = t->owned_mutexes)) {
        t->owned_mutexes = m->next_owned;
        m->owner = NULL;
        m->count = 0;
        m->abandoned = 1;
        sync_wake_locked(&m->obj);
    }
}

/* Semaphores */
struct semaphore {
    struct object obj;
    LONG count, max;
};

static int sem_signaled(struct object *o, struct thread *t)
{
    return ((struct semaphore *)o)->count > 0;
}

static int sem_acquire(struct object *o, struct thread *t)
{
    ((struct semaphore *)o)->count--;
    return 0;
}

static const struct object_ops sem_ops = {NULL, sem_signaled, sem_acquire};

struct object *semaphore_create(LONG initial, LONG max)
{
    struct semaphore *s = calloc(1, sizeof *s);
    object_init(&s->obj, OBJ_SEMAPHORE, &sem_ops);
    s->count = initial;
    s->max = max;
    return &s->obj;
}

NTSTATUS semaphore_release(struct object *o, LONG count, LONG *prev)
{
    struct semaphore *s = (struct semaphore *)o;
    NTSTATUS st = STATUS_SUCCESS;
    pthread_mutex_lock(&sync_lock);
    if (count <= 0 || (int64_t)s->count + count > s->max) {
        st = count <= 0 ? STATUS_INVALID_PARAMETER : STATUS_SEMAPHORE_LIMIT_EXCEEDED;
    } else {
        if (prev)
            *prev = s->count;
        s->count += count;
        sync_wake_locked(o);
    }
    sync_unlock();
    return st;
}
