// build: -lntdll
/* Anonymous pipes the way Rust's std makes them for a child's stdio:
 * NtOpenFile of the pipe file system (\??\PIPE\), NtCreateNamedPipeFile
 * relative to it with no name, then NtOpenFile relative to the new pipe,
 * again with no name, for the other end. Data flows between the two
 * handles; closing one end is the other's end of file. */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

NTSTATUS NTAPI NtCreateNamedPipeFile(PHANDLE, ULONG, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK, ULONG,
                                     ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, ULONG,
                                     PLARGE_INTEGER);
NTSTATUS NTAPI NtReadFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, PVOID,
                          ULONG, PLARGE_INTEGER, PULONG);
NTSTATUS NTAPI NtWriteFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK,
                           const void *, ULONG, PLARGE_INTEGER, PULONG);

#define FILE_CREATE 2
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20
#define FILE_NON_DIRECTORY_FILE 0x40

static HANDLE pipe_fs;

/* Rust's anon_pipe(ours_readable): returns ours, *theirs the other end */
static HANDLE anon_pipe(BOOL ours_readable, HANDLE *theirs, NTSTATUS *st_create, NTSTATUS *st_open)
{
    IO_STATUS_BLOCK io;
    UNICODE_STRING empty = {0, 0, NULL};
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &empty, 0, pipe_fs, NULL);
    LARGE_INTEGER timeout;
    timeout.QuadPart = -500000;
    HANDLE ours = NULL;
    *st_create = NtCreateNamedPipeFile(&ours, SYNCHRONIZE | (ours_readable ? GENERIC_READ : GENERIC_WRITE),
                                       &oa, &io, ours_readable ? FILE_SHARE_WRITE : FILE_SHARE_READ,
                                       FILE_CREATE, 0, 0, 0, 0, 1, 65536, 65536, &timeout);
    oa.RootDirectory = ours;
    *theirs = NULL;
    *st_open = NtOpenFile(theirs, SYNCHRONIZE | (ours_readable ? GENERIC_WRITE | FILE_READ_ATTRIBUTES : GENERIC_READ),
                          &oa, &io, 0, FILE_NON_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    return ours;
}

int main(void)
{
    IO_STATUS_BLOCK io;
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, L"\\??\\PIPE\\");
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &name, 0, NULL, NULL);
    NTSTATUS st = NtOpenFile(&pipe_fs, SYNCHRONIZE | GENERIC_READ, &oa, &io,
                             FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_SYNCHRONOUS_IO_NONALERT);
    printf("open \\??\\PIPE\\: %#lx\n", st);

    NTSTATUS sc, so;
    HANDLE theirs, ours = anon_pipe(TRUE, &theirs, &sc, &so);
    printf("readable pipe: create %#lx, open other end %#lx, types %lu %lu\n", sc, so,
           GetFileType(ours), GetFileType(theirs));
    DWORD n;
    BOOL r = WriteFile(theirs, "to parent", 9, &n, NULL);
    printf("write their end: %d, %lu bytes\n", r, n);
    char buf[32] = {0};
    st = NtReadFile(ours, NULL, NULL, NULL, &io, buf, sizeof buf, NULL, NULL);
    if (st == STATUS_PENDING) {
        WaitForSingleObject(ours, INFINITE);
        st = io.Status;
    }
    printf("read our end: %#lx, %lu bytes [%s]\n", st, (unsigned long)io.Information, buf);
    CloseHandle(theirs);
    st = NtReadFile(ours, NULL, NULL, NULL, &io, buf, sizeof buf, NULL, NULL);
    if (st == STATUS_PENDING) {
        WaitForSingleObject(ours, INFINITE);
        st = io.Status;
    }
    printf("read after their end closed: %#lx\n", st);
    CloseHandle(ours);

    ours = anon_pipe(FALSE, &theirs, &sc, &so);
    printf("writable pipe: create %#lx, open other end %#lx\n", sc, so);
    OVERLAPPED ov = {0};
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    ov.hEvent = ev;
    r = WriteFile(ours, "to child", 8, NULL, &ov);
    if (!r && GetLastError() == ERROR_IO_PENDING)
        r = GetOverlappedResult(ours, &ov, &n, TRUE);
    else
        GetOverlappedResult(ours, &ov, &n, TRUE);
    printf("overlapped write our end: %d, %lu bytes\n", r, n);
    memset(buf, 0, sizeof buf);
    r = ReadFile(theirs, buf, sizeof buf, &n, NULL);
    printf("read their end: %d [%s]\n", r, buf);

    /* the other end opens once */
    HANDLE again = NULL;
    UNICODE_STRING empty = {0, 0, NULL};
    InitializeObjectAttributes(&oa, &empty, 0, ours, NULL);
    st = NtOpenFile(&again, SYNCHRONIZE | GENERIC_READ, &oa, &io, 0, FILE_SYNCHRONOUS_IO_NONALERT);
    printf("second open of the other end: %s\n", st ? "fails" : "succeeds");
    if (!st)
        CloseHandle(again);
    CloseHandle(ours);
    r = ReadFile(theirs, buf, sizeof buf, &n, NULL);
    printf("read after our end closed: %d, error %lu\n", r, r ? 0 : GetLastError());
    CloseHandle(theirs);
    CloseHandle(pipe_fs);
    return test_summary();
}
