/* ReadFileEx/WriteFileEx: the completion routine runs only in an
 * alertable wait of the thread that started the I/O, with the Win32
 * error, the byte count and the OVERLAPPED (whose hEvent the program may
 * use for its own data: Rust keeps a pointer there). Reading at the end
 * of a file fails at once with ERROR_HANDLE_EOF and queues nothing; at
 * the end of a pipe, ERROR_BROKEN_PIPE. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

static int calls;
static DWORD last_err, last_bytes;
static OVERLAPPED *last_ov;

static void WINAPI done(DWORD err, DWORD bytes, OVERLAPPED *ov)
{
    calls++;
    last_err = err;
    last_bytes = bytes;
    last_ov = ov;
    if (ov->hEvent)
        *(int *)ov->hEvent += 1; /* the program's own pointer */
}

static void report(const char *what, BOOL r)
{
    DWORD e = r ? 0 : GetLastError();
    int before = calls;
    DWORD w = SleepEx(0, TRUE);
    printf("%s: %d (error %lu); routine %s", what, r, e,
           calls > before ? "ran" : "did not run");
    if (calls > before)
        printf(" (error %lu, %lu bytes)", last_err, last_bytes);
    printf(", SleepEx %s\n", w == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "0");
}

int main(void)
{
    char buf[64];
    int mine = 0;
    OVERLAPPED ov;
    HANDLE h = CreateFileW(L"ex.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_FLAG_OVERLAPPED, NULL);
    ok(h != INVALID_HANDLE_VALUE, "create: %lu", GetLastError());

    memset(&ov, 0, sizeof ov);
    ov.hEvent = (HANDLE)&mine;
    report("write 10 at 0", WriteFileEx(h, "0123456789", 10, &ov, done));
    ok(last_ov == &ov && mine == 1, "routine got our OVERLAPPED and its hEvent");
    ok(ov.Internal == 0 && ov.InternalHigh == 10, "OVERLAPPED holds the status: %#lx %lu",
       (unsigned long)ov.Internal, (unsigned long)ov.InternalHigh);

    memset(&ov, 0, sizeof ov);
    ov.Offset = 20;
    report("write 3 at 20", WriteFileEx(h, "abc", 3, &ov, done));
    printf("size now %lu\n", GetFileSize(h, NULL));

    memset(&ov, 0, sizeof ov);
    ov.Offset = 4;
    memset(buf, 0, sizeof buf);
    report("read 4 at 4", ReadFileEx(h, buf, 4, &ov, done));
    printf("read [%s]\n", buf);

    memset(&ov, 0, sizeof ov);
    ov.Offset = 23;
    report("read at the end", ReadFileEx(h, buf, 4, &ov, done));
    memset(&ov, 0, sizeof ov);
    ov.Offset = 100;
    report("read past the end", ReadFileEx(h, buf, 4, &ov, done));

    /* two operations, then one alertable wait runs both routines */
    int before = calls;
    OVERLAPPED a = {0}, b = {0};
    b.Offset = 2;
    ReadFileEx(h, buf, 2, &a, done);
    ReadFileEx(h, buf + 2, 2, &b, done);
    ok(calls == before, "no routine before the wait");
    DWORD w = WaitForSingleObjectEx(GetCurrentThread(), 0, TRUE);
    printf("wait: %s, %d routines\n", w == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "timeout",
           calls - before);
    CloseHandle(h);

    /* an anonymous pipe's end */
    HANDLE r, wr;
    CreatePipe(&r, &wr, NULL, 0);
    DWORD n;
    WriteFile(wr, "xyz", 3, &n, NULL);
    CloseHandle(wr);
    memset(&ov, 0, sizeof ov);
    memset(buf, 0, sizeof buf);
    report("pipe read", ReadFileEx(r, buf, sizeof buf, &ov, done));
    printf("pipe read [%s]\n", buf);
    memset(&ov, 0, sizeof ov);
    report("pipe read at the end", ReadFileEx(r, buf, sizeof buf, &ov, done));
    CloseHandle(r);

    SetLastError(0);
    memset(&ov, 0, sizeof ov);
    report("bad handle", ReadFileEx((HANDLE)(ULONG_PTR)0xdead0, buf, 4, &ov, done));
    return test_summary();
}
