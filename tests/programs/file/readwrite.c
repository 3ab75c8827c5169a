/* ReadFile/WriteFile, SetFilePointer(Ex), GetFileSize(Ex), SetEndOfFile,
 * reading past EOF, writing after a seek beyond EOF (zero fill),
 * FILE_APPEND_DATA, FlushFileBuffers, GetFileInformationByHandle. */
#include <windows.h>
#include <string.h>
#include "test.h"

int main(void)
{
    HANDLE h;
    DWORD n, hi;
    char buf[64];
    LARGE_INTEGER pos, size;
    BY_HANDLE_FILE_INFORMATION info;
    BOOL r;
    int i, zeros;

    h = CreateFileW(L"rw.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "create");
    r = WriteFile(h, "Hello, world", 12, &n, NULL);
    ok(r && n == 12, "WriteFile %lu", n);
    pos.QuadPart = 0;
    ok(SetFilePointerEx(h, pos, &size, FILE_CURRENT) && size.QuadPart == 12, "position after write");
    ok(GetFileSizeEx(h, &size) && size.QuadPart == 12, "GetFileSizeEx");
    ok(GetFileSize(h, &hi) == 12 && hi == 0, "GetFileSize");

    pos.QuadPart = 7;
    ok(SetFilePointerEx(h, pos, NULL, FILE_BEGIN), "seek 7");
    r = ReadFile(h, buf, 100, &n, NULL);
    ok(r && n == 5 && !memcmp(buf, "world", 5), "short read at end: %lu", n);
    r = ReadFile(h, buf, 100, &n, NULL);
    ok(r && n == 0, "read at EOF succeeds with 0 bytes");

    pos.QuadPart = -5;
    ok(SetFilePointerEx(h, pos, &size, FILE_END) && size.QuadPart == 7, "seek from end");
    pos.QuadPart = -100;
    SetLastError(0xdeadbeef);
    ok(!SetFilePointerEx(h, pos, NULL, FILE_BEGIN) && GetLastError() == ERROR_NEGATIVE_SEEK, "negative seek: %lu", GetLastError());
    ok(SetFilePointer(h, 0, NULL, FILE_CURRENT) == 7, "failed seek does not move");

    /* past the end, then write: the gap reads as zeros */
    ok(SetFilePointer(h, 20, NULL, FILE_BEGIN) == 20, "SetFilePointer beyond EOF");
    ok(GetFileSize(h, NULL) == 12, "size unchanged by seek");
    WriteFile(h, "!", 1, &n, NULL);
    ok(GetFileSize(h, NULL) == 21, "size after write beyond EOF: %lu", GetFileSize(h, NULL));
    SetFilePointer(h, 12, NULL, FILE_BEGIN);
    ReadFile(h, buf, 8, &n, NULL);
    zeros = 0;
    for (i = 0; i < 8; i++)
        zeros += buf[i] == 0;
    ok(n == 8 && zeros == 8, "gap is zero-filled");

    /* SetEndOfFile truncates and extends */
    SetFilePointer(h, 5, NULL, FILE_BEGIN);
    ok(SetEndOfFile(h), "SetEndOfFile");
    ok(GetFileSize(h, NULL) == 5, "truncated to 5");
    SetFilePointer(h, 1000, NULL, FILE_BEGIN);
    ok(SetEndOfFile(h) && GetFileSize(h, NULL) == 1000, "extended to 1000");
    ok(FlushFileBuffers(h), "FlushFileBuffers");

    ok(GetFileInformationByHandle(h, &info), "GetFileInformationByHandle");
    ok(info.nFileSizeLow == 1000 && info.nFileSizeHigh == 0, "info size");
    ok(info.nNumberOfLinks == 1, "links %lu", info.nNumberOfLinks);
    ok(!(info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY), "not a directory");
    ok(GetFileType(h) == FILE_TYPE_DISK, "FILE_TYPE_DISK");
    CloseHandle(h);

    /* read-only handle cannot write */
    h = CreateFileW(L"rw.bin", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0xdeadbeef);
    r = WriteFile(h, "x", 1, &n, NULL);
    ok(!r && GetLastError() == ERROR_ACCESS_DENIED, "write on read handle: %lu", GetLastError());
    CloseHandle(h);

    /* append-only access writes at the end */
    h = CreateFileW(L"app.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, "start", 5, &n, NULL);
    CloseHandle(h);
    h = CreateFileW(L"app.txt", FILE_APPEND_DATA, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "open FILE_APPEND_DATA");
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    WriteFile(h, "+end", 4, &n, NULL);
    CloseHandle(h);
    h = CreateFileW(L"app.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    ReadFile(h, buf, sizeof buf, &n, NULL);
    ok(n == 9 && !memcmp(buf, "start+end", 9), "append: %.*s", (int)n, buf);
    CloseHandle(h);

    /* zero-length write and invalid handle */
    h = CreateFileW(L"app.txt", GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(WriteFile(h, "", 0, &n, NULL) && n == 0, "zero-length write");
    CloseHandle(h);
    SetLastError(0xdeadbeef);
    ok(!ReadFile(INVALID_HANDLE_VALUE, buf, 1, &n, NULL) && GetLastError() == ERROR_INVALID_HANDLE, "ReadFile on invalid handle: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CloseHandle((HANDLE)(ULONG_PTR)0x12340) && GetLastError() == ERROR_INVALID_HANDLE, "CloseHandle of bogus handle: %lu", GetLastError());
    return test_summary();
}
