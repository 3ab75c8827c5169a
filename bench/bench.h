/* What the benchmarks in bench/ share: a clock, medians, and the output
 * format bench/run.sh reads. Each benchmark builds twice, for Windows with
 * mingw-w64 (Win32 APIs) and for Linux with gcc (their POSIX equivalent).
 *
 * Output, one line each, on stdout (stderr for printf.c, whose stdout is
 * the measured pipe):
 *   result KEY VALUE    the median of the repeats, in the row's unit
 *   check KEY TEXT      must read the same natively, under decant and
 *                       under wine, so a fast wrong answer cannot pass
 * A benchmark that cannot run somewhere prints "result KEY n/a". */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
static inline double now_ns(void)
{
    static LARGE_INTEGER freq;
    LARGE_INTEGER c;
    if (!freq.QuadPart)
        QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&c);
    return (double)c.QuadPart * 1e9 / (double)freq.QuadPart;
}
#else
#include <time.h>
static inline double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}
#endif

/* prog [SIZE] [REPEATS]: SIZE is the work per repeat, in the benchmark's
 * own unit; REPEATS (default 7) how many times it is timed. */
static inline long arg_size(int argc, char **argv, long dflt)
{
    return argc > 1 ? atol(argv[1]) : dflt;
}

static inline int arg_repeats(int argc, char **argv)
{
    int r = argc > 2 ? atoi(argv[2]) : 7;
    return r < 1 ? 1 : r > 64 ? 64 : r;
}

static inline int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static inline double median(double *v, int n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Deterministic pseudo-random numbers, the same on both systems. */
static inline uint64_t xorshift(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return *s = x;
}

#endif
