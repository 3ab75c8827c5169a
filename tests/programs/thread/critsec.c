/* Critical sections under contention: 8 threads x 20000 increments give
 * the exact total; TryEnterCriticalSection; recursion; InterlockedXxx;
 * SRW locks and condition variables. */
#include <windows.h>
#include "test.h"

#define THREADS 8
#define ITER 20000

static CRITICAL_SECTION cs;
static SRWLOCK srw = SRWLOCK_INIT;
static CONDITION_VARIABLE cv = CONDITION_VARIABLE_INIT;
static volatile long counter, srw_counter, ready;
static volatile LONG atomic;
static volatile LONG64 atomic64;

static DWORD WINAPI worker(void *arg)
{
    int i;
    for (i = 0; i < ITER; i++) {
        EnterCriticalSection(&cs);
        counter++;
        LeaveCriticalSection(&cs);
        InterlockedIncrement(&atomic);
        InterlockedAdd64(&atomic64, 3);
        AcquireSRWLockExclusive(&srw);
        srw_counter++;
        ReleaseSRWLockExclusive(&srw);
    }
    return 0;
}

static DWORD WINAPI try_enter(void *arg)
{
    BOOL r = TryEnterCriticalSection(&cs);
    if (r)
        LeaveCriticalSection(&cs);
    return r;
}

static DWORD WINAPI cv_waiter(void *arg)
{
    AcquireSRWLockExclusive(&srw);
    while (!ready)
        SleepConditionVariableSRW(&cv, &srw, INFINITE, 0);
    ReleaseSRWLockExclusive(&srw);
    return 1;
}

int main(void)
{
    HANDLE th[THREADS];
    DWORD code;
    int i;

    InitializeCriticalSection(&cs);
    for (i = 0; i < THREADS; i++)
        th[i] = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    ok(WaitForMultipleObjects(THREADS, th, TRUE, 30000) == WAIT_OBJECT_0, "all done");
    for (i = 0; i < THREADS; i++)
        CloseHandle(th[i]);
    ok(counter == THREADS * ITER, "critical section counter %ld", counter);
    ok(atomic == THREADS * ITER, "InterlockedIncrement %ld", atomic);
    ok(atomic64 == 3LL * THREADS * ITER, "InterlockedAdd64");
    ok(srw_counter == THREADS * ITER, "SRW counter %ld", srw_counter);

    EnterCriticalSection(&cs);
    EnterCriticalSection(&cs);
    ok(cs.RecursionCount == 2, "RecursionCount %ld", cs.RecursionCount);
    ok((DWORD)(ULONG_PTR)cs.OwningThread == GetCurrentThreadId(), "OwningThread is our thread id");
    th[0] = CreateThread(NULL, 0, try_enter, NULL, 0, NULL);
    WaitForSingleObject(th[0], INFINITE);
    GetExitCodeThread(th[0], &code);
    CloseHandle(th[0]);
    ok(code == FALSE, "TryEnter from another thread fails while owned");
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    th[0] = CreateThread(NULL, 0, try_enter, NULL, 0, NULL);
    WaitForSingleObject(th[0], INFINITE);
    GetExitCodeThread(th[0], &code);
    CloseHandle(th[0]);
    ok(code == TRUE, "TryEnter succeeds when free");
    ok(TryEnterCriticalSection(&cs), "TryEnter own");
    LeaveCriticalSection(&cs);
    DeleteCriticalSection(&cs);

    ok(InterlockedCompareExchange(&atomic, 5, THREADS * ITER) == THREADS * ITER && atomic == 5, "InterlockedCompareExchange");
    ok(InterlockedExchange(&atomic, 9) == 5 && atomic == 9, "InterlockedExchange");
    ok(InterlockedExchangeAdd(&atomic, 10) == 9 && atomic == 19, "InterlockedExchangeAdd");

    ok(TryAcquireSRWLockShared(&srw), "shared");
    ok(TryAcquireSRWLockShared(&srw), "shared twice");
    ok(!TryAcquireSRWLockExclusive(&srw), "exclusive fails while shared");
    ReleaseSRWLockShared(&srw);
    ReleaseSRWLockShared(&srw);

    th[0] = CreateThread(NULL, 0, cv_waiter, NULL, 0, NULL);
    Sleep(50);
    AcquireSRWLockExclusive(&srw);
    ready = 1;
    ReleaseSRWLockExclusive(&srw);
    WakeConditionVariable(&cv);
    ok(WaitForSingleObject(th[0], 5000) == WAIT_OBJECT_0, "condition variable wakes the waiter");
    CloseHandle(th[0]);

    AcquireSRWLockExclusive(&srw);
    SetLastError(0xdeadbeef);
    ok(!SleepConditionVariableSRW(&cv, &srw, 20, 0) && GetLastError() == ERROR_TIMEOUT, "timed out: %lu", GetLastError());
    ReleaseSRWLockExclusive(&srw);
    return test_summary();
}
