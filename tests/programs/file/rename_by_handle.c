/* SetFileInformationByHandle renames: FileRenameInfo with a full DOS
 * path and with a bare name (the file's own directory), refusing an
 * existing name unless ReplaceIfExists, which replaces it; the handle
 * keeps working under the new name. FileRenameInfoEx:
 * rename_posix.c. */
#include <stdio.h>
#include "rename.h"
#include "test.h"

int main(void)
{
    WCHAR cwd[MAX_PATH], full[MAX_PATH + 16];
    HANDLE h = make_files();
    BOOL r;

    GetCurrentDirectoryW(MAX_PATH, cwd);

    swprintf(full, MAX_PATH + 16, L"%ls\\b.txt", cwd);
    r = rename_to(h, FileRenameInfo, full, FALSE);
    printf("full path: %d, a.txt %d, b.txt %d\n", r, exists(L"a.txt"), exists(L"b.txt"));
    r = rename_to(h, FileRenameInfo, L"c.txt", FALSE);
    printf("bare name: %d, b.txt %d, c.txt %d\n", r, exists(L"b.txt"), exists(L"c.txt"));
    r = rename_to(h, FileRenameInfo, L"taken.txt", FALSE);
    printf("onto an existing file: %d, error %lu\n", r, GetLastError());
    r = rename_to(h, FileRenameInfo, L"taken.txt", TRUE);
    printf("replacing it: %d, c.txt %d, taken.txt %d\n", r, exists(L"c.txt"),
           exists(L"taken.txt"));
    printf("the handle reads [%s]\n", contents(h));
    CloseHandle(h);
    return test_summary();
}
