// exit: 0xE0000042
/* An unhandled RaiseException ends the process with the exception code
 * as exit status (Linux sees the low 8 bits, 0x42); output flushed before
 * it survives, nothing after it runs. */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    printf("raising\n");
    fflush(stdout);
    RaiseException(0xE0000042, 0, 0, NULL);
    printf("not reached\n");
    return 0;
}
