/* SIZE lines (default 1000000) of formatted output with printf into stdout,
 * which bench/run.sh makes a pipe; built with the compiler's default
 * printf (mingw's, or msvcrt's when mingw chooses it). Seconds per SIZE
 * lines, flush included. The results go to stderr: the check is the byte
 * count printf reported, which run.sh compares with what came out of the
 * pipe. */
#include "bench.h"

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 1000000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    long long bytes = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++)
            bytes += printf("line %ld of %ld: %s %08x %.2f\n", i, n, "the quick brown fox",
                            (unsigned)(i * 2654435761u), i / 7.0);
        fflush(stdout);
        t[r] = (now_ns() - t0) / 1e9;
    }
    fprintf(stderr, "result printf %.3f\n", median(t, reps));
    fprintf(stderr, "check printf %lld bytes\n", bytes);
    return 0;
}
