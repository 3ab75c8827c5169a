// build: -static-libgcc -static-libstdc++
/* A C++ exception thrown from a qsort comparator unwinds through the C
 * library's qsort (msvcrt.dll, which has unwind data like any x64 code)
 * to the caller's handler; locals on the way are destroyed and qsort
 * works normally afterwards.  Same with bsearch. */
#include <cstdio>
#include <cstdlib>

struct Guard {
    ~Guard() { printf("guard destroyed\n"); }
};

static int compares, limit;

static int cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    if (++compares == limit)
        throw compares;
    return x < y ? -1 : x > y;
}

int main()
{
    int v[64];
    for (int i = 0; i < 64; i++)
        v[i] = (i * 37) % 64;

    limit = 10;
    try {
        Guard g;
        qsort(v, 64, sizeof(int), cmp);
        printf("not reached\n");
    } catch (int n) {
        printf("caught from the comparator after %d comparisons\n", n);
    }

    limit = -1;
    qsort(v, 64, sizeof(int), cmp);
    int sorted = 1;
    for (int i = 0; i < 64; i++)
        sorted &= v[i] == i;
    printf("qsort works afterwards: %s\n", sorted ? "sorted" : "not sorted");

    int key = 40;
    compares = 0;
    limit = 3;
    try {
        bsearch(&key, v, 64, sizeof(int), cmp);
        printf("not reached\n");
    } catch (int n) {
        printf("caught from bsearch's comparator after %d comparisons\n", n);
    }
    return 0;
}
