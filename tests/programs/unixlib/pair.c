// env: WINEDLLPATH=$HELPERS
// build: -lntdll
/* A unixlib pair built as Wine documents it, in the program's directory:
 * unixpair.dll (mingw, marked "Wine builtin DLL") and unixpair.so (gcc).
 * decant finds the .so beside the DLL; Wine needs the directory on
 * WINEDLLPATH (it loads unixlibs only for builtins found there). Then the
 * edges of NtQueryVirtualMemory's Wine classes, ntdll's two unix-call
 * exports called directly, and two DLLs that must not get a unixlib: a
 * marked copy with no .so anywhere, and an unmarked copy with a .so beside
 * it. */
#include "unixlib.h"

int main(void)
{
    HMODULE h = LoadLibraryA("unixpair.dll"), ntdll = GetModuleHandleA("ntdll.dll");
    handle_fn get_handle;
    passthrough_fn passthrough;
    UINT64 handle = 0, h2 = 0;
    NTSTATUS st;
    char path[MAX_PATH];

    ok(h != NULL, "LoadLibrary(unixpair.dll): error %lu", GetLastError());
    if (!h)
        return test_summary();
    printf("marker at 0x40: %s\n", !memcmp((char *)h + 0x40, "Wine builtin DLL", 17) ? "yes" : "no");
    check_calls(h, "unixpair");

    get_handle = (handle_fn)GetProcAddress(h, "unixpair_handle");
    handle = get_handle();
    ok(handle != 0, "no unixlib handle");
    st = NtQueryVirtualMemory(GetCurrentProcess(), h, MemoryWineUnixFuncs, &h2, sizeof h2, NULL);
    printf("query again: %#lx, same handle: %s\n", (unsigned long)st, h2 == handle ? "yes" : "no");

    passthrough = (passthrough_fn)GetProcAddress(h, "unixpair_status");
    printf("NTSTATUS passes through: %#lx %#lx\n", (unsigned long)passthrough(0x20000042),
           (unsigned long)passthrough(0xc0000022));

    /* ntdll's exports, called as a program might */
    {
        NTSTATUS(WINAPI * *dispatcher)(UINT64, unsigned int, void *) =
            (void *)GetProcAddress(ntdll, "__wine_unix_call_dispatcher");
        NTSTATUS(WINAPI * unix_call)(UINT64, unsigned int, void *) =
            (void *)GetProcAddress(ntdll, "__wine_unix_call");
        struct add_params a = {40, 2, 0, 0.5, 3.0, 0};
        ok(dispatcher && *dispatcher, "no __wine_unix_call_dispatcher data export");
        if (dispatcher && *dispatcher) {
            st = (*dispatcher)(handle, unix_add, &a);
            printf("*__wine_unix_call_dispatcher: %#lx, sum %d, product %g\n", (unsigned long)st,
                   a.sum, a.product);
        }
        ok(unix_call != NULL, "no __wine_unix_call export");
        if (unix_call) {
            unsigned int code = 0x40000001;
            st = unix_call(handle, unix_status, &code);
            printf("__wine_unix_call: %#lx\n", (unsigned long)st);
        }
    }

    /* the edges */
    st = NtQueryVirtualMemory(GetCurrentProcess(), h, MemoryWineUnixWow64Funcs, &h2, sizeof h2, NULL);
    printf("MemoryWineUnixWow64Funcs (the .so has no wow64 table): %#lx\n", (unsigned long)st);
    st = NtQueryVirtualMemory(GetCurrentProcess(), h, MemoryWineUnixFuncs, &h2, 4, NULL);
    printf("length 4: %#lx\n", (unsigned long)st);
    st = NtQueryVirtualMemory(GetCurrentThread(), h, MemoryWineUnixFuncs, &h2, sizeof h2, NULL);
    printf("the current thread's handle as the process: %#lx\n", (unsigned long)st);
    st = NtQueryVirtualMemory(GetCurrentThread(), h, MemoryWineUnixFuncs, &h2, 4, NULL);
    printf("that, and length 4: %#lx\n", (unsigned long)st);
    st = NtQueryVirtualMemory(GetCurrentProcess(), GetModuleHandleA(NULL), MemoryWineUnixFuncs,
                              &h2, sizeof h2, NULL);
    printf("the program's own base: %#lx\n", (unsigned long)st);
    st = NtQueryVirtualMemory(GetCurrentProcess(), (char *)h + 0x1000, MemoryWineUnixFuncs, &h2,
                              sizeof h2, NULL);
    printf("inside the DLL, not its base: %#lx\n", (unsigned long)st);

    /* marked, but no lonely.so beside it or on the DLL path */
    ok(copy_here("unixpair.dll", "lonely.dll", path), "copy lonely.dll");
    h = LoadLibraryA(path);
    ok(h != NULL, "LoadLibrary(lonely.dll): error %lu", GetLastError());
    if (h)
        printf("lonely.dll: __wine_init_unix_call: %#lx\n",
               (unsigned long)((status_fn)GetProcAddress(h, "unixpair_init_status"))());

    /* plain.so beside it, but no marker: a native DLL */
    ok(copy_here("unixpair.so", "plain.so", path), "copy plain.so");
    ok(copy_here("unixpair.dll", "plain.dll", path), "copy plain.dll");
    {
        HANDLE f = CreateFileA(path, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        char zeros[32] = {0};
        DWORD n = 0;
        SetFilePointer(f, 0x40, NULL, FILE_BEGIN);
        ok(WriteFile(f, zeros, sizeof zeros, &n, NULL) && n == 32, "clear the marker");
        CloseHandle(f);
    }
    h = LoadLibraryA(path);
    ok(h != NULL, "LoadLibrary(plain.dll): error %lu", GetLastError());
    if (h)
        printf("plain.dll: __wine_init_unix_call: %#lx\n",
               (unsigned long)((status_fn)GetProcAddress(h, "unixpair_init_status"))());
    return test_summary();
}
