/* Renames through SetFileInformationByHandle for rename_by_handle.c and
 * rename_posix.c: FileRenameInfo's ReplaceIfExists and FileRenameInfoEx's
 * Flags share the first field. */
#include <windows.h>
#include <string.h>

typedef struct {
    union {
        BOOLEAN ReplaceIfExists; /* FileRenameInfo */
        DWORD Flags;             /* FileRenameInfoEx */
    };
    HANDLE RootDirectory;
    DWORD FileNameLength;
    WCHAR FileName[1];
} RENAME_INFO;

#define RENAME_INFO_EX 22 /* FileRenameInfoEx */
#define RENAME_REPLACE_IF_EXISTS 0x1
#define RENAME_POSIX_SEMANTICS 0x2

static BOOL rename_to(HANDLE h, int cls, const WCHAR *name, DWORD flags)
{
    union {
        RENAME_INFO r;
        BYTE bytes[sizeof(RENAME_INFO) + 2 * MAX_PATH];
    } u;
    memset(&u, 0, sizeof u);
    if (cls == RENAME_INFO_EX)
        u.r.Flags = flags;
    else
        u.r.ReplaceIfExists = (BOOLEAN)flags;
    u.r.FileNameLength = wcslen(name) * sizeof(WCHAR);
    memcpy(u.r.FileName, name, u.r.FileNameLength);
    SetLastError(0);
    return SetFileInformationByHandle(h, cls, &u.r, sizeof u);
}

static int exists(const WCHAR *name) { return GetFileAttributesW(name) != INVALID_FILE_ATTRIBUTES; }

/* "a.txt" with "abc", open for renaming, and an existing "taken.txt". */
static HANDLE make_files(void)
{
    DWORD n;
    HANDLE h = CreateFileW(L"a.txt", GENERIC_READ | GENERIC_WRITE | DELETE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           CREATE_NEW, 0, NULL);
    WriteFile(h, "abc", 3, &n, NULL);
    CloseHandle(CreateFileW(L"taken.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL));
    return h;
}

/* What the handle reads from the start. */
static const char *contents(HANDLE h)
{
    static char buf[8];
    DWORD n;
    memset(buf, 0, sizeof buf);
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    ReadFile(h, buf, sizeof buf - 1, &n, NULL);
    return buf;
}
