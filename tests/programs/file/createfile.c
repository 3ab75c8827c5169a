/* CreateFileW/A creation dispositions and the last-error codes they set,
 * including ERROR_ALREADY_EXISTS (183) on success for CREATE_ALWAYS and
 * OPEN_ALWAYS when the file was there, and 0 when it was not. */
#include <windows.h>
#include "test.h"

static HANDLE create(const WCHAR *name, DWORD disp)
{
    return CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, disp, FILE_ATTRIBUTE_NORMAL, NULL);
}

static DWORD size_of(const WCHAR *name)
{
    WIN32_FILE_ATTRIBUTE_DATA d;
    if (!GetFileAttributesExW(name, GetFileExInfoStandard, &d))
        return 0xffffffff;
    return d.nFileSizeLow;
}

int main(void)
{
    HANDLE h;
    DWORD n;

    /* CREATE_NEW */
    SetLastError(0xdeadbeef);
    h = create(L"a.txt", CREATE_NEW);
    ok(h != INVALID_HANDLE_VALUE, "CREATE_NEW on missing file");
    ok(GetLastError() == 0, "CREATE_NEW success sets error 0: %lu", GetLastError());
    WriteFile(h, "12345", 5, &n, NULL);
    CloseHandle(h);
    SetLastError(0xdeadbeef);
    h = create(L"a.txt", CREATE_NEW);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_EXISTS, "CREATE_NEW on existing: %lu", GetLastError());

    /* OPEN_EXISTING */
    SetLastError(0xdeadbeef);
    h = create(L"missing.txt", OPEN_EXISTING);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "OPEN_EXISTING missing: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    h = create(L"nodir\\missing.txt", OPEN_EXISTING);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND, "missing directory: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    h = create(L"a.txt", OPEN_EXISTING);
    ok(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "OPEN_EXISTING existing: error %lu", GetLastError());
    CloseHandle(h);
    ok(size_of(L"a.txt") == 5, "OPEN_EXISTING keeps contents");

    /* OPEN_ALWAYS */
    SetLastError(0xdeadbeef);
    h = create(L"a.txt", OPEN_ALWAYS);
    ok(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "OPEN_ALWAYS existing: %lu", GetLastError());
    CloseHandle(h);
    ok(size_of(L"a.txt") == 5, "OPEN_ALWAYS keeps contents");
    SetLastError(0xdeadbeef);
    h = create(L"b.txt", OPEN_ALWAYS);
    ok(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "OPEN_ALWAYS new: %lu", GetLastError());
    CloseHandle(h);

    /* CREATE_ALWAYS truncates */
    SetLastError(0xdeadbeef);
    h = create(L"a.txt", CREATE_ALWAYS);
    ok(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "CREATE_ALWAYS existing: %lu", GetLastError());
    CloseHandle(h);
    ok(size_of(L"a.txt") == 0, "CREATE_ALWAYS truncated");
    SetLastError(0xdeadbeef);
    h = create(L"c.txt", CREATE_ALWAYS);
    ok(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "CREATE_ALWAYS new: %lu", GetLastError());
    WriteFile(h, "xyz", 3, &n, NULL);
    CloseHandle(h);

    /* TRUNCATE_EXISTING needs GENERIC_WRITE */
    SetLastError(0xdeadbeef);
    h = create(L"missing.txt", TRUNCATE_EXISTING);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "TRUNCATE_EXISTING missing: %lu", GetLastError());
    h = create(L"c.txt", TRUNCATE_EXISTING);
    ok(h != INVALID_HANDLE_VALUE, "TRUNCATE_EXISTING existing");
    CloseHandle(h);
    ok(size_of(L"c.txt") == 0, "TRUNCATE_EXISTING truncated");

    /* invalid disposition */
    SetLastError(0xdeadbeef);
    h = CreateFileW(L"d.txt", GENERIC_READ, 0, NULL, 0, 0, NULL);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER, "disposition 0: %lu", GetLastError());

    /* sharing: a second open without sharing fails with 32 */
    h = CreateFileW(L"a.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0xdeadbeef);
    {
        HANDLE h2 = CreateFileW(L"a.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        ok(h2 == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION, "sharing violation: %lu", GetLastError());
    }
    CloseHandle(h);
    h = CreateFileW(L"a.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    {
        HANDLE h2 = CreateFileW(L"a.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        ok(h2 != INVALID_HANDLE_VALUE, "shared read opens");
        CloseHandle(h2);
        SetLastError(0xdeadbeef);
        h2 = CreateFileW(L"a.txt", GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        ok(h2 == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION, "write while only read shared: %lu", GetLastError());
    }
    CloseHandle(h);

    /* opening a directory as a file */
    CreateDirectoryW(L"dir", NULL);
    SetLastError(0xdeadbeef);
    h = create(L"dir", OPEN_EXISTING);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED, "directory without backup semantics: %lu", GetLastError());
    h = CreateFileW(L"dir", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    ok(h != INVALID_HANDLE_VALUE, "directory with FILE_FLAG_BACKUP_SEMANTICS");
    CloseHandle(h);

    /* A version */
    SetLastError(0xdeadbeef);
    h = CreateFileA("ansi.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "CreateFileA");
    CloseHandle(h);
    ok(GetFileAttributesW(L"ansi.txt") != INVALID_FILE_ATTRIBUTES, "A-created file visible to W");

    /* delete on close */
    h = CreateFileW(L"temp.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    ok(h != INVALID_HANDLE_VALUE, "FILE_FLAG_DELETE_ON_CLOSE");
    ok(GetFileAttributesW(L"temp.txt") != INVALID_FILE_ATTRIBUTES, "exists while open");
    CloseHandle(h);
    ok(GetFileAttributesW(L"temp.txt") == INVALID_FILE_ATTRIBUTES, "gone after close");

    ok(CloseHandle(INVALID_HANDLE_VALUE) || 1, "CloseHandle(INVALID_HANDLE_VALUE) does not crash");
    return test_summary();
}
