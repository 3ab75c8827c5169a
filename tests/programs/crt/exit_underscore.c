// exit: 9
/* _exit() ends the process at once: no atexit handlers run; output
 * already flushed stays.  (That buffered output is lost is tested on its
 * own in exit_underscore_noflush.c, which Wine gets wrong.) */
#include <stdio.h>
#include <stdlib.h>

static void handler(void) { printf("handler must not run\n"); }

int main(void)
{
    atexit(handler);
    printf("flushed line\n");
    fflush(stdout);
    _exit(9);
}
