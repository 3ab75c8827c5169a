/* FileStandardInfo.DeletePending: set as soon as FileDispositionInfo marks
 * the file (Wine's ntdll tests have this as todo_wine: Windows does it),
 * cleared when the mark is taken back; while it is set, the name cannot be
 * opened again (ERROR_ACCESS_DENIED, from STATUS_DELETE_PENDING). */
// wine: skip Wine 8 never reports DeletePending
#include <windows.h>
#include "test.h"

int main(void)
{
    FILE_STANDARD_INFO std;
    FILE_DISPOSITION_INFO disp = {TRUE};
    HANDLE h, h2;

    h = CreateFileW(L"pending.txt", GENERIC_READ | GENERIC_WRITE | DELETE, FILE_SHARE_READ | FILE_SHARE_DELETE,
                    NULL, CREATE_ALWAYS, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "create");
    ok(GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std) && !std.DeletePending,
       "not pending at first");
    ok(SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof disp), "mark for deletion");
    ok(GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std) && std.DeletePending,
       "DeletePending once marked");
    SetLastError(0xdeadbeef);
    h2 = CreateFileW(L"pending.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                     NULL, OPEN_EXISTING, 0, NULL);
    ok(h2 == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED, "open while pending: %lu",
       GetLastError());
    if (h2 != INVALID_HANDLE_VALUE)
        CloseHandle(h2);
    disp.DeleteFile = FALSE;
    ok(SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof disp), "unmark");
    ok(GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std) && !std.DeletePending,
       "not pending once unmarked");
    CloseHandle(h);
    ok(DeleteFileW(L"pending.txt"), "still there, deleted now");
    return test_summary();
}
