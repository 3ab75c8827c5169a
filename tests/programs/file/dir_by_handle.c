/* Reading a directory by handle, as Go's os.ReadDir does:
 * GetVolumeInformationByHandleW (the same volume facts as
 * GetVolumeInformationW, and the serial number GetFileInformationByHandle
 * reports) picks FileIdBothDirectoryRestartInfo when the volume has object
 * IDs, else FileFullDirectoryRestartInfo; GetFileInformationByHandleEx
 * then lists the directory in buffers, the non-restart class after the
 * first, until ERROR_NO_MORE_FILES. Also: ERROR_MORE_DATA for a name that
 * does not fit, ERROR_BAD_LENGTH for a buffer smaller than an entry,
 * ERROR_INVALID_PARAMETER for a file, a restart class starting over. */
#include <windows.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

static BYTE buf[4096];

static void touch(const WCHAR *name, DWORD size)
{
    static char zeros[100];
    DWORD n;
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, zeros, size, &n, NULL);
    CloseHandle(h);
}

static HANDLE open_dir(const WCHAR *name)
{
    return CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                       OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
}

/* Lists a directory the way Go does, printing names and sizes. */
static void read_dir(const WCHAR *name, DWORD bufsize)
{
    HANDLE h = open_dir(name);
    DWORD serial = 0, flags = 0, fserial = 0;
    BY_HANDLE_FILE_INFORMATION bh;
    ok(GetVolumeInformationByHandleW(h, NULL, 0, &serial, NULL, &flags, NULL, 0),
       "GetVolumeInformationByHandleW: %lu", GetLastError());
    ok(GetFileInformationByHandle(h, &bh), "GetFileInformationByHandle");
    fserial = bh.dwVolumeSerialNumber;
    ok(serial == fserial, "the volume serial number of both: %lx %lx", serial, fserial);
    int ids = (flags & FILE_SUPPORTS_OBJECT_IDS) != 0;
    FILE_INFO_BY_HANDLE_CLASS cls = ids ? FileIdBothDirectoryRestartInfo : FileFullDirectoryRestartInfo;
    printf("%ls:", name);
    int calls = 0;
    for (;;) {
        if (!GetFileInformationByHandleEx(h, cls, buf, bufsize)) {
            ok(GetLastError() == ERROR_NO_MORE_FILES, "the end: %lu", GetLastError());
            break;
        }
        calls++;
        cls = ids ? FileIdBothDirectoryInfo : FileFullDirectoryInfo;
        for (DWORD pos = 0;;) {
            ULONG next, len, attrs;
            LONGLONG size;
            const WCHAR *n;
            if (ids) {
                FILE_ID_BOTH_DIR_INFO *e = (FILE_ID_BOTH_DIR_INFO *)(buf + pos);
                next = e->NextEntryOffset, len = e->FileNameLength, n = e->FileName;
                attrs = e->FileAttributes, size = e->EndOfFile.QuadPart;
            } else {
                FILE_FULL_DIR_INFO *e = (FILE_FULL_DIR_INFO *)(buf + pos);
                next = e->NextEntryOffset, len = e->FileNameLength, n = e->FileName;
                attrs = e->FileAttributes, size = e->EndOfFile.QuadPart;
            }
            if (attrs & FILE_ATTRIBUTE_DIRECTORY)
                printf(" %.*ls/", (int)(len / 2), n);
            else
                printf(" %.*ls=%lld", (int)(len / 2), n, size);
            if (!next)
                break;
            ok(next % 8 == 0, "aligned entries");
            pos += next;
        }
    }
    printf(" (%s)\n", calls > 1 ? "several calls" : "one call");
    CloseHandle(h);
}

int main(void)
{
    WCHAR label[MAX_PATH], fs[MAX_PATH], fs2[MAX_PATH];
    DWORD serial, maxcomp, flags, serial2, maxcomp2, flags2;

    CreateDirectoryW(L"rd", NULL);
    CreateDirectoryW(L"rd\\sub", NULL);
    CreateDirectoryW(L"rd\\empty", NULL);
    touch(L"rd\\one.txt", 1);
    touch(L"rd\\Two.txt", 22);
    touch(L"rd\\three", 33);
    touch(L"rd\\sub\\inner.c", 44);
    for (int i = 0; i < 40; i++) {
        WCHAR n[64];
        swprintf(n, 64, L"rd\\sub\\f%02d_with_a_longer_name.dat", i);
        touch(n, i);
    }

    /* the volume by handle is the volume by name */
    HANDLE h = open_dir(L"C:\\windows");
    ok(h != INVALID_HANDLE_VALUE, "open C:\\windows: %lu", GetLastError());
    ok(GetVolumeInformationByHandleW(h, label, MAX_PATH, &serial, &maxcomp, &flags, fs, MAX_PATH),
       "GetVolumeInformationByHandleW: %lu", GetLastError());
    ok(GetVolumeInformationW(L"C:\\", label, MAX_PATH, &serial2, &maxcomp2, &flags2, fs2, MAX_PATH),
       "GetVolumeInformationW");
    ok(serial == serial2 && maxcomp == maxcomp2 && flags == flags2 && !wcscmp(fs, fs2),
       "the same volume: %lx/%lx %lu/%lu %lx/%lx %ls/%ls", serial, serial2, maxcomp, maxcomp2, flags,
       flags2, fs, fs2);
    ok(GetVolumeInformationByHandleW(h, NULL, 0, NULL, NULL, NULL, NULL, 0), "nothing asked");
    CloseHandle(h);
    SetLastError(0xdeadbeef);
    ok(!GetVolumeInformationByHandleW((HANDLE)0xbeef, NULL, 0, &serial, NULL, NULL, NULL, 0) &&
           GetLastError() == ERROR_INVALID_HANDLE,
       "a bad handle: %lu", GetLastError());

    read_dir(L"rd", sizeof buf);
    read_dir(L"rd\\empty", sizeof buf);
    read_dir(L"rd\\sub", 512); /* small buffers: several calls */

    /* the non-restart classes go on; a restart class starts over */
    HANDLE d = open_dir(L"rd");
    ok(GetFileInformationByHandleEx(d, FileFullDirectoryInfo, buf, sizeof buf), "first call, no restart");
    SetLastError(0xdeadbeef);
    ok(!GetFileInformationByHandleEx(d, FileFullDirectoryInfo, buf, sizeof buf) &&
           GetLastError() == ERROR_NO_MORE_FILES, "then the end: %lu", GetLastError());
    ok(GetFileInformationByHandleEx(d, FileIdBothDirectoryRestartInfo, buf, sizeof buf),
       "FileIdBothDirectoryRestartInfo: %lu", GetLastError());
    FILE_ID_BOTH_DIR_INFO *ib = (FILE_ID_BOTH_DIR_INFO *)buf;
    ok(ib->FileNameLength == 2 && ib->FileName[0] == '.', "from \".\" again");

    /* errors */
    SetLastError(0xdeadbeef);
    ok(!GetFileInformationByHandleEx(d, FileFullDirectoryRestartInfo, buf, offsetof(FILE_FULL_DIR_INFO, FileName)) &&
           GetLastError() == ERROR_BAD_LENGTH, "a buffer smaller than an entry: %lu", GetLastError());
    DWORD fits_dot = (offsetof(FILE_FULL_DIR_INFO, FileName) + 2 + 7) & ~7;
    ok(GetFileInformationByHandleEx(d, FileFullDirectoryRestartInfo, buf, fits_dot), "room for \".\"");
    CloseHandle(d);
    d = open_dir(L"rd");
    HANDLE d2 = CreateFileW(L"rd\\one.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0xdeadbeef);
    ok(!GetFileInformationByHandleEx(d2, FileFullDirectoryRestartInfo, buf, sizeof buf) &&
           GetLastError() == ERROR_INVALID_PARAMETER, "a file: %lu", GetLastError());
    CloseHandle(d2);
    CloseHandle(d);
    /* ERROR_MORE_DATA: the first entry's name does not fit */
    CreateDirectoryW(L"rd\\more", NULL);
    touch(L"rd\\more\\a_long_name.txt", 5);
    d = open_dir(L"rd\\more");
    ok(GetFileInformationByHandleEx(d, FileFullDirectoryRestartInfo, buf, fits_dot), "\".\" fits");
    ok(GetFileInformationByHandleEx(d, FileFullDirectoryInfo, buf, fits_dot), "\"..\" fits");
    memset(buf, 0x55, sizeof buf);
    SetLastError(0xdeadbeef);
    ok(!GetFileInformationByHandleEx(d, FileFullDirectoryInfo, buf, fits_dot) &&
           GetLastError() == ERROR_MORE_DATA, "a_long_name.txt does not: %lu", GetLastError());
    FILE_FULL_DIR_INFO *full = (FILE_FULL_DIR_INFO *)buf;
    ok(full->FileNameLength == 30 && full->FileName[0] == 'a' && full->NextEntryOffset == 0,
       "its whole length and its start: %lu", full->FileNameLength);
    CloseHandle(d);
    return test_summary();
}
