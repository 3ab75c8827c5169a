// exit: 5
/* exit() runs atexit/_onexit handlers in reverse order of registration
 * (both kinds share one list), flushes stdio buffers, and its argument
 * becomes the exit code. */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("atexit first (runs last)\n"); }
static void second(void) { printf("atexit second\n"); }
static int onexit_third(void) { printf("_onexit third\n"); return 0; }
static void fourth(void) { printf("atexit fourth (runs first)\n"); }

static void depth3(void)
{
    printf("calling exit(5) from depth 3\n");
    exit(5);
}

static void depth2(void) { depth3(); printf("not reached\n"); }
static void depth1(void) { depth2(); printf("not reached\n"); }

int main(void)
{
    atexit(first);
    atexit(second);
    _onexit(onexit_third);
    atexit(fourth);
    printf("unflushed text before exit; ");
    depth1();
    return 0;
}
