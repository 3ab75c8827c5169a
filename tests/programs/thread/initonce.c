/* One-time initialisation in two halves: InitOnceBeginInitialize (the
 * first caller is told to initialise, the others wait for it; with
 * INIT_ONCE_CHECK_ONLY nobody waits), InitOnceComplete with a context
 * (its two low bits reserved) or INIT_ONCE_INIT_FAILED (the next caller
 * tries again); INIT_ONCE_ASYNC (every caller may initialise, the first
 * to complete wins); and InitOnceExecuteOnce on the same INIT_ONCE. */
#include <windows.h>
#include <stdio.h>
#include "test.h"

static INIT_ONCE shared = INIT_ONCE_STATIC_INIT;
static volatile LONG waiter_done;
static PVOID waiter_context;

static DWORD WINAPI waiter(void *arg)
{
    BOOL pending = 123;
    PVOID ctx = NULL;
    BOOL r = InitOnceBeginInitialize(&shared, 0, &pending, &ctx);
    waiter_context = r && !pending ? ctx : (PVOID)-1;
    InterlockedExchange(&waiter_done, 1);
    return 0;
}

static int calls;

static BOOL WINAPI init_fn(INIT_ONCE *once, PVOID param, PVOID *ctx)
{
    calls++;
    if (ctx)
        *ctx = param;
    return param != NULL;
}

int main(void)
{
    INIT_ONCE once;
    BOOL pending, r;
    PVOID ctx;

    /* synchronous: the first caller initialises, a second one waits */
    pending = FALSE;
    r = InitOnceBeginInitialize(&shared, 0, &pending, &ctx);
    ok(r && pending, "the first caller initialises: %d %d", r, pending);
    SetLastError(0xdeadbeef);
    r = InitOnceBeginInitialize(&shared, INIT_ONCE_CHECK_ONLY, &pending, &ctx);
    ok(!r && GetLastError() == ERROR_GEN_FAILURE, "CHECK_ONLY while running: %lu", GetLastError());
    HANDLE t = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    Sleep(100);
    ok(!waiter_done, "another caller waits");
    SetLastError(0xdeadbeef);
    r = InitOnceComplete(&shared, 0, (PVOID)0x1001);
    ok(!r && GetLastError() == ERROR_INVALID_PARAMETER, "a context with its low bits set: %lu",
       GetLastError());
    r = InitOnceComplete(&shared, 0, (PVOID)0x1000);
    ok(r, "complete: %lu", GetLastError());
    WaitForSingleObject(t, 5000);
    CloseHandle(t);
    ok(waiter_done && waiter_context == (PVOID)0x1000, "the waiter gets the context: %p", waiter_context);
    pending = TRUE;
    ctx = NULL;
    r = InitOnceBeginInitialize(&shared, 0, &pending, &ctx);
    ok(r && !pending && ctx == (PVOID)0x1000, "done: %d %d %p", r, pending, ctx);
    ctx = NULL;
    r = InitOnceBeginInitialize(&shared, INIT_ONCE_CHECK_ONLY, &pending, &ctx);
    ok(r && !pending && ctx == (PVOID)0x1000, "CHECK_ONLY when done: %d %d %p", r, pending, ctx);
    SetLastError(0xdeadbeef);
    r = InitOnceComplete(&shared, 0, NULL);
    ok(!r && GetLastError() == ERROR_GEN_FAILURE, "complete again: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    r = InitOnceBeginInitialize(&shared, INIT_ONCE_CHECK_ONLY | INIT_ONCE_ASYNC, &pending, &ctx);
    ok(!r && GetLastError() == ERROR_INVALID_PARAMETER, "CHECK_ONLY with ASYNC: %lu", GetLastError());

    /* a failed initialisation lets the next caller try */
    InitOnceInitialize(&once);
    r = InitOnceBeginInitialize(&once, 0, &pending, &ctx);
    ok(r && pending, "begin");
    SetLastError(0xdeadbeef);
    r = InitOnceComplete(&once, INIT_ONCE_INIT_FAILED, (PVOID)0x2000);
    ok(!r && GetLastError() == ERROR_INVALID_PARAMETER, "INIT_FAILED takes no context: %lu",
       GetLastError());
    r = InitOnceComplete(&once, INIT_ONCE_INIT_FAILED, NULL);
    ok(r, "INIT_FAILED: %lu", GetLastError());
    ok(once.Ptr == NULL, "back to the start: %p", once.Ptr);
    r = InitOnceBeginInitialize(&once, 0, &pending, &ctx);
    ok(r && pending, "the next caller initialises");
    r = InitOnceComplete(&once, 0, NULL);
    ok(r, "complete without a context");
    ctx = (PVOID)1;
    r = InitOnceBeginInitialize(&once, 0, &pending, &ctx);
    ok(r && !pending && ctx == NULL, "done, context NULL: %p", ctx);

    /* asynchronous: every caller may initialise; the first to complete wins */
    InitOnceInitialize(&once);
    r = InitOnceBeginInitialize(&once, INIT_ONCE_ASYNC, &pending, &ctx);
    ok(r && pending, "async begin");
    r = InitOnceBeginInitialize(&once, INIT_ONCE_ASYNC, &pending, &ctx);
    ok(r && pending, "a second async begin is pending too");
    SetLastError(0xdeadbeef);
    r = InitOnceBeginInitialize(&once, 0, &pending, &ctx);
    ok(!r && GetLastError() == ERROR_INVALID_PARAMETER, "a synchronous begin meanwhile: %lu",
       GetLastError());
    SetLastError(0xdeadbeef);
    r = InitOnceComplete(&once, 0, (PVOID)0x3000);
    ok(!r && GetLastError() == ERROR_INVALID_PARAMETER, "a synchronous complete: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    r = InitOnceComplete(&once, INIT_ONCE_ASYNC | INIT_ONCE_INIT_FAILED, NULL);
    ok(!r && GetLastError() == ERROR_INVALID_PARAMETER, "an async failure: %lu", GetLastError());
    r = InitOnceComplete(&once, INIT_ONCE_ASYNC, (PVOID)0x3000);
    ok(r, "the first async complete wins");
    SetLastError(0xdeadbeef);
    r = InitOnceComplete(&once, INIT_ONCE_ASYNC, (PVOID)0x4000);
    ok(!r && GetLastError() == ERROR_GEN_FAILURE, "the second loses: %lu", GetLastError());
    r = InitOnceBeginInitialize(&once, INIT_ONCE_ASYNC, &pending, &ctx);
    ok(r && !pending && ctx == (PVOID)0x3000, "the winner's context: %p", ctx);

    /* InitOnceExecuteOnce shares the state */
    ctx = NULL;
    r = InitOnceExecuteOnce(&once, init_fn, (PVOID)0x5000, &ctx);
    ok(r && !calls && ctx == (PVOID)0x3000, "ExecuteOnce on a done INIT_ONCE: %d %d %p", r, calls, ctx);
    InitOnceInitialize(&once);
    r = InitOnceExecuteOnce(&once, init_fn, NULL, &ctx);
    ok(!r && calls == 1, "a failing function: %d %d", r, calls);
    r = InitOnceBeginInitialize(&once, 0, &pending, &ctx);
    ok(r && pending, "then Begin initialises");
    r = InitOnceComplete(&once, 0, (PVOID)0x6000);
    ok(r, "complete");
    ctx = NULL;
    r = InitOnceExecuteOnce(&once, init_fn, (PVOID)0x7000, &ctx);
    ok(r && calls == 1 && ctx == (PVOID)0x6000, "ExecuteOnce sees it: %p", ctx);
    InitOnceInitialize(&once);
    r = InitOnceExecuteOnce(&once, init_fn, (PVOID)0x8000, &ctx);
    ok(r && calls == 2 && ctx == (PVOID)0x8000, "ExecuteOnce's own context: %p", ctx);
    ctx = NULL;
    r = InitOnceBeginInitialize(&once, INIT_ONCE_CHECK_ONLY, &pending, &ctx);
    ok(r && ctx == (PVOID)0x8000, "for Begin too: %p", ctx);
    return test_summary();
}
