/* LoadLibraryA of a DLL in the program's directory (the current
 * directory is elsewhere), GetProcAddress by name, by ordinal, by an
 * ordinal exported without a name, of data; missing names (127) and
 * missing DLLs (126); reference counting with FreeLibrary; DllMain
 * PROCESS_ATTACH/DETACH with lpReserved NULL for dynamic loads. */
#include "say.h"

typedef int (*add_fn)(int, int);
typedef const char *(*name_fn)(void);
typedef int (*int_fn)(void);

static void try_proc(HMODULE h, LPCSTR name, const char *what)
{
    FARPROC p;
    DWORD err;
    SetLastError(0xdeadbeef);
    p = GetProcAddress(h, name);
    err = GetLastError();
    say("%s: %s, error %lu", what, p ? "found" : "NULL", err);
}

static void try_load(const char *name, const char *what)
{
    HMODULE h;
    DWORD err;
    SetLastError(0xdeadbeef);
    h = LoadLibraryA(name);
    err = GetLastError();
    say("%s: %s, error %lu", what, h ? "loaded" : "NULL", err);
}

int main(void)
{
    HMODULE h, h2;
    add_fn add;
    name_fn name;
    int_fn hidden;
    int *counter;
    char path[MAX_PATH];
    DWORD n;

    say("before LoadLibrary: GetModuleHandle(dlla) %s", GetModuleHandleA("dlla.dll") ? "non-NULL" : "NULL");
    h = LoadLibraryA("dlla.dll");
    say("LoadLibraryA(dlla.dll) %s", h ? "ok" : "failed");
    if (!h)
        return 1;
    say("GetModuleHandleA(\"dlla.dll\") == h: %s", GetModuleHandleA("dlla.dll") == h ? "yes" : "no");
    say("GetModuleHandleA(\"DLLA\") == h: %s", GetModuleHandleA("DLLA") == h ? "yes" : "no");
    n = GetModuleFileNameA(h, path, MAX_PATH);
    say("GetModuleFileNameA ends with \\dlla.dll: %s", n > 9 && !lstrcmpiA(path + n - 9, "\\dlla.dll") ? "yes" : "no");

    add = (add_fn)GetProcAddress(h, "dlla_add");
    say("dlla_add by name: %d", add ? add(2, 3) : -1);
    name = (name_fn)GetProcAddress(h, (LPCSTR)(ULONG_PTR)2);
    say("ordinal 2: %s", name ? name() : "(NULL)");
    say("ordinal 1 == dlla_add: %s", (add_fn)GetProcAddress(h, (LPCSTR)(ULONG_PTR)1) == add ? "yes" : "no");
    hidden = (int_fn)GetProcAddress(h, (LPCSTR)(ULONG_PTR)7);
    say("ordinal 7 (no name): %d", hidden ? hidden() : -1);
    say("dlla_hidden by name: %s", GetProcAddress(h, "dlla_hidden") ? "found" : "NULL");
    counter = (int *)GetProcAddress(h, "dlla_counter");
    say("data export dlla_counter: %d", counter ? *counter : -1);

    try_proc(h, "no_such_function", "missing name");
    try_proc(h, "DLLA_ADD", "case matters");
    try_proc(h, (LPCSTR)(ULONG_PTR)5, "unused ordinal 5");
    try_proc(h, (LPCSTR)(ULONG_PTR)99, "ordinal 99");

    h2 = LoadLibraryA("DLLA.DLL");
    say("second LoadLibraryA (other case) returns the same module: %s", h2 == h ? "yes" : "no");
    say("FreeLibrary 1: %d", FreeLibrary(h));
    say("still loaded: %s", GetModuleHandleA("dlla.dll") == h ? "yes" : "no");
    say("FreeLibrary 2: %d", FreeLibrary(h));
    say("after last FreeLibrary: GetModuleHandle(dlla) %s", GetModuleHandleA("dlla.dll") ? "non-NULL" : "NULL");

    try_load("no_such_library.dll", "missing DLL");
    try_load("C:\\no\\such\\dir\\x.dll", "missing DLL by path");
    try_load("dllfail.dll", "DllMain returning FALSE");
    say("dllfail still mapped: %s", GetModuleHandleA("dllfail.dll") ? "yes" : "no");

    /* LoadLibraryEx with LOAD_LIBRARY_AS_DATAFILE runs no DllMain */
    h = LoadLibraryExA("dlla.dll", NULL, LOAD_LIBRARY_AS_DATAFILE);
    say("as datafile: %s", h ? "ok" : "failed");
    if (h)
        FreeLibrary(h);
    say("end of main");
    return 0;
}
