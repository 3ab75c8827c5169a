/* Waitable timers (manual-reset, synchronization, periodic, cancel),
 * APCs queued to our own thread run only in alertable waits
 * (SleepEx/WaitForSingleObjectEx return WAIT_IO_COMPLETION), Sleep(0),
 * SwitchToThread, SuspendThread/ResumeThread counts. */
#include <windows.h>
#include "test.h"

static volatile LONG apc_calls;
static ULONG_PTR apc_arg;

static void CALLBACK apc(ULONG_PTR arg)
{
    apc_calls++;
    apc_arg = arg;
}

static DWORD WINAPI spinner(void *arg)
{
    volatile LONG *stop = arg;
    while (!*stop)
        Sleep(1);
    return 0;
}

static ULONGLONG ms_now(void)
{
    LARGE_INTEGER c, f;
    QueryPerformanceCounter(&c);
    QueryPerformanceFrequency(&f);
    return (ULONGLONG)(c.QuadPart * 1000 / f.QuadPart);
}

int main(void)
{
    HANDLE tm, th;
    LARGE_INTEGER due;
    ULONGLONG t0, dt;
    DWORD r;
    volatile LONG stop = 0;
    int i;

    tm = CreateWaitableTimerW(NULL, TRUE, NULL);
    ok(tm != NULL, "CreateWaitableTimer manual");
    ok(WaitForSingleObject(tm, 0) == WAIT_TIMEOUT, "starts unsignaled");
    due.QuadPart = -50 * 10000LL; /* 50 ms, relative */
    t0 = ms_now();
    ok(SetWaitableTimer(tm, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer 50 ms");
    ok(WaitForSingleObject(tm, 5000) == WAIT_OBJECT_0, "fires");
    dt = ms_now() - t0;
    ok(dt >= 45 && dt < 2000, "after about 50 ms: %llu", dt);
    ok(WaitForSingleObject(tm, 0) == WAIT_OBJECT_0, "manual timer stays signaled");
    SetWaitableTimer(tm, &due, 0, NULL, NULL, FALSE);
    ok(WaitForSingleObject(tm, 0) == WAIT_TIMEOUT, "setting it again resets it");
    ok(CancelWaitableTimer(tm), "cancel");
    ok(WaitForSingleObject(tm, 150) == WAIT_TIMEOUT, "cancelled timer does not fire");
    CloseHandle(tm);

    tm = CreateWaitableTimerW(NULL, FALSE, NULL);
    due.QuadPart = -10 * 10000LL;
    SetWaitableTimer(tm, &due, 20, NULL, NULL, FALSE);
    t0 = ms_now();
    for (i = 0; i < 3; i++)
        ok(WaitForSingleObject(tm, 5000) == WAIT_OBJECT_0, "periodic tick %d", i);
    dt = ms_now() - t0;
    ok(dt >= 40, "three ticks of a 20 ms period take >= 40 ms: %llu", dt);
    ok(WaitForSingleObject(tm, 0) == WAIT_TIMEOUT, "synchronization timer consumed by the wait");
    CancelWaitableTimer(tm);
    CloseHandle(tm);

    /* APCs */
    ok(QueueUserAPC(apc, GetCurrentThread(), 42), "QueueUserAPC");
    Sleep(10);
    ok(apc_calls == 0, "not run by a non-alertable Sleep");
    r = SleepEx(1000, TRUE);
    ok(r == WAIT_IO_COMPLETION && apc_calls == 1 && apc_arg == 42, "SleepEx alertable runs it: %lu", r);
    r = SleepEx(0, TRUE);
    ok(r == 0, "nothing queued: SleepEx returns 0");
    QueueUserAPC(apc, GetCurrentThread(), 7);
    QueueUserAPC(apc, GetCurrentThread(), 8);
    tm = CreateEventW(NULL, TRUE, FALSE, NULL);
    r = WaitForSingleObjectEx(tm, 1000, TRUE);
    ok(r == WAIT_IO_COMPLETION && apc_calls == 3 && apc_arg == 8, "both APCs run in order in one alertable wait: %lu", r);
    CloseHandle(tm);

    Sleep(0);
    SwitchToThread();
    ok(1, "Sleep(0) and SwitchToThread return");

    th = CreateThread(NULL, 0, spinner, (void *)&stop, 0, NULL);
    ok(SuspendThread(th) == 0, "SuspendThread returns previous count 0");
    ok(SuspendThread(th) == 1, "then 1");
    ok(ResumeThread(th) == 2, "ResumeThread returns 2");
    ok(ResumeThread(th) == 1, "then 1");
    ok(ResumeThread(th) == 0, "resuming a running thread returns 0");
    stop = 1;
    ok(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0, "thread finishes");
    CloseHandle(th);
    return test_summary();
}
