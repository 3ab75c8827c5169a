/* Interlocked singly linked lists (SLIST_HEADER) with the x64 layout
 * programs see in winnt.h: 16 bytes, 16-aligned,
 *   low  qword: Depth (bits 0-15) | Sequence (bits 16-63)
 *   high qword: the first entry's address (entries are 16-aligned, so its
 *               low 4 bits are free; they stay 0).
 * Every change is one cmpxchg16b of the whole header, so code that reads
 * the header itself (QueryDepthSList, RtlFirstEntrySList inlined) always
 * sees a consistent list.
 *
 * Pushes are lock-free. Pops must read top->Next of an entry another
 * thread may pop and free at the same moment; Windows survives that
 * read by fixing up the fault in its exception dispatcher. decant takes a
 * small striped lock around pops and flushes instead: with removals
 * serialised, the entry a pop looks at stays on the list (pushes only add
 * above it), so the read is always of live memory and ABA cannot happen.
 * The lock is per process: a list in memory shared between processes is
 * only safe for pushes. */
#include <pthread.h>

#include "windef.h"

typedef struct SLIST_ENTRY {
    struct SLIST_ENTRY *Next;
} SLIST_ENTRY;

typedef union __attribute__((aligned(16))) {
    struct {
        ULONGLONG Alignment; /* Depth:16, Sequence:48 */
        ULONGLONG Region;    /* NextEntry (address), low 4 bits reserved */
    };
    unsigned __int128 whole;
} SLIST_HEADER;

_Static_assert(sizeof(SLIST_HEADER) == 16, "SLIST_HEADER is 16 bytes");

#define DEPTH(lo) ((lo) & 0xffff)
#define SEQ_ONE 0x10000ull
#define ENTRY(hi) ((SLIST_ENTRY *)(ULONG_PTR)((hi) & ~0xfull))

static int cas16(SLIST_HEADER *h, ULONGLONG *lo, ULONGLONG *hi, ULONGLONG nlo, ULONGLONG nhi)
{
    unsigned char ok;
    __asm__ __volatile__("lock cmpxchg16b %1\n\tsetz %0"
                         : "=q"(ok), "+m"(h->whole), "+a"(*lo), "+d"(*hi)
                         : "b"(nlo), "c"(nhi)
                         : "memory", "cc");
    return ok;
}

/* A plain snapshot; a torn one only makes the next cas16 fail and retry. */
static void snapshot(SLIST_HEADER *h, ULONGLONG *lo, ULONGLONG *hi)
{
    *lo = __atomic_load_n(&h->Alignment, __ATOMIC_ACQUIRE);
    *hi = __atomic_load_n(&h->Region, __ATOMIC_ACQUIRE);
}

/* New depth (16-bit, wrapping as on Windows) and a bumped sequence. */
static ULONGLONG next_lo(ULONGLONG lo, int delta)
{
    return ((lo & ~0xffffull) + SEQ_ONE) | ((lo + delta) & 0xffff);
}

static pthread_mutex_t pop_locks[64] = {[0 ... 63] = PTHREAD_MUTEX_INITIALIZER};

static pthread_mutex_t *pop_lock(SLIST_HEADER *h)
{
    return &pop_locks[((ULONG_PTR)h >> 4) * 0x9e3779b97f4a7c15ull >> 58];
}

/* RtlInitializeSListHead (ntdll) */
void WINAPI RtlInitializeSListHead(SLIST_HEADER *h)
{
    h->Alignment = 0;
    h->Region = 0;
}

/* RtlFirstEntrySList (ntdll) */
SLIST_ENTRY *WINAPI RtlFirstEntrySList(const SLIST_HEADER *h)
{
    return ENTRY(__atomic_load_n(&h->Region, __ATOMIC_ACQUIRE));
}

/* RtlQueryDepthSList (ntdll) */
USHORT WINAPI RtlQueryDepthSList(SLIST_HEADER *h)
{
    return DEPTH(__atomic_load_n(&h->Alignment, __ATOMIC_ACQUIRE));
}

/* RtlInterlockedPushListSListEx (ntdll): first..last are already linked;
 * returns the entry that was first before. */
SLIST_ENTRY *WINAPI RtlInterlockedPushListSListEx(SLIST_HEADER *h, SLIST_ENTRY *first,
                                                  SLIST_ENTRY *last, ULONG count)
{
    ULONGLONG lo, hi;
    snapshot(h, &lo, &hi);
    do
        last->Next = ENTRY(hi);
    while (!cas16(h, &lo, &hi, next_lo(lo, (int)count), (ULONG_PTR)first));
    return ENTRY(hi);
}

/* RtlInterlockedPushEntrySList (ntdll) */
SLIST_ENTRY *WINAPI RtlInterlockedPushEntrySList(SLIST_HEADER *h, SLIST_ENTRY *e)
{
    return RtlInterlockedPushListSListEx(h, e, e, 1);
}

/* RtlInterlockedPopEntrySList (ntdll) */
SLIST_ENTRY *WINAPI RtlInterlockedPopEntrySList(SLIST_HEADER *h)
{
    pthread_mutex_t *m = pop_lock(h);
    pthread_mutex_lock(m);
    ULONGLONG lo, hi;
    SLIST_ENTRY *top;
    snapshot(h, &lo, &hi);
    do {
        top = ENTRY(hi);
        if (!top)
            break;
    } while (!cas16(h, &lo, &hi, next_lo(lo, -1), (ULONG_PTR)top->Next));
    pthread_mutex_unlock(m);
    return top;
}

/* RtlInterlockedFlushSList (ntdll): the whole chain, still linked. */
SLIST_ENTRY *WINAPI RtlInterlockedFlushSList(SLIST_HEADER *h)
{
    pthread_mutex_t *m = pop_lock(h);
    pthread_mutex_lock(m);
    ULONGLONG lo, hi;
    snapshot(h, &lo, &hi);
    while (ENTRY(hi) && !cas16(h, &lo, &hi, lo & ~0xffffull, 0))
        ;
    pthread_mutex_unlock(m);
    return ENTRY(hi);
}
