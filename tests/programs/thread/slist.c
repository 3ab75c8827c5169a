/* Interlocked singly linked lists: LIFO order, depth, flush, the x64
 * SLIST_HEADER layout programs read directly (first entry's address in
 * the high 8 bytes, depth in the low 16 bits), and many threads pushing
 * and popping the same list without losing or duplicating an entry. */
#include <windows.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"

typedef struct {
    SLIST_ENTRY link; /* first, so the entry is the item */
    int value;
} item;

#define THREADS 4
#define PER_THREAD 2000
#define ROUNDS 200

static SLIST_HEADER *shared;
static item *pool;

/* Each round a thread pushes the entries it holds, then pops as many,
 * whoever pushed them: an entry is never on the list twice. */
static DWORD WINAPI worker(void *arg)
{
    int id = (int)(INT_PTR)arg;
    SLIST_ENTRY **held = malloc(PER_THREAD * sizeof *held);
    for (int i = 0; i < PER_THREAD; i++)
        held[i] = &pool[id * PER_THREAD + i].link;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < PER_THREAD; i++)
            InterlockedPushEntrySList(shared, held[i]);
        for (int got = 0; got < PER_THREAD;) {
            SLIST_ENTRY *e = InterlockedPopEntrySList(shared);
            if (e)
                held[got++] = e;
        }
    }
    free(held);
    return 0;
}

int main(void)
{
    SLIST_HEADER *h = _aligned_malloc(sizeof *h, MEMORY_ALLOCATION_ALIGNMENT);
    item *it = _aligned_malloc(4 * sizeof *it, MEMORY_ALLOCATION_ALIGNMENT);
    ULONGLONG *raw = (ULONGLONG *)h;

    memset(h, 0xcc, sizeof *h);
    InitializeSListHead(h);
    ok(QueryDepthSList(h) == 0, "empty depth %u", QueryDepthSList(h));
    ok((raw[1] & ~15ull) == 0, "empty list has no first entry");
    ok(InterlockedPopEntrySList(h) == NULL, "pop from an empty list");
    ok(InterlockedFlushSList(h) == NULL, "flush of an empty list");

    for (int i = 0; i < 4; i++) {
        it[i].value = i;
        PSLIST_ENTRY prev = InterlockedPushEntrySList(h, &it[i].link);
        ok(prev == (i ? &it[i - 1].link : NULL), "push %d returns the previous first entry", i);
    }
    ok(QueryDepthSList(h) == 4, "depth 4: %u", QueryDepthSList(h));
    ok((raw[0] & 0xffff) == 4, "depth lives in the low 16 bits: %#llx", raw[0]);
    ok((raw[1] & ~15ull) == (ULONGLONG)(ULONG_PTR)&it[3].link, "first entry in the high qword");
    ok(it[3].link.Next == &it[2].link && it[1].link.Next == &it[0].link, "entries are chained");

    item *p = (item *)InterlockedPopEntrySList(h);
    ok(p && p->value == 3, "LIFO: popped %d", p ? p->value : -1);
    ok(QueryDepthSList(h) == 3, "depth 3 after a pop");

    PSLIST_ENTRY all = InterlockedFlushSList(h);
    ok(all == &it[2].link, "flush returns the chain's head");
    int n = 0;
    for (PSLIST_ENTRY e = all; e; e = e->Next)
        n++;
    ok(n == 3, "flushed chain has %d entries", n);
    ok(QueryDepthSList(h) == 0 && InterlockedPopEntrySList(h) == NULL, "empty after flush");

    /* many threads on one list */
    shared = h;
    pool = _aligned_malloc(THREADS * PER_THREAD * sizeof *pool, MEMORY_ALLOCATION_ALIGNMENT);
    HANDLE t[THREADS];
    for (int i = 0; i < THREADS; i++)
        t[i] = CreateThread(NULL, 0, worker, (void *)(INT_PTR)i, 0, NULL);
    WaitForMultipleObjects(THREADS, t, TRUE, INFINITE);
    ok(QueryDepthSList(h) == 0, "threads left depth %u", QueryDepthSList(h));
    ok(InterlockedPopEntrySList(h) == NULL, "threads left entries behind");

    /* every entry pushed once, popped once: all distinct */
    for (int i = 0; i < THREADS * PER_THREAD; i++) {
        pool[i].value = -1;
        InterlockedPushEntrySList(h, &pool[i].link);
    }
    ok(QueryDepthSList(h) == (THREADS * PER_THREAD) % 65536, "depth %u", QueryDepthSList(h));
    int count = 0, dup = 0;
    for (SLIST_ENTRY *e; (e = InterlockedPopEntrySList(h));) {
        item *x = (item *)e;
        if (x->value != -1)
            dup++;
        x->value = 1;
        count++;
    }
    ok(count == THREADS * PER_THREAD && !dup, "popped %d, %d twice", count, dup);
    printf("slist: %d entries through %d threads\n", THREADS * PER_THREAD * ROUNDS, THREADS);
    return test_summary();
}
