/* MoveFileExW with and without MOVEFILE_REPLACE_EXISTING, MoveFileW of
 * directories, CopyFileW (bFailIfExists), CopyFileExW-free, and the
 * error codes on failure. */
#include <windows.h>
#include <string.h>
#include "test.h"

static void write_file(const WCHAR *name, const char *data)
{
    DWORD n;
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, data, (DWORD)strlen(data), &n, NULL);
    CloseHandle(h);
}

static int has(const WCHAR *name, const char *data)
{
    char buf[64];
    DWORD n = 0;
    HANDLE h = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return 0;
    ReadFile(h, buf, sizeof buf, &n, NULL);
    CloseHandle(h);
    return n == strlen(data) && !memcmp(buf, data, n);
}

int main(void)
{
    HANDLE h;

    write_file(L"one.txt", "one");
    write_file(L"two.txt", "two");

    ok(MoveFileExW(L"one.txt", L"moved.txt", 0), "MoveFileExW to a new name");
    ok(has(L"moved.txt", "one") && GetFileAttributesW(L"one.txt") == INVALID_FILE_ATTRIBUTES, "moved");
    SetLastError(0xdeadbeef);
    ok(!MoveFileExW(L"moved.txt", L"two.txt", 0) && GetLastError() == ERROR_ALREADY_EXISTS, "onto existing without flag: %lu", GetLastError());
    ok(has(L"two.txt", "two"), "target untouched");
    ok(MoveFileExW(L"moved.txt", L"two.txt", MOVEFILE_REPLACE_EXISTING), "with MOVEFILE_REPLACE_EXISTING");
    ok(has(L"two.txt", "one") && GetFileAttributesW(L"moved.txt") == INVALID_FILE_ATTRIBUTES, "replaced");
    SetLastError(0xdeadbeef);
    ok(!MoveFileW(L"missing.txt", L"x.txt") && GetLastError() == ERROR_FILE_NOT_FOUND, "move missing: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!MoveFileW(L"two.txt", L"nodir\\x.txt") && GetLastError() == ERROR_PATH_NOT_FOUND, "into missing dir: %lu", GetLastError());

    /* case-only rename succeeds (what name is stored: case_rename.c) */
    ok(MoveFileW(L"two.txt", L"TWO.txt"), "case-only rename");

    /* directories move with their contents */
    CreateDirectoryW(L"dir", NULL);
    write_file(L"dir\\in.txt", "in");
    ok(MoveFileW(L"dir", L"dir2"), "move directory");
    ok(has(L"dir2\\in.txt", "in"), "contents moved");
    ok(MoveFileW(L"TWO.txt", L"dir2\\two.txt"), "move file into a directory");
    ok(has(L"dir2\\two.txt", "one"), "file in directory");

    /* moving a file that is open without FILE_SHARE_DELETE fails */
    h = CreateFileW(L"dir2\\in.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0xdeadbeef);
    ok(!MoveFileW(L"dir2\\in.txt", L"dir2\\in2.txt") && GetLastError() == ERROR_SHARING_VIOLATION, "move open file: %lu", GetLastError());
    CloseHandle(h);

    /* CopyFileW */
    write_file(L"src.txt", "source");
    ok(CopyFileW(L"src.txt", L"copy.txt", TRUE), "CopyFileW new");
    ok(has(L"copy.txt", "source") && has(L"src.txt", "source"), "copied");
    write_file(L"copy.txt", "changed");
    SetLastError(0xdeadbeef);
    ok(!CopyFileW(L"src.txt", L"copy.txt", TRUE) && GetLastError() == ERROR_FILE_EXISTS, "bFailIfExists: %lu", GetLastError());
    ok(has(L"copy.txt", "changed"), "not overwritten");
    ok(CopyFileW(L"src.txt", L"copy.txt", FALSE), "overwrite");
    ok(has(L"copy.txt", "source"), "overwritten");
    SetLastError(0xdeadbeef);
    ok(!CopyFileW(L"missing.txt", L"c2.txt", FALSE) && GetLastError() == ERROR_FILE_NOT_FOUND, "copy missing: %lu", GetLastError());
    ok(CopyFileA("src.txt", "dir2\\copyA.txt", FALSE) && has(L"dir2\\copyA.txt", "source"), "CopyFileA");
    return test_summary();
}
