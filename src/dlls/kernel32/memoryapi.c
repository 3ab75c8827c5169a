/* memoryapi: VirtualAlloc and friends, ntdll's services in this process
 * (nt/virtual.c underneath). */
#include <sys/mman.h>

#define DEBUG_CHANNEL virtual
#include "debug.h"
#include "kernel32_private.h"
#include "memory.h"
#include "ntapi.h"

/* VirtualAlloc (kernel32) */
LPVOID WINAPI VirtualAlloc(LPVOID addr, SIZE_T size, DWORD type, DWORD prot)
{
    void *a = addr;
    SIZE_T s = size;
    NTSTATUS st = NtAllocateVirtualMemory(CURRENT_PROCESS_HANDLE, &a, 0, &s, type, prot);
    return set_ntstatus(st) ? a : NULL;
}

/* VirtualAllocEx (kernel32): this process only. */
LPVOID WINAPI VirtualAllocEx(HANDLE process, LPVOID addr, SIZE_T size,
                             DWORD type, DWORD prot)
{
    return VirtualAlloc(addr, size, type, prot);
}

/* VirtualFree (kernel32) */
BOOL WINAPI VirtualFree(LPVOID addr, SIZE_T size, DWORD type)
{
    void *a = addr;
    SIZE_T s = size;
    return set_ntstatus(NtFreeVirtualMemory(CURRENT_PROCESS_HANDLE, &a, &s, type));
}

/* VirtualFreeEx (kernel32) */
BOOL WINAPI VirtualFreeEx(HANDLE process, LPVOID addr, SIZE_T size, DWORD type)
{
    return VirtualFree(addr, size, type);
}

/* VirtualProtect (kernel32) */
BOOL WINAPI VirtualProtect(LPVOID addr, SIZE_T size, DWORD prot, LPDWORD old)
{
    void *a = addr;
    SIZE_T s = size;
    ULONG o = 0;
    if (!old) {
        set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    NTSTATUS st = NtProtectVirtualMemory(CURRENT_PROCESS_HANDLE, &a, &s, prot, &o);
    if (!st)
        *old = o;
    return set_ntstatus(st);
}

/* VirtualProtectEx (kernel32) */
BOOL WINAPI VirtualProtectEx(HANDLE process, LPVOID addr, SIZE_T size,
                             DWORD prot, LPDWORD old)
{
    return VirtualProtect(addr, size, prot, old);
}

/* VirtualQuery (kernel32) */
SIZE_T WINAPI VirtualQuery(LPCVOID addr, MEMORY_BASIC_INFORMATION *info,
                           SIZE_T len)
{
    if (len < sizeof *info) {
        set_last_error(ERROR_BAD_LENGTH_WIN32);
        return 0;
    }
    NTSTATUS st = mem_query(addr, info);
    if (st) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return sizeof *info;
}

/* VirtualQueryEx (kernel32) */
SIZE_T WINAPI VirtualQueryEx(HANDLE process, LPCVOID addr,
                             MEMORY_BASIC_INFORMATION *info, SIZE_T len)
{
    return VirtualQuery(addr, info, len);
}

/* VirtualLock (kernel32) */
BOOL WINAPI VirtualLock(LPVOID addr, SIZE_T size) { return TRUE; }

/* VirtualUnlock (kernel32) */
BOOL WINAPI VirtualUnlock(LPVOID addr, SIZE_T size) { return TRUE; }

/* FlushInstructionCache (kernel32): x86 keeps caches coherent. */
BOOL WINAPI FlushInstructionCache(HANDLE process, LPCVOID addr, SIZE_T size)
{
    return TRUE;
}

/* IsBadReadPtr (kernel32) */
BOOL WINAPI IsBadReadPtr(LPCVOID p, UINT_PTR size)
{
    MEMORY_BASIC_INFORMATION mbi;
    if (!size)
        return FALSE;
    if (!p || mem_query(p, &mbi) || mbi.State != MEM_COMMIT ||
        mbi.Protect == PAGE_NOACCESS)
        return TRUE;
    return FALSE;
}

/* IsBadWritePtr (kernel32) */
BOOL WINAPI IsBadWritePtr(LPVOID p, UINT_PTR size)
{
    MEMORY_BASIC_INFORMATION mbi;
    if (!size)
        return FALSE;
    if (!p || mem_query(p, &mbi) || mbi.State != MEM_COMMIT)
        return TRUE;
    return !(mbi.Protect & (PAGE_READWRITE | PAGE_WRITECOPY |
                            PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY));
}
