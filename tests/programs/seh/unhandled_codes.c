/* An exception that nothing handles ends the process with the exception
 * code as its exit code: the full 32 bits, read by the parent with
 * GetExitCodeProcess.  Each fault runs in a child process.
 * (Stack overflow: stack_overflow_unhandled.c.) */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include "child.h"

static volatile int zero = 0;
static int child(const char *mode)
{
    if (!strcmp(mode, "access-violation"))
        *(volatile int *)8 = 1;
    else if (!strcmp(mode, "divide-by-zero"))
        printf("%d\n", 10 / zero);
    else if (!strcmp(mode, "ud2"))
        __asm__ volatile("ud2");
    else if (!strcmp(mode, "int3"))
        __asm__ volatile("int3");
    else if (!strcmp(mode, "hlt"))
        __asm__ volatile("hlt");
    else if (!strcmp(mode, "raise"))
        RaiseException(0xE0000042, 0, 0, NULL);
    else if (!strcmp(mode, "raise-noncontinuable"))
        RaiseException(0xE0000043, EXCEPTION_NONCONTINUABLE, 0, NULL);
    else if (!strcmp(mode, "raise-low-code"))
        RaiseException(0x1234, 0, 0, NULL);
    printf("%s: not reached\n", mode);
    return 100;
}

int main(int argc, char **argv)
{
    static const char *modes[] = { "access-violation", "divide-by-zero", "ud2", "int3", "hlt", "raise",
                                   "raise-noncontinuable", "raise-low-code" };
    int i;

    if (argc > 1)
        return child(argv[1]);
    for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
        printf("%s: %#lx\n", modes[i], run_child(modes[i]));
    return 0;
}
