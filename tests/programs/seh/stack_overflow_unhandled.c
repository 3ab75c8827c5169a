// exit: 0xC00000FD
// wine: skip Wine 8 cannot fit the exception frame in what is left of the stack and exits with status 1
/* An unhandled stack overflow ends the process with exit code
 * 0xC00000FD (STATUS_STACK_OVERFLOW; Linux sees 0xFD), the code every
 * Windows user has seen as -1073741571.  The child-process check gives
 * the full 32 bits; output flushed before the overflow survives. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include "child.h"

static volatile int stop_at = -1;

static int recurse(int n)
{
    volatile char buf[2048];
    buf[0] = (char)n;
    if (n == stop_at)
        return 0;
    return recurse(n + 1) + buf[0];
}

int main(int argc, char **argv)
{
    DWORD code;

    if (argc > 1) {
        printf("child: recursing\n");
        fflush(stdout);
        printf("%d\n", recurse(0));
        return 100;
    }
    code = run_child("overflow");
    printf("child exit code %#lx\n", code);
    fflush(stdout);
    return recurse(0);
}
