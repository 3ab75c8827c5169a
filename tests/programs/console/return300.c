// exit: 300
/* main returns 300: a Windows parent sees 300, Linux keeps 300 & 255 = 44
 * (the runner compares modulo 256). */
#include <stdio.h>

int main(void)
{
    printf("returning 300\n");
    return 300;
}
