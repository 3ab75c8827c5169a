/* SetDllDirectory/GetDllDirectory: the directory is searched after the
 * program's, in place of the current directory (Microsoft's "Dynamic-Link
 * Library Search Order"), NULL restores the standard order; GetDllDirectory's
 * lengths (the size needed with the NUL when the buffer is short, the
 * length without it when it fits) for A and W. The DLL is dlla.dll (a
 * helper) copied under other names into a subdirectory and into the
 * current directory, neither of them the program's. ("" as the directory
 * and a zero-length buffer: dll_directory_more.c.) */
#include "say.h"
#include <string.h>
#include <wchar.h>

static void try_load(const char *name, const char *what)
{
    SetLastError(0xdeadbeef);
    HMODULE h = LoadLibraryA(name);
    DWORD err = GetLastError();
    say("%s: %s, error %lu", what, h ? "loaded" : "NULL", h ? 0 : err);
    if (h)
        FreeLibrary(h);
}

static void lengths(const char *dir)
{
    char buf[MAX_PATH];
    WCHAR wbuf[MAX_PATH], wdir[MAX_PATH];
    DWORD len = strlen(dir), r;
    MultiByteToWideChar(CP_ACP, 0, dir, -1, wdir, MAX_PATH);
    SetDllDirectoryA(dir);
    say("%s: size needed %lu", dir, GetDllDirectoryA(0, NULL));
    memset(buf, 'A', sizeof buf);
    r = GetDllDirectoryA(len + 1, buf);
    say("  exact buffer: %lu \"%s\", after it %c", r, buf, buf[len + 1]);
    r = GetDllDirectoryA(len, buf);
    say("  one short: %lu, emptied %s", r, buf[0] ? "no" : "yes");
    r = GetDllDirectoryW(len + 1, wbuf);
    say("  W: %lu, the same %s", r, wcscmp(wbuf, wdir) ? "no" : "yes");
    r = GetDllDirectoryW(len, wbuf);
    say("  W one short: %lu, emptied %s", r, wbuf[0] ? "no" : "yes");
}

int main(void)
{
    char exe[MAX_PATH], dlla[MAX_PATH], sub[MAX_PATH], buf[MAX_PATH];
    GetModuleFileNameA(NULL, exe, MAX_PATH);
    strcpy(dlla, exe);
    strcpy(strrchr(dlla, '\\') + 1, "dlla.dll");
    CreateDirectoryA("dlls", NULL);
    if (!CopyFileA(dlla, "dlls\\ddtest.dll", FALSE) || !CopyFileA(dlla, "ddcwd.dll", FALSE))
        say("cannot copy %s: %lu", dlla, GetLastError());
    GetFullPathNameA("dlls", MAX_PATH, sub, NULL);

    lengths("C:\\");
    lengths("C:\\test");
    lengths("C:\\test\\");
    SetDllDirectoryA(NULL);
    buf[0] = 'A';
    DWORD r = GetDllDirectoryA(MAX_PATH, buf);
    say("not set: %lu \"%s\"", r, buf);

    try_load("ddtest.dll", "ddtest.dll in dlls, not set");
    try_load("ddcwd.dll", "ddcwd.dll in the current directory, not set");
    say("SetDllDirectoryA(dlls): %d", SetDllDirectoryA(sub));
    try_load("ddtest.dll", "ddtest.dll, set");
    try_load("ddtest", "ddtest without .dll, set");
    try_load("ddcwd.dll", "ddcwd.dll, set");
    say("SetDllDirectoryW(NULL): %d", SetDllDirectoryW(NULL));
    try_load("ddtest.dll", "ddtest.dll, restored");
    try_load("ddcwd.dll", "ddcwd.dll, restored");
    return 0;
}
