/* SetEvent on an auto-reset event nobody waits for: ns per call. Natively,
 * write() to an eventfd. The check: every call succeeded and the event is
 * signalled at the end. */
#include "bench.h"

#ifdef _WIN32
static HANDLE ev;
static void init(void) { ev = CreateEventA(NULL, FALSE, FALSE, NULL); }
static int set_once(void) { return SetEvent(ev) != 0; }
static int signalled(void) { return WaitForSingleObject(ev, 0) == WAIT_OBJECT_0; }
#else
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>
static int ev;
static void init(void) { ev = eventfd(0, 0); }
static int set_once(void)
{
    uint64_t one = 1;
    return write(ev, &one, 8) == 8;
}
static int signalled(void)
{
    uint64_t v;
    return read(ev, &v, 8) == 8 && v > 0;
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
            ok += set_once();
        t[r] = (now_ns() - t0) / n;
    }
    int sig = signalled();
    printf("result event_set %.2f\n", median(t, reps));
    printf("check event_set %ld sets, %s\n", ok, sig ? "signalled" : "NOT signalled");
    return ok != n * reps || !sig;
}
