// wine: skip Wine 8 still searches the current directory after SetDllDirectory(""), and writes a NUL into a zero-length GetDllDirectoryA buffer
/* SetDllDirectory("") takes the current directory out of the DLL search
 * and adds nothing (Microsoft's SetDllDirectory documentation);
 * GetDllDirectoryA(0, buffer) leaves the buffer alone. The DLL is dlla.dll
 * (a helper) copied into the current directory under another name. */
#include "say.h"
#include <string.h>

static void try_load(const char *name, const char *what)
{
    SetLastError(0xdeadbeef);
    HMODULE h = LoadLibraryA(name);
    DWORD err = GetLastError();
    say("%s: %s, error %lu", what, h ? "loaded" : "NULL", h ? 0 : err);
    if (h)
        FreeLibrary(h);
}

int main(void)
{
    char exe[MAX_PATH], buf[MAX_PATH];
    GetModuleFileNameA(NULL, exe, MAX_PATH);
    strcpy(strrchr(exe, '\\') + 1, "dlla.dll");
    if (!CopyFileA(exe, "ddcwd.dll", FALSE))
        say("cannot copy %s: %lu", exe, GetLastError());

    try_load("ddcwd.dll", "in the current directory");
    say("SetDllDirectoryA(\"\"): %d", SetDllDirectoryA(""));
    buf[0] = 'A';
    say("GetDllDirectoryA: %lu \"%s\"", GetDllDirectoryA(MAX_PATH, buf), buf);
    try_load("ddcwd.dll", "the current directory taken out");
    SetDllDirectoryA(NULL);
    try_load("ddcwd.dll", "restored");

    SetDllDirectoryA("C:\\test");
    buf[0] = 'A';
    DWORD r = GetDllDirectoryA(0, buf);
    say("GetDllDirectoryA(0, buffer): %lu, the buffer %s", r, buf[0] == 'A' ? "untouched" : "written");
    return 0;
}
