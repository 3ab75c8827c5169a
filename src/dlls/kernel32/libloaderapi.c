/* libloaderapi: LoadLibrary, GetProcAddress, module handles and names. */
#include <string.h>
#include <sys/mman.h>

#define DEBUG_CHANNEL module
#include "debug.h"
#include "kernel32_private.h"
#include "loader.h"
#include "memory.h"

#define GET_MODULE_HANDLE_EX_FLAG_PIN 1
#define GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT 2
#define GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS 4
#define LOAD_LIBRARY_AS_DATAFILE 0x2
#define LOAD_LIBRARY_AS_IMAGE_RESOURCE 0x20

#define LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE 0x40
#define AS_DATA (LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE | \
                 LOAD_LIBRARY_AS_IMAGE_RESOURCE)

/* A DLL mapped only to read it (resources, version info): no imports, no
 * DllMain, not in the module list. Its handle has a low bit set, as on
 * Windows, so FreeLibrary can tell it apart. */
static HMODULE load_as_data(const char *name, DWORD flags)
{
    char *path = ldr_find_dll_file(name);
    if (!path) {
        set_last_error(ERROR_MOD_NOT_FOUND);
        return NULL;
    }
    struct ldr_error err;
    struct module *m = ldr_map_file(path, 0, &err);
    free(path);
    if (!m) {
        set_last_error(err.win32);
        return NULL;
    }
    HMODULE h = (HMODULE)(m->base + (flags & LOAD_LIBRARY_AS_IMAGE_RESOURCE ? 2 : 1));
    free(m->unix_path);
    free(m->win_path);
    free(m);
    return h;
}

/* LoadLibraryExW (kernel32) */
HMODULE WINAPI LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags)
{
    if (!name) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    char *n = wstr_to_utf8_alloc(name);
    if (flags & AS_DATA) {
        HMODULE h = load_as_data(n, flags);
        free(n);
        return h;
    }
    struct ldr_error err = {0};
    struct module *m = ldr_load_dll(n, &err);
    if (!m) {
        TRACE("%s: %s", n, err.message);
        set_last_error(err.win32 ? err.win32 : ERROR_MOD_NOT_FOUND);
    }
    free(n);
    return m ? (HMODULE)m->base : NULL;
}

/* LoadLibraryExA (kernel32) */
HMODULE WINAPI LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags)
{
    WCHAR *w = a_to_w(name);
    HMODULE h = LoadLibraryExW(w, file, flags);
    free(w);
    return h;
}

/* LoadLibraryW (kernel32) */
HMODULE WINAPI LoadLibraryW(LPCWSTR name) { return LoadLibraryExW(name, NULL, 0); }

/* LoadLibraryA (kernel32) */
HMODULE WINAPI LoadLibraryA(LPCSTR name) { return LoadLibraryExA(name, NULL, 0); }

/* FreeLibrary (kernel32) */
BOOL WINAPI FreeLibrary(HMODULE h)
{
    if ((uintptr_t)h & 3) { /* mapped as data */
        uint8_t *base = (uint8_t *)((uintptr_t)h & ~(uintptr_t)3);
        MEMORY_BASIC_INFORMATION mbi;
        if (mem_query(base, &mbi) || mbi.AllocationBase != base) {
            set_last_error(ERROR_INVALID_HANDLE);
            return FALSE;
        }
        const IMAGE_NT_HEADERS64 *nt =
            (const void *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
        size_t size = (nt->OptionalHeader.SizeOfImage + 0xfff) & ~(size_t)0xfff;
        mem_unregister(base);
        munmap(base, size);
        return TRUE;
    }
    ldr_lock();
    struct module *m = ldr_find_by_base(h);
    if (m)
        ldr_free_dll(m);
    ldr_unlock();
    if (!m)
        set_last_error(ERROR_INVALID_HANDLE);
    return m != NULL;
}

/* FreeLibraryAndExitThread (kernel32) */
void WINAPI FreeLibraryAndExitThread(HMODULE h, DWORD code)
{
    FreeLibrary(h);
    ExitThread(code);
}

/* GetProcAddress (kernel32): a name, or an ordinal in the low word. */
FARPROC WINAPI GetProcAddress(HMODULE h, LPCSTR name)
{
    ldr_lock();
    struct module *m = h ? ldr_find_by_base(h) : ldr_main_module;
    void *p = NULL;
    if (m) {
        if ((uintptr_t)name >> 16)
            p = ldr_get_export(m, name, 0, 0);
        else
            p = ldr_get_export(m, NULL, (WORD)(uintptr_t)name, 1);
    }
    ldr_unlock();
    if (!p) {
        set_last_error(m ? ERROR_PROC_NOT_FOUND : ERROR_MOD_NOT_FOUND);
        if (TRACE_ON())
            TRACE("%s: %s not found", m ? m->name : "?",
                  (uintptr_t)name >> 16 ? name : "(ordinal)");
    }
    return p;
}

/* GetModuleHandleW (kernel32) */
HMODULE WINAPI GetModuleHandleW(LPCWSTR name)
{
    if (!name)
        return (HMODULE)ldr_main_module->base;
    char *n = wstr_to_utf8_alloc(name);
    ldr_lock();
    struct module *m = ldr_find_loaded(n);
    ldr_unlock();
    free(n);
    if (!m) {
        set_last_error(ERROR_MOD_NOT_FOUND);
        return NULL;
    }
    return (HMODULE)m->base;
}

/* GetModuleHandleA (kernel32) */
HMODULE WINAPI GetModuleHandleA(LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HMODULE h = GetModuleHandleW(w);
    free(w);
    return h;
}

/* GetModuleHandleExW (kernel32) */
BOOL WINAPI GetModuleHandleExW(DWORD flags, LPCWSTR name, HMODULE *out)
{
    struct module *m;
    ldr_lock();
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS)
        m = ldr_find_by_address(name);
    else if (!name)
        m = ldr_main_module;
    else {
        char *n = wstr_to_utf8_alloc(name);
        m = ldr_find_loaded(n);
        free(n);
    }
    if (m && !(flags & (GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT |
                        GET_MODULE_HANDLE_EX_FLAG_PIN)))
        m->refcount++;
    ldr_unlock();
    *out = m ? (HMODULE)m->base : NULL;
    if (!m)
        set_last_error(ERROR_MOD_NOT_FOUND);
    return m != NULL;
}

/* GetModuleHandleExA (kernel32) */
BOOL WINAPI GetModuleHandleExA(DWORD flags, LPCSTR name, HMODULE *out)
{
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS)
        return GetModuleHandleExW(flags, (LPCWSTR)name, out);
    WCHAR *w = a_to_w(name);
    BOOL r = GetModuleHandleExW(flags, w, out);
    free(w);
    return r;
}

/* GetModuleFileNameW (kernel32): truncates to the buffer and returns its
 * size with ERROR_INSUFFICIENT_BUFFER when the name does not fit. */
DWORD WINAPI GetModuleFileNameW(HMODULE h, LPWSTR buf, DWORD size)
{
    ldr_lock();
    struct module *m = h ? ldr_find_by_base(h) : ldr_main_module;
    ldr_unlock();
    if (!m) {
        set_last_error(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    DWORD n = wstr_len(m->win_path);
    if (!size) {
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (n >= size) {
        memcpy(buf, m->win_path, (size - 1) * sizeof(WCHAR));
        buf[size - 1] = 0;
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    memcpy(buf, m->win_path, (n + 1) * sizeof(WCHAR));
    set_last_error(0);
    return n;
}

/* GetModuleFileNameA (kernel32) */
DWORD WINAPI GetModuleFileNameA(HMODULE h, LPSTR buf, DWORD size)
{
    WCHAR w[32768];
    DWORD n = GetModuleFileNameW(h, w, 32768);
    if (!n)
        return 0;
    char *a = wstr_to_utf8_alloc(w);
    DWORD len = strlen(a);
    if (!size) {
        free(a);
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (len >= size) {
        memcpy(buf, a, size - 1);
        buf[size - 1] = 0;
        free(a);
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    memcpy(buf, a, len + 1);
    free(a);
    return len;
}

/* DisableThreadLibraryCalls (kernel32) */
BOOL WINAPI DisableThreadLibraryCalls(HMODULE h) { return TRUE; }

/* SetDllDirectoryW (kernel32): the directory searched after the
 * program's, instead of the current directory; "" only takes the current
 * directory out; NULL restores the standard order (loader/module.c). */
BOOL WINAPI SetDllDirectoryW(LPCWSTR dir)
{
    ldr_set_dll_directory(dir);
    return TRUE;
}

/* SetDllDirectoryA (kernel32) */
BOOL WINAPI SetDllDirectoryA(LPCSTR dir)
{
    WCHAR *w = a_to_w(dir);
    BOOL r = SetDllDirectoryW(w);
    free(w);
    return r;
}

/* GetDllDirectoryW (kernel32): the length without the NUL, or the size
 * needed with it (and an empty string when there is room for one); none
 * set reads as "". */
DWORD WINAPI GetDllDirectoryW(DWORD len, LPWSTR buf)
{
    WCHAR *d = ldr_get_dll_directory();
    DWORD n = d ? wstr_len(d) : 0;
    if (buf && len > n)
        memcpy(buf, d ? d : u"", (n + 1) * sizeof(WCHAR));
    else if (buf && len)
        buf[0] = 0;
    free(d);
    return len > n ? n : n + 1;
}

/* GetDllDirectoryA (kernel32) */
DWORD WINAPI GetDllDirectoryA(DWORD len, LPSTR buf)
{
    WCHAR *d = ldr_get_dll_directory();
    char *a = wstr_to_utf8_alloc(d ? d : u"");
    DWORD n = strlen(a);
    if (buf && len > n)
        memcpy(buf, a, n + 1);
    else if (buf && len)
        buf[0] = 0;
    free(a);
    free(d);
    return len > n ? n : n + 1;
}

/* SetDefaultDllDirectories (kernel32) */
BOOL WINAPI SetDefaultDllDirectories(DWORD flags) { return TRUE; }

/* AddDllDirectory (kernel32) */
PVOID WINAPI AddDllDirectory(LPCWSTR dir)
{
    FIXME("AddDllDirectory is not used in the search yet");
    return (PVOID)1;
}
