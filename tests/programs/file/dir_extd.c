// wine: skip Wine 8 has no FileIdExtdDirectoryInfo, and lists "." and ".." at a drive's root
/* GetFileInformationByHandleEx's FileIdExtdDirectoryInfo and
 * FileIdExtdDirectoryRestartInfo (Windows 8 and later: 128-bit file IDs,
 * the reparse tag); a drive's root directory, which has no "." or ".."
 * entries on Windows (Go's os.ReadDir expects STATUS_NO_SUCH_FILE, not
 * just them, from an empty root). */
#include <windows.h>
#include <string.h>
#include "test.h"

static BYTE buf[8192];

static HANDLE open_dir(const WCHAR *name)
{
    return CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                       OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
}

int main(void)
{
    CreateDirectoryW(L"xd", NULL);
    CreateDirectoryW(L"xd\\sub", NULL);
    HANDLE f = CreateFileW(L"xd\\file.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD n;
    WriteFile(f, "12345", 5, &n, NULL);
    CloseHandle(f);

    HANDLE d = open_dir(L"xd");
    ok(GetFileInformationByHandleEx(d, FileIdExtdDirectoryRestartInfo, buf, sizeof buf),
       "FileIdExtdDirectoryRestartInfo: %lu", GetLastError());
    const char *want[] = {".", "..", "file.txt", "sub"};
    int i = 0, found_file = 0;
    for (DWORD pos = 0; i < 4; i++) {
        FILE_ID_EXTD_DIR_INFO *e = (FILE_ID_EXTD_DIR_INFO *)(buf + pos);
        WCHAR w[16];
        MultiByteToWideChar(CP_ACP, 0, want[i], -1, w, 16);
        ok(e->FileNameLength == wcslen(w) * 2 && !memcmp(e->FileName, w, e->FileNameLength),
           "entry %d is %s", i, want[i]);
        if (i == 2) {
            HANDLE h = CreateFileW(L"xd\\file.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
            FILE_ID_INFO id;
            ok(GetFileInformationByHandleEx(h, FileIdInfo, &id, sizeof id), "FileIdInfo");
            CloseHandle(h);
            ok(!memcmp(&e->FileId, &id.FileId, sizeof id.FileId), "the file's 128-bit id");
            ok(e->EndOfFile.QuadPart == 5 && e->ReparsePointTag == 0, "size %lld, no reparse tag",
               e->EndOfFile.QuadPart);
            found_file = 1;
        }
        if (!e->NextEntryOffset)
            break;
        ok(e->NextEntryOffset % 8 == 0, "aligned");
        pos += e->NextEntryOffset;
    }
    ok(i == 3 && found_file, "four entries: %d", i + 1);
    SetLastError(0xdeadbeef);
    ok(!GetFileInformationByHandleEx(d, FileIdExtdDirectoryInfo, buf, sizeof buf) &&
           GetLastError() == ERROR_NO_MORE_FILES, "then the end: %lu", GetLastError());
    CloseHandle(d);

    /* a drive's root: no "." or ".." */
    d = open_dir(L"C:\\");
    ok(GetFileInformationByHandleEx(d, FileFullDirectoryRestartInfo, buf, sizeof buf),
       "C:\\: %lu", GetLastError());
    FILE_FULL_DIR_INFO *e = (FILE_FULL_DIR_INFO *)buf;
    ok(e->FileName[0] != '.' || (e->FileNameLength > 2 && e->FileName[1] != '.'),
       "the first entry is not \".\" or \"..\"");
    CloseHandle(d);
    return test_summary();
}
