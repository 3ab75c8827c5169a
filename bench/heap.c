/* HeapAlloc/HeapFree on the process heap against malloc/free, mixed sizes:
 * 4096 live blocks, each step frees a random one and allocates a new one
 * (75% 16-256 bytes, 20% up to 4 KiB, 5% up to 64 KiB); ns per step
 * (one free + one allocation). The check sums bytes read back from the
 * blocks before they are freed. */
#include "bench.h"

#ifdef _WIN32
static HANDLE heap;
static void init(void) { heap = GetProcessHeap(); }
static void *alloc(size_t n) { return HeapAlloc(heap, 0, n); }
static void release(void *p) { HeapFree(heap, 0, p); }
#else
static void init(void) {}
static void *alloc(size_t n) { return malloc(n); }
static void release(void *p) { free(p); }
#endif

#define SLOTS 4096
static unsigned char *slot[SLOTS];
static size_t slot_size[SLOTS];

static size_t pick_size(uint64_t *s)
{
    uint64_t x = xorshift(s);
    unsigned kind = x % 100;
    x >>= 8;
    if (kind < 75)
        return 16 + x % 241;
    if (kind < 95)
        return 257 + x % 3840;
    return 4097 + x % 61440;
}

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 2000000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    uint64_t seed = 0x243f6a8885a308d3ull, sum = 0;
    init();
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++) {
            unsigned k = xorshift(&seed) % SLOTS;
            if (slot[k]) {
                sum += slot[k][0] + slot[k][slot_size[k] - 1];
                release(slot[k]);
            }
            size_t sz = pick_size(&seed);
            slot[k] = alloc(sz);
            if (!slot[k]) {
                printf("result heap n/a\n");
                return 1;
            }
            slot[k][0] = (unsigned char)i;
            slot[k][sz - 1] = (unsigned char)sz;
            slot_size[k] = sz;
        }
        t[r] = (now_ns() - t0) / n;
    }
    for (int k = 0; k < SLOTS; k++)
        if (slot[k])
            release(slot[k]);
    printf("result heap %.2f\n", median(t, reps));
    printf("check heap sum %llu\n", (unsigned long long)sum);
    return 0;
}
