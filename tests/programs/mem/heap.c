/* Process heap: HeapAlloc/HeapReAlloc/HeapFree/HeapSize (exact sizes),
 * HEAP_ZERO_MEMORY (also for the grown part on realloc),
 * HEAP_REALLOC_IN_PLACE_ONLY, 16-byte alignment, HeapCreate/HeapDestroy,
 * GetProcessHeaps, HeapValidate, LocalAlloc/GlobalAlloc basics. */
#include <windows.h>
#include <stdint.h>
#include <string.h>
#include "test.h"

int main(void)
{
    HANDLE heap = GetProcessHeap(), h2, heaps[64];
    char *p, *q;
    int i, zero;
    SIZE_T sz;
    DWORD n;
    HLOCAL l;
    HGLOBAL g;

    ok(heap != NULL, "GetProcessHeap");
    ok(GetProcessHeap() == heap, "same heap each time");
    p = HeapAlloc(heap, 0, 100);
    ok(p != NULL && ((uintptr_t)p & 15) == 0, "HeapAlloc 16-byte aligned");
    ok(HeapSize(heap, 0, p) == 100, "HeapSize exact: %lu", (unsigned long)HeapSize(heap, 0, p));
    memset(p, 0x5a, 100);
    q = HeapReAlloc(heap, HEAP_ZERO_MEMORY, p, 300);
    ok(q != NULL && HeapSize(heap, 0, q) == 300, "HeapReAlloc grows");
    zero = 1;
    for (i = 0; i < 100; i++)
        if (q[i] != 0x5a)
            zero = 0;
    ok(zero, "old contents kept");
    zero = 1;
    for (i = 100; i < 300; i++)
        if (q[i] != 0)
            zero = 0;
    ok(zero, "HEAP_ZERO_MEMORY zeroes the grown part");
    p = HeapReAlloc(heap, 0, q, 10);
    ok(p != NULL && HeapSize(heap, 0, p) == 10 && p[9] == 0x5a, "HeapReAlloc shrinks");
    ok(HeapFree(heap, 0, p), "HeapFree");
    ok(HeapFree(heap, 0, NULL), "HeapFree(NULL) succeeds");

    p = HeapAlloc(heap, HEAP_ZERO_MEMORY, 4096);
    zero = 1;
    for (i = 0; i < 4096; i++)
        if (p[i])
            zero = 0;
    ok(zero, "HEAP_ZERO_MEMORY");
    q = HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, p, 16);
    ok(q == p, "shrinking in place");
    HeapFree(heap, 0, p);

    p = HeapAlloc(heap, 0, 0);
    ok(p != NULL && HeapSize(heap, 0, p) == 0, "zero-size allocation");
    HeapFree(heap, 0, p);

    p = HeapAlloc(heap, 0, 10 << 20);
    ok(p != NULL && HeapSize(heap, 0, p) == (10 << 20), "10 MiB block");
    memset(p, 1, 10 << 20);
    HeapFree(heap, 0, p);

    h2 = HeapCreate(0, 0, 0);
    ok(h2 != NULL && h2 != heap, "HeapCreate growable");
    p = HeapAlloc(h2, 0, 1000);
    ok(p != NULL && HeapSize(h2, 0, p) == 1000, "alloc from private heap");
    ok(HeapValidate(h2, 0, NULL), "HeapValidate");
    n = GetProcessHeaps(64, heaps);
    zero = 0;
    for (i = 0; i < (int)n && i < 64; i++)
        if (heaps[i] == h2)
            zero = 1;
    ok(n >= 2 && zero, "GetProcessHeaps lists the new heap (%lu heaps)", n);
    ok(HeapDestroy(h2), "HeapDestroy");

    /* a fixed-size heap refuses what does not fit */
    h2 = HeapCreate(0, 65536, 65536);
    ok(h2 != NULL, "HeapCreate fixed");
    SetLastError(0xdeadbeef);
    p = HeapAlloc(h2, 0, 1 << 20);
    ok(p == NULL, "too big for a fixed heap");
    HeapDestroy(h2);

    /* Local/Global */
    l = LocalAlloc(LMEM_FIXED | LMEM_ZEROINIT, 50);
    ok(l != NULL && ((char *)l)[49] == 0 && LocalSize(l) == 50, "LocalAlloc fixed");
    ok(LocalFree(l) == NULL, "LocalFree returns NULL");
    g = GlobalAlloc(GMEM_FIXED, 64);
    ok(g != NULL && GlobalSize(g) == 64, "GlobalAlloc fixed");
    ok(GlobalFree(g) == NULL, "GlobalFree");
    g = GlobalAlloc(GMEM_MOVEABLE, 64);
    p = GlobalLock(g);
    ok(p != NULL && (HGLOBAL)p != g, "moveable memory locks to a pointer");
    ok(GlobalUnlock(g) == FALSE && GetLastError() == NO_ERROR, "unlock to count 0");
    GlobalFree(g);

    sz = HeapCompact(heap, 0);
    ok(sz > 0 || GetLastError() == NO_ERROR, "HeapCompact");
    return test_summary();
}
