/* GetFinalPathNameByHandleW: the path of an open file or directory as
 * "\\?\X:\..." (VOLUME_NAME_DOS), without the drive (VOLUME_NAME_NONE);
 * the name's case as stored, not as opened; a rename seen through the
 * handle; the buffer-size protocol (length without the NUL on success,
 * the size needed with it when too small); failures for a pipe and for
 * bad flags. Paths print relative to the current directory, whose form
 * differs between machines. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

static WCHAR cwd[MAX_PATH]; /* "X:\dir" */

static void show(const char *what, HANDLE h, DWORD flags)
{
    WCHAR buf[MAX_PATH + 8];
    SetLastError(0);
    DWORD n = GetFinalPathNameByHandleW(h, buf, MAX_PATH + 8, flags);
    if (!n) {
        printf("%s: error %lu\n", what, GetLastError());
        return;
    }
    ok(n == wcslen(buf), "%s: returned %lu for %u characters", what, n, (unsigned)wcslen(buf));
    /* replace the current directory by "<cwd>" */
    const WCHAR *rest = buf, *lead = L"";
    if (!wcsncmp(buf, L"\\\\?\\", 4) && !_wcsnicmp(buf + 4, cwd, wcslen(cwd))) {
        lead = L"\\\\?\\<cwd>";
        rest = buf + 4 + wcslen(cwd);
    } else if (!_wcsnicmp(buf, cwd + 2, wcslen(cwd) - 2)) {
        lead = L"<cwd without drive>";
        rest = buf + wcslen(cwd) - 2;
    }
    printf("%s: %ls%ls\n", what, lead, rest);
}

int main(void)
{
    GetCurrentDirectoryW(MAX_PATH, cwd);
    if (cwd[wcslen(cwd) - 1] == '\\')
        cwd[wcslen(cwd) - 1] = 0;
    CreateDirectoryW(L"Sub", NULL);
    HANDLE h = CreateFileW(L"Sub\\MixedCase.txt", GENERIC_READ | GENERIC_WRITE | DELETE,
                           FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, CREATE_ALWAYS, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "create: %lu", GetLastError());
    CloseHandle(h);
    h = CreateFileW(L"sub\\mixedcase.TXT", GENERIC_READ | DELETE,
                    FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    show("file, DOS", h, 0);
    show("file, opened name", h, FILE_NAME_OPENED);
    show("file, no volume", h, VOLUME_NAME_NONE);

    WCHAR small[8];
    SetLastError(0xdead);
    DWORD need = GetFinalPathNameByHandleW(h, small, 8, 0);
    WCHAR big[MAX_PATH];
    DWORD len = GetFinalPathNameByHandleW(h, big, MAX_PATH, 0);
    printf("small buffer: needs length + 1: %d\n", need == len + 1);
    need = GetFinalPathNameByHandleW(h, big, len, 0);
    printf("buffer of exactly the length: needs length + 1: %d\n", need == len + 1);
    need = GetFinalPathNameByHandleW(h, big, len + 1, 0);
    printf("buffer of length + 1: returns length: %d\n", need == len);

    /* renamed through the handle */
    FILE_RENAME_INFO *ri = calloc(1, sizeof *ri + 64);
    wcscpy(ri->FileName, L"Sub\\Renamed.txt");
    ri->FileNameLength = wcslen(ri->FileName) * sizeof(WCHAR);
    BOOL r = SetFileInformationByHandle(h, FileRenameInfo, ri, sizeof *ri + 64);
    ok(r, "rename: %lu", GetLastError());
    show("after a rename", h, 0);
    CloseHandle(h);

    h = CreateFileW(L"sub", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                    FILE_FLAG_BACKUP_SEMANTICS, NULL);
    show("directory", h, 0);
    show("bad flags", h, 0x10);
    CloseHandle(h);

    HANDLE rd, wr;
    CreatePipe(&rd, &wr, NULL, 0);
    show("pipe", rd, 0);
    CloseHandle(rd);
    CloseHandle(wr);
    show("bad handle", (HANDLE)(ULONG_PTR)0xdead0, 0);
    return test_summary();
}
