/* WaitForSingleObject on a manual-reset event that is already signalled:
 * ns per wait. Natively the same kernel-object wait is poll() on a readable
 * eventfd. The check counts the waits that were satisfied. */
#include "bench.h"

#ifdef _WIN32
static HANDLE ev;
static void init(void) { ev = CreateEventA(NULL, TRUE, TRUE, NULL); }
static int wait_once(void) { return WaitForSingleObject(ev, INFINITE) == WAIT_OBJECT_0; }
#else
#include <poll.h>
#include <sys/eventfd.h>
static int ev;
static void init(void) { ev = eventfd(1, 0); }
static int wait_once(void)
{
    struct pollfd p = {.fd = ev, .events = POLLIN};
    return poll(&p, 1, -1) == 1 && (p.revents & POLLIN);
}
#endif

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 1000000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    long ok = 0;
    init();
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++)
            ok += wait_once();
        t[r] = (now_ns() - t0) / n;
    }
    printf("result event_wait %.2f\n", median(t, reps));
    printf("check event_wait %ld waits satisfied\n", ok);
    return ok != n * reps;
}
