/* A thread's stack is its own, whatever the threads before it did to
 * theirs: one overflows its stack and ends without _resetstkoflw, one
 * puts a PAGE_GUARD page in its stack and ends; the threads after them
 * overflow and are caught as EXCEPTION_STACK_OVERFLOW again, and use
 * their stacks deep down without a guard page exception. */
#include <windows.h>
#include <string.h>
#include "stack_overflow.h"
#include "test.h"

#define DEEP (256 * 1024)

static DWORD WINAPI overflower(void *arg)
{
    return protected_call(overflow);
}

/* Touches DEEP bytes of stack (mingw probes each page on the way down,
 * committing them on Windows); with arg, makes a page in the middle a
 * guard page before returning. */
static DWORD WINAPI deep(void *arg)
{
    volatile char buf[DEEP];
    DWORD old;
    memset((char *)buf, 1, sizeof buf);
    if (!arg)
        return buf[DEEP / 2];
    char *page = (char *)(((ULONG_PTR)buf + DEEP / 2) & ~(ULONG_PTR)0xfff);
    return VirtualProtect(page, 0x1000, PAGE_READWRITE | PAGE_GUARD, &old);
}

static DWORD run(LPTHREAD_START_ROUTINE fn, void *arg)
{
    DWORD code = 0xdead;
    HANDLE h = CreateThread(NULL, 0, fn, arg, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    CloseHandle(h);
    return code;
}

int main(void)
{
    void *h = AddVectoredExceptionHandler(1, veh);
    int i;

    ok(run(overflower, NULL) == 1, "first thread recovered from its overflow");
    ok(overflows == 1, "one EXCEPTION_STACK_OVERFLOW: %ld", overflows);
    for (i = 0; i < 3; i++)
        ok(run(overflower, NULL) == 1, "thread %d after it recovered too", i);
    ok(overflows == 4, "each overflow raised EXCEPTION_STACK_OVERFLOW: %ld", overflows);

    ok(run(deep, (void *)1) == TRUE, "a thread made a guard page in its stack");
    for (i = 0; i < 3; i++)
        ok(run(deep, NULL) == 1, "thread %d after it used its stack deep down", i);
    ok(other == 0, "no other exceptions: %ld", other);

    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
