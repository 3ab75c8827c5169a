/* CreateThread, WaitForSingleObject, GetExitCodeThread (STILL_ACTIVE
 * while running), thread ids differ, CREATE_SUSPENDED + ResumeThread,
 * ExitThread codes, _beginthreadex, GetThreadId/GetCurrentThread. */
#include <windows.h>
#include <process.h>
#include "test.h"

static volatile DWORD child_tid;
static HANDLE go;

static DWORD WINAPI worker(void *arg)
{
    child_tid = GetCurrentThreadId();
    return (DWORD)(ULONG_PTR)arg * 2;
}

static DWORD WINAPI waiter(void *arg)
{
    WaitForSingleObject(go, INFINITE);
    return 7;
}

static DWORD WINAPI exiter(void *arg)
{
    ExitThread(1234);
    return 0;
}

static unsigned __stdcall crt_worker(void *arg)
{
    *(int *)arg += 1;
    return 99;
}

static volatile LONG ran;
static DWORD WINAPI suspended(void *arg)
{
    ran = 1;
    return 5;
}

int main(void)
{
    HANDLE h;
    DWORD code, tid = 0, prev;
    int value = 41;
    uintptr_t ch;
    unsigned ctid;

    h = CreateThread(NULL, 0, worker, (void *)21, 0, &tid);
    ok(h != NULL && tid != 0, "CreateThread");
    ok(WaitForSingleObject(h, 5000) == WAIT_OBJECT_0, "wait");
    ok(GetExitCodeThread(h, &code) && code == 42, "exit code %lu", code);
    ok(child_tid == tid, "thread id matches");
    ok(tid != GetCurrentThreadId(), "different from the main thread's id");
    ok(GetThreadId(h) == tid, "GetThreadId");
    ok(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "a finished thread stays signaled");
    CloseHandle(h);

    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    h = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    ok(GetExitCodeThread(h, &code) && code == STILL_ACTIVE, "STILL_ACTIVE (259): %lu", code);
    ok(WaitForSingleObject(h, 50) == WAIT_TIMEOUT, "WAIT_TIMEOUT while running");
    SetEvent(go);
    ok(WaitForSingleObject(h, 5000) == WAIT_OBJECT_0 && GetExitCodeThread(h, &code) && code == 7, "finishes after event");
    CloseHandle(h);

    h = CreateThread(NULL, 0, exiter, NULL, 0, NULL);
    WaitForSingleObject(h, 5000);
    ok(GetExitCodeThread(h, &code) && code == 1234, "ExitThread code %lu", code);
    CloseHandle(h);

    h = CreateThread(NULL, 0, suspended, NULL, CREATE_SUSPENDED, NULL);
    Sleep(50);
    ok(ran == 0, "suspended thread did not run");
    prev = ResumeThread(h);
    ok(prev == 1, "ResumeThread returns previous count 1: %lu", prev);
    WaitForSingleObject(h, 5000);
    ok(ran == 1, "ran after resume");
    CloseHandle(h);

    ch = _beginthreadex(NULL, 0, crt_worker, &value, 0, &ctid);
    ok(ch != 0 && ctid != 0, "_beginthreadex");
    WaitForSingleObject((HANDLE)ch, 5000);
    ok(GetExitCodeThread((HANDLE)ch, &code) && code == 99 && value == 42, "_beginthreadex result %lu %d", code, value);
    CloseHandle((HANDLE)ch);

    ok(GetCurrentThread() == (HANDLE)(LONG_PTR)-2, "GetCurrentThread pseudo-handle is -2");
    ok(GetCurrentProcess() == (HANDLE)(LONG_PTR)-1, "GetCurrentProcess pseudo-handle is -1");
    ok(GetThreadId(GetCurrentThread()) == GetCurrentThreadId(), "GetThreadId of the pseudo-handle");
    ok(GetExitCodeThread(GetCurrentThread(), &code) && code == STILL_ACTIVE, "own exit code is STILL_ACTIVE");
    return test_summary();
}
