// env: WINEDLLPATH=$HELPERS
/* A winelib DLL (helpers/winelib.dll.so.c, a Linux library written by
 * hand) loaded by its full path: its 64 KiB-aligned base holds the PE
 * header the loader built, with the builtin marker; its entry point got
 * DLL_PROCESS_ATTACH with that base; exports resolve by name, by ordinal
 * and as data; an export runs Linux code; the module is "winelib.dll" to
 * GetModuleHandle and LoadLibrary. */
#include <windows.h>
#include <string.h>

#include "test.h"

typedef int(WINAPI *add_fn)(int, int);
typedef int(WINAPI *info_fn)(void **);
typedef int(WINAPI *sysname_fn)(char *, int);

int main(void)
{
    char path[MAX_PATH], so_path[MAX_PATH], *slash, name[64];
    HMODULE h, h2;
    IMAGE_NT_HEADERS64 *nt;
    add_fn add;
    info_fn info;
    sysname_fn sysname;
    void *attached = NULL;
    int *counter;
    FARPROC missing;
    DWORD n;

    GetModuleFileNameA(NULL, path, MAX_PATH);
    slash = strrchr(path, '\\');
    strcpy(slash + 1, "winelib.dll.so");
    strcpy(so_path, path);
    h = LoadLibraryA(path);
    ok(h != NULL, "LoadLibrary(%s): error %lu", path, GetLastError());
    if (!h)
        return test_summary();
    printf("base 64 KiB aligned: %s\n", ((ULONG_PTR)h & 0xffff) ? "no" : "yes");
    nt = (IMAGE_NT_HEADERS64 *)((char *)h + ((IMAGE_DOS_HEADER *)h)->e_lfanew);
    printf("MZ %s, marker %s, PE %s, machine %#x, magic %#x, DLL %s\n",
           ((IMAGE_DOS_HEADER *)h)->e_magic == IMAGE_DOS_SIGNATURE ? "yes" : "no",
           !memcmp((char *)h + 0x40, "Wine builtin DLL", 17) ? "yes" : "no",
           nt->Signature == IMAGE_NT_SIGNATURE ? "yes" : "no", nt->FileHeader.Machine,
           nt->OptionalHeader.Magic,
           nt->FileHeader.Characteristics & IMAGE_FILE_DLL ? "yes" : "no");
    ok(nt->OptionalHeader.ImageBase == (ULONG_PTR)h, "ImageBase %#llx",
       (unsigned long long)nt->OptionalHeader.ImageBase);

    info = (info_fn)GetProcAddress(h, "winelib_attach_info");
    ok(info != NULL, "winelib_attach_info missing");
    if (info) {
        n = info(&attached);
        printf("entry point: %lu PROCESS_ATTACH, with the base: %s\n", n,
               attached == h ? "yes" : "no");
    }
    add = (add_fn)GetProcAddress(h, "winelib_add");
    printf("winelib_add(2, 3) = %d\n", add ? add(2, 3) : -1);
    printf("ordinal 1 is winelib_add: %s\n",
           (add_fn)GetProcAddress(h, (LPCSTR)(ULONG_PTR)1) == add ? "yes" : "no");
    printf("winelib_add inside the module: %s\n",
           (char *)add > (char *)h && (char *)add < (char *)h + nt->OptionalHeader.SizeOfImage
               ? "yes" : "no");
    counter = (int *)GetProcAddress(h, "winelib_counter");
    printf("winelib_counter = %d\n", counter ? *counter : -1);
    sysname = (sysname_fn)GetProcAddress(h, "winelib_sysname");
    memset(name, 0, sizeof name);
    printf("winelib_sysname: %d %s\n", sysname ? sysname(name, sizeof name) : -1, name);
    SetLastError(0xdeadbeef);
    missing = GetProcAddress(h, "winelib_nothing");
    printf("missing export: %s, error %lu\n", missing ? "found" : "NULL", GetLastError());

    printf("GetModuleHandle(winelib.dll) is it: %s\n", GetModuleHandleA("winelib.dll") == h ? "yes" : "no");
    n = GetModuleFileNameA(h, path, MAX_PATH);
    printf("GetModuleFileName ends in \\winelib.dll: %s\n",
           n > 12 && !lstrcmpiA(path + n - 12, "\\winelib.dll") ? "yes" : "no");
    h2 = LoadLibraryA("winelib.dll");
    printf("LoadLibrary(winelib.dll) again: %s\n", h2 == h ? "same module" : "other");
    ok(FreeLibrary(h2), "FreeLibrary");
    h2 = LoadLibraryA(so_path);
    printf("LoadLibrary(its path) again: %s\n", h2 == h ? "same module" : "other");
    if (info) {
        n = info(&attached);
        printf("entry point after that: %lu PROCESS_ATTACH\n", n);
    }
    ok(FreeLibrary(h2) && FreeLibrary(h), "FreeLibrary");

    /* a Linux library without __wine_spec_nt_header is no DLL */
    strcpy(strrchr(so_path, '\\') + 1, "unixpair.so");
    SetLastError(0xdeadbeef);
    h2 = LoadLibraryA(so_path);
    n = GetLastError();
    printf("LoadLibrary(unixpair.so): %s, error %lu\n", h2 ? "loaded" : "NULL", n);
    return test_summary();
}
