/* NtAllocateVirtualMemory, NtProtectVirtualMemory and NtFreeVirtualMemory
 * by GetProcAddress: the address and size come back rounded to pages
 * (a reservation to 64 KiB), a commit inside a reservation, protections
 * and the old protection, what fails on uncommitted or free memory. */
#include <stdio.h>
#include "nt.h"

NT(NtAllocateVirtualMemory, (HANDLE, PVOID *, ULONG_PTR, SIZE_T *, ULONG, ULONG))
NT(NtFreeVirtualMemory, (HANDLE, PVOID *, SIZE_T *, ULONG))
NT(NtProtectVirtualMemory, (HANDLE, PVOID *, SIZE_T *, ULONG, ULONG *))

#define SELF GetCurrentProcess()

static DWORD protection(void *p)
{
    MEMORY_BASIC_INFORMATION mbi;
    VirtualQuery(p, &mbi, sizeof mbi);
    return mbi.State == MEM_COMMIT ? mbi.Protect : mbi.State;
}

int main(void)
{
    void *p, *base, *q;
    SIZE_T size;
    ULONG old;
    NTSTATUS st;

    LOAD(NtAllocateVirtualMemory);
    LOAD(NtFreeVirtualMemory);
    LOAD(NtProtectVirtualMemory);

    p = NULL;
    size = 0x1234;
    st = p_NtAllocateVirtualMemory(SELF, &p, 0, &size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    printf("reserve and commit 0x1234 bytes: %#lx, size %#lx, 64 KiB aligned %d\n", ST(st),
           (unsigned long)size, ((ULONG_PTR)p & 0xffff) == 0);
    ((char *)p)[0x1fff] = 1;
    base = (char *)p + 0x10;
    size = 0x10;
    old = 0xdead;
    st = p_NtProtectVirtualMemory(SELF, &base, &size, PAGE_READONLY, &old);
    printf("protect 16 bytes: %#lx, old %#lx, rounded to the page %d, size %#lx, now %#lx\n",
           ST(st), old, base == p, (unsigned long)size, protection(p));
    base = p;
    size = 0;
    st = p_NtFreeVirtualMemory(SELF, &base, &size, MEM_RELEASE);
    printf("release: %#lx, size %#lx\n", ST(st), (unsigned long)size);
    base = p;
    size = 0;
    st = p_NtFreeVirtualMemory(SELF, &base, &size, MEM_RELEASE);
    /* free memory: STATUS_MEMORY_NOT_ALLOCATED here, as in ReactOS (and
     * VirtualFree's ERROR_INVALID_ADDRESS); Wine 8 answers
     * STATUS_INVALID_PARAMETER */
    ok(st == 0xc00000a0 || st == 0xc000000d, "release again: %#lx", ST(st));

    p = NULL;
    size = 0x20000;
    st = p_NtAllocateVirtualMemory(SELF, &p, 0, &size, MEM_RESERVE, PAGE_NOACCESS);
    printf("reserve 128 KiB: %#lx, size %#lx, state %#lx\n", ST(st), (unsigned long)size,
           protection(p));
    q = (char *)p + 0x1800;
    size = 0x1000;
    st = p_NtAllocateVirtualMemory(SELF, &q, 0, &size, MEM_COMMIT, PAGE_READWRITE);
    printf("commit 4 KiB at +0x1800: %#lx, at +%#lx, size %#lx, %#lx\n", ST(st),
           (unsigned long)((char *)q - (char *)p), (unsigned long)size, protection(q));
    base = (char *)p + 0x8000;
    size = 0x1000;
    st = p_NtProtectVirtualMemory(SELF, &base, &size, PAGE_READWRITE, &old);
    printf("protect reserved memory: %#lx\n", ST(st));
    base = (char *)p + 0x1000;
    size = 0x1000;
    st = p_NtFreeVirtualMemory(SELF, &base, &size, MEM_DECOMMIT);
    printf("decommit a page: %#lx, size %#lx, state %#lx\n", ST(st), (unsigned long)size,
           protection(base));
    base = (char *)p + 0x1000;
    size = 0;
    st = p_NtFreeVirtualMemory(SELF, &base, &size, MEM_RELEASE);
    printf("release not at the base: %#lx\n", ST(st));
    base = p;
    size = 0x1000;
    st = p_NtFreeVirtualMemory(SELF, &base, &size, MEM_RELEASE);
    printf("release with a size: %#lx\n", ST(st));
    base = p;
    size = 0;
    st = p_NtFreeVirtualMemory(SELF, &base, &size, MEM_RELEASE);
    printf("release: %#lx, size %#lx\n", ST(st), (unsigned long)size);

    p = NULL;
    size = 0x1000;
    st = p_NtAllocateVirtualMemory(SELF, &p, 0, &size, MEM_COMMIT, 0);
    printf("protection 0: %#lx\n", ST(st));
    p = NULL;
    size = 0;
    st = p_NtAllocateVirtualMemory(SELF, &p, 0, &size, MEM_COMMIT, PAGE_READWRITE);
    printf("size 0: %#lx\n", ST(st));
    p = NULL;
    size = 0x1000;
    st = p_NtAllocateVirtualMemory((HANDLE)(ULONG_PTR)0x1230, &p, 0, &size, MEM_COMMIT,
                                   PAGE_READWRITE);
    printf("a bad process handle: %#lx\n", ST(st));
    return test_summary();
}
