// build: -static-libgcc -static-libstdc++
/* On x64 mingw, throw is RaiseException(0x20474343 "GCC" | customer bit)
 * followed by RtlUnwindEx: a vectored exception handler sees each throw
 * once (the unwind phase does not call vectored handlers), and returning
 * EXCEPTION_CONTINUE_SEARCH from it does not disturb the catch.  A
 * catch (...) does not catch hardware faults (gcc does not translate
 * them): the vectored handler deals with those. */
#include <windows.h>
#include <cstdio>

static volatile LONG gcc_throws, other;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    DWORD code = ep->ExceptionRecord->ExceptionCode;
    if ((code & 0xFFFFFF) == 0x474343) {
        gcc_throws++;
        return EXCEPTION_CONTINUE_SEARCH;
    }
    if (code == EXCEPTION_ACCESS_VIOLATION) {
        other++;
        ep->ContextRecord->Rip += 3; /* movl $1, 8(%rax)... see fault() */
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static void fault()
{
    /* c7 00 01 00 00 00 is 6 bytes; use a 3-byte load instead */
    __asm__ volatile("xor %%eax, %%eax\n\tmov 8(%%rax), %%eax" ::: "rax", "memory");
}

int main()
{
    void *h = AddVectoredExceptionHandler(1, veh);
    int caught = 0;
    for (int i = 0; i < 5; i++) {
        try {
            throw i;
        } catch (int) {
            caught++;
        }
    }
    printf("caught %d, vectored handler saw %ld throws\n", caught, gcc_throws);
    try {
        fault();
        printf("fault skipped by the vectored handler, not a C++ exception\n");
    } catch (...) {
        printf("wrong: catch (...) caught a fault\n");
    }
    printf("faults seen: %ld\n", other);
    RemoveVectoredExceptionHandler(h);
    return 0;
}
