/* malloc/calloc/realloc/free/_msize, alignment, realloc(NULL),
 * _aligned_malloc. */
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
#include <stdint.h>
#include "test.h"

int main(void)
{
    char *p, *q;
    int *z, i, allzero;
    void *blocks[100];

    p = malloc(100);
    ok(p != NULL, "malloc");
    ok(((uintptr_t)p & 15) == 0, "malloc is 16-byte aligned");
    ok(_msize(p) == 100, "_msize exact: %u", (unsigned)_msize(p));
    memset(p, 'a', 100);
    q = realloc(p, 10000);
    ok(q != NULL && q[0] == 'a' && q[99] == 'a', "realloc grows and keeps data");
    ok(_msize(q) == 10000, "_msize after realloc: %u", (unsigned)_msize(q));
    p = realloc(q, 50);
    ok(p != NULL && p[49] == 'a' && _msize(p) == 50, "realloc shrinks");
    free(p);

    z = calloc(1000, sizeof(int));
    allzero = 1;
    for (i = 0; i < 1000; i++)
        if (z[i])
            allzero = 0;
    ok(z && allzero, "calloc zeroes");
    ok(_msize(z) == 4000, "_msize of calloc");
    free(z);

    p = realloc(NULL, 32);
    ok(p != NULL && _msize(p) == 32, "realloc(NULL) is malloc");
    free(p);

    p = malloc(0);
    ok(p != NULL, "malloc(0) returns a unique pointer");
    free(p);
    free(NULL);

    p = _aligned_malloc(100, 256);
    ok(p && ((uintptr_t)p & 255) == 0, "_aligned_malloc 256");
    _aligned_free(p);

    for (i = 0; i < 100; i++) {
        blocks[i] = malloc(i * 37 + 1);
        memset(blocks[i], i, i * 37 + 1);
    }
    allzero = 1;
    for (i = 0; i < 100; i++) {
        if (((unsigned char *)blocks[i])[i * 37] != (unsigned char)i)
            allzero = 0;
        free(blocks[i]);
    }
    ok(allzero, "100 blocks keep their contents");

    p = malloc((size_t)1 << 62);
    ok(p == NULL, "huge malloc fails");
    return test_summary();
}
