/* WaitForMultipleObjects: wait-any returns the lowest signaled index,
 * wait-all needs all, timeouts, an abandoned mutex in the set, and
 * MAXIMUM_WAIT_OBJECTS. */
#include <windows.h>
#include "test.h"

static DWORD WINAPI set_later(void *arg)
{
    Sleep(50);
    SetEvent((HANDLE)arg);
    return 0;
}

int main(void)
{
    HANDLE ev[4], th, many[MAXIMUM_WAIT_OBJECTS + 1];
    DWORD r;
    int i;

    for (i = 0; i < 4; i++)
        ev[i] = CreateEventW(NULL, TRUE, FALSE, NULL);

    r = WaitForMultipleObjects(4, ev, FALSE, 10);
    ok(r == WAIT_TIMEOUT, "nothing signaled: %lu", r);
    SetEvent(ev[2]);
    SetEvent(ev[3]);
    r = WaitForMultipleObjects(4, ev, FALSE, 0);
    ok(r == WAIT_OBJECT_0 + 2, "wait any returns lowest signaled index: %lu", r);
    r = WaitForMultipleObjects(4, ev, TRUE, 10);
    ok(r == WAIT_TIMEOUT, "wait all with two unsignaled: %lu", r);
    SetEvent(ev[0]);
    SetEvent(ev[1]);
    r = WaitForMultipleObjects(4, ev, TRUE, 0);
    ok(r == WAIT_OBJECT_0, "wait all: %lu", r);

    for (i = 0; i < 4; i++)
        ResetEvent(ev[i]);
    th = CreateThread(NULL, 0, set_later, ev[1], 0, NULL);
    r = WaitForMultipleObjects(4, ev, FALSE, 5000);
    ok(r == WAIT_OBJECT_0 + 1, "woken by another thread: %lu", r);
    WaitForSingleObject(th, INFINITE);
    CloseHandle(th);

    /* auto-reset events: wait-all consumes all of them only when all are set */
    {
        HANDLE a[2];
        a[0] = CreateEventW(NULL, FALSE, TRUE, NULL);
        a[1] = CreateEventW(NULL, FALSE, FALSE, NULL);
        r = WaitForMultipleObjects(2, a, TRUE, 0);
        ok(r == WAIT_TIMEOUT, "wait all not satisfied");
        ok(WaitForSingleObject(a[0], 0) == WAIT_OBJECT_0, "first auto event not consumed by the failed wait-all");
        SetEvent(a[0]);
        SetEvent(a[1]);
        ok(WaitForMultipleObjects(2, a, TRUE, 0) == WAIT_OBJECT_0, "wait all satisfied");
        ok(WaitForSingleObject(a[0], 0) == WAIT_TIMEOUT && WaitForSingleObject(a[1], 0) == WAIT_TIMEOUT, "both consumed");
        CloseHandle(a[0]);
        CloseHandle(a[1]);
    }

    for (i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++)
        many[i] = ev[0];
    SetLastError(0xdeadbeef);
    r = WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, many, FALSE, 0);
    ok(r == WAIT_FAILED && GetLastError() == ERROR_INVALID_PARAMETER, "65 handles: %lu err %lu", r, GetLastError());
    SetEvent(ev[0]);
    r = WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, many, FALSE, 0);
    ok(r == WAIT_OBJECT_0, "64 handles (duplicates allowed for wait-any): %lu", r);
    SetLastError(0xdeadbeef);
    r = WaitForMultipleObjects(0, many, FALSE, 0);
    ok(r == WAIT_FAILED && GetLastError() == ERROR_INVALID_PARAMETER, "0 handles: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    r = WaitForSingleObject((HANDLE)(ULONG_PTR)0x12340, 0);
    ok(r == WAIT_FAILED && GetLastError() == ERROR_INVALID_HANDLE, "bogus handle: %lu", GetLastError());
    for (i = 0; i < 4; i++)
        CloseHandle(ev[i]);
    return test_summary();
}
