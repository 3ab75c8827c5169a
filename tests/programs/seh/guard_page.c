/* PAGE_GUARD: the first access to a guard page raises
 * STATUS_GUARD_PAGE_VIOLATION (0x80000001) with the access-violation
 * parameters ([0] = 0 read / 1 write, [1] = the address) and clears the
 * guard, so resuming re-runs the access successfully and later accesses
 * do not fault.  Each page has its own guard; VirtualProtect re-arms it.
 * https://learn.microsoft.com/windows/win32/memory/creating-guard-pages */
#include <windows.h>
#include "test.h"

static int hits;
static EXCEPTION_RECORD rec;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != STATUS_GUARD_PAGE_VIOLATION)
        return EXCEPTION_CONTINUE_SEARCH;
    hits++;
    rec = *ep->ExceptionRecord;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static DWORD protection(void *p)
{
    MEMORY_BASIC_INFORMATION mbi;
    VirtualQuery(p, &mbi, sizeof(mbi));
    return mbi.Protect;
}

int main(void)
{
    volatile char *p;
    DWORD old;
    char c;
    void *h = AddVectoredExceptionHandler(1, veh);

    p = VirtualAlloc(NULL, 3 * 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE | PAGE_GUARD);
    ok(p != NULL, "VirtualAlloc with PAGE_GUARD");
    ok(protection((char *)p) == (PAGE_READWRITE | PAGE_GUARD), "guarded: %#lx", protection((char *)p));

    c = p[0x10];
    ok(hits == 1, "first read faults once: %d", hits);
    ok(c == 0, "then the read completes");
    ok(rec.ExceptionCode == STATUS_GUARD_PAGE_VIOLATION, "code %#lx", rec.ExceptionCode);
    ok(rec.NumberParameters == 2 && rec.ExceptionInformation[0] == 0, "read: %lu parameters, [0]=%llu",
       rec.NumberParameters, (unsigned long long)rec.ExceptionInformation[0]);
    ok(rec.ExceptionInformation[1] == (ULONG_PTR)(p + 0x10), "[1] is the address");
    ok(protection((char *)p) == PAGE_READWRITE, "guard gone from the first page: %#lx", protection((char *)p));
    ok(protection((char *)p + 4096) == (PAGE_READWRITE | PAGE_GUARD), "second page still guarded");

    c = p[0x20];
    p[0x30] = 1;
    ok(hits == 1, "no more faults on the first page: %d", hits);

    p[4096 + 8] = 7;
    ok(hits == 2, "write to the second page faults: %d", hits);
    ok(rec.ExceptionInformation[0] == 1 && rec.ExceptionInformation[1] == (ULONG_PTR)(p + 4096 + 8),
       "write: [0]=%llu, [1] is the address", (unsigned long long)rec.ExceptionInformation[0]);
    ok(p[4096 + 8] == 7, "the write happened after resuming");
    ok(hits == 2, "and read back without a fault");

    ok(VirtualProtect((char *)p, 4096, PAGE_READWRITE | PAGE_GUARD, &old), "re-arm");
    ok(old == PAGE_READWRITE, "old protection %#lx", old);
    c = p[0x30];
    ok(hits == 3 && c == 1, "guard fires again after re-arming: %d", hits);

    ok(VirtualProtect((char *)p + 8192, 4096, PAGE_READONLY | PAGE_GUARD, &old), "read-only guard");
    c = p[8192];
    ok(hits == 4, "read of a read-only guard page faults: %d", hits);
    ok(protection((char *)p + 8192) == PAGE_READONLY, "now plain read-only: %#lx", protection((char *)p + 8192));

    VirtualFree((void *)p, 0, MEM_RELEASE);
    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
