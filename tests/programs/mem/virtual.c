/* VirtualAlloc/VirtualQuery/VirtualProtect/VirtualFree: reserve then
 * commit, 64 KiB alignment of reservations, the MEMORY_BASIC_INFORMATION
 * fields for reserved/committed/free regions, old protections, decommit
 * and release, access to committed pages, errors. */
#include <windows.h>
#include <stdint.h>
#include "test.h"

int main(void)
{
    SYSTEM_INFO si;
    MEMORY_BASIC_INFORMATION mbi;
    char *base, *p;
    DWORD old;
    SIZE_T r;
    int i, okay;

    GetSystemInfo(&si);
    ok(si.dwPageSize == 4096, "page size %lu", si.dwPageSize);
    ok(si.dwAllocationGranularity == 65536, "granularity %lu", si.dwAllocationGranularity);
    ok((uintptr_t)si.lpMinimumApplicationAddress == 0x10000, "minimum address %p", si.lpMinimumApplicationAddress);
    ok((uintptr_t)si.lpMaximumApplicationAddress == 0x7ffffffeffff, "maximum address %p", si.lpMaximumApplicationAddress);
    ok(si.dwNumberOfProcessors >= 1, "processors");
    ok(si.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_AMD64, "AMD64");

    base = VirtualAlloc(NULL, 1 << 20, MEM_RESERVE, PAGE_NOACCESS);
    ok(base != NULL, "reserve 1 MiB");
    ok(((uintptr_t)base & 0xffff) == 0, "reservation is 64 KiB aligned: %p", base);
    r = VirtualQuery(base, &mbi, sizeof mbi);
    ok(r == sizeof mbi, "VirtualQuery returns the size");
    ok(mbi.BaseAddress == base && mbi.AllocationBase == base, "bases");
    ok(mbi.State == MEM_RESERVE, "State MEM_RESERVE: %#lx", mbi.State);
    ok(mbi.Protect == 0, "reserved Protect is 0: %#lx", mbi.Protect);
    ok(mbi.AllocationProtect == PAGE_NOACCESS, "AllocationProtect %#lx", mbi.AllocationProtect);
    ok(mbi.Type == MEM_PRIVATE, "Type MEM_PRIVATE: %#lx", mbi.Type);
    ok(mbi.RegionSize == (1 << 20), "RegionSize %#lx", (unsigned long)mbi.RegionSize);

    p = VirtualAlloc(base + 0x3000, 0x2000, MEM_COMMIT, PAGE_READWRITE);
    ok(p == base + 0x3000, "commit inside the reservation: %p", p);
    r = VirtualQuery(base + 0x3800, &mbi, sizeof mbi);
    ok(mbi.BaseAddress == base + 0x3000 && mbi.AllocationBase == base, "committed region base (rounded down)");
    ok(mbi.State == MEM_COMMIT && mbi.Protect == PAGE_READWRITE && mbi.RegionSize == 0x2000, "committed: state %#lx prot %#lx size %#lx",
       mbi.State, mbi.Protect, (unsigned long)mbi.RegionSize);
    VirtualQuery(base, &mbi, sizeof mbi);
    ok(mbi.State == MEM_RESERVE && mbi.RegionSize == 0x3000, "reserved part before: size %#lx", (unsigned long)mbi.RegionSize);
    VirtualQuery(base + 0x5000, &mbi, sizeof mbi);
    ok(mbi.State == MEM_RESERVE && mbi.RegionSize == (1 << 20) - 0x5000, "reserved part after");

    okay = 1;
    for (i = 0; i < 0x2000; i++)
        if (p[i])
            okay = 0;
    ok(okay, "committed memory is zeroed");
    p[0] = 1;
    p[0x1fff] = 2;

    ok(VirtualProtect(p, 0x1000, PAGE_READONLY, &old) && old == PAGE_READWRITE, "VirtualProtect old %#lx", old);
    VirtualQuery(p, &mbi, sizeof mbi);
    ok(mbi.Protect == PAGE_READONLY && mbi.RegionSize == 0x1000, "protection split the region");
    ok(VirtualProtect(p, 0x2000, PAGE_EXECUTE_READWRITE, &old) && old == PAGE_READONLY, "old is the first page's: %#lx", old);
    SetLastError(0xdeadbeef);
    ok(!VirtualProtect(base, 0x1000, PAGE_READWRITE, &old) && GetLastError() == ERROR_INVALID_ADDRESS, "protect reserved: %lu", GetLastError());

    /* commit with a NULL address commits and reserves in one go */
    p = VirtualAlloc(NULL, 5000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    ok(p && ((uintptr_t)p & 0xffff) == 0, "commit|reserve aligned");
    VirtualQuery(p, &mbi, sizeof mbi);
    ok(mbi.RegionSize == 0x2000, "size rounded up to pages: %#lx", (unsigned long)mbi.RegionSize);
    VirtualQuery(p + 0x2000, &mbi, sizeof mbi);
    ok(mbi.State == MEM_FREE, "rest of the 64 KiB granule is unusable but reads as free: state %#lx", mbi.State);
    ok(VirtualFree(p, 0, MEM_RELEASE), "release");
    VirtualQuery(p, &mbi, sizeof mbi);
    ok(mbi.State == MEM_FREE, "free after release: %#lx", mbi.State);
    ok(mbi.Protect == PAGE_NOACCESS && mbi.AllocationBase == NULL, "free region fields: prot %#lx", mbi.Protect);

    /* decommit, then release */
    ok(VirtualFree(base + 0x3000, 0x1000, MEM_DECOMMIT), "decommit a page");
    VirtualQuery(base + 0x3000, &mbi, sizeof mbi);
    ok(mbi.State == MEM_RESERVE, "decommitted page is reserved");
    /* Not checked: MEM_RELEASE at an address inside the reservation (the
     * documentation requires the base; Wine 8 accepts it). */
    SetLastError(0xdeadbeef);
    ok(!VirtualFree(base, 0x1000, MEM_RELEASE) && GetLastError() == ERROR_INVALID_PARAMETER, "release with a size: %lu", GetLastError());
    ok(VirtualFree(base, 0, MEM_RELEASE), "release the reservation");

    /* the same address can be reserved again at a fixed place */
    p = VirtualAlloc(base, 0x10000, MEM_RESERVE, PAGE_READWRITE);
    ok(p == base, "reserve again at the freed address");
    SetLastError(0xdeadbeef);
    ok(VirtualAlloc(base, 0x10000, MEM_RESERVE, PAGE_READWRITE) == NULL && GetLastError() == ERROR_INVALID_ADDRESS,
       "reserving an occupied range: %lu", GetLastError());
    VirtualFree(p, 0, MEM_RELEASE);

    SetLastError(0xdeadbeef);
    ok(VirtualAlloc(NULL, 0, MEM_RESERVE, PAGE_READWRITE) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "size 0: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(VirtualAlloc(NULL, 4096, MEM_COMMIT, 0x12345) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "bad protection: %lu", GetLastError());

    /* query of the exe image */
    VirtualQuery((void *)GetModuleHandleW(NULL), &mbi, sizeof mbi);
    ok(mbi.Type == MEM_IMAGE && mbi.State == MEM_COMMIT && mbi.Protect == PAGE_READONLY, "image headers: type %#lx prot %#lx", mbi.Type, mbi.Protect);
    VirtualQuery((void *)main, &mbi, sizeof mbi);
    ok(mbi.Type == MEM_IMAGE && mbi.AllocationBase == GetModuleHandleW(NULL) && (mbi.Protect == PAGE_EXECUTE_READ),
       "code: prot %#lx", mbi.Protect);
    /* and a stack address */
    VirtualQuery(&mbi, &mbi, sizeof mbi);
    ok(mbi.Type == MEM_PRIVATE && mbi.State == MEM_COMMIT && mbi.Protect == PAGE_READWRITE, "stack: type %#lx prot %#lx", mbi.Type, mbi.Protect);
    return test_summary();
}
