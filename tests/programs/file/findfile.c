// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* FindFirstFileW/FindNextFileW with wildcards.  The order of results is
 * unspecified, so names are sorted before printing.  "." and ".." are
 * returned for "*" in a subdirectory. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static int cmp(const void *a, const void *b)
{
    return _wcsicmp(*(const WCHAR *const *)a, *(const WCHAR *const *)b);
}

static void touch(const WCHAR *name, DWORD size)
{
    static char zeros[100];
    DWORD n;
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, zeros, size, &n, NULL);
    CloseHandle(h);
}

static void list(const WCHAR *pattern)
{
    WIN32_FIND_DATAW fd;
    WCHAR *names[64];
    DWORD sizes[64], attrs[64];
    int n = 0, i, j;
    HANDLE h;

    SetLastError(0xdeadbeef);
    h = FindFirstFileW(pattern, &fd);
    if (h == INVALID_HANDLE_VALUE) {
        printf("%ls: INVALID_HANDLE_VALUE, error %lu\n", pattern, GetLastError());
        return;
    }
    do {
        names[n] = _wcsdup(fd.cFileName);
        sizes[n] = fd.nFileSizeLow;
        attrs[n] = fd.dwFileAttributes;
        n++;
    } while (n < 64 && FindNextFileW(h, &fd));
    printf("%ls: %d entries, then error %lu\n", pattern, n, GetLastError());
    FindClose(h);
    /* sort names with their data */
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            if (cmp(&names[j], &names[i]) < 0) {
                WCHAR *t = names[i]; DWORD s = sizes[i], a = attrs[i];
                names[i] = names[j]; sizes[i] = sizes[j]; attrs[i] = attrs[j];
                names[j] = t; sizes[j] = s; attrs[j] = a;
            }
    for (i = 0; i < n; i++) {
        printf("  %ls %s size=%lu\n", names[i], (attrs[i] & FILE_ATTRIBUTE_DIRECTORY) ? "<DIR>" : "file", (attrs[i] & FILE_ATTRIBUTE_DIRECTORY) ? 0 : sizes[i]);
        free(names[i]);
    }
}

int main(void)
{
    CreateDirectoryW(L"top", NULL);
    CreateDirectoryW(L"top\\sub", NULL);
    touch(L"top\\a.txt", 1);
    touch(L"top\\b.TXT", 2);
    touch(L"top\\c.txt.bak", 3);
    touch(L"top\\d.text", 4);
    touch(L"top\\noext", 5);
    touch(L"top\\e.c", 6);
    touch(L"top\\sub\\inner.txt", 7);

    list(L"top\\*");
    list(L"top\\*.txt");
    list(L"top\\?.c");
    list(L"top\\*.*");
    list(L"top/sub/*");
    list(L"top\\A.TXT");
    list(L"top\\*.none");
    list(L"missingdir\\*");
    list(L"top\\sub");
    return 0;
}
