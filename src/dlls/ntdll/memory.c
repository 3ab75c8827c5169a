/* ntdll's virtual memory over src/nt/virtual.c, this process's only:
 * NtAllocateVirtualMemory, NtFreeVirtualMemory, NtProtectVirtualMemory.
 * kernel32's VirtualAlloc, VirtualFree and VirtualProtect are these.
 * (NtQueryVirtualMemory: unixlib.c, for Wine's unix-call class.)
 * Tests: tests/programs/ntdll/memory.c. */
#define DEBUG_CHANNEL virtual
#include "debug.h"
#include "memory.h"
#include "ntapi.h"
#include "ntdll_private.h"
#include "status.h"

/* NtAllocateVirtualMemory (ntdll): *addr and *size come back rounded to
 * what was reserved or committed. */
NTSTATUS WINAPI NtAllocateVirtualMemory(HANDLE process, PVOID *addr, ULONG_PTR zero_bits,
                                        SIZE_T *size, ULONG type, ULONG prot)
{
    NTSTATUS st = ntdll_check_self(process);
    if (st)
        return st;
    if (!addr || !size)
        return STATUS_ACCESS_VIOLATION;
    if (zero_bits)
        FIXME("zero bits %#lx: the address is not limited", (unsigned long)zero_bits);
    return mem_allocate(addr, size, type, prot);
}

/* NtFreeVirtualMemory (ntdll) */
NTSTATUS WINAPI NtFreeVirtualMemory(HANDLE process, PVOID *addr, SIZE_T *size, ULONG type)
{
    NTSTATUS st = ntdll_check_self(process);
    if (st)
        return st;
    if (!addr || !size)
        return STATUS_ACCESS_VIOLATION;
    return mem_free(addr, size, type);
}

/* NtProtectVirtualMemory (ntdll): *old is the first page's protection. */
NTSTATUS WINAPI NtProtectVirtualMemory(HANDLE process, PVOID *addr, SIZE_T *size, ULONG prot,
                                       ULONG *old)
{
    NTSTATUS st = ntdll_check_self(process);
    if (st)
        return st;
    if (!addr || !size || !old)
        return STATUS_ACCESS_VIOLATION;
    return mem_protect(addr, size, prot, (DWORD *)old);
}
