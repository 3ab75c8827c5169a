/* Surviving a stack overflow: runaway recursion hits the stack guard page
 * and raises EXCEPTION_STACK_OVERFLOW (0xC00000FD) on the overflowing
 * thread, with the little stack that is left.  The vectored handler only
 * records it and redirects the CONTEXT (Rip and Rsp) to a recovery stub
 * that returns from protected_call() on the stack saved when it was
 * entered -- the way a runtime such as Go's moves a faulting thread
 * elsewhere.  The guard page is used up; _resetstkoflw() puts it back so
 * a second overflow is caught the same way. */
#include <windows.h>
#include <malloc.h>
#include "stack_overflow.h"
#include "test.h"

int main(void)
{
    volatile int canary = 0x5eed;
    NT_TIB *tib = (NT_TIB *)NtCurrentTeb();
    void *h = AddVectoredExceptionHandler(1, veh);

    ok(protected_call(overflow) == 1, "recovered from the overflow");
    ok(overflows == 1, "one EXCEPTION_STACK_OVERFLOW: %ld", overflows);
    ok(depth > 50, "recursed deep first: %d", depth);
    ok(fault_rsp < (DWORD64)tib->StackBase && (DWORD64)tib->StackBase - fault_rsp < 64 * 1024 * 1024,
       "faulting Rsp within this thread's stack");
    ok(canary == 0x5eed, "main's frame intact");

    ok(_resetstkoflw() != 0, "_resetstkoflw restores the guard page");
    depth = 0;
    ok(protected_call(overflow) == 1, "second overflow recovered");
    ok(overflows == 2, "two overflows: %ld", overflows);
    ok(depth > 50, "recursed deep again: %d", depth);

    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
