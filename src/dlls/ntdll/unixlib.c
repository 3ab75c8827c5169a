/* Wine's unixlib ABI in ntdll (DESIGN.md §8): a Wine-builtin PE asks
 * NtQueryVirtualMemory(MemoryWineUnixFuncs) for the address of its ELF
 * half's `__wine_unix_call_funcs` table (src/loader/unixlib.c) and calls
 * entry `code` of it through the pointer ntdll exports as the data symbol
 * `__wine_unix_call_dispatcher` (Wine ≥ 8) or through `__wine_unix_call`
 * (Wine 7). The entries are ordinary Linux functions: NTSTATUS f(void *).
 * Also the two loader lookups winecrt0 uses to find that pointer. */
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL module
#include "debug.h"
#include "loader.h"
#include "memory.h"
#include "object.h"
#include "status.h"
#include "wstr.h"

#define MemoryBasicInformation 0
#define MemoryWineUnixFuncs 1000
#define MemoryWineUnixWow64Funcs 1001

typedef ULONG64 unixlib_handle_t;
typedef NTSTATUS (*unixlib_entry_t)(void *args); /* System V */

/* __wine_unix_call (ntdll): GCC bridges the two ABIs, so the call is the
 * indexed call itself; no bounds check, as in Wine. */
NTSTATUS WINAPI __wine_unix_call(unixlib_handle_t handle, unsigned int code, void *args)
{
    return ((const unixlib_entry_t *)(uintptr_t)handle)[code](args);
}

/* The data export __wine_unix_call_dispatcher (exports.h): a pointer the
 * PE side reads once and calls with the Windows ABI. */
NTSTATUS(WINAPI *wine_unix_call_dispatcher)(unixlib_handle_t, unsigned int, void *) =
    __wine_unix_call;

/* NtQueryVirtualMemory (ntdll) */
NTSTATUS WINAPI NtQueryVirtualMemory(HANDLE process, const void *addr, ULONG cls,
                                     void *buf, SIZE_T len, SIZE_T *ret_len)
{
    NTSTATUS st;
    switch (cls) {
    case MemoryBasicInformation:
        /* this process only, as VirtualQueryEx */
        if (len < sizeof(MEMORY_BASIC_INFORMATION))
            return STATUS_INFO_LENGTH_MISMATCH;
        st = mem_query(addr, buf);
        if (!st && ret_len)
            *ret_len = sizeof(MEMORY_BASIC_INFORMATION);
        return st;
    case MemoryWineUnixFuncs:
    case MemoryWineUnixWow64Funcs: {
        /* Wine's checks, in its order; ret_len is left alone */
        const void *funcs;
        if (len != sizeof(unixlib_handle_t))
            return STATUS_INFO_LENGTH_MISMATCH;
        if (process != CURRENT_PROCESS_HANDLE)
            return STATUS_INVALID_HANDLE;
        st = ldr_unix_funcs(addr, cls == MemoryWineUnixWow64Funcs, &funcs);
        if (!st)
            *(unixlib_handle_t *)buf = (uintptr_t)funcs;
        return st;
    }
    default:
        FIXME("information class %u", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
}

/* LdrGetDllHandle (ntdll) */
NTSTATUS WINAPI LdrGetDllHandle(const WCHAR *load_path, ULONG *flags,
                                const UNICODE_STRING *name, HMODULE *base)
{
    if (!name || !base)
        return STATUS_INVALID_PARAMETER;
    size_t n = name->Length / sizeof(WCHAR);
    size_t need = wstr_to_utf8(name->Buffer, n, NULL, 0);
    char *s = calloc(1, need + 1);
    wstr_to_utf8(name->Buffer, n, s, need + 1);
    ldr_lock();
    struct module *m = ldr_find_loaded(s);
    ldr_unlock();
    free(s);
    *base = m ? (HMODULE)m->base : NULL;
    return m ? STATUS_SUCCESS : STATUS_DLL_NOT_FOUND;
}

/* RtlFindExportedRoutineByName (ntdll) */
void *WINAPI RtlFindExportedRoutineByName(HMODULE module, const char *name)
{
    ldr_lock();
    struct module *m = ldr_find_by_base(module);
    void *p = m ? ldr_get_export(m, name, 0, 0) : NULL;
    ldr_unlock();
    return p;
}
