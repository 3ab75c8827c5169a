/* Events: manual-reset stays signaled and releases every waiter,
 * auto-reset releases one waiter per SetEvent, initial state, named
 * events (ERROR_ALREADY_EXISTS on the second create, OpenEvent),
 * PulseEvent with nobody waiting leaves it unsignaled. */
#include <windows.h>
#include "test.h"

static HANDLE ev;
static volatile LONG woke;

static DWORD WINAPI waiter(void *arg)
{
    if (WaitForSingleObject(ev, 2000) == WAIT_OBJECT_0)
        InterlockedIncrement(&woke);
    return 0;
}

static int start_waiters(HANDLE *th, int n)
{
    int i;
    woke = 0;
    for (i = 0; i < n; i++)
        th[i] = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    Sleep(100);
    return n;
}

int main(void)
{
    HANDLE th[4], e2, e3;
    int i;

    ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "manual event starts unsignaled");
    start_waiters(th, 4);
    ok(woke == 0, "waiters blocked");
    SetEvent(ev);
    WaitForMultipleObjects(4, th, TRUE, 5000);
    ok(woke == 4, "manual-reset releases all 4: %ld", woke);
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "stays signaled");
    ok(ResetEvent(ev) && WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "ResetEvent");
    for (i = 0; i < 4; i++)
        CloseHandle(th[i]);
    CloseHandle(ev);

    ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    start_waiters(th, 3);
    SetEvent(ev);
    Sleep(200);
    ok(woke == 1, "auto-reset releases one waiter: %ld", woke);
    SetEvent(ev);
    SetEvent(ev);
    WaitForMultipleObjects(3, th, TRUE, 5000);
    ok(woke == 3, "each SetEvent releases one more: %ld", woke);
    ok(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "auto event consumed");
    SetEvent(ev);
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0 && WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "one wait consumes it");
    for (i = 0; i < 3; i++)
        CloseHandle(th[i]);

    /* PulseEvent with no waiters */
    ok(PulseEvent(ev), "PulseEvent");
    ok(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "pulse without waiters leaves it unsignaled");
    CloseHandle(ev);

    ev = CreateEventW(NULL, TRUE, TRUE, NULL);
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "initially signaled");
    CloseHandle(ev);

    /* named */
    SetLastError(0xdeadbeef);
    ev = CreateEventW(NULL, TRUE, FALSE, L"decant_test_event");
    ok(ev != NULL && GetLastError() == 0, "named create: %lu", GetLastError());
    e2 = CreateEventW(NULL, FALSE, TRUE, L"decant_test_event");
    ok(e2 != NULL && e2 != ev && GetLastError() == ERROR_ALREADY_EXISTS, "second create opens: %lu", GetLastError());
    ok(WaitForSingleObject(e2, 0) == WAIT_TIMEOUT, "existing event keeps its state");
    e3 = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"decant_test_event");
    ok(e3 != NULL, "OpenEventW");
    SetEvent(e3);
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "same object through every handle");
    CloseHandle(e3);
    CloseHandle(e2);
    CloseHandle(ev);
    SetLastError(0xdeadbeef);
    ok(OpenEventW(EVENT_ALL_ACCESS, FALSE, L"decant_test_event") == NULL && GetLastError() == ERROR_FILE_NOT_FOUND,
       "gone after the last handle closes: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(CreateMutexW(NULL, FALSE, L"decant_test_name") != NULL, "mutex named decant_test_name");
    ok(CreateEventW(NULL, FALSE, FALSE, L"decant_test_name") == NULL && GetLastError() == ERROR_INVALID_HANDLE,
       "event with a mutex's name: %lu", GetLastError());
    return test_summary();
}
