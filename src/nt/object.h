/* Kernel objects behind HANDLEs: a refcounted header with a type, plus
 * hooks that let waitable objects take part in WaitForMultipleObjects. */
#ifndef DECANT_OBJECT_H
#define DECANT_OBJECT_H

#include <pthread.h>
#include "windef.h"

enum object_type {
    OBJ_FILE = 1,
    OBJ_EVENT,
    OBJ_MUTEX,
    OBJ_SEMAPHORE,
    OBJ_THREAD,
    OBJ_PROCESS,
    OBJ_FIND,
    OBJ_MAPPING,
    OBJ_TIMER,
    OBJ_TOKEN,
    OBJ_IOCP,
    OBJ_KEY,
    OBJ_JOB,
};

struct thread;
struct object;

struct object_ops {
    void (*destroy)(struct object *);
    /* Waitable objects: both called with sync_lock held. */
    int (*signaled)(struct object *, struct thread *waiter);
    /* Consume the signal (auto-reset, mutex ownership, semaphore count);
     * returns 1 when the wait is satisfied by an abandoned mutex. */
    int (*acquire)(struct object *, struct thread *waiter);
    /* Optional: the last handle to the object was closed (references
     * may remain, e.g. threads waiting on it). */
    void (*last_handle)(struct object *);
};

struct wait_entry;

struct object {
    enum object_type type;
    int refs;    /* atomic */
    int handles; /* atomic: open handles */
    const struct object_ops *ops;
    WCHAR *name; /* named objects (per process) */
    struct wait_entry *wq_first, *wq_last; /* threads waiting (sync_lock) */
};

void object_init(struct object *o, enum object_type type,
                 const struct object_ops *ops);
struct object *object_ref(struct object *o);
void object_put(struct object *o);

/* Handles: (index + 1) * 4, as Windows numbers them. */
#define CURRENT_PROCESS_HANDLE ((HANDLE)(LONG_PTR)-1)
#define CURRENT_THREAD_HANDLE ((HANDLE)(LONG_PTR)-2)
HANDLE handle_alloc(struct object *o, BOOL inherit);
/* A new reference, or NULL (bad handle or wrong type; type 0 = any). */
struct object *handle_ref(HANDLE h, enum object_type type);
/* The handle value `h` for o (a child recreating what it inherited);
 * -1 if that value is taken. */
int handle_alloc_at(HANDLE h, struct object *o, BOOL inherit);
/* Inheritable handles of one type, with a reference to each object. */
size_t handle_inheritable(enum object_type type, HANDLE *out, struct object **objs,
                          size_t max);
NTSTATUS handle_close(HANDLE h);
/* Why a handle was refused as the wrong type: STATUS_OBJECT_TYPE_MISMATCH
 * for a live handle (pseudo-handles included), else STATUS_INVALID_HANDLE. */
NTSTATUS handle_status(HANDLE h);
BOOL handle_get_inherit(HANDLE h);
NTSTATUS handle_set_inherit(HANDLE h, BOOL inherit);

/* Named objects: the existing object with that name (referenced), or
 * NULL; object_name() gives a new object its name. */
struct object *object_find_named(const WCHAR *name);
void object_name(struct object *o, const WCHAR *name);
/* A new handle (*out) to the object called `name` when there is one:
 * STATUS_OBJECT_NAME_EXISTS, or STATUS_OBJECT_TYPE_MISMATCH and no
 * handle when it is not a `type`; else to make(arg), given the name
 * (none when name is NULL or empty): STATUS_SUCCESS. */
NTSTATUS object_create_named(enum object_type type, const WCHAR *name,
                             struct object *(*make)(const void *), const void *arg,
                             BOOL inherit, HANDLE *out);

/* The synchronisation core (sync.c). */
extern pthread_mutex_t sync_lock;
/* Releases sync_lock, then wakes the threads sync_wake_locked satisfied:
 * every holder of sync_lock releases it this way. */
void sync_unlock(void);
/* Makes those wakes now, under the lock (before waiting on a condition
 * with it). */
void sync_wake_pending(void);
/* After an object may have become signalled, under sync_lock: satisfy
 * the threads queued on it. */
void sync_wake_locked(struct object *o);
/* Under sync_lock, when a thread ends: its mutexes become abandoned. */
void sync_abandon_mutexes_locked(struct thread *t);
/* timeout in ms (INFINITE = none). Returns WAIT_OBJECT_0 + i,
 * WAIT_ABANDONED + i, WAIT_TIMEOUT or WAIT_IO_COMPLETION. */
DWORD sync_wait(DWORD count, struct object **objs, BOOL all, DWORD timeout,
                BOOL alertable);
/* The same with the timeout in nanoseconds (negative = none): NT's
 * 100 ns timeouts keep their precision. */
DWORD sync_wait_ns(DWORD count, struct object **objs, BOOL all, int64_t timeout,
                   BOOL alertable);

/* Asynchronous procedure calls: run by the thread's next alertable wait. */
typedef void(WINAPI *PAPCFUNC)(ULONG_PTR);
NTSTATUS sync_queue_apc(struct thread *t, PAPCFUNC fn, ULONG_PTR arg);
NTSTATUS sync_queue_apc_locked(struct thread *t, PAPCFUNC fn, ULONG_PTR arg);

/* Waitable timers (timer.c). `due` is Windows': negative = relative, in
 * 100 ns; positive = absolute FILETIME. */
typedef void(WINAPI *PTIMERAPCROUTINE)(PVOID, DWORD, DWORD);
struct object *waitable_timer_create(BOOL manual);
NTSTATUS waitable_timer_set(struct object *o, LONGLONG due, LONG period_ms,
                   PTIMERAPCROUTINE apc, PVOID arg);
NTSTATUS waitable_timer_cancel(struct object *o);

/* Waitable object constructors (sync.c). */
struct object *event_create(BOOL manual, BOOL initial);
NTSTATUS event_set(struct object *o, LONG *prev);
NTSTATUS event_reset(struct object *o, LONG *prev);
NTSTATUS event_pulse(struct object *o);
struct object *mutex_create(BOOL owned);
NTSTATUS mutex_release(struct object *o, LONG *prev);
struct object *semaphore_create(LONG initial, LONG max);
NTSTATUS semaphore_release(struct object *o, LONG count, LONG *prev);

#endif
