/* The heap functions' promises once a program has allocated a lot
 * (decant moves its heaps to another allocator then, so blocks made before
 * and after meet): four threads allocating and freeing at once, blocks
 * freed by another thread, exact HeapSize, 16-byte alignment for every
 * small size, HEAP_ZERO_MEMORY, HeapReAlloc (in place too) of blocks made
 * before and after, msvcrt's malloc/_msize/realloc, and HeapDestroy of a
 * private heap holding both kinds. */
#include <windows.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

#define EARLY 32
#define PER_THREAD 6000
#define THREADS 4

static HANDLE process, priv;
static char *handed[THREADS][PER_THREAD / 2];
static volatile LONG bad_alloc;

static SIZE_T size_of(unsigned i) { return (i * 2654435761u >> 7) % 3000; }

static void fill(char *p, SIZE_T n, unsigned seed)
{
    for (SIZE_T i = 0; i < n; i++)
        p[i] = (char)(seed + i);
}

static int filled(const char *p, SIZE_T n, unsigned seed)
{
    for (SIZE_T i = 0; i < n; i++)
        if (p[i] != (char)(seed + i))
            return 0;
    return 1;
}

/* Allocates PER_THREAD blocks; frees every other one itself and hands the
 * rest to the main thread. */
static DWORD WINAPI worker(void *arg)
{
    unsigned t = (unsigned)(uintptr_t)arg;
    for (unsigned i = 0; i < PER_THREAD; i++) {
        SIZE_T n = size_of(i + t * PER_THREAD);
        char *p = HeapAlloc(process, 0, n);
        if (!p || ((uintptr_t)p & 15) || HeapSize(process, 0, p) != n) {
            InterlockedIncrement(&bad_alloc);
            continue;
        }
        fill(p, n, i);
        if (i & 1)
            handed[t][i / 2] = p;
        else if (!filled(p, n, i) || !HeapFree(process, 0, p))
            InterlockedIncrement(&bad_alloc);
    }
    return 0;
}

int main(void)
{
    char *early[EARLY], *early_priv[EARLY], *p, *q;
    HANDLE threads[THREADS];
    int good, i, n;

    process = GetProcessHeap();
    priv = HeapCreate(0, 0, 0);
    ok(priv != NULL, "HeapCreate");
    for (i = 0; i < EARLY; i++) {
        early[i] = HeapAlloc(process, 0, 100 + i);
        fill(early[i], 100 + i, i);
        early_priv[i] = HeapAlloc(priv, 0, 200 + i);
        fill(early_priv[i], 200 + i, i);
    }

    for (i = 0; i < THREADS; i++)
        threads[i] = CreateThread(NULL, 0, worker, (void *)(uintptr_t)i, 0, NULL);
    WaitForMultipleObjects(THREADS, threads, TRUE, INFINITE);
    ok(bad_alloc == 0, "threads: %ld blocks misallocated or misfreed", bad_alloc);
    good = 1;
    for (i = 0; i < THREADS; i++) {
        CloseHandle(threads[i]);
        for (n = 0; n < PER_THREAD / 2; n++) {
            unsigned k = 2 * n + 1;
            SIZE_T sz = size_of(k + i * PER_THREAD);
            if (!handed[i][n] || !filled(handed[i][n], sz, k) ||
                !HeapFree(process, 0, handed[i][n]))
                good = 0;
        }
    }
    ok(good, "blocks freed by another thread than their own");

    good = 1;
    for (n = 0; n <= 300; n++) {
        p = HeapAlloc(process, 0, n);
        if (!p || ((uintptr_t)p & 15) || HeapSize(process, 0, p) != (SIZE_T)n)
            good = 0;
        q = HeapAlloc(priv, 0, n);
        if (!q || ((uintptr_t)q & 15) || HeapSize(priv, 0, q) != (SIZE_T)n)
            good = 0;
        HeapFree(process, 0, p);
    }
    ok(good, "16-byte alignment and exact HeapSize, sizes 0 to 300");

    p = HeapAlloc(process, HEAP_ZERO_MEMORY, 5000);
    good = p != NULL;
    for (i = 0; good && i < 5000; i++)
        good = p[i] == 0;
    ok(good, "HEAP_ZERO_MEMORY");
    memset(p, 7, 5000);
    p = HeapReAlloc(process, HEAP_ZERO_MEMORY, p, 9000);
    good = p && HeapSize(process, 0, p) == 9000;
    for (i = 0; good && i < 9000; i++)
        good = p[i] == (i < 5000 ? 7 : 0);
    ok(good, "HeapReAlloc keeps the contents and zeroes the grown part");
    q = HeapReAlloc(process, HEAP_REALLOC_IN_PLACE_ONLY, p, 100);
    ok(q == p && HeapSize(process, 0, q) == 100, "HEAP_REALLOC_IN_PLACE_ONLY shrinks in place");
    ok(HeapReAlloc(process, HEAP_REALLOC_IN_PLACE_ONLY, p, 1 << 24) == NULL,
       "HEAP_REALLOC_IN_PLACE_ONLY cannot grow 100 bytes to 16 MiB");
    ok(HeapSize(process, 0, p) == 100, "a failed in-place realloc leaves the size");
    ok(HeapValidate(process, 0, p), "HeapValidate");
    ok(HeapFree(process, 0, p), "HeapFree");

    good = 1;
    for (i = 0; i < EARLY; i++) {
        if (HeapSize(process, 0, early[i]) != (SIZE_T)(100 + i) ||
            !filled(early[i], 100 + i, i))
            good = 0;
        if (i & 1) {
            early[i] = HeapReAlloc(process, 0, early[i], 4000 + i);
            if (!early[i] || HeapSize(process, 0, early[i]) != (SIZE_T)(4000 + i) ||
                !filled(early[i], 100 + i, i))
                good = 0;
        }
        if (!HeapFree(process, 0, early[i]))
            good = 0;
    }
    ok(good, "blocks from before the busy part: size, contents, realloc, free");

    good = 1;
    for (i = 0; i < EARLY; i++) {
        if (HeapSize(priv, 0, early_priv[i]) != (SIZE_T)(200 + i) ||
            !filled(early_priv[i], 200 + i, i))
            good = 0;
        if (i % 3 == 0) {
            early_priv[i] = HeapReAlloc(priv, 0, early_priv[i], 3000);
            if (!early_priv[i] || !filled(early_priv[i], 200 + i, i))
                good = 0;
        }
        if (i % 3 == 1 && !HeapFree(priv, 0, early_priv[i]))
            good = 0;
    }
    ok(good, "private heap blocks from before: size, contents, realloc, free");
    for (i = 0; i < 2000; i++) /* about 8 MiB more for HeapDestroy to give back */
        HeapAlloc(priv, 0, 4096);
    ok(HeapDestroy(priv), "HeapDestroy of a heap with blocks from before and after");

    p = malloc(777);
    ok(p && _msize(p) == 777, "malloc + _msize");
    p = realloc(p, 70000);
    ok(p && _msize(p) == 70000, "realloc + _msize");
    free(p);
    return test_summary();
}
