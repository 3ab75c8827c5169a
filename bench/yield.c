/* SwitchToThread with nothing else to run against sched_yield: ns per
 * call. The cheapest call that enters the Linux kernel from decant's own
 * code, so it shows what any per-system-call cost (Syscall User Dispatch,
 * bench/dispatch.sh) does to decant's own system calls. */
#include "bench.h"

#ifdef _WIN32
static int yield(void) { SwitchToThread(); return 1; }
#else
#include <sched.h>
static int yield(void) { return sched_yield() == 0; }
#endif

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 1000000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    long done = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++)
            done += yield();
        t[r] = (now_ns() - t0) / n;
    }
    printf("result yield %.1f\n", median(t, reps));
    printf("check yield %s\n", done == n * reps ? "all calls returned" : "calls failed");
    return 0;
}
