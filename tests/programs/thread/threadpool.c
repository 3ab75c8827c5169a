/* Thread pools, the Vista API: work objects (several submissions, all run,
 * WaitForThreadpoolWorkCallbacks waits for them, on threads other than the
 * caller's), TrySubmitThreadpoolCallback, one-shot and periodic timers
 * (IsThreadpoolTimerSet, a NULL due time stops), waits (signalled: WAIT_OBJECT_0;
 * timed out: WAIT_TIMEOUT; once per SetThreadpoolWait), and the callback
 * instance actions (SetEventWhenCallbackReturns,
 * ReleaseSemaphoreWhenCallbackReturns, LeaveCriticalSectionWhenCallbackReturns). */
#include <windows.h>
#include "../test.h"

static volatile LONG work_count, other_thread, timer_count, simple_count;
static DWORD main_tid;
static HANDLE sem;
static CRITICAL_SECTION cs;

static void CALLBACK work_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WORK work)
{
    Sleep(10);
    InterlockedAdd(&work_count, (LONG)(ULONG_PTR)ctx);
    if (GetCurrentThreadId() != main_tid)
        InterlockedIncrement(&other_thread);
}

static void CALLBACK simple_cb(PTP_CALLBACK_INSTANCE inst, void *ctx)
{
    InterlockedIncrement(&simple_count);
    ok(CallbackMayRunLong(inst), "CallbackMayRunLong");
    SetEventWhenCallbackReturns(inst, (HANDLE)ctx);
}

static void CALLBACK timer_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_TIMER t)
{
    InterlockedIncrement(&timer_count);
    ReleaseSemaphoreWhenCallbackReturns(inst, sem, 1);
}

static volatile ULONG wait_result = 12345;
static volatile LONG wait_count;

static void CALLBACK wait_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WAIT w, TP_WAIT_RESULT r)
{
    wait_result = r;
    InterlockedIncrement(&wait_count);
    EnterCriticalSection(&cs);
    LeaveCriticalSectionWhenCallbackReturns(inst, &cs);
    SetEventWhenCallbackReturns(inst, (HANDLE)ctx);
}

int main(void)
{
    PTP_WORK work;
    PTP_TIMER timer;
    PTP_WAIT wait;
    FILETIME due;
    ULARGE_INTEGER u;
    HANDLE done = CreateEventW(NULL, FALSE, FALSE, NULL);
    HANDLE trigger = CreateEventW(NULL, FALSE, FALSE, NULL);
    int i;

    main_tid = GetCurrentThreadId();
    InitializeCriticalSection(&cs);
    sem = CreateSemaphoreW(NULL, 0, 100, NULL);

    work = CreateThreadpoolWork(work_cb, (void *)3, NULL);
    ok(work != NULL, "CreateThreadpoolWork");
    for (i = 0; i < 8; i++)
        SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    ok(work_count == 24, "work ran %ld/3 times, expected 8", work_count / 3);
    ok(other_thread == 8, "on pool threads: %ld", other_thread);
    /* cancelling: whatever had not started does not run */
    work_count = 0;
    for (i = 0; i < 50; i++)
        SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, TRUE);
    i = work_count;
    Sleep(50);
    ok(work_count == i && i <= 150, "no callback after the cancelling wait: %d then %ld", i, work_count);
    CloseThreadpoolWork(work);

    ok(TrySubmitThreadpoolCallback(simple_cb, done, NULL), "TrySubmitThreadpoolCallback");
    ok(WaitForSingleObject(done, 5000) == WAIT_OBJECT_0, "SetEventWhenCallbackReturns");
    ok(simple_count == 1, "simple callback ran %ld times", simple_count);

    timer = CreateThreadpoolTimer(timer_cb, NULL, NULL);
    ok(timer != NULL, "CreateThreadpoolTimer");
    ok(!IsThreadpoolTimerSet(timer), "a new timer is not set");
    u.QuadPart = (ULONGLONG)-(20 * 10000); /* 20 ms from now */
    due.dwLowDateTime = u.LowPart;
    due.dwHighDateTime = u.HighPart;
    SetThreadpoolTimer(timer, &due, 0, 0);
    ok(IsThreadpoolTimerSet(timer), "set");
    ok(WaitForSingleObject(sem, 5000) == WAIT_OBJECT_0, "one-shot timer fired");
    WaitForThreadpoolTimerCallbacks(timer, FALSE);
    ok(timer_count == 1, "one-shot: %ld callbacks", timer_count);
    /* periodic, every 10 ms */
    SetThreadpoolTimer(timer, &due, 10, 0);
    for (i = 0; i < 3; i++)
        ok(WaitForSingleObject(sem, 5000) == WAIT_OBJECT_0, "periodic tick %d", i);
    SetThreadpoolTimer(timer, NULL, 0, 0);
    WaitForThreadpoolTimerCallbacks(timer, TRUE);
    ok(!IsThreadpoolTimerSet(timer), "stopped");
    i = timer_count;
    Sleep(50);
    ok(timer_count == i && i >= 4, "no tick after stopping: %d then %ld", i, timer_count);
    CloseThreadpoolTimer(timer);

    wait = CreateThreadpoolWait(wait_cb, done, NULL);
    ok(wait != NULL, "CreateThreadpoolWait");
    SetThreadpoolWait(wait, trigger, NULL);
    Sleep(20);
    ok(wait_count == 0, "nothing before the signal");
    SetEvent(trigger);
    ok(WaitForSingleObject(done, 5000) == WAIT_OBJECT_0, "wait callback");
    ok(wait_result == WAIT_OBJECT_0, "result %lu", wait_result);
    WaitForThreadpoolWaitCallbacks(wait, FALSE);
    ok(TryEnterCriticalSection(&cs), "critical section left by the pool");
    LeaveCriticalSection(&cs);
    /* not re-armed: a second signal does nothing */
    SetEvent(trigger);
    Sleep(30);
    ok(wait_count == 1, "one callback per SetThreadpoolWait: %ld", wait_count);
    ok(WaitForSingleObject(trigger, 0) == WAIT_OBJECT_0, "the event was left signalled");
    u.QuadPart = (ULONGLONG)-(20 * 10000);
    due.dwLowDateTime = u.LowPart;
    due.dwHighDateTime = u.HighPart;
    SetThreadpoolWait(wait, trigger, &due);
    ok(WaitForSingleObject(done, 5000) == WAIT_OBJECT_0, "timed-out wait callback");
    ok(wait_result == WAIT_TIMEOUT, "result %lu", wait_result);
    /* a cancelled wait never calls back */
    SetThreadpoolWait(wait, trigger, NULL);
    SetThreadpoolWait(wait, NULL, NULL);
    SetEvent(trigger);
    Sleep(30);
    ok(wait_count == 2, "cancelled: %ld callbacks", wait_count);
    WaitForThreadpoolWaitCallbacks(wait, TRUE);
    CloseThreadpoolWait(wait);
    return test_summary();
}
