// exit: 9
// wine: skip Wine's msvcrt flushes stdio buffers at process detach even after _exit
/* Microsoft's documentation of exit/_Exit/_exit: "_exit and _Exit terminate
 * the process without ... processing atexit or _onexit functions, and
 * without flushing stream buffers."  stdout redirected to a file is fully
 * buffered, so the second line never reaches the file.  The expected
 * output follows the documentation; Wine 8 prints the second line too. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("flushed line\n");
    fflush(stdout);
    printf("buffered line, lost by _exit\n");
    _exit(9);
}
