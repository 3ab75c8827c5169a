/* GetFileAttributesW/ExW, SetFileAttributesW (read-only), error codes
 * for missing files (2) and missing directories in the path (3). */
#include <windows.h>
#include "test.h"

int main(void)
{
    HANDLE h;
    DWORD a, n;
    WIN32_FILE_ATTRIBUTE_DATA d;

    h = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    WriteFile(h, "abc", 3, &n, NULL);
    CloseHandle(h);
    ok(CreateDirectoryW(L"d", NULL), "CreateDirectory");

    a = GetFileAttributesW(L"f.txt");
    ok(a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY), "file attributes %#lx", a);
    ok(a == FILE_ATTRIBUTE_ARCHIVE, "new file is FILE_ATTRIBUTE_ARCHIVE: %#lx", a);
    a = GetFileAttributesW(L"d");
    ok(a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY), "dir attributes %#lx", a);
    a = GetFileAttributesW(L"d\\");
    ok(a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY), "dir with trailing backslash");
    a = GetFileAttributesW(L".");
    ok(a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY), "current directory");

    SetLastError(0xdeadbeef);
    a = GetFileAttributesW(L"missing.txt");
    ok(a == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_FILE_NOT_FOUND, "missing file: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    a = GetFileAttributesW(L"nodir\\missing.txt");
    ok(a == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_PATH_NOT_FOUND, "missing dir: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    a = GetFileAttributesW(L"f.txt\\sub");
    ok(a == INVALID_FILE_ATTRIBUTES, "file used as a directory fails: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    a = GetFileAttributesA("missing.txt");
    ok(a == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_FILE_NOT_FOUND, "A version: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    a = GetFileAttributesW(L"bad<name>.txt");
    ok(a == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_INVALID_NAME, "invalid characters: %lu", GetLastError());

    ok(GetFileAttributesExW(L"f.txt", GetFileExInfoStandard, &d), "GetFileAttributesExW");
    ok(d.nFileSizeLow == 3 && d.nFileSizeHigh == 0, "size 3");
    ok(d.ftLastWriteTime.dwHighDateTime != 0, "has a write time");
    ok(CompareFileTime(&d.ftCreationTime, &d.ftLastWriteTime) <= 0, "created <= written");
    SetLastError(0xdeadbeef);
    ok(!GetFileAttributesExW(L"missing.txt", GetFileExInfoStandard, &d) && GetLastError() == ERROR_FILE_NOT_FOUND,
       "GetFileAttributesExW missing: %lu", GetLastError());

    /* read-only files: readonly.c */
    ok(DeleteFileW(L"f.txt"), "delete");
    SetLastError(0xdeadbeef);
    ok(!SetFileAttributesW(L"missing.txt", FILE_ATTRIBUTE_NORMAL) && GetLastError() == ERROR_FILE_NOT_FOUND, "SetFileAttributes missing");
    return test_summary();
}
