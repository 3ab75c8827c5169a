/* One-time initialisation (INIT_ONCE): InitOnceExecuteOnce and its two
 * halves, InitOnceBeginInitialize and InitOnceComplete, synchronous or
 * INIT_ONCE_ASYNC. The pointer-sized INIT_ONCE keeps the state in its
 * two low bits (INIT_ONCE_CTX_RESERVED_BITS) and the context above them:
 *   0 not started, 1 running (others wait), 2 done, 3 running async.
 * Waiters sleep on the low 32 bits, which are exactly 1 while running.
 * Tests: tests/programs/thread/initonce.c. */
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "blocking.h"
#include "kernel32_private.h"

typedef struct { PVOID Ptr; } INIT_ONCE;
typedef BOOL(WINAPI *PINIT_ONCE_FN)(INIT_ONCE *, PVOID, PVOID *);

#define INIT_ONCE_CHECK_ONLY 0x1
#define INIT_ONCE_ASYNC 0x2
#define INIT_ONCE_INIT_FAILED 0x4

enum { NOT_STARTED, RUNNING, DONE, RUNNING_ASYNC };

static void futex(void *addr, int op, uint32_t val)
{
    syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

/* STATUS_PENDING: the caller initialises; STATUS_SUCCESS: done, with the
 * context in *context. */
static NTSTATUS once_begin(INIT_ONCE *once, DWORD flags, PVOID *context)
{
    ULONG_PTR *p = (ULONG_PTR *)&once->Ptr;
    int async = (flags & INIT_ONCE_ASYNC) != 0;
    if (flags & INIT_ONCE_CHECK_ONLY) {
        ULONG_PTR v = __atomic_load_n(p, __ATOMIC_ACQUIRE);
        if (async)
            return STATUS_INVALID_PARAMETER;
        if ((v & 3) != DONE)
            return STATUS_UNSUCCESSFUL;
        if (context)
            *context = (PVOID)(v & ~(ULONG_PTR)3);
        return STATUS_SUCCESS;
    }
    for (;;) {
        ULONG_PTR v = __atomic_load_n(p, __ATOMIC_ACQUIRE);
        switch (v & 3) {
        case NOT_STARTED:
            if (__atomic_compare_exchange_n(p, &v, async ? RUNNING_ASYNC : RUNNING, 0,
                                            __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
                return STATUS_PENDING;
            break;
        case RUNNING:
            if (async)
                return STATUS_INVALID_PARAMETER;
            blocking_begin();
            futex(p, FUTEX_WAIT_PRIVATE, RUNNING);
            blocking_end();
            break;
        case DONE:
            if (context)
                *context = (PVOID)(v & ~(ULONG_PTR)3);
            return STATUS_SUCCESS;
        case RUNNING_ASYNC: /* every async caller may run it; the first to complete wins */
            return async ? STATUS_PENDING : STATUS_INVALID_PARAMETER;
        }
    }
}

/* Ends a run: done with `context`, or back to not started
 * (INIT_ONCE_INIT_FAILED, synchronous runs only). STATUS_UNSUCCESSFUL
 * when nothing is running (an async run another thread completed). */
static NTSTATUS once_complete(INIT_ONCE *once, DWORD flags, PVOID context)
{
    ULONG_PTR *p = (ULONG_PTR *)&once->Ptr, to = (ULONG_PTR)context;
    if (to & 3)
        return STATUS_INVALID_PARAMETER;
    if (flags & INIT_ONCE_INIT_FAILED) {
        if (context || flags & INIT_ONCE_ASYNC)
            return STATUS_INVALID_PARAMETER;
    } else {
        to |= DONE;
    }
    for (;;) {
        ULONG_PTR v = __atomic_load_n(p, __ATOMIC_ACQUIRE);
        switch (v & 3) {
        case RUNNING:
            if (!__atomic_compare_exchange_n(p, &v, to, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
                break;
            futex(p, FUTEX_WAKE_PRIVATE, INT_MAX);
            return STATUS_SUCCESS;
        case RUNNING_ASYNC:
            if (!(flags & INIT_ONCE_ASYNC))
                return STATUS_INVALID_PARAMETER;
            if (__atomic_compare_exchange_n(p, &v, to, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
                return STATUS_SUCCESS;
            break;
        default:
            return STATUS_UNSUCCESSFUL;
        }
    }
}

/* InitOnceInitialize (kernel32) */
void WINAPI InitOnceInitialize(INIT_ONCE *once) { once->Ptr = NULL; }

/* InitOnceBeginInitialize (kernel32): *pending says the caller is to
 * initialise and then call InitOnceComplete. */
BOOL WINAPI InitOnceBeginInitialize(INIT_ONCE *once, DWORD flags, BOOL *pending, PVOID *context)
{
    NTSTATUS st = once_begin(once, flags, context);
    if (st != STATUS_SUCCESS && st != STATUS_PENDING)
        return set_ntstatus(st);
    *pending = st == STATUS_PENDING;
    return TRUE;
}

/* InitOnceComplete (kernel32) */
BOOL WINAPI InitOnceComplete(INIT_ONCE *once, DWORD flags, PVOID context)
{
    return set_ntstatus(once_complete(once, flags, context));
}

/* InitOnceExecuteOnce (kernel32): fn runs once; a failed run leaves it to
 * the next caller, and returns FALSE with fn's last error. */
BOOL WINAPI InitOnceExecuteOnce(INIT_ONCE *once, PINIT_ONCE_FN fn, PVOID param,
                                PVOID *context)
{
    NTSTATUS st = once_begin(once, 0, context);
    if (st == STATUS_PENDING) {
        if (!fn(once, param, context)) {
            once_complete(once, INIT_ONCE_INIT_FAILED, NULL);
            return FALSE;
        }
        st = once_complete(once, 0, context ? *context : NULL);
    }
    return st == STATUS_SUCCESS;
}
