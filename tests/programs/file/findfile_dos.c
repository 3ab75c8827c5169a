// wine: skip Wine 8 matches "*." like "*", and '?' only as exactly one character
/* FindFirstFileW's patterns where DOS's rules show, as Windows hands
 * them to the file system (DOS_STAR, DOS_QM, DOS_DOT: see
 * FsRtlIsNameInExpression): "*." finds names without an extension, and
 * '?' matches one character, or none before a dot or at the end, so
 * "??.c" finds "x.c" and "x??" finds "x" but not "x.c". */
#include <windows.h>
#include <stdio.h>

static void touch(const WCHAR *name)
{
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(h);
}

static void list(const WCHAR *pattern)
{
    WIN32_FIND_DATAW fd;
    WCHAR path[MAX_PATH];
    swprintf(path, MAX_PATH, L"fm\\%ls", pattern);
    HANDLE h = FindFirstFileW(path, &fd);
    printf("%-8ls:", pattern);
    if (h == INVALID_HANDLE_VALUE) {
        printf(" error %lu\n", GetLastError());
        return;
    }
    do
        printf(" %ls", fd.cFileName);
    while (FindNextFileW(h, &fd));
    printf("\n");
    FindClose(h);
}

int main(void)
{
    static const WCHAR *files[] = {L"b.txt", L"A.TXT", L"x", L"x.c", L"xy.c", L"xyz.c", L"Makefile",
                                   L"a.tgz", L"tar.txt.gz", L"_under", L"0zero", L"x.", NULL};
    static const WCHAR *patterns[] = {L"*.", L"??.c", L"x?.c", L"x??", NULL};
    CreateDirectoryW(L"fm", NULL);
    CreateDirectoryW(L"fm\\Sub", NULL);
    for (int i = 0; files[i]; i++) {
        WCHAR path[MAX_PATH];
        swprintf(path, MAX_PATH, L"fm\\%ls", files[i]);
        touch(path);
    }
    for (int i = 0; patterns[i]; i++)
        list(patterns[i]);
    return 0;
}
