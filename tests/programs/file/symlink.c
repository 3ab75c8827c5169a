/* Symbolic links: CreateSymbolicLinkW to files and directories, relative
 * (with '\') and absolute targets; links reported as reparse points by
 * GetFileAttributesW and FindFirstFileW (IO_REPARSE_TAG_SYMLINK in
 * dwReserved0); CreateFileW follows a link unless FILE_FLAG_OPEN_REPARSE_POINT;
 * DeleteFileW and RemoveDirectoryW remove the link, not its target.
 * Expected output per Microsoft's documentation and Windows 10 with
 * developer mode (SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE). */
// wine: skip Wine 8's CreateSymbolicLinkW is a stub: returns TRUE, creates nothing
#include <windows.h>
#include <stdio.h>
#include "test.h"

#ifndef SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE
#define SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE 0x2
#endif
#define UNPRIV SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE

static void put(const WCHAR *name, const char *text)
{
    DWORD n;
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, text, (DWORD)strlen(text), &n, NULL);
    CloseHandle(h);
}

/* The file's first bytes through the name, or "(error N)". */
static void show_read(const char *label, const WCHAR *name)
{
    char buf[64];
    DWORD n = 0;
    HANDLE h = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        printf("%s: (error %lu)\n", label, GetLastError());
        return;
    }
    ReadFile(h, buf, sizeof buf - 1, &n, NULL);
    buf[n] = 0;
    CloseHandle(h);
    printf("%s: %s\n", label, buf);
}

static void show_create(const char *label, const WCHAR *link, const WCHAR *target, DWORD flags)
{
    SetLastError(0xdeadbeef);
    BOOLEAN r = CreateSymbolicLinkW(link, target, flags);
    printf("%s: %d", label, r != 0);
    if (!r)
        printf(" error %lu", GetLastError());
    printf("\n");
}

static void show_find(const WCHAR *name)
{
    WIN32_FIND_DATAW d;
    HANDLE h = FindFirstFileW(name, &d);
    if (h == INVALID_HANDLE_VALUE) {
        printf("find %ls: error %lu\n", name, GetLastError());
        return;
    }
    printf("find %ls: attrs %#lx tag %#lx size %lu\n", d.cFileName, d.dwFileAttributes,
           (d.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) ? d.dwReserved0 : 0,
           d.nFileSizeLow);
    FindClose(h);
}

int main(void)
{
    WCHAR full[MAX_PATH];
    BY_HANDLE_FILE_INFORMATION info;
    HANDLE h;

    put(L"target.txt", "hello");
    CreateDirectoryW(L"dir", NULL);
    put(L"dir\\inner.txt", "inner");

    show_create("file link", L"link.txt", L"target.txt", UNPRIV);
    printf("attrs link.txt: %#lx\n", GetFileAttributesW(L"link.txt"));
    printf("attrs target.txt: %#lx\n", GetFileAttributesW(L"target.txt"));
    show_find(L"link.txt");
    show_read("read link.txt", L"link.txt");

    h = CreateFileW(L"link.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE && GetFileInformationByHandle(h, &info), "followed open");
    printf("followed: attrs %#lx size %lu\n", info.dwFileAttributes, info.nFileSizeLow);
    CloseHandle(h);
    h = CreateFileW(L"link.txt", 0, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                    FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    ok(h != INVALID_HANDLE_VALUE && GetFileInformationByHandle(h, &info), "open reparse point");
    printf("link itself: reparse %d\n", !!(info.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT));
    CloseHandle(h);

    show_create("again", L"link.txt", L"target.txt", UNPRIV);
    show_create("over a file", L"target.txt", L"dir", UNPRIV);
    show_create("missing dir", L"nodir\\link.txt", L"target.txt", UNPRIV);
    show_create("bad flags", L"x.txt", L"target.txt", 0x4);

    show_create("dir link", L"dirlink", L"dir", SYMBOLIC_LINK_FLAG_DIRECTORY | UNPRIV);
    printf("attrs dirlink: %#lx\n", GetFileAttributesW(L"dirlink"));
    show_find(L"dirlink");
    show_read("read dirlink\\inner.txt", L"dirlink\\inner.txt");

    show_create("relative up", L"dir\\up.txt", L"..\\target.txt", UNPRIV);
    show_read("read dir\\up.txt", L"dir\\up.txt");
    GetFullPathNameW(L"target.txt", MAX_PATH, full, NULL);
    show_create("absolute", L"abs.txt", full, UNPRIV);
    show_read("read abs.txt", L"abs.txt");
    show_create("dangling", L"dangling.txt", L"nothere.txt", UNPRIV);
    printf("attrs dangling.txt: %#lx\n", GetFileAttributesW(L"dangling.txt"));
    show_read("read dangling.txt", L"dangling.txt");

    printf("delete link.txt: %d\n", DeleteFileW(L"link.txt"));
    printf("link.txt after: %#lx\n", GetFileAttributesW(L"link.txt"));
    show_read("target.txt after", L"target.txt");
    printf("remove dirlink: %d\n", RemoveDirectoryW(L"dirlink"));
    printf("dirlink after: %#lx\n", GetFileAttributesW(L"dirlink"));
    show_read("dir\\inner.txt after", L"dir\\inner.txt");

    DeleteFileW(L"dir\\up.txt");
    DeleteFileW(L"abs.txt");
    DeleteFileW(L"dangling.txt");
    DeleteFileW(L"dir\\inner.txt");
    RemoveDirectoryW(L"dir");
    DeleteFileW(L"target.txt");
    return test_summary();
}
