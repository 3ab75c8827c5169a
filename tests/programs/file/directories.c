/* CreateDirectoryW/RemoveDirectoryW/DeleteFileW and their errors, and
 * Get/SetCurrentDirectoryW with relative paths. */
#include <windows.h>
#include <wchar.h>
#include "test.h"

static void touch(const WCHAR *name)
{
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(h);
}

int main(void)
{
    WCHAR start[MAX_PATH], cur[MAX_PATH];
    DWORD n, n2;

    ok(CreateDirectoryW(L"d1", NULL), "CreateDirectoryW");
    SetLastError(0xdeadbeef);
    ok(!CreateDirectoryW(L"d1", NULL) && GetLastError() == ERROR_ALREADY_EXISTS, "existing: %lu", GetLastError());
    touch(L"file");
    SetLastError(0xdeadbeef);
    ok(!CreateDirectoryW(L"file", NULL) && GetLastError() == ERROR_ALREADY_EXISTS, "over a file: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CreateDirectoryW(L"no\\such\\parent", NULL) && GetLastError() == ERROR_PATH_NOT_FOUND, "missing parent: %lu", GetLastError());
    ok(CreateDirectoryA("d1\\d2", NULL), "nested CreateDirectoryA");
    ok(CreateDirectoryW(L"d1/d3/", NULL), "forward slashes and trailing slash");

    touch(L"d1\\d2\\f.txt");
    SetLastError(0xdeadbeef);
    ok(!RemoveDirectoryW(L"d1\\d2") && GetLastError() == ERROR_DIR_NOT_EMPTY, "non-empty: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!RemoveDirectoryW(L"file") && GetLastError() == ERROR_DIRECTORY, "RemoveDirectory of a file: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!RemoveDirectoryW(L"missing") && GetLastError() == ERROR_FILE_NOT_FOUND, "missing: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!DeleteFileW(L"d1\\d3") && GetLastError() == ERROR_ACCESS_DENIED, "DeleteFile of a directory: %lu", GetLastError());
    ok(DeleteFileW(L"d1\\d2\\f.txt"), "DeleteFileW");
    SetLastError(0xdeadbeef);
    ok(!DeleteFileW(L"d1\\d2\\f.txt") && GetLastError() == ERROR_FILE_NOT_FOUND, "DeleteFile twice: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!DeleteFileW(L"nodir\\f.txt") && GetLastError() == ERROR_PATH_NOT_FOUND, "DeleteFile in missing dir: %lu", GetLastError());
    ok(RemoveDirectoryW(L"d1\\d2"), "RemoveDirectory now empty");

    /* current directory */
    n = GetCurrentDirectoryW(MAX_PATH, start);
    ok(n > 0 && n == wcslen(start), "GetCurrentDirectoryW returns length");
    ok(start[n - 1] != L'\\', "no trailing backslash (not a root)");
    n2 = GetCurrentDirectoryW(0, NULL);
    ok(n2 == n + 1, "size query includes NUL: %lu vs %lu", n2, n);
    n2 = GetCurrentDirectoryW(3, cur);
    ok(n2 == n + 1, "too small buffer returns size needed");
    ok(SetCurrentDirectoryW(L"d1"), "SetCurrentDirectoryW relative");
    GetCurrentDirectoryW(MAX_PATH, cur);
    ok(wcslen(cur) == n + 3 && !_wcsnicmp(cur, start, n) && !wcscmp(cur + n, L"\\d1"), "now in d1");
    ok(GetFileAttributesW(L"d3") != INVALID_FILE_ATTRIBUTES, "relative names resolve against it");
    ok(SetCurrentDirectoryW(L"d3\\"), "trailing backslash");
    GetCurrentDirectoryW(MAX_PATH, cur);
    ok(!wcscmp(cur + n, L"\\d1\\d3"), "now in d1\\d3 (no trailing backslash kept)");
    ok(SetCurrentDirectoryW(L"..\\.."), "..\\..");
    GetCurrentDirectoryW(MAX_PATH, cur);
    ok(!wcscmp(cur, start), "back at start");
    SetLastError(0xdeadbeef);
    ok(!SetCurrentDirectoryW(L"missing") && GetLastError() == ERROR_FILE_NOT_FOUND, "missing: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetCurrentDirectoryW(L"file") && GetLastError() == ERROR_DIRECTORY, "a file: %lu", GetLastError());

    /* a directory that is the current directory cannot be removed */
    SetCurrentDirectoryW(L"d1\\d3");
    SetLastError(0xdeadbeef);
    ok(!RemoveDirectoryW(L"..\\d3"), "cannot remove the current directory: %lu", GetLastError());
    SetCurrentDirectoryW(start);
    ok(RemoveDirectoryW(L"d1\\d3") && RemoveDirectoryW(L"d1"), "cleanup");
    ok(DeleteFileW(L"file"), "delete file");
    return test_summary();
}
