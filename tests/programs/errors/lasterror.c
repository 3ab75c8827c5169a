/* GetLastError after typical failures, SetLastError/GetLastError per
 * thread (the value lives in the TEB at gs:0x68), successful calls that
 * document resetting it, and RtlNtStatusToDosError-style mappings seen
 * through kernel32. */
#include <windows.h>
#include "test.h"

static DWORD WINAPI thread_err(void *arg)
{
    DWORD before = GetLastError();
    SetLastError(4321);
    return before == 0 && GetLastError() == 4321 ? 1 : 0;
}

int main(void)
{
    HANDLE t;
    DWORD code, n;
    char buf[8];

    SetLastError(12345);
    ok(GetLastError() == 12345, "round trip");
    ok(*(DWORD *)((char *)NtCurrentTeb() + 0x68) == 12345, "stored at TEB+0x68");
    *(DWORD *)((char *)NtCurrentTeb() + 0x68) = 777;
    ok(GetLastError() == 777, "read from TEB+0x68");

    SetLastError(1);
    t = CreateThread(NULL, 0, thread_err, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    ok(code == 1, "a new thread starts with 0 and has its own value");
    ok(GetLastError() == 1, "main thread's value untouched: %lu", GetLastError());

    SetLastError(0);
    ok(CreateFileA("nope\\nope.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL) == INVALID_HANDLE_VALUE &&
       GetLastError() == ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND 3: %lu", GetLastError());
    SetLastError(0);
    ok(!ReadFile(NULL, buf, 1, &n, NULL) && GetLastError() == ERROR_INVALID_HANDLE, "ReadFile(NULL): %lu", GetLastError());
    SetLastError(0);
    ok(!WriteFile(GetStdHandle(STD_INPUT_HANDLE), "x", 1, &n, NULL), "writing to stdin fails: %lu", GetLastError());
    SetLastError(0);
    ok(HeapAlloc(GetProcessHeap(), 0, (SIZE_T)1 << 62) == NULL, "huge HeapAlloc fails");
    SetLastError(0);
    ok(!CloseHandle(NULL) && GetLastError() == ERROR_INVALID_HANDLE, "CloseHandle(NULL): %lu", GetLastError());
    SetLastError(0);
    ok(!SetEvent(NULL) && GetLastError() == ERROR_INVALID_HANDLE, "SetEvent(NULL): %lu", GetLastError());
    SetLastError(0);
    ok(!ReleaseMutex(CreateEventW(NULL, FALSE, FALSE, NULL)) && GetLastError() == ERROR_INVALID_HANDLE,
       "ReleaseMutex on an event: %lu", GetLastError());
    SetLastError(0);
    ok(!GetFileSizeEx(GetCurrentProcess(), (LARGE_INTEGER *)buf) && GetLastError() == ERROR_INVALID_HANDLE,
       "GetFileSizeEx on a process handle: %lu", GetLastError());
    SetLastError(0);
    ok(GetEnvironmentVariableA("DECANT_NO_SUCH_VARIABLE", buf, sizeof buf) == 0 && GetLastError() == ERROR_ENVVAR_NOT_FOUND,
       "ERROR_ENVVAR_NOT_FOUND 203: %lu", GetLastError());
    SetLastError(0);
    ok(!DuplicateHandle(GetCurrentProcess(), (HANDLE)(ULONG_PTR)0x1230, GetCurrentProcess(), &t, 0, FALSE, DUPLICATE_SAME_ACCESS) &&
       GetLastError() == ERROR_INVALID_HANDLE, "DuplicateHandle of a bogus handle: %lu", GetLastError());

    /* message texts: formatmessage.c */
    return test_summary();
}
