/* Touching PAGE_NOACCESS / PAGE_READONLY / PAGE_GUARD memory raises an
 * exception that a vectored handler sees with the right code, access
 * kind (0 read, 1 write) and address; the handler fixes the protection
 * and continues, and the faulting instruction is retried. */
#include <windows.h>
#include "test.h"

static char *page;
static volatile LONG faults;
static DWORD last_code;
static ULONG_PTR last_kind, last_addr;

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    DWORD old;
    EXCEPTION_RECORD *er = ep->ExceptionRecord;
    if (er->ExceptionCode != EXCEPTION_ACCESS_VIOLATION && er->ExceptionCode != STATUS_GUARD_PAGE_VIOLATION)
        return EXCEPTION_CONTINUE_SEARCH;
    faults++;
    last_code = er->ExceptionCode;
    last_kind = er->NumberParameters >= 2 ? er->ExceptionInformation[0] : 99;
    last_addr = er->NumberParameters >= 2 ? er->ExceptionInformation[1] : 0;
    if (er->ExceptionCode == EXCEPTION_ACCESS_VIOLATION)
        VirtualProtect(page, 4096, PAGE_READWRITE, &old);
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    DWORD old;
    volatile char *v;
    char c;
    void *h;

    page = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_NOACCESS);
    v = page;
    h = AddVectoredExceptionHandler(1, handler);
    ok(h != NULL, "AddVectoredExceptionHandler");

    c = v[100];
    ok(faults == 1 && last_code == EXCEPTION_ACCESS_VIOLATION, "read of PAGE_NOACCESS faults once: %ld %#lx", faults, last_code);
    ok(last_kind == 0 && last_addr == (ULONG_PTR)(page + 100), "read fault info: kind %lu", (unsigned long)last_kind);
    ok(c == 0, "read retried after the fix");

    VirtualProtect(page, 4096, PAGE_READONLY, &old);
    v[200] = 7;
    ok(faults == 2 && last_kind == 1 && last_addr == (ULONG_PTR)(page + 200), "write to PAGE_READONLY: kind %lu", (unsigned long)last_kind);
    ok(v[200] == 7, "write retried");

    VirtualProtect(page, 4096, PAGE_READWRITE | PAGE_GUARD, &old);
    c = v[300];
    ok(faults == 3 && last_code == STATUS_GUARD_PAGE_VIOLATION, "guard page: %#lx", last_code);
    c = v[301];
    ok(faults == 3, "guard is one-shot");
    VirtualProtect(page, 4096, PAGE_READWRITE, &old);
    (void)c;

    ok(RemoveVectoredExceptionHandler(h), "RemoveVectoredExceptionHandler");
    VirtualFree(page, 0, MEM_RELEASE);
    return test_summary();
}
