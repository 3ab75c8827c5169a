// exit: 42
/* NtTerminateProcess(GetCurrentProcess(), 42) ends the process at once
 * with that status: nothing after it runs, not even the C runtime's
 * atexit functions (ExitProcess would run them through DLL detach). */
#include <stdio.h>
#include <stdlib.h>
#include "nt.h"

NT(NtTerminateProcess, (HANDLE, NTSTATUS))

static void at_exit(void) { printf("atexit function ran\n"); }

int main(void)
{
    LOAD(NtTerminateProcess);
    atexit(at_exit);
    printf("before NtTerminateProcess\n");
    fflush(stdout);
    p_NtTerminateProcess(GetCurrentProcess(), 42);
    printf("after NtTerminateProcess\n");
    return test_summary();
}
