/* Waiting for threads to end: several threads waiting on one thread
 * at once, timed waits that expire and then succeed, a zero-timeout poll
 * that agrees with GetExitCodeThread, WaitForMultipleObjects on threads,
 * and many create/join rounds (threads reuse the memory of ended ones). */
#include <windows.h>
#include "test.h"

#define WAITERS 4
#define ROUNDS 2000

static HANDLE go, target;

static DWORD WINAPI blocked(void *arg)
{
    WaitForSingleObject(go, INFINITE);
    return (DWORD)(ULONG_PTR)arg;
}

static DWORD WINAPI join_target(void *arg)
{
    return WaitForSingleObject(target, 10000) == WAIT_OBJECT_0 ? 1 : 2;
}

static DWORD WINAPI spin(void *arg)
{
    volatile int n = 0;
    for (int i = 0; i < 200000; i++)
        n += i;
    return 3;
}

static DWORD WINAPI round_body(void *arg)
{
    volatile char buf[4096]; /* dirties the stack the next thread gets */
    for (int i = 0; i < (int)sizeof buf; i += 512)
        buf[i] = (char)i;
    return (DWORD)(ULONG_PTR)arg & 0xffff;
}

int main(void)
{
    HANDLE waiters[WAITERS], both[2];
    DWORD code;
    int good = 0;

    /* every lone waiter is woken, not only one */
    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    target = CreateThread(NULL, 0, blocked, (void *)11, 0, NULL);
    for (int i = 0; i < WAITERS; i++)
        waiters[i] = CreateThread(NULL, 0, join_target, NULL, 0, NULL);
    ok(WaitForSingleObject(target, 30) == WAIT_TIMEOUT, "a timed wait expires");
    ok(WaitForMultipleObjects(WAITERS, waiters, TRUE, 50) == WAIT_TIMEOUT,
       "the waiters wait");
    SetEvent(go);
    ok(WaitForMultipleObjects(WAITERS, waiters, TRUE, 10000) == WAIT_OBJECT_0,
       "all waiters woken");
    for (int i = 0; i < WAITERS; i++) {
        good += GetExitCodeThread(waiters[i], &code) && code == 1;
        CloseHandle(waiters[i]);
    }
    ok(good == WAITERS, "%d of %d waiters saw the thread end", good, WAITERS);
    ok(WaitForSingleObject(target, 1000) == WAIT_OBJECT_0, "a timed wait succeeds");
    ok(GetExitCodeThread(target, &code) && code == 11, "exit code %lu", code);
    CloseHandle(target);

    /* once the exit code is there, the thread is signalled */
    HANDLE h = CreateThread(NULL, 0, spin, NULL, 0, NULL);
    while (GetExitCodeThread(h, &code) && code == STILL_ACTIVE)
        Sleep(0);
    ok(code == 3, "exit code %lu", code);
    ok(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "signalled with its exit code");
    CloseHandle(h);

    /* WaitForMultipleObjects: any, then all */
    ResetEvent(go);
    both[0] = CreateThread(NULL, 0, blocked, (void *)1, 0, NULL);
    both[1] = CreateThread(NULL, 0, spin, NULL, 0, NULL);
    ok(WaitForMultipleObjects(2, both, FALSE, 10000) == WAIT_OBJECT_0 + 1,
       "wait any: the thread that ends");
    SetEvent(go);
    ok(WaitForMultipleObjects(2, both, TRUE, 10000) == WAIT_OBJECT_0, "wait all");
    CloseHandle(both[0]);
    CloseHandle(both[1]);

    /* a suspended thread is not signalled until it has run and ended */
    h = CreateThread(NULL, 0, spin, NULL, CREATE_SUSPENDED, NULL);
    ok(WaitForSingleObject(h, 30) == WAIT_TIMEOUT, "suspended: not signalled");
    ResumeThread(h);
    ok(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "resumed: ends");
    CloseHandle(h);

    good = 0;
    for (int i = 0; i < ROUNDS; i++) {
        h = CreateThread(NULL, 0, round_body, (void *)(ULONG_PTR)i, 0, NULL);
        if (WaitForSingleObject(h, 10000) == WAIT_OBJECT_0 &&
            GetExitCodeThread(h, &code) && code == (DWORD)i)
            good++;
        CloseHandle(h);
    }
    ok(good == ROUNDS, "%d of %d create/join rounds", good, ROUNDS);
    return test_summary();
}
