// exit: 42
/* The value returned from main becomes the process exit code. */
#include <stdio.h>

int main(void)
{
    printf("returning 42\n");
    return 42;
}
