/* ntdll's events and waits over src/nt/sync.c: NtCreateEvent and
 * friends, NtWaitForSingleObject/MultipleObjects, NtDelayExecution,
 * NtYieldExecution. kernel32's CreateEvent, WaitFor..., SleepEx and
 * SwitchToThread are these with Win32 arguments. Tests:
 * tests/programs/ntdll/sync.c. */
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>

#define DEBUG_CHANNEL sync
#include "blocking.h"
#include "debug.h"
#include "ntapi.h"
#include "ntdll_private.h"
#include "object.h"
#include "status.h"
#include "win32.h"

/* The WAIT_* results sync_wait gives are the NTSTATUS values. */
_Static_assert(WAIT_OBJECT_0 == STATUS_WAIT_0 && WAIT_ABANDONED == STATUS_ABANDONED_WAIT_0 &&
                   WAIT_IO_COMPLETION == STATUS_USER_APC && WAIT_TIMEOUT == STATUS_TIMEOUT,
               "wait results");

NTSTATUS WINAPI NtQuerySystemTime(LARGE_INTEGER *t);

/* An NT timeout in nanoseconds, -1 for none: NULL waits forever, a
 * negative time is relative (100 ns units), a positive one an absolute
 * system time (as a FILETIME), already past when it is before now. */
static int64_t timeout_ns(const LARGE_INTEGER *t)
{
    if (!t)
        return -1;
    LONGLONG q = t->QuadPart;
    if (q > 0) {
        LARGE_INTEGER now;
        NtQuerySystemTime(&now);
        q = now.QuadPart - q;
        if (q >= 0)
            return 0;
    }
    if (q < -(INT64_MAX / 100))
        return -1; /* longer than 292 years */
    return -q * 100;
}

static struct object *make_event(const void *arg)
{
    const BOOLEAN *a = arg;
    return event_create(a[0], a[1]);
}

/* NtCreateEvent (ntdll): a name that exists opens that event with
 * OBJ_OPENIF (STATUS_OBJECT_NAME_EXISTS), else is a collision. */
NTSTATUS WINAPI NtCreateEvent(HANDLE *out, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                              EVENT_TYPE type, BOOLEAN initial)
{
    if (type != NotificationEvent && type != SynchronizationEvent)
        return STATUS_INVALID_PARAMETER;
    WCHAR *name;
    NTSTATUS st = ntdll_object_name(attr, &name);
    if (st)
        return st;
    BOOLEAN args[2] = {type == NotificationEvent, !!initial};
    HANDLE h;
    st = object_create_named(OBJ_EVENT, name, make_event, args,
                             attr && attr->Attributes & OBJ_INHERIT, &h);
    free(name);
    if ((st == STATUS_OBJECT_NAME_EXISTS || st == STATUS_OBJECT_TYPE_MISMATCH) &&
        !(attr->Attributes & OBJ_OPENIF)) { /* attr is named, so not NULL */
        if (h)
            handle_close(h);
        return STATUS_OBJECT_NAME_COLLISION;
    }
    if (h)
        *out = h;
    return st;
}

static NTSTATUS with_event(HANDLE h, NTSTATUS (*fn)(struct object *, LONG *), LONG *prev)
{
    struct object *o = handle_ref(h, OBJ_EVENT);
    if (!o)
        return handle_status(h);
    NTSTATUS st = fn(o, prev);
    object_put(o);
    return st;
}

/* NtSetEvent (ntdll) */
NTSTATUS WINAPI NtSetEvent(HANDLE h, LONG *prev) { return with_event(h, event_set, prev); }

/* NtResetEvent (ntdll) */
NTSTATUS WINAPI NtResetEvent(HANDLE h, LONG *prev) { return with_event(h, event_reset, prev); }

/* NtClearEvent (ntdll) */
NTSTATUS WINAPI NtClearEvent(HANDLE h) { return with_event(h, event_reset, NULL); }

/* NtWaitForMultipleObjects (ntdll): the objects' references for the
 * wait; a handle of something no one can wait for is a type mismatch. */
NTSTATUS WINAPI NtWaitForMultipleObjects(ULONG count, const HANDLE *handles, WAIT_TYPE type,
                                         BOOLEAN alertable, const LARGE_INTEGER *timeout)
{
    struct object *objs[64];
    if (!count || count > 64)
        return STATUS_INVALID_PARAMETER_1;
    if (type != WaitAllObject && type != WaitAnyObject)
        return STATUS_INVALID_PARAMETER_3;
    for (ULONG i = 0; i < count; i++) {
        objs[i] = handle_ref(handles[i], 0);
        if (!objs[i] || !objs[i]->ops || !objs[i]->ops->signaled) {
            NTSTATUS st = objs[i] ? STATUS_OBJECT_TYPE_MISMATCH : STATUS_INVALID_HANDLE;
            for (ULONG j = 0; j <= i; j++)
                object_put(objs[j]);
            return st;
        }
    }
    DWORD r = sync_wait_ns(count, objs, type == WaitAllObject, timeout_ns(timeout), alertable);
    for (ULONG i = 0; i < count; i++)
        object_put(objs[i]);
    return r;
}

/* NtWaitForSingleObject (ntdll) */
NTSTATUS WINAPI NtWaitForSingleObject(HANDLE h, BOOLEAN alertable, const LARGE_INTEGER *timeout)
{
    return NtWaitForMultipleObjects(1, &h, WaitAnyObject, alertable, timeout);
}

/* NtYieldExecution (ntdll): Linux does not say whether another thread
 * ran, so never STATUS_NO_YIELD_PERFORMED. */
NTSTATUS WINAPI NtYieldExecution(void)
{
    /* Go spins on it (osyield): a suspension must be able to stop it here */
    BLOCKING(sched_yield());
    return STATUS_SUCCESS;
}

/* NtDelayExecution (ntdll): STATUS_USER_APC when an alertable delay
 * ran APCs; no delay at all gives the processor away once. */
NTSTATUS WINAPI NtDelayExecution(BOOLEAN alertable, const LARGE_INTEGER *timeout)
{
    int64_t ns = timeout_ns(timeout);
    if (sync_wait_ns(0, NULL, FALSE, ns, alertable) == WAIT_IO_COMPLETION)
        return STATUS_USER_APC;
    if (!ns)
        BLOCKING(sched_yield());
    return STATUS_SUCCESS;
}
