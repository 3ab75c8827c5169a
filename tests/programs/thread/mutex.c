/* Mutexes: recursive ownership, release count, ReleaseMutex by a
 * non-owner (ERROR_NOT_OWNER 288), abandoned mutex -> WAIT_ABANDONED
 * and then owned, initial ownership. */
#include <windows.h>
#include "test.h"

static HANDLE mtx;
static DWORD result;

static DWORD WINAPI try_release(void *arg)
{
    SetLastError(0xdeadbeef);
    result = ReleaseMutex(mtx) ? 0 : GetLastError();
    return 0;
}

static DWORD WINAPI take_and_die(void *arg)
{
    WaitForSingleObject(mtx, INFINITE);
    return 0; /* exits while owning it */
}

static DWORD WINAPI try_take(void *arg)
{
    return WaitForSingleObject(mtx, 0);
}

static DWORD run(LPTHREAD_START_ROUTINE fn)
{
    DWORD code;
    HANDLE h = CreateThread(NULL, 0, fn, NULL, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    CloseHandle(h);
    return code;
}

int main(void)
{
    DWORD r;

    mtx = CreateMutexW(NULL, FALSE, NULL);
    ok(mtx != NULL, "CreateMutex");
    ok(WaitForSingleObject(mtx, 0) == WAIT_OBJECT_0, "take");
    ok(WaitForSingleObject(mtx, 0) == WAIT_OBJECT_0, "take again (recursive)");
    ok(run(try_take) == WAIT_TIMEOUT, "other thread cannot take it");
    run(try_release);
    ok(result == ERROR_NOT_OWNER, "ReleaseMutex by non-owner: %lu", result);
    ok(ReleaseMutex(mtx), "release once");
    ok(run(try_take) == WAIT_TIMEOUT, "still owned after one release");
    ok(ReleaseMutex(mtx), "release twice");
    SetLastError(0xdeadbeef);
    ok(!ReleaseMutex(mtx) && GetLastError() == ERROR_NOT_OWNER, "release a third time: %lu", GetLastError());

    /* abandoned */
    run(take_and_die);
    r = WaitForSingleObject(mtx, 0);
    ok(r == WAIT_ABANDONED, "abandoned mutex: %#lx", r);
    ok(run(try_take) == WAIT_TIMEOUT, "and now owned by us");
    ok(ReleaseMutex(mtx), "release the abandoned mutex");
    ok(WaitForSingleObject(mtx, 0) == WAIT_OBJECT_0, "normal again");
    ReleaseMutex(mtx);
    CloseHandle(mtx);

    /* initially owned */
    mtx = CreateMutexW(NULL, TRUE, NULL);
    ok(run(try_take) == WAIT_TIMEOUT, "initially owned");
    ok(ReleaseMutex(mtx), "owner releases");
    ok(run(try_take) == WAIT_OBJECT_0, "now another thread can take it");
    r = WaitForSingleObject(mtx, 0);
    ok(r == WAIT_ABANDONED, "that thread exited owning it: %#lx", r);
    ReleaseMutex(mtx);
    CloseHandle(mtx);

    /* WAIT_ABANDONED in WaitForMultipleObjects */
    {
        HANDLE hs[2];
        hs[0] = CreateEventW(NULL, TRUE, FALSE, NULL);
        hs[1] = mtx = CreateMutexW(NULL, FALSE, NULL);
        run(take_and_die);
        r = WaitForMultipleObjects(2, hs, FALSE, 0);
        ok(r == WAIT_ABANDONED_0 + 1, "WAIT_ABANDONED_0 + index: %#lx", r);
        ReleaseMutex(mtx);
        CloseHandle(hs[0]);
        CloseHandle(mtx);
    }
    return test_summary();
}
