/* I/O completion ports: posting and dequeuing packets (key, byte count,
 * OVERLAPPED pointer, FIFO order, timeouts), GetQueuedCompletionStatusEx,
 * overlapped ReadFile/WriteFile at offsets on a file associated with a
 * port, GetOverlappedResult, the hEvent low bit and
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, several worker threads sharing a
 * port, and CancelIoEx with nothing pending. */
#include <windows.h>
#include <string.h>
#include "test.h"

static HANDLE port;
static LONG handled, key_sum, per_thread[4];

static DWORD WINAPI worker(void *arg)
{
    int me = (int)(INT_PTR)arg;
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED *ov;
    for (;;) {
        if (!GetQueuedCompletionStatus(port, &bytes, &key, &ov, 10000))
            return 1;
        if (!key)
            return 0;
        InterlockedIncrement(&handled);
        InterlockedExchangeAdd(&key_sum, (LONG)key);
        per_thread[me]++;
        if (bytes != key * 2 || ov != (OVERLAPPED *)(key + 0x1000))
            return 2;
        Sleep(0);
    }
}

/* Waits for the packet of one overlapped operation and checks it. */
static void expect_packet(const char *what, ULONG_PTR want_key, OVERLAPPED *want_ov, DWORD want_bytes)
{
    DWORD bytes = 0xdead;
    ULONG_PTR key = 0;
    OVERLAPPED *ov = NULL;
    BOOL r = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 2000);
    ok(r, "%s: packet dequeued (%lu)", what, GetLastError());
    ok(key == want_key && ov == want_ov && bytes == want_bytes, "%s: key %lu ov %s bytes %lu", what,
       (unsigned long)key, ov == want_ov ? "ok" : "wrong", bytes);
}

static BOOL queue_empty(void)
{
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED *ov;
    return !GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0) && GetLastError() == WAIT_TIMEOUT;
}

int main(void)
{
    DWORD bytes, t0, n;
    ULONG_PTR key;
    OVERLAPPED *ov, o1, o2;
    OVERLAPPED_ENTRY entries[8];
    ULONG removed;
    BOOL r;
    int i;

    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    ok(port != NULL, "new port: %lu", GetLastError());

    /* one packet, as posted */
    ok(PostQueuedCompletionStatus(port, 5, 0x1234, (OVERLAPPED *)0x5678), "post");
    bytes = 0; key = 0; ov = NULL;
    r = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0);
    ok(r && bytes == 5 && key == 0x1234 && ov == (OVERLAPPED *)0x5678, "dequeue: %d %lu %lu %p", r, bytes,
       (unsigned long)key, ov);

    /* empty: WAIT_TIMEOUT with a NULL OVERLAPPED */
    ov = (OVERLAPPED *)1;
    SetLastError(0xdeadbeef);
    r = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0);
    ok(!r && GetLastError() == WAIT_TIMEOUT && ov == NULL, "empty: %d %lu %p", r, GetLastError(), ov);
    t0 = GetTickCount();
    r = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 100);
    n = GetTickCount() - t0;
    ok(!r && GetLastError() == WAIT_TIMEOUT && n >= 80, "100 ms timeout: %d %lu after %lu ms", r,
       GetLastError(), n);

    /* FIFO order; a NULL OVERLAPPED is a successful packet too */
    for (i = 1; i <= 3; i++)
        PostQueuedCompletionStatus(port, i * 10, i, NULL);
    for (i = 1; i <= 3; i++) {
        ov = (OVERLAPPED *)1;
        r = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0);
        ok(r && key == (ULONG_PTR)i && bytes == (DWORD)i * 10 && ov == NULL, "packet %d in order: %lu", i,
           (unsigned long)key);
    }

    /* several packets at once */
    for (i = 1; i <= 5; i++)
        PostQueuedCompletionStatus(port, i, 100 + i, (OVERLAPPED *)(ULONG_PTR)(0x100 * i));
    removed = 0;
    r = GetQueuedCompletionStatusEx(port, entries, 3, &removed, 0, FALSE);
    ok(r && removed == 3, "Ex: first 3: %d %lu", r, removed);
    ok(entries[0].lpCompletionKey == 101 && entries[2].lpCompletionKey == 103 &&
       entries[1].dwNumberOfBytesTransferred == 2 && entries[2].lpOverlapped == (OVERLAPPED *)0x300,
       "Ex: entries in order");
    removed = 0;
    r = GetQueuedCompletionStatusEx(port, entries, 8, &removed, 1000, FALSE);
    ok(r && removed == 2 && entries[0].lpCompletionKey == 104 && entries[1].lpCompletionKey == 105,
       "Ex: the other 2: %d %lu", r, removed);
    removed = 99;
    SetLastError(0xdeadbeef);
    r = GetQueuedCompletionStatusEx(port, entries, 8, &removed, 0, FALSE);
    /* the count is 0 or 1 on Windows (Wine's ntdll tests) */
    ok(!r && GetLastError() == WAIT_TIMEOUT && removed <= 1, "Ex: empty: %d %lu %lu", r, GetLastError(),
       removed);

    /* overlapped file I/O completing to the port */
    HANDLE f = CreateFileW(L"iocp.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_FLAG_OVERLAPPED, NULL);
    ok(f != INVALID_HANDLE_VALUE, "create overlapped file");
    ok(CreateIoCompletionPort(f, port, 77, 0) == port, "associating returns the port");
    HANDLE port2 = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    SetLastError(0xdeadbeef);
    ok(CreateIoCompletionPort(f, port2, 78, 0) == NULL && GetLastError() == ERROR_INVALID_PARAMETER,
       "a second port for the same file: %lu", GetLastError());
    CloseHandle(port2);

    static char data[8192];
    for (i = 0; i < (int)sizeof data; i++)
        data[i] = (char)(i * 7);
    memset(&o1, 0, sizeof o1);
    o1.Offset = 0;
    r = WriteFile(f, data, 4096, NULL, &o1);
    ok(r || GetLastError() == ERROR_IO_PENDING, "overlapped write at 0: %lu", GetLastError());
    expect_packet("write at 0", 77, &o1, 4096);
    memset(&o2, 0, sizeof o2);
    o2.Offset = 4096;
    r = WriteFile(f, data + 4096, 4096, NULL, &o2);
    ok(r || GetLastError() == ERROR_IO_PENDING, "overlapped write at 4096: %lu", GetLastError());
    expect_packet("write at 4096", 77, &o2, 4096);
    ok(GetOverlappedResult(f, &o2, &n, TRUE) && n == 4096, "GetOverlappedResult after the write: %lu", n);
    ok(GetFileSize(f, NULL) == 8192, "file size %lu", GetFileSize(f, NULL));

    static char back[4096];
    memset(&o1, 0, sizeof o1);
    o1.Offset = 4000;
    r = ReadFile(f, back, 192, NULL, &o1);
    ok(r || GetLastError() == ERROR_IO_PENDING, "overlapped read at 4000: %lu", GetLastError());
    expect_packet("read at 4000", 77, &o1, 192);
    ok(GetOverlappedResult(f, &o1, &n, TRUE) && n == 192, "GetOverlappedResult after the read: %lu", n);
    ok(!memcmp(back, data + 4000, 192), "read the right bytes");
    /* a short read at the end */
    memset(&o1, 0, sizeof o1);
    o1.Offset = 8000;
    r = ReadFile(f, back, 1000, NULL, &o1);
    ok(r || GetLastError() == ERROR_IO_PENDING, "overlapped read at 8000: %lu", GetLastError());
    expect_packet("read at 8000", 77, &o1, 192);
    ok(!memcmp(back, data + 8000, 192), "read the last bytes");

    /* an event in the OVERLAPPED is set as well; with its low bit set, no
     * packet is queued */
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    memset(&o1, 0, sizeof o1);
    o1.hEvent = ev;
    o1.Offset = 10;
    r = ReadFile(f, back, 10, NULL, &o1);
    ok(r || GetLastError() == ERROR_IO_PENDING, "read with an event: %lu", GetLastError());
    ok(WaitForSingleObject(ev, 2000) == WAIT_OBJECT_0, "event set");
    expect_packet("read with an event", 77, &o1, 10);
    ResetEvent(ev);
    memset(&o1, 0, sizeof o1);
    o1.hEvent = (HANDLE)((ULONG_PTR)ev | 1);
    o1.Offset = 20;
    r = ReadFile(f, back, 10, NULL, &o1);
    ok(r || GetLastError() == ERROR_IO_PENDING, "read with hEvent|1: %lu", GetLastError());
    ok(GetOverlappedResult(f, &o1, &n, TRUE) && n == 10, "its result: %lu", n);
    ok(!memcmp(back, data + 20, 10), "its data");
    ok(queue_empty(), "no packet for hEvent|1");

    /* skip the port when the call completes at once */
    ok(SetFileCompletionNotificationModes(f, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS), "skip mode");
    memset(&o1, 0, sizeof o1);
    o1.Offset = 100;
    r = ReadFile(f, back, 10, NULL, &o1);
    ok(r || GetLastError() == ERROR_IO_PENDING, "read in skip mode: %lu", GetLastError());
    if (r) { /* as many checks as expect_packet makes */
        ok(queue_empty(), "no packet for an immediate success");
        ok(GetOverlappedResult(f, &o1, &n, FALSE) && n == 10, "immediate result: %lu", n);
    } else {
        expect_packet("pending read in skip mode", 77, &o1, 10);
    }

    SetLastError(0xdeadbeef);
    ok(!CancelIoEx(f, &o1) && GetLastError() == ERROR_NOT_FOUND, "CancelIoEx, nothing pending: %lu",
       GetLastError());
    CloseHandle(ev);
    CloseHandle(f);
    DeleteFileW(L"iocp.bin");

    /* four workers share the port; each packet goes to exactly one */
    HANDLE th[4];
    for (i = 0; i < 4; i++)
        th[i] = CreateThread(NULL, 0, worker, (void *)(INT_PTR)i, 0, NULL);
    for (i = 1; i <= 200; i++)
        PostQueuedCompletionStatus(port, i * 2, i, (OVERLAPPED *)(ULONG_PTR)(i + 0x1000));
    for (i = 0; i < 4; i++)
        PostQueuedCompletionStatus(port, 0, 0, NULL);
    ok(WaitForMultipleObjects(4, th, TRUE, 20000) == WAIT_OBJECT_0, "workers done");
    for (i = 0; i < 4; i++) {
        DWORD code = 99;
        GetExitCodeThread(th[i], &code);
        ok(code == 0, "worker %d exit %lu", i, code);
        CloseHandle(th[i]);
    }
    ok(handled == 200 && key_sum == 200 * 201 / 2, "200 packets handled once each: %ld, sum %ld", handled,
       key_sum);
    ok(queue_empty(), "queue drained");

    ok(CloseHandle(port), "close the port");
    return test_summary();
}
