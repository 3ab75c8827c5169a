// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* msvcrt's rand(): the LCG state = state * 214013 + 2531011, result
 * (state >> 16) & 0x7fff; the seed is per thread and starts at 1. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int i;
    printf("RAND_MAX=%d\n", RAND_MAX);
    printf("unseeded:");
    for (i = 0; i < 5; i++)
        printf(" %d", rand());
    printf("\nsrand(1):");
    srand(1);
    for (i = 0; i < 5; i++)
        printf(" %d", rand());
    printf("\nsrand(12345):");
    srand(12345);
    for (i = 0; i < 8; i++)
        printf(" %d", rand());
    printf("\nsrand(0):");
    srand(0);
    for (i = 0; i < 3; i++)
        printf(" %d", rand());
    printf("\n");
    return 0;
}
