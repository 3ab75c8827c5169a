/* Names resolve against the current directory of the moment they are
 * given, while another thread keeps changing it: a full name always finds
 * the same file, a relative one the file of one directory or the other,
 * never a mix. (decant looks names under the current directory up from
 * it, and must notice the directory moving under such a lookup.) */
#include <windows.h>
#include <wchar.h>
#include "test.h"

static volatile LONG stop;
static WCHAR d1[MAX_PATH], d2[MAX_PATH];

static DWORD WINAPI flipper(void *arg)
{
    while (!stop) {
        SetCurrentDirectoryW(d1);
        SetCurrentDirectoryW(d2);
    }
    return 0;
}

static void touch(const WCHAR *name)
{
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(h);
}

int main(void)
{
    WCHAR start[MAX_PATH], only1[MAX_PATH], only2[MAX_PATH], in2[MAX_PATH];
    GetCurrentDirectoryW(MAX_PATH, start);
    CreateDirectoryW(L"d1", NULL);
    CreateDirectoryW(L"d2", NULL);
    touch(L"d1\\only1");
    touch(L"d2\\only2");
    swprintf(d1, MAX_PATH, L"%ls\\d1", start);
    swprintf(d2, MAX_PATH, L"%ls\\d2", start);
    swprintf(only1, MAX_PATH, L"%ls\\only1", d1);
    swprintf(only2, MAX_PATH, L"%ls\\only2", d2);
    swprintf(in2, MAX_PATH, L"%ls\\only1", d2); /* no such file */

    HANDLE t = CreateThread(NULL, 0, flipper, NULL, 0, NULL);
    int wrong_full = 0, relative_neither = 0;
    for (int i = 0; i < 20000; i++) {
        if (GetFileAttributesW(only1) == INVALID_FILE_ATTRIBUTES ||
            GetFileAttributesW(only2) == INVALID_FILE_ATTRIBUTES ||
            GetFileAttributesW(in2) != INVALID_FILE_ATTRIBUTES)
            wrong_full++;
        /* a relative name: whichever directory is current, never an error
         * other than "not found" */
        DWORD a = GetFileAttributesW(L"only1"), b = GetFileAttributesW(L"only2");
        if ((a == INVALID_FILE_ATTRIBUTES && GetLastError() != ERROR_FILE_NOT_FOUND) ||
            (a == INVALID_FILE_ATTRIBUTES && b == INVALID_FILE_ATTRIBUTES &&
             GetLastError() != ERROR_FILE_NOT_FOUND))
            relative_neither++;
    }
    stop = 1;
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    ok(wrong_full == 0, "full names found their files every time (%d wrong)", wrong_full);
    ok(relative_neither == 0, "relative names: only found or not found (%d other)",
       relative_neither);

    SetCurrentDirectoryW(start);
    ok(DeleteFileW(L"d1\\only1") && DeleteFileW(L"d2\\only2"), "cleanup files");
    ok(RemoveDirectoryW(L"d1") && RemoveDirectoryW(L"d2"), "cleanup directories");
    return test_summary();
}
