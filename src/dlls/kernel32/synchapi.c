/* synchapi: waits, events, mutexes, semaphores, critical sections, SRW
 * locks, condition variables, one-time init and WaitOnAddress. The
 * in-memory primitives are futexes on the program's own memory with the
 * Windows layouts (DESIGN.md §9); handle objects go through nt/sync.c. */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sched.h>
#include <string.h>
#include <sys/single_threaded.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define DEBUG_CHANNEL sync
#include "blocking.h"
#include "critsec.h"
#include "debug.h"
#include "kernel32_private.h"
#include "ntapi.h"
#include "object.h"
#include "thread.h"

static long futex(void *addr, int op, uint32_t val, const struct timespec *ts)
{
    return syscall(SYS_futex, addr, op, val, ts, NULL, 0);
}

static struct timespec *ms_timeout(DWORD ms, struct timespec *ts)
{
    if (ms == INFINITE)
        return NULL;
    ts->tv_sec = ms / 1000;
    ts->tv_nsec = (ms % 1000) * 1000000l;
    return ts;
}

/* ---- waits ---------------------------------------------------------------- */

/* A Win32 timeout in ms as NT's: none for INFINITE, else relative. */
static LARGE_INTEGER *nt_timeout(DWORD ms, LARGE_INTEGER *t)
{
    if (ms == INFINITE)
        return NULL;
    t->QuadPart = -(LONGLONG)ms * 10000;
    return t;
}

/* A wait's NTSTATUS is its WAIT_* result; WAIT_FAILED for an error. */
static DWORD wait_result(NTSTATUS st)
{
    if (NT_ERROR(st)) {
        set_ntstatus(st);
        return WAIT_FAILED;
    }
    return st;
}

/* WaitForMultipleObjectsEx (kernel32) */
DWORD WINAPI WaitForMultipleObjectsEx(DWORD count, const HANDLE *handles,
                                      BOOL all, DWORD timeout, BOOL alertable)
{
    LARGE_INTEGER t;
    return wait_result(NtWaitForMultipleObjects(count, handles,
                                                all ? WaitAllObject : WaitAnyObject,
                                                alertable, nt_timeout(timeout, &t)));
}

/* WaitForMultipleObjects (kernel32) */
DWORD WINAPI WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL all,
                                    DWORD timeout)
{
    return WaitForMultipleObjectsEx(count, handles, all, timeout, FALSE);
}

/* WaitForSingleObjectEx (kernel32) */
DWORD WINAPI WaitForSingleObjectEx(HANDLE h, DWORD timeout, BOOL alertable)
{
    LARGE_INTEGER t;
    return wait_result(NtWaitForSingleObject(h, alertable, nt_timeout(timeout, &t)));
}

/* WaitForSingleObject (kernel32) */
DWORD WINAPI WaitForSingleObject(HANDLE h, DWORD timeout)
{
    return WaitForSingleObjectEx(h, timeout, FALSE);
}

/* SleepEx (kernel32): WAIT_IO_COMPLETION when an APC ran. */
DWORD WINAPI SleepEx(DWORD ms, BOOL alertable)
{
    LARGE_INTEGER t;
    return NtDelayExecution(alertable, nt_timeout(ms, &t)) == STATUS_USER_APC
               ? WAIT_IO_COMPLETION
               : 0;
}

/* Sleep (kernel32) */
void WINAPI Sleep(DWORD ms) { SleepEx(ms, FALSE); }

/* SwitchToThread (kernel32) */
BOOL WINAPI SwitchToThread(void) { return NtYieldExecution() != STATUS_NO_YIELD_PERFORMED; }

/* ---- events, mutexes, semaphores -------------------------------------- */

/* A new handle to the named object that exists, or to make(arg) under
 * that name. Windows sets the last error either way (0 or ALREADY_EXISTS). */
static HANDLE create_named(struct object *(*make)(const void *), const void *arg,
                           enum object_type type, const WCHAR *name,
                           SECURITY_ATTRIBUTES *sa)
{
    HANDLE h;
    NTSTATUS st = object_create_named(type, name, make, arg, sa && sa->bInheritHandle, &h);
    set_last_error(status_to_win32(st));
    return h;
}

static HANDLE open_named(enum object_type type, BOOL inherit, const WCHAR *name)
{
    if (!name) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct object *o = object_find_named(name);
    if (!o) {
        set_last_error(ERROR_FILE_NOT_FOUND);
        return NULL;
    }
    if (o->type != type) {
        object_put(o);
        set_last_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    HANDLE h = handle_alloc(o, inherit);
    object_put(o);
    return h;
}

/* CreateEventExW (kernel32): NtCreateEvent with the name in this
 * session's \BaseNamedObjects, where Windows puts a Win32 name. */
HANDLE WINAPI CreateEventExW(SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags,
                             DWORD access)
{
    static const WCHAR dir[] = u"\\Sessions\\1\\BaseNamedObjects\\";
    UNICODE_STRING us = {0};
    OBJECT_ATTRIBUTES attr = {sizeof attr, NULL, NULL, OBJ_OPENIF, NULL, NULL};
    WCHAR *full = NULL;
    if (name && *name) {
        size_t d = wstr_len(dir), n = wstr_len(name);
        full = malloc((d + n) * sizeof(WCHAR));
        memcpy(full, dir, d * sizeof(WCHAR));
        memcpy(full + d, name, n * sizeof(WCHAR));
        us.Buffer = full;
        us.Length = us.MaximumLength = (USHORT)((d + n) * sizeof(WCHAR));
        attr.ObjectName = &us;
    }
    if (sa && sa->bInheritHandle)
        attr.Attributes |= OBJ_INHERIT;
    HANDLE h = NULL;
    NTSTATUS st = NtCreateEvent(&h, access, &attr,
                                flags & CREATE_EVENT_MANUAL_RESET ? NotificationEvent
                                                                  : SynchronizationEvent,
                                !!(flags & CREATE_EVENT_INITIAL_SET));
    free(full);
    set_last_error(status_to_win32(st));
    return h;
}

/* CreateEventW (kernel32) */
HANDLE WINAPI CreateEventW(SECURITY_ATTRIBUTES *sa, BOOL manual, BOOL initial,
                           LPCWSTR name)
{
    return CreateEventExW(sa, name, (manual ? CREATE_EVENT_MANUAL_RESET : 0) |
                                        (initial ? CREATE_EVENT_INITIAL_SET : 0),
                          EVENT_ALL_ACCESS);
}

/* CreateEventA (kernel32) */
HANDLE WINAPI CreateEventA(SECURITY_ATTRIBUTES *sa, BOOL manual, BOOL initial,
                           LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = CreateEventW(sa, manual, initial, w);
    free(w);
    return h;
}

/* CreateEventExA (kernel32) */
HANDLE WINAPI CreateEventExA(SECURITY_ATTRIBUTES *sa, LPCSTR name, DWORD flags,
                             DWORD access)
{
    return CreateEventA(sa, !!(flags & CREATE_EVENT_MANUAL_RESET),
                        !!(flags & CREATE_EVENT_INITIAL_SET), name);
}

/* OpenEventW (kernel32) */
HANDLE WINAPI OpenEventW(DWORD access, BOOL inherit, LPCWSTR name)
{
    return open_named(OBJ_EVENT, inherit, name);
}

/* OpenEventA (kernel32) */
HANDLE WINAPI OpenEventA(DWORD access, BOOL inherit, LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = OpenEventW(access, inherit, w);
    free(w);
    return h;
}

static BOOL with_object(HANDLE h, enum object_type type,
                        NTSTATUS (*fn)(struct object *, LONG *), LONG *prev)
{
    struct object *o = handle_ref(h, type);
    if (!o)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    NTSTATUS st = fn(o, prev);
    object_put(o);
    return set_ntstatus(st);
}

/* SetEvent (kernel32) */
BOOL WINAPI SetEvent(HANDLE h) { return set_ntstatus(NtSetEvent(h, NULL)); }

/* ResetEvent (kernel32) */
BOOL WINAPI ResetEvent(HANDLE h) { return set_ntstatus(NtResetEvent(h, NULL)); }

static NTSTATUS pulse(struct object *o, LONG *unused) { return event_pulse(o); }

/* PulseEvent (kernel32) */
BOOL WINAPI PulseEvent(HANDLE h) { return with_object(h, OBJ_EVENT, pulse, NULL); }

static struct object *make_mutex(const void *p) { return mutex_create(*(const BOOL *)p); }

/* CreateMutexW (kernel32) */
HANDLE WINAPI CreateMutexW(SECURITY_ATTRIBUTES *sa, BOOL owned, LPCWSTR name)
{
    return create_named(make_mutex, &owned, OBJ_MUTEX, name, sa);
}

/* CreateMutexA (kernel32) */
HANDLE WINAPI CreateMutexA(SECURITY_ATTRIBUTES *sa, BOOL owned, LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = CreateMutexW(sa, owned, w);
    free(w);
    return h;
}

/* CreateMutexExW (kernel32) */
HANDLE WINAPI CreateMutexExW(SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags,
                             DWORD access)
{
    return CreateMutexW(sa, flags & 1 /* CREATE_MUTEX_INITIAL_OWNER */, name);
}

/* OpenMutexW (kernel32) */
HANDLE WINAPI OpenMutexW(DWORD access, BOOL inherit, LPCWSTR name)
{
    return open_named(OBJ_MUTEX, inherit, name);
}

/* ReleaseMutex (kernel32) */
BOOL WINAPI ReleaseMutex(HANDLE h)
{
    return with_object(h, OBJ_MUTEX, mutex_release, NULL);
}

struct sem_args { LONG initial, max; };
static struct object *make_sem(const void *p)
{
    const struct sem_args *a = p;
    return semaphore_create(a->initial, a->max);
}

/* CreateSemaphoreW (kernel32) */
HANDLE WINAPI CreateSemaphoreW(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max,
                               LPCWSTR name)
{
    if (max <= 0 || initial < 0 || initial > max) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct sem_args a = {initial, max};
    return create_named(make_sem, &a, OBJ_SEMAPHORE, name, sa);
}

/* CreateSemaphoreA (kernel32) */
HANDLE WINAPI CreateSemaphoreA(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max,
                               LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = CreateSemaphoreW(sa, initial, max, w);
    free(w);
    return h;
}

/* CreateSemaphoreExW (kernel32) */
HANDLE WINAPI CreateSemaphoreExW(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max,
                                 LPCWSTR name, DWORD flags, DWORD access)
{
    return CreateSemaphoreW(sa, initial, max, name);
}

/* OpenSemaphoreW (kernel32) */
HANDLE WINAPI OpenSemaphoreW(DWORD access, BOOL inherit, LPCWSTR name)
{
    return open_named(OBJ_SEMAPHORE, inherit, name);
}

/* ReleaseSemaphore (kernel32) */
BOOL WINAPI ReleaseSemaphore(HANDLE h, LONG count, LONG *prev)
{
    struct object *o = handle_ref(h, OBJ_SEMAPHORE);
    if (!o)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    NTSTATUS st = semaphore_release(o, count, prev);
    object_put(o);
    return set_ntstatus(st);
}

/* SignalObjectAndWait (kernel32) */
DWORD WINAPI SignalObjectAndWait(HANDLE signal, HANDLE wait, DWORD timeout,
                                 BOOL alertable)
{
    struct object *o = handle_ref(signal, 0);
    if (!o) {
        set_last_error(ERROR_INVALID_HANDLE);
        return WAIT_FAILED;
    }
    NTSTATUS st = o->type == OBJ_EVENT ? event_set(o, NULL)
                : o->type == OBJ_MUTEX ? mutex_release(o, NULL)
                : o->type == OBJ_SEMAPHORE ? semaphore_release(o, 1, NULL)
                                           : STATUS_OBJECT_TYPE_MISMATCH;
    object_put(o);
    if (st) {
        set_ntstatus(st);
        return WAIT_FAILED;
    }
    return WaitForSingleObjectEx(wait, timeout, alertable);
}

/* ---- waitable timers --------------------------------------------------- */

static struct object *make_timer(const void *p)
{
    return waitable_timer_create(*(const BOOL *)p);
}

/* CreateWaitableTimerW (kernel32) */
HANDLE WINAPI CreateWaitableTimerW(SECURITY_ATTRIBUTES *sa, BOOL manual, LPCWSTR name)
{
    return create_named(make_timer, &manual, OBJ_TIMER, name, sa);
}

/* CreateWaitableTimerA (kernel32) */
HANDLE WINAPI CreateWaitableTimerA(SECURITY_ATTRIBUTES *sa, BOOL manual, LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = CreateWaitableTimerW(sa, manual, w);
    free(w);
    return h;
}

/* CreateWaitableTimerExW (kernel32) */
HANDLE WINAPI CreateWaitableTimerExW(SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags,
                                     DWORD access)
{
    return CreateWaitableTimerW(sa, flags & 1 /* CREATE_WAITABLE_TIMER_MANUAL_RESET */,
                                name);
}

/* OpenWaitableTimerW (kernel32) */
HANDLE WINAPI OpenWaitableTimerW(DWORD access, BOOL inherit, LPCWSTR name)
{
    return open_named(OBJ_TIMER, inherit, name);
}

/* SetWaitableTimer (kernel32) */
BOOL WINAPI SetWaitableTimer(HANDLE h, const LARGE_INTEGER *due, LONG period,
                             PTIMERAPCROUTINE apc, LPVOID arg, BOOL resume)
{
    struct object *o = handle_ref(h, OBJ_TIMER);
    if (!o)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    NTSTATUS st = waitable_timer_set(o, due->QuadPart, period, apc, arg);
    object_put(o);
    return set_ntstatus(st);
}

/* SetWaitableTimerEx (kernel32) */
BOOL WINAPI SetWaitableTimerEx(HANDLE h, const LARGE_INTEGER *due, LONG period,
                               PTIMERAPCROUTINE apc, LPVOID arg, void *reason, ULONG delay)
{
    return SetWaitableTimer(h, due, period, apc, arg, FALSE);
}

/* CancelWaitableTimer (kernel32) */
BOOL WINAPI CancelWaitableTimer(HANDLE h)
{
    struct object *o = handle_ref(h, OBJ_TIMER);
    if (!o)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    NTSTATUS st = waitable_timer_cancel(o);
    object_put(o);
    return set_ntstatus(st);
}

/* ---- critical sections ------------------------------------------------
 * LockCount is -1 when free and counts the owner and the threads waiting
 * for it; a recursive Enter only raises RecursionCount, as on Windows since
 * Vista, so it needs no atomic instruction. The low 32 bits of
 * LockSemaphore are a futex semaphore that Leave posts to when someone
 * waits.
 *
 * While the process has a single thread (glibc's __libc_single_threaded,
 * false for good from the first pthread_create, decant's own helper
 * threads included) nothing can race, so LockCount changes without a lock
 * prefix, as glibc's own mutexes do: bench/critsec measures an
 * uncontended Enter+Leave against exactly that. */

static uint32_t *cs_sem(CRITICAL_SECTION *cs) { return (uint32_t *)&cs->LockSemaphore; }

/* Enter's count: TRUE if the lock was free. */
static BOOL cs_count_up(CRITICAL_SECTION *cs)
{
    if (__libc_single_threaded)
        return ++cs->LockCount == 0;
    return __atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_SEQ_CST) == 0;
}

/* Leave's count: TRUE if someone waits. */
static BOOL cs_count_down(CRITICAL_SECTION *cs)
{
    if (__libc_single_threaded)
        return --cs->LockCount >= 0;
    return __atomic_sub_fetch(&cs->LockCount, 1, __ATOMIC_SEQ_CST) >= 0;
}

static void cs_set_owner(CRITICAL_SECTION *cs, HANDLE owner)
{
    __atomic_store_n(&cs->OwningThread, owner, __ATOMIC_RELAXED);
}

/* InitializeCriticalSectionEx (kernel32) */
BOOL WINAPI InitializeCriticalSectionEx(CRITICAL_SECTION *cs, DWORD spin,
                                        DWORD flags)
{
    memset(cs, 0, sizeof *cs);
    cs->DebugInfo = (PVOID)(LONG_PTR)-1; /* no debug info, as Windows 8+ */
    cs->LockCount = -1;
    cs->SpinCount = spin & 0xffffff;
    return TRUE;
}

/* InitializeCriticalSectionAndSpinCount (kernel32) */
BOOL WINAPI InitializeCriticalSectionAndSpinCount(CRITICAL_SECTION *cs, DWORD spin)
{
    return InitializeCriticalSectionEx(cs, spin, 0);
}

/* InitializeCriticalSection (kernel32) */
void WINAPI InitializeCriticalSection(CRITICAL_SECTION *cs)
{
    InitializeCriticalSectionEx(cs, 0, 0);
}

/* SetCriticalSectionSpinCount (kernel32) */
DWORD WINAPI SetCriticalSectionSpinCount(CRITICAL_SECTION *cs, DWORD spin)
{
    DWORD old = cs->SpinCount;
    cs->SpinCount = spin;
    return old;
}

/* DeleteCriticalSection (kernel32) */
void WINAPI DeleteCriticalSection(CRITICAL_SECTION *cs)
{
    cs->DebugInfo = NULL;
}

/* The contended halves, out of line and in the Windows ABI, reached by
 * tail calls: a call into Linux (System V) code makes an ms_abi function
 * save xmm6-15, rsi and rdi on entry, and any call a frame, which the
 * uncontended Enter and Leave should not pay. */
static void WINAPI __attribute__((noinline)) cs_wait(CRITICAL_SECTION *cs, HANDLE me)
{
    uint32_t *sem = cs_sem(cs);
    for (;;) {
        uint32_t v = __atomic_load_n(sem, __ATOMIC_ACQUIRE);
        if (v && __atomic_compare_exchange_n(sem, &v, v - 1, 0, __ATOMIC_ACQUIRE,
                                             __ATOMIC_RELAXED))
            break;
        if (!v)
            BLOCKING(futex(sem, FUTEX_WAIT_PRIVATE, 0, NULL));
    }
    cs_set_owner(cs, me);
    cs->RecursionCount = 1;
}

static void WINAPI __attribute__((noinline)) cs_wake(CRITICAL_SECTION *cs)
{
    __atomic_add_fetch(cs_sem(cs), 1, __ATOMIC_RELEASE);
    futex(cs_sem(cs), FUTEX_WAKE_PRIVATE, 1, NULL);
}

/* EnterCriticalSection (kernel32) */
void WINAPI EnterCriticalSection(CRITICAL_SECTION *cs)
{
    HANDLE me = cs_self();
    if (__builtin_expect(cs_held(cs), 0)) {
        cs->RecursionCount++;
        return;
    }
    if (__builtin_expect(!cs_count_up(cs), 0))
        return cs_wait(cs, me);
    cs_set_owner(cs, me);
    cs->RecursionCount = 1;
}

/* TryEnterCriticalSection (kernel32) */
BOOL WINAPI TryEnterCriticalSection(CRITICAL_SECTION *cs)
{
    HANDLE me = cs_self();
    LONG expect = -1;
    if (cs_held(cs)) {
        cs->RecursionCount++;
        return TRUE;
    }
    if (!__atomic_compare_exchange_n(&cs->LockCount, &expect, 0, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        return FALSE;
    cs_set_owner(cs, me);
    cs->RecursionCount = 1;
    return TRUE;
}

/* LeaveCriticalSection (kernel32) */
void WINAPI LeaveCriticalSection(CRITICAL_SECTION *cs)
{
    LONG depth = cs->RecursionCount - 1;
    if (__builtin_expect(depth != 0, 0)) {
        /* still held, or not entered: ignored, as Wine does */
        cs->RecursionCount = depth > 0 ? depth : 0;
        return;
    }
    cs->RecursionCount = 0;
    cs_set_owner(cs, 0);
    if (__builtin_expect(cs_count_down(cs), 0))
        return cs_wake(cs);
}

/* ---- SRW locks --------------------------------------------------------
 * Low 32 bits of the pointer-sized lock: bit 31 a writer holds it, bit 30
 * someone waits, bits 0-29 the readers. */
typedef struct { PVOID Ptr; } SRWLOCK;
#define SRW_WRITER 0x80000000u
#define SRW_WAITERS 0x40000000u
#define SRW_READERS 0x3fffffffu

static uint32_t *srw_word(SRWLOCK *l) { return (uint32_t *)&l->Ptr; }

/* InitializeSRWLock (kernel32) */
void WINAPI InitializeSRWLock(SRWLOCK *l) { l->Ptr = NULL; }

/* TryAcquireSRWLockExclusive (kernel32) */
BOOLEAN WINAPI TryAcquireSRWLockExclusive(SRWLOCK *l)
{
    uint32_t *w = srw_word(l), v = __atomic_load_n(w, __ATOMIC_RELAXED);
    return !(v & (SRW_WRITER | SRW_READERS)) &&
           __atomic_compare_exchange_n(w, &v, v | SRW_WRITER, 0, __ATOMIC_ACQUIRE,
                                       __ATOMIC_RELAXED);
}

/* AcquireSRWLockExclusive (kernel32) */
void WINAPI AcquireSRWLockExclusive(SRWLOCK *l)
{
    uint32_t *w = srw_word(l);
    for (;;) {
        uint32_t v = __atomic_load_n(w, __ATOMIC_RELAXED);
        if (!(v & (SRW_WRITER | SRW_READERS))) {
            if (__atomic_compare_exchange_n(w, &v, v | SRW_WRITER, 0,
                                            __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
                return;
            continue;
        }
        if (!(v & SRW_WAITERS) &&
            !__atomic_compare_exchange_n(w, &v, v | SRW_WAITERS, 0,
                                         __ATOMIC_RELAXED, __ATOMIC_RELAXED))
            continue;
        BLOCKING(futex(w, FUTEX_WAIT_PRIVATE, v | SRW_WAITERS, NULL));
    }
}

/* TryAcquireSRWLockShared (kernel32) */
BOOLEAN WINAPI TryAcquireSRWLockShared(SRWLOCK *l)
{
    uint32_t *w = srw_word(l);
    uint32_t v = __atomic_load_n(w, __ATOMIC_RELAXED);
    while (!(v & SRW_WRITER))
        if (__atomic_compare_exchange_n(w, &v, v + 1, 0, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            return TRUE;
    return FALSE;
}

/* AcquireSRWLockShared (kernel32) */
void WINAPI AcquireSRWLockShared(SRWLOCK *l)
{
    uint32_t *w = srw_word(l);
    for (;;) {
        uint32_t v = __atomic_load_n(w, __ATOMIC_RELAXED);
        if (!(v & SRW_WRITER)) {
            if (__atomic_compare_exchange_n(w, &v, v + 1, 0, __ATOMIC_ACQUIRE,
                                            __ATOMIC_RELAXED))
                return;
            continue;
        }
        if (!(v & SRW_WAITERS) &&
            !__atomic_compare_exchange_n(w, &v, v | SRW_WAITERS, 0,
                                         __ATOMIC_RELAXED, __ATOMIC_RELAXED))
            continue;
        BLOCKING(futex(w, FUTEX_WAIT_PRIVATE, v | SRW_WAITERS, NULL));
    }
}

static void srw_wake(uint32_t *w)
{
    /* clear the flag; waiters that still cannot proceed set it again */
    __atomic_and_fetch(w, ~SRW_WAITERS, __ATOMIC_RELEASE);
    futex(w, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
}

/* ReleaseSRWLockExclusive (kernel32) */
void WINAPI ReleaseSRWLockExclusive(SRWLOCK *l)
{
    uint32_t *w = srw_word(l);
    uint32_t old = __atomic_fetch_and(w, ~SRW_WRITER, __ATOMIC_RELEASE);
    if (old & SRW_WAITERS)
        srw_wake(w);
}

/* ReleaseSRWLockShared (kernel32) */
void WINAPI ReleaseSRWLockShared(SRWLOCK *l)
{
    uint32_t *w = srw_word(l);
    uint32_t old = __atomic_fetch_sub(w, 1, __ATOMIC_RELEASE);
    if ((old & SRW_READERS) == 1 && (old & SRW_WAITERS))
        srw_wake(w);
}

/* ---- condition variables ---------------------------------------------- */
typedef struct { PVOID Ptr; } CONDITION_VARIABLE;
#define CONDITION_VARIABLE_LOCKMODE_SHARED 1

static BOOL cv_wait(CONDITION_VARIABLE *cv, DWORD ms, void (*unlock)(void *),
                    void (*lock)(void *), void *arg)
{
    uint32_t *w = (uint32_t *)&cv->Ptr;
    uint32_t seq = __atomic_load_n(w, __ATOMIC_ACQUIRE);
    unlock(arg);
    struct timespec ts, *tsp = ms_timeout(ms, &ts);
    long r = BLOCKING(futex(w, FUTEX_WAIT_PRIVATE, seq, tsp));
    int timed_out = r < 0 && errno == ETIMEDOUT;
    lock(arg);
    if (timed_out) {
        set_last_error(ERROR_TIMEOUT);
        return FALSE;
    }
    return TRUE;
}

static void cs_unlock(void *p) { LeaveCriticalSection(p); }
static void cs_lock(void *p) { EnterCriticalSection(p); }
static void srw_unlock_x(void *p) { ReleaseSRWLockExclusive(p); }
static void srw_lock_x(void *p) { AcquireSRWLockExclusive(p); }
static void srw_unlock_s(void *p) { ReleaseSRWLockShared(p); }
static void srw_lock_s(void *p) { AcquireSRWLockShared(p); }

/* InitializeConditionVariable (kernel32) */
void WINAPI InitializeConditionVariable(CONDITION_VARIABLE *cv) { cv->Ptr = NULL; }

/* SleepConditionVariableCS (kernel32) */
BOOL WINAPI SleepConditionVariableCS(CONDITION_VARIABLE *cv, CRITICAL_SECTION *cs,
                                     DWORD ms)
{
    /* The lock may be held recursively: release and restore all of it. */
    LONG depth = cs->RecursionCount;
    for (LONG i = 1; i < depth; i++)
        LeaveCriticalSection(cs);
    BOOL r = cv_wait(cv, ms, cs_unlock, cs_lock, cs);
    for (LONG i = 1; i < depth; i++)
        EnterCriticalSection(cs);
    return r;
}

/* SleepConditionVariableSRW (kernel32) */
BOOL WINAPI SleepConditionVariableSRW(CONDITION_VARIABLE *cv, SRWLOCK *l, DWORD ms,
                                      ULONG flags)
{
    if (flags & CONDITION_VARIABLE_LOCKMODE_SHARED)
        return cv_wait(cv, ms, srw_unlock_s, srw_lock_s, l);
    return cv_wait(cv, ms, srw_unlock_x, srw_lock_x, l);
}

/* WakeConditionVariable (kernel32) */
void WINAPI WakeConditionVariable(CONDITION_VARIABLE *cv)
{
    __atomic_add_fetch((uint32_t *)&cv->Ptr, 1, __ATOMIC_RELEASE);
    futex(&cv->Ptr, FUTEX_WAKE_PRIVATE, 1, NULL);
}

/* WakeAllConditionVariable (kernel32) */
void WINAPI WakeAllConditionVariable(CONDITION_VARIABLE *cv)
{
    __atomic_add_fetch((uint32_t *)&cv->Ptr, 1, __ATOMIC_RELEASE);
    futex(&cv->Ptr, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
}

/* ---- WaitOnAddress ---------------------------------------------------------
 * Any address and size (1, 2, 4, 8 bytes): waiters sleep on a hashed
 * sequence word; wakes bump it. Spurious wakes are allowed by the API. */
static uint32_t address_seq[256];

static uint32_t *seq_for(const volatile void *addr)
{
    return &address_seq[((uintptr_t)addr >> 3) % 256];
}

/* WaitOnAddress (kernelbase) */
BOOL WINAPI WaitOnAddress(volatile void *addr, PVOID compare, SIZE_T size,
                          DWORD ms)
{
    if (size != 1 && size != 2 && size != 4 && size != 8) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    uint32_t *seq = seq_for(addr);
    uint32_t s = __atomic_load_n(seq, __ATOMIC_ACQUIRE);
    if (memcmp((const void *)addr, compare, size))
        return TRUE;
    struct timespec ts, *tsp = ms_timeout(ms, &ts);
    long r = BLOCKING(futex(seq, FUTEX_WAIT_PRIVATE, s, tsp));
    if (r < 0 && errno == ETIMEDOUT) {
        set_last_error(ERROR_TIMEOUT);
        return FALSE;
    }
    return TRUE;
}

/* WakeByAddressSingle (kernelbase): all sharing the bucket wake and
 * recheck. */
void WINAPI WakeByAddressSingle(PVOID addr)
{
    uint32_t *seq = seq_for(addr);
    __atomic_add_fetch(seq, 1, __ATOMIC_RELEASE);
    futex(seq, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
}

/* WakeByAddressAll (kernelbase) */
void WINAPI WakeByAddressAll(PVOID addr) { WakeByAddressSingle(addr); }
