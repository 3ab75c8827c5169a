// build: -specs=tests/programs/ucrt/ucrt.specs -fno-builtin
// exit: 3
/* quick_exit runs the at_quick_exit handlers (last first) and not the
 * atexit ones, and does not flush stdio: the handlers flush here. */
#include <stdio.h>
#include <stdlib.h>

static void at_exit(void) { printf("atexit: must not run\n"); }
static void quick1(void) { printf("quick 1 (runs last)\n"); fflush(stdout); }
static void quick2(void) { printf("quick 2 (runs first)\n"); }

int main(void)
{
    atexit(at_exit);
    at_quick_exit(quick1);
    at_quick_exit(quick2);
    printf("main\n");
    quick_exit(3);
}
