// postbuild: sh scripts/wine-builtin.sh "$OUT"
// build: -lntdll
/* The PE half of a unixlib pair, built as a Wine builtin DLL is: with the
 * "Wine builtin DLL" marker after its DOS header (the postbuild line above
 * does what `winebuild --builtin` does), and, in place of winecrt0, its
 * own copy of winecrt0's unix-call glue, written from Wine's documented
 * ABI (include/wine/unixlib.h, dlls/winecrt0/unix_lib.c):
 *   - __wine_init_unix_call() asks NtQueryVirtualMemory(MemoryWineUnixFuncs)
 *     for this module's unixlib handle (its .so's __wine_unix_call_funcs);
 *   - __wine_unix_call_dispatcher starts as a stub that, on the first call,
 *     replaces itself with ntdll's exported __wine_unix_call_dispatcher;
 *   - WINE_UNIX_CALL(code, args) calls through it.
 * DllMain runs the init, as Wine's DLLs do in their PROCESS_ATTACH. */
#include <windows.h>
#include <winternl.h>

#include "unixpair.h"

typedef UINT64 unixlib_handle_t;
#define MemoryWineUnixFuncs 1000

static unixlib_handle_t __wine_unixlib_handle;
static NTSTATUS WINAPI unix_call_init(unixlib_handle_t, unsigned int, void *);
static NTSTATUS(WINAPI *__wine_unix_call_dispatcher)(unixlib_handle_t, unsigned int, void *) =
    unix_call_init;
#define WINE_UNIX_CALL(code, args) __wine_unix_call_dispatcher(__wine_unixlib_handle, (code), (args))

NTSTATUS NTAPI LdrGetDllHandle(const WCHAR *, ULONG *, const UNICODE_STRING *, HMODULE *);
void *NTAPI RtlFindExportedRoutineByName(HMODULE, const char *);

static NTSTATUS WINAPI unix_call_missing(unixlib_handle_t h, unsigned int code, void *args)
{
    return 0xc0000135; /* STATUS_DLL_NOT_FOUND */
}

static NTSTATUS WINAPI unix_call_init(unixlib_handle_t h, unsigned int code, void *args)
{
    UNICODE_STRING ntdll;
    HMODULE mod = NULL;
    void **exported;
    RtlInitUnicodeString(&ntdll, L"ntdll.dll");
    LdrGetDllHandle(NULL, 0, &ntdll, &mod);
    exported = mod ? RtlFindExportedRoutineByName(mod, "__wine_unix_call_dispatcher") : NULL;
    InterlockedExchangePointer((void **)&__wine_unix_call_dispatcher,
                               exported && *exported ? *exported : (void *)unix_call_missing);
    return __wine_unix_call_dispatcher(h, code, args);
}

static NTSTATUS __wine_init_unix_call(void)
{
    extern IMAGE_DOS_HEADER __ImageBase;
    return NtQueryVirtualMemory(GetCurrentProcess(), &__ImageBase, MemoryWineUnixFuncs,
                                &__wine_unixlib_handle, sizeof(__wine_unixlib_handle), NULL);
}

static NTSTATUS init_status = 0x103; /* STATUS_PENDING: DllMain not run */

__declspec(dllexport) NTSTATUS unixpair_init_status(void) { return init_status; }
__declspec(dllexport) UINT64 unixpair_handle(void) { return __wine_unixlib_handle; }

__declspec(dllexport) NTSTATUS unixpair_uname(struct uname_params *p)
{
    return WINE_UNIX_CALL(unix_uname, p);
}

__declspec(dllexport) NTSTATUS unixpair_add(struct add_params *p)
{
    return WINE_UNIX_CALL(unix_add, p);
}

__declspec(dllexport) NTSTATUS unixpair_status(unsigned int status)
{
    return WINE_UNIX_CALL(unix_status, &status);
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    if (reason == DLL_PROCESS_ATTACH)
        init_status = __wine_init_unix_call();
    return TRUE;
}
