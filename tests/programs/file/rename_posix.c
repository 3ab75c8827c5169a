// wine: skip Wine 8 has no FileRenameInfoEx (Windows 10 1709 and later do: SetFileInformationByHandle documentation)
/* SetFileInformationByHandle(FileRenameInfoEx) with
 * FILE_RENAME_FLAG_REPLACE_IF_EXISTS and POSIX semantics, the first thing
 * Rust's std::fs::rename tries: the file takes the existing name; without
 * the flag the existing name is refused. */
#include <stdio.h>
#include "rename.h"
#include "test.h"

int main(void)
{
    WCHAR cwd[MAX_PATH], full[MAX_PATH + 16];
    HANDLE h = make_files();
    BOOL r;

    GetCurrentDirectoryW(MAX_PATH, cwd);

    swprintf(full, MAX_PATH + 16, L"%ls\\taken.txt", cwd);
    r = rename_to(h, RENAME_INFO_EX, full, RENAME_POSIX_SEMANTICS);
    printf("onto an existing file: %d, error %lu\n", r, GetLastError());
    r = rename_to(h, RENAME_INFO_EX, full, RENAME_REPLACE_IF_EXISTS | RENAME_POSIX_SEMANTICS);
    printf("replacing it: %d, a.txt %d, taken.txt %d\n", r, exists(L"a.txt"), exists(L"taken.txt"));
    printf("the handle reads [%s]\n", contents(h));
    CloseHandle(h);
    return test_summary();
}
