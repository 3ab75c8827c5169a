// wine: skip Wine 8's MoveFileW("two.txt", "TWO.txt") succeeds but keeps the old name on disk
/* A rename that changes only the case of a name stores the new spelling
 * (Windows file systems are case-preserving), and the file stays
 * reachable under any case. */
#include <windows.h>
#include <wchar.h>
#include "test.h"

static int stored_name_is(const WCHAR *pattern, const WCHAR *want)
{
    WIN32_FIND_DATAW fd;
    HANDLE f = FindFirstFileW(pattern, &fd);
    int r = f != INVALID_HANDLE_VALUE && !wcscmp(fd.cFileName, want);
    if (f != INVALID_HANDLE_VALUE)
        FindClose(f);
    return r;
}

int main(void)
{
    HANDLE h = CreateFileW(L"two.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CloseHandle(h);
    ok(stored_name_is(L"TWO.TXT", L"two.txt"), "created as two.txt");
    ok(MoveFileW(L"two.txt", L"TWO.txt"), "case-only MoveFileW");
    ok(stored_name_is(L"two.txt", L"TWO.txt"), "stored name now TWO.txt");
    ok(MoveFileExW(L"TWO.txt", L"Two.Txt", MOVEFILE_REPLACE_EXISTING), "case-only MoveFileExW with replace");
    ok(stored_name_is(L"t*", L"Two.Txt"), "stored name now Two.Txt"); /* "*" would list "." first */
    CreateDirectoryW(L"dir", NULL);
    ok(MoveFileW(L"dir", L"DIR"), "case-only rename of a directory");
    ok(stored_name_is(L"d*", L"DIR"), "directory now DIR");
    return test_summary();
}
