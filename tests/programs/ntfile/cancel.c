// build: -lntdll
// wine: skip Wine 8's NtCancelIoFileEx/CancelIoEx succeed with nothing to cancel; Windows fails (STATUS_NOT_FOUND, ERROR_NOT_FOUND: CancelIoEx docs)
/* Cancelling when no I/O is pending: Windows reports that nothing was
 * found (CancelIoEx: "If this function cannot find a request to cancel,
 * the return value is 0, and GetLastError returns ERROR_NOT_FOUND"),
 * which NtCancelIoFileEx gives as STATUS_NOT_FOUND. */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

NTSTATUS NTAPI NtCancelIoFileEx(HANDLE, PIO_STATUS_BLOCK, PIO_STATUS_BLOCK);

int main(void)
{
    IO_STATUS_BLOCK io;
    HANDLE h = CreateFileW(L"c.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    printf("NtCancelIoFileEx: %#lx\n", NtCancelIoFileEx(h, NULL, &io));
    SetLastError(0);
    BOOL r = CancelIoEx(h, NULL);
    printf("CancelIoEx: %d, error %lu\n", r, GetLastError());
    printf("bad handle: %#lx\n", NtCancelIoFileEx((HANDLE)(ULONG_PTR)0xdead0, NULL, &io));
    CloseHandle(h);
    return 0;
}
