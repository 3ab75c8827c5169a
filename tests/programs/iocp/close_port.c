/* Closing a completion port while threads wait on it: each waiter returns
 * FALSE with a NULL OVERLAPPED and ERROR_ABANDONED_WAIT_0, as documented
 * for GetQueuedCompletionStatus(Ex). Packets still queued are dropped. */
// wine: skip Wine 8 leaves the waiters blocked (Windows documents ERROR_ABANDONED_WAIT_0)
#include <windows.h>
#include "test.h"

static HANDLE port;

static DWORD WINAPI waiter(void *arg)
{
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED *ov = (OVERLAPPED *)1;
    SetLastError(0);
    if (GetQueuedCompletionStatus(port, &bytes, &key, &ov, INFINITE))
        return 1;
    if (ov != NULL)
        return 2;
    return GetLastError();
}

static DWORD WINAPI waiter_ex(void *arg)
{
    OVERLAPPED_ENTRY e[4];
    ULONG n = 99;
    SetLastError(0);
    if (GetQueuedCompletionStatusEx(port, e, 4, &n, INFINITE, FALSE))
        return 1;
    if (n != 0)
        return 2;
    return GetLastError();
}

int main(void)
{
    HANDLE th[3];
    DWORD code, i;

    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    ok(port != NULL, "port");
    th[0] = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    th[1] = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    th[2] = CreateThread(NULL, 0, waiter_ex, NULL, 0, NULL);
    Sleep(200); /* let them block */
    ok(WaitForMultipleObjects(3, th, FALSE, 0) == WAIT_TIMEOUT, "all three waiting");
    ok(CloseHandle(port), "close the port");
    if (WaitForMultipleObjects(3, th, TRUE, 5000) != WAIT_OBJECT_0) {
        ok(0, "waiters still blocked 5 s after the port was closed");
        fflush(stdout);
        ExitProcess(test_summary());
    }
    for (i = 0; i < 3; i++) {
        GetExitCodeThread(th[i], &code);
        ok(code == ERROR_ABANDONED_WAIT_0, "waiter %lu: %lu", i, code);
        CloseHandle(th[i]);
    }

    /* a port closed with packets in it: the handle is gone */
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    PostQueuedCompletionStatus(port, 1, 1, NULL);
    CloseHandle(port);
    SetLastError(0xdeadbeef);
    ok(!PostQueuedCompletionStatus(port, 1, 1, NULL) && GetLastError() == ERROR_INVALID_HANDLE,
       "post to a closed port: %lu", GetLastError());
    return test_summary();
}
