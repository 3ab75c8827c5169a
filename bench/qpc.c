/* QueryPerformanceCounter against clock_gettime(CLOCK_MONOTONIC), the
 * clock a Linux program would read: ns per call. The check is that the
 * counter never went backwards. */
#include "bench.h"

#ifdef _WIN32
static int64_t read_clock(void)
{
    LARGE_INTEGER c;
    QueryPerformanceCounter(&c);
    return c.QuadPart;
}
#else
static int64_t read_clock(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}
#endif

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 1000000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    long backwards = 0;
    for (int r = 0; r < reps; r++) {
        int64_t prev = read_clock();
        double t0 = now_ns();
        for (long i = 0; i < n; i++) {
            int64_t c = read_clock();
            backwards += c < prev;
            prev = c;
        }
        t[r] = (now_ns() - t0) / n;
    }
    printf("result qpc %.2f\n", median(t, reps));
    printf("check qpc %s\n", backwards ? "went backwards" : "monotonic");
    return backwards != 0;
}
