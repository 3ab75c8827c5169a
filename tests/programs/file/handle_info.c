/* Information about an open file: GetFileInformationByHandleEx
 * (FileBasicInfo, FileStandardInfo, FileNameInfo with its too-small
 * buffer), SetFileInformationByHandle (FileEndOfFileInfo,
 * FileDispositionInfo (DeletePending: delete_pending.c), FileBasicInfo
 * times), and ntdll's
 * NtQueryInformationFile for the basic classes, its IO_STATUS_BLOCK and
 * length errors. */
#include <windows.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

typedef LONG NTSTATUS_;
typedef struct {
    union {
        NTSTATUS_ Status;
        PVOID Pointer;
    };
    ULONG_PTR Information;
} IOSB;
typedef NTSTATUS_(WINAPI *query_fn)(HANDLE, IOSB *, PVOID, ULONG, int);

enum { NtFileBasic = 4, NtFileStandard = 5, NtFileInternal = 6, NtFileName = 9, NtFilePosition = 14,
       NtFileMode = 16, NtFileAll = 18 };

static const WCHAR *tail(const WCHAR *s, size_t len, const WCHAR *end)
{
    size_t n = wcslen(end);
    return len >= n && !wcsncmp(s + len - n, end, n) ? s : NULL;
}

int main(void)
{
    HANDLE h;
    DWORD n;
    BOOL r;
    FILE_BASIC_INFO basic;
    FILE_STANDARD_INFO std;
    BYTE buf[2048];
    FILE_NAME_INFO *name = (FILE_NAME_INFO *)buf;
    FILETIME now;
    ULARGE_INTEGER nowq;

    CreateDirectoryW(L"hi_dir", NULL);
    h = CreateFileW(L"hi_dir\\handle_info.txt", GENERIC_READ | GENERIC_WRITE | DELETE, 0, NULL,
                    CREATE_ALWAYS, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "create: %lu", GetLastError());
    WriteFile(h, "0123456789", 10, &n, NULL);

    /* FileBasicInfo */
    GetSystemTimeAsFileTime(&now);
    nowq.LowPart = now.dwLowDateTime;
    nowq.HighPart = now.dwHighDateTime;
    r = GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic);
    ok(r, "FileBasicInfo: %lu", GetLastError());
    ok(basic.FileAttributes & FILE_ATTRIBUTE_ARCHIVE, "a new file is FILE_ATTRIBUTE_ARCHIVE: %lx",
       basic.FileAttributes);
    ok(!(basic.FileAttributes & FILE_ATTRIBUTE_DIRECTORY), "not a directory");
    ok(basic.LastWriteTime.QuadPart > 0 && (ULONGLONG)basic.LastWriteTime.QuadPart <= nowq.QuadPart + 20000000 &&
       (ULONGLONG)basic.LastWriteTime.QuadPart + 600000000 > nowq.QuadPart, "written within the last minute");
    SetLastError(0xdeadbeef);
    r = GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic - 1);
    ok(!r && GetLastError() == ERROR_BAD_LENGTH, "FileBasicInfo one byte short: %lu", GetLastError());

    /* FileStandardInfo */
    r = GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std);
    ok(r && std.EndOfFile.QuadPart == 10 && std.NumberOfLinks == 1 && !std.DeletePending && !std.Directory,
       "FileStandardInfo: %lld %lu %d %d", std.EndOfFile.QuadPart, std.NumberOfLinks, std.DeletePending,
       std.Directory);
    ok(std.AllocationSize.QuadPart >= 0, "allocation size %lld", std.AllocationSize.QuadPart);

    /* FileNameInfo: the path without the drive, not terminated */
    memset(buf, 0xcc, sizeof buf);
    r = GetFileInformationByHandleEx(h, FileNameInfo, name, sizeof buf);
    ok(r, "FileNameInfo: %lu", GetLastError());
    size_t chars = name->FileNameLength / sizeof(WCHAR);
    ok(name->FileNameLength % 2 == 0 && chars > 20 && name->FileName[0] == '\\', "a rooted name: %lu bytes",
       name->FileNameLength);
    ok(name->FileName[1] != ':', "no drive letter");
    ok(tail(name->FileName, chars, L"\\hi_dir\\handle_info.txt") != NULL, "ends with the file's path");
    DWORD full = name->FileNameLength;
    SetLastError(0xdeadbeef);
    r = GetFileInformationByHandleEx(h, FileNameInfo, name, sizeof(FILE_NAME_INFO));
    ok(!r && GetLastError() == ERROR_MORE_DATA, "FileNameInfo too small: %lu", GetLastError());
    ok(name->FileNameLength == full, "the full length is reported: %lu", name->FileNameLength);

    /* SetFileInformationByHandle: end of file */
    FILE_END_OF_FILE_INFO eof;
    eof.EndOfFile.QuadPart = 5000;
    ok(SetFileInformationByHandle(h, FileEndOfFileInfo, &eof, sizeof eof), "grow to 5000");
    ok(GetFileSize(h, NULL) == 5000, "size %lu", GetFileSize(h, NULL));
    eof.EndOfFile.QuadPart = 4;
    ok(SetFileInformationByHandle(h, FileEndOfFileInfo, &eof, sizeof eof), "shrink to 4");
    ok(GetFileSize(h, NULL) == 4, "size %lu", GetFileSize(h, NULL));

    /* FileBasicInfo: set a time, zero fields stay */
    memset(&basic, 0, sizeof basic);
    basic.LastWriteTime.QuadPart = 130000000000000000LL; /* 2012 */
    ok(SetFileInformationByHandle(h, FileBasicInfo, &basic, sizeof basic), "set the write time");
    GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic);
    ok(basic.LastWriteTime.QuadPart == 130000000000000000LL, "write time set");
    ok(basic.FileAttributes & FILE_ATTRIBUTE_ARCHIVE, "attributes unchanged: %lx", basic.FileAttributes);

    /* NtQueryInformationFile */
    query_fn query = (query_fn)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "NtQueryInformationFile");
    ok(query != NULL, "NtQueryInformationFile exported");
    IOSB io;
    NTSTATUS_ st;
    BYTE info[1024];
    SetFilePointer(h, 3, NULL, FILE_BEGIN);
    memset(&io, 0xcc, sizeof io);
    st = query(h, &io, info, sizeof(LARGE_INTEGER), NtFilePosition);
    ok(st == 0 && io.Status == 0 && io.Information == 8 && ((LARGE_INTEGER *)info)->QuadPart == 3,
       "FilePositionInformation: %lx %lu", st, (ULONG)io.Information);
    memset(&io, 0xcc, sizeof io);
    st = query(h, &io, info, sizeof info, NtFileStandard);
    ok(st == 0 && io.Information == sizeof(FILE_STANDARD_INFO) &&
       ((FILE_STANDARD_INFO *)info)->EndOfFile.QuadPart == 4, "FileStandardInformation: %lx %lu", st,
       (ULONG)io.Information);
    st = query(h, &io, info, 8, NtFileBasic);
    ok(st == (NTSTATUS_)0xC0000004, "too short: STATUS_INFO_LENGTH_MISMATCH: %lx", st);
    st = query(h, &io, info, sizeof(LARGE_INTEGER), NtFileInternal);
    ok(st == 0 && io.Information == 8, "FileInternalInformation: %lx", st);
    st = query(h, &io, info, sizeof(ULONG), NtFileMode);
    ok(st == 0 && *(ULONG *)info == 0x20, "FileModeInformation: FILE_SYNCHRONOUS_IO_NONALERT: %lx",
       *(ULONG *)info);
    memset(&io, 0xcc, sizeof io);
    st = query(h, &io, info, sizeof info, NtFileName);
    ok(st == 0 && io.Information == 4 + *(ULONG *)info && *(ULONG *)info == full,
       "FileNameInformation: %lx %lu", st, (ULONG)io.Information);
    st = query(h, &io, info, 8, NtFileName);
    ok(st == (NTSTATUS_)0x80000005 && *(ULONG *)info == full && io.Information == 8,
       "FileNameInformation short: STATUS_BUFFER_OVERFLOW: %lx %lu", st, (ULONG)io.Information);
    st = query(h, &io, info, sizeof info, NtFileAll);
    ok(st == 0, "FileAllInformation: %lx", st);
    st = query((HANDLE)(ULONG_PTR)0xdead0, &io, info, sizeof info, NtFileStandard);
    ok(st == (NTSTATUS_)0xC0000008, "invalid handle: STATUS_INVALID_HANDLE: %lx", st);
    st = query(GetCurrentProcess(), &io, info, sizeof info, NtFileStandard);
    ok(st == (NTSTATUS_)0xC0000024, "a process handle: STATUS_OBJECT_TYPE_MISMATCH: %lx", st);

    /* FileDispositionInfo: delete when the last handle closes */
    FILE_DISPOSITION_INFO disp = {TRUE};
    ok(SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof disp), "mark for deletion");
    disp.DeleteFile = FALSE;
    ok(SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof disp), "unmark");
    CloseHandle(h);
    ok(GetFileAttributesW(L"hi_dir\\handle_info.txt") != INVALID_FILE_ATTRIBUTES, "unmarked: still there");
    h = CreateFileW(L"hi_dir\\handle_info.txt", DELETE, 0, NULL, OPEN_EXISTING, 0, NULL);
    disp.DeleteFile = TRUE;
    ok(SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof disp), "mark again");
    CloseHandle(h);
    ok(GetFileAttributesW(L"hi_dir\\handle_info.txt") == INVALID_FILE_ATTRIBUTES, "deleted on close");

    /* a directory handle */
    h = CreateFileW(L"hi_dir", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                    OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    ok(h != INVALID_HANDLE_VALUE, "open the directory");
    r = GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std);
    ok(r && std.Directory, "FileStandardInfo: a directory");
    r = GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic);
    ok(r && (basic.FileAttributes & FILE_ATTRIBUTE_DIRECTORY), "FILE_ATTRIBUTE_DIRECTORY");
    CloseHandle(h);
    ok(RemoveDirectoryW(L"hi_dir"), "clean up");
    return test_summary();
}
