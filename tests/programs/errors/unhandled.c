// exit: 0xC0000005
/* An unhandled access violation ends the process with the exception code
 * as its exit status (0xC0000005; Linux sees 5).  Output flushed before
 * the fault survives. */
#include <stdio.h>

int main(void)
{
    volatile int *p = (int *)(unsigned long long)0x10;
    printf("about to fault\n");
    fflush(stdout);
    *p = 1;
    printf("not reached\n");
    return 0;
}
