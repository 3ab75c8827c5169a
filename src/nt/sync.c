/* Waitable objects and WaitForMultipleObjects semantics.
 *
 * One process-wide lock guards every waitable object's state, and one
 * futex word (a sequence number) wakes waiters after any change. Waiting
 * on several objects, all-or-any, is then one loop: check under the lock,
 * sleep on the sequence number, repeat. Waiters are counted so a signal
 * with nobody waiting costs no system call. Objects whose state comes from
 * outside (processes) are signalled by the thread that observes the
 * change, through the same path. */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define DEBUG_CHANNEL sync
#include "debug.h"
#include "object.h"
#include "status.h"
#include "thread.h"

pthread_mutex_t sync_lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t sync_seq;
static int sync_waiters;

static long futex(uint32_t *addr, int op, uint32_t val,
                  const struct timespec *ts)
{
    return syscall(SYS_futex, addr, op, val, ts, NULL, 0);
}

void sync_changed_locked(void)
{
    __atomic_add_fetch(&sync_seq, 1, __ATOMIC_RELEASE);
    if (sync_waiters)
        futex(&sync_seq, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

DWORD sync_wait(DWORD count, struct object **objs, BOOL all, DWORD timeout,
                BOOL alertable)
{
    struct thread *self = nt_current_thread();
    int64_t deadline = timeout == INFINITE ? 0 : now_ns() + timeout * 1000000ll;
    (void)alertable;
    for (;;) {
        pthread_mutex_lock(&sync_lock);
        if (all) {
            DWORD ready = 0;
            for (DWORD i = 0; i < count; i++)
                ready += objs[i]->ops->signaled(objs[i], self) ? 1 : 0;
            if (ready == count) {
                int abandoned = 0;
                for (DWORD i = 0; i < count; i++)
                    abandoned |= objs[i]->ops->acquire(objs[i], self);
                sync_changed_locked();
                pthread_mutex_unlock(&sync_lock);
                return abandoned ? WAIT_ABANDONED : WAIT_OBJECT_0;
            }
        } else {
            for (DWORD i = 0; i < count; i++) {
                if (objs[i]->ops->signaled(objs[i], self)) {
                    int abandoned = objs[i]->ops->acquire(objs[i], self);
                    sync_changed_locked();
                    pthread_mutex_unlock(&sync_lock);
                    return (abandoned ? WAIT_ABANDONED : WAIT_OBJECT_0) + i;
                }
            }
        }
        uint32_t seq = __atomic_load_n(&sync_seq, __ATOMIC_ACQUIRE);
        if (timeout == 0) {
            pthread_mutex_unlock(&sync_lock);
            return WAIT_TIMEOUT;
        }
        sync_waiters++;
        pthread_mutex_unlock(&sync_lock);
        struct timespec ts, *tsp = NULL;
        if (timeout != INFINITE) {
            int64_t left = deadline - now_ns();
            if (left <= 0) {
                pthread_mutex_lock(&sync_lock);
                sync_waiters--;
                pthread_mutex_unlock(&sync_lock);
                timeout = 0; /* one last check */
                continue;
            }
            ts.tv_sec = left / 1000000000;
            ts.tv_nsec = left % 1000000000;
            tsp = &ts;
        }
        futex(&sync_seq, FUTEX_WAIT_PRIVATE, seq, tsp);
        pthread_mutex_lock(&sync_lock);
        sync_waiters--;
        pthread_mutex_unlock(&sync_lock);
    }
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
    if (!e->state) {
        e->state = 1;
        sync_changed_locked();
    }
    pthread_mutex_unlock(&sync_lock);
    return STATUS_SUCCESS;
}

NTSTATUS event_reset(struct object *o, LONG *prev)
{
    struct event *e = (struct event *)o;
    pthread_mutex_lock(&sync_lock);
    if (prev)
        *prev = e->state;
    e->state = 0;
    pthread_mutex_unlock(&sync_lock);
    return STATUS_SUCCESS;
}

/* PulseEvent: release the threads waiting now, then reset. Waiters here
 * recheck asynchronously, so let them run before the reset (Windows
 * documents PulseEvent as unreliable; this keeps its common use working). */
NTSTATUS event_pulse(struct object *o)
{
    struct event *e = (struct event *)o;
    pthread_mutex_lock(&sync_lock);
    int waiters = sync_waiters;
    e->state = 1;
    sync_changed_locked();
    pthread_mutex_unlock(&sync_lock);
    if (waiters)
        usleep(1000);
    pthread_mutex_lock(&sync_lock);
    e->state = 0;
    pthread_mutex_unlock(&sync_lock);
    return STATUS_SUCCESS;
}

/* Mutexes: owned recursively by a thread; a thread that exits holding one
 * leaves it abandoned, and the next wait reports WAIT_ABANDONED. */
struct mutex {
    struct object obj;
    struct thread *owner;
    int count, abandoned;
};

static int mutex_signaled(struct object *o, struct thread *t)
{
    struct mutex *m = (struct mutex *)o;
    if (m->owner && m->owner->exited) {
        m->owner = NULL;
        m->count = 0;
        m->abandoned = 1;
    }
    return !m->owner || m->owner == t;
}

static int mutex_acquire(struct object *o, struct thread *t)
{
    struct mutex *m = (struct mutex *)o;
    int ab = m->abandoned;
    m->abandoned = 0;
    m->owner = t;
    m->count++;
    return ab;
}

static const struct object_ops mutex_ops = {NULL, mutex_signaled, mutex_acquire};

struct object *mutex_create(BOOL owned)
{
    struct mutex *m = calloc(1, sizeof *m);
    object_init(&m->obj, OBJ_MUTEX, &mutex_ops);
    if (owned) {
        m->owner = nt_current_thread();
        m->count = 1;
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
            m->owner = NULL;
            sync_changed_locked();
        }
    }
    pthread_mutex_unlock(&sync_lock);
    return st;
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
        sync_changed_locked();
    }
    pthread_mutex_unlock(&sync_lock);
    return st;
}
