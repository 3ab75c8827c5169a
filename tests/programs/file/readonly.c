// wine: skip Wine keeps FILE_ATTRIBUTE_ARCHIVE (0x21, 0x20 instead of 0x01, 0x80) and, run as root, opens read-only files for writing
/* FILE_ATTRIBUTE_READONLY: SetFileAttributesW sets exactly the attributes
 * given (so ARCHIVE goes away), a file with no attributes left reports
 * FILE_ATTRIBUTE_NORMAL (0x80), a read-only file cannot be opened for
 * writing or deleted (ERROR_ACCESS_DENIED, as documented for DeleteFile
 * and CreateFile), but opens for reading.  Expected output from
 * Microsoft's documentation; under Wine the attribute values differ and,
 * when run as root, the Unix permission bits Wine uses do not stop
 * writes. */
#include <windows.h>
#include "test.h"

int main(void)
{
    HANDLE h;
    DWORD a, n;

    h = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    WriteFile(h, "abc", 3, &n, NULL);
    CloseHandle(h);
    ok(GetFileAttributesW(L"f.txt") == FILE_ATTRIBUTE_ARCHIVE, "new file: ARCHIVE");

    ok(SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_READONLY), "set read-only");
    a = GetFileAttributesW(L"f.txt");
    ok(a == FILE_ATTRIBUTE_READONLY, "read-only attributes %#lx", a);
    SetLastError(0xdeadbeef);
    h = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED, "open read-only file for writing: %lu", GetLastError());
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
    SetLastError(0xdeadbeef);
    ok(!DeleteFileW(L"f.txt") && GetLastError() == ERROR_ACCESS_DENIED, "delete read-only file: %lu", GetLastError());
    h = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "read-only file opens for reading");
    CloseHandle(h);

    ok(SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_NORMAL), "clear read-only");
    a = GetFileAttributesW(L"f.txt");
    ok(a == FILE_ATTRIBUTE_NORMAL, "no attributes left reads as FILE_ATTRIBUTE_NORMAL: %#lx", a);
    ok(SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_ARCHIVE), "set hidden|archive");
    a = GetFileAttributesW(L"f.txt");
    ok(a == (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_ARCHIVE), "hidden|archive: %#lx", a);
    SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_NORMAL);
    ok(DeleteFileW(L"f.txt"), "delete after clearing");
    return test_summary();
}
