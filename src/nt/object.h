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
};

struct object {
    enum object_type type;
    int refs; /* atomic */
    const struct object_ops *ops;
    WCHAR *name; /* named objects (per process) */
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
NTSTATUS handle_close(HANDLE h);
BOOL handle_get_inherit(HANDLE h);
NTSTATUS handle_set_inherit(HANDLE h, BOOL inherit);

/* Named objects: the existing object with that name (referenced), or
 * NULL; object_name() gives a new object its name. */
struct object *object_find_named(const WCHAR *name);
void object_name(struct object *o, const WCHAR *name);

/* The synchronisation core (sync.c). */
extern pthread_mutex_t sync_lock;
/* After changing an object's state under sync_lock: wake the waiters. */
void sync_changed_locked(void);
/* timeout in ms (INFINITE = none). Returns WAIT_OBJECT_0 + i,
 * WAIT_ABANDONED + i, WAIT_TIMEOUT or WAIT_IO_COMPLETION. */
DWORD sync_wait(DWORD count, struct object **objs, BOOL all, DWORD timeout,
                BOOL alertable);

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
