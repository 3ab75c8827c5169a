/* Heaps over glibc's malloc, then mimalloc. heap.h says how and
 * docs/performance.md ("Heaps") why. */
#include <dlfcn.h>
#include <malloc.h>
#include <mimalloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL heap
#include "debug.h"
#include "heap.h"
#include "win32.h"

#define HEAP_MAGIC 0x50414548u /* "HEAP" */
#define MAX_BLOCK ((SIZE_T)1 << 46)
/* Loading mimalloc and warming its first pages costs 0.15-0.3 ms, so
 * it waits until the program has shown it allocates a lot: hello world
 * makes about 200 allocations, 7-Zip's and ffmpeg's test runs 1000-8000. */
#define SWITCH_AT 4096
/* HeapDestroy gives a heap's pages back at once (mimalloc keeps freed
 * pages until later calls purge them) when it held this much: it costs
 * about 3 us, too much for every small heap. */
#define COLLECT_AT_DESTROY ((SIZE_T)1 << 20)

/* Right before every block's data: its heap and the size asked for, whose
 * top bit says mimalloc's block rather than glibc's. */
struct tag {
    struct heap *heap;
    SIZE_T size;
};
#define MI_BLOCK ((SIZE_T)1 << 63)

/* A private heap's blocks start with their links, the tag follows. */
struct link {
    struct link *prev, *next;
};

struct heap {
    DWORD magic;
    DWORD flags;
    SIZE_T max, used; /* a fixed-size heap (max != 0) cannot grow */
    pthread_mutex_t lock;
    struct link head;
    struct heap *next_heap;
};

static struct heap process_heap = {.magic = HEAP_MAGIC, .lock = PTHREAD_MUTEX_INITIALIZER};
static struct heap *heaps = &process_heap;
static pthread_mutex_t heaps_lock = PTHREAD_MUTEX_INITIALIZER;

/* mimalloc's functions once loaded; `malloc` is set last (release), so
 * whoever sees it sees the others. */
static struct {
    __typeof__(mi_malloc) *malloc;
    __typeof__(mi_zalloc) *zalloc;
    __typeof__(mi_realloc) *realloc;
    __typeof__(mi_free) *free;
    __typeof__(mi_usable_size) *usable_size;
    __typeof__(mi_collect) *collect;
} mi;
static unsigned allocations;
static int loading;

static __typeof__(mi_malloc) *mi_loaded(void)
{
    return __atomic_load_n(&mi.malloc, __ATOMIC_ACQUIRE);
}

/* RTLD_LOCAL: its malloc does not replace glibc's for decant itself. */
static void load_mimalloc(void)
{
    void *lib = dlopen("libmimalloc.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        TRACE("no mimalloc (%s): heaps stay on glibc's malloc", dlerror());
        return;
    }
#define LOAD(f) if (!(*(void **)&mi.f = dlsym(lib, "mi_" #f))) return
    LOAD(zalloc);
    LOAD(realloc);
    LOAD(free);
    LOAD(usable_size);
    LOAD(collect);
#undef LOAD
    void *m = dlsym(lib, "mi_malloc");
    if (m)
        __atomic_store_n((void **)&mi.malloc, m, __ATOMIC_RELEASE);
    TRACE("heaps on mimalloc from allocation %u", allocations);
}

/* An approximate count (racing threads may lose increments) is enough. */
static void count_allocation(void)
{
    if (__atomic_load_n(&loading, __ATOMIC_RELAXED))
        return;
    unsigned n = __atomic_load_n(&allocations, __ATOMIC_RELAXED) + 1;
    __atomic_store_n(&allocations, n, __ATOMIC_RELAXED);
    if (n >= SWITCH_AT && !__atomic_exchange_n(&loading, 1, __ATOMIC_ACQ_REL))
        load_mimalloc();
}

/* The allocator of the moment; *mark tells which, for the tag. */
static void *raw_alloc(size_t bytes, DWORD flags, SIZE_T *mark)
{
    int zero = flags & HEAP_ZERO_MEMORY;
    *mark = 0;
    if (mi_loaded()) {
        *mark = MI_BLOCK;
        return zero ? mi.zalloc(bytes) : mi.malloc(bytes);
    }
    return zero ? calloc(1, bytes) : malloc(bytes);
}

/* The block's own allocator, whichever serves new blocks now. */
static void raw_free(void *base, SIZE_T tagged)
{
    if (tagged & MI_BLOCK)
        mi.free(base);
    else
        free(base);
}

static void *raw_realloc(void *base, SIZE_T tagged, size_t bytes)
{
    return tagged & MI_BLOCK ? mi.realloc(base, bytes) : realloc(base, bytes);
}

static size_t raw_usable(void *base, SIZE_T tagged)
{
    return tagged & MI_BLOCK ? mi.usable_size(base) : malloc_usable_size(base);
}

HANDLE heap_process(void) { return &process_heap; }

static struct heap *valid_heap(HANDLE h)
{
    struct heap *heap = h;
    return heap && heap->magic == HEAP_MAGIC ? heap : NULL;
}

static struct tag *tag_of(const void *p) { return (struct tag *)p - 1; }

static size_t header_size(const struct heap *h)
{
    return h == &process_heap ? sizeof(struct tag) : sizeof(struct link) + sizeof(struct tag);
}

/* glibc and mimalloc both align blocks of 16 bytes or more to 16, so the
 * data after the 16- or 32-byte header is 16-aligned as Windows promises
 * (tests/programs/mem/heap_busy.c checks every size up to 300). */
static size_t block_bytes(const struct heap *h, SIZE_T size)
{
    return header_size(h) + size;
}

HANDLE heap_create(DWORD flags, SIZE_T initial, SIZE_T max)
{
    struct heap *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->magic = HEAP_MAGIC;
    h->flags = flags;
    h->max = max ? (max + 0xffff) & ~(SIZE_T)0xffff : 0;
    pthread_mutex_init(&h->lock, NULL);
    h->head.next = h->head.prev = &h->head;
    pthread_mutex_lock(&heaps_lock);
    h->next_heap = heaps->next_heap;
    heaps->next_heap = h;
    pthread_mutex_unlock(&heaps_lock);
    return h;
}

BOOL heap_destroy(HANDLE handle)
{
    struct heap *h = valid_heap(handle);
    if (!h || h == &process_heap)
        return FALSE;
    pthread_mutex_lock(&heaps_lock);
    for (struct heap *p = heaps; p; p = p->next_heap)
        if (p->next_heap == h) {
            p->next_heap = h->next_heap;
            break;
        }
    pthread_mutex_unlock(&heaps_lock);
    for (struct link *b = h->head.next, *n; b != &h->head; b = n) {
        n = b->next;
        raw_free(b, ((struct tag *)(b + 1))->size);
    }
    SIZE_T used = h->used;
    h->magic = 0;
    pthread_mutex_destroy(&h->lock);
    free(h);
    if (used >= COLLECT_AT_DESTROY && mi_loaded())
        mi.collect(true);
    return TRUE;
}

/* Called with h->lock held; `size` is tagged. */
static void *link_block(struct heap *h, struct link *b, SIZE_T size)
{
    b->next = h->head.next;
    b->prev = &h->head;
    h->head.next->prev = b;
    h->head.next = b;
    struct tag *t = (struct tag *)(b + 1);
    t->heap = h;
    t->size = size;
    return t + 1;
}

static void unlink_block(struct link *b)
{
    b->prev->next = b->next;
    b->next->prev = b->prev;
}

static int over_max(const struct heap *h, SIZE_T old, SIZE_T size)
{
    return h->max && size > old && size - old > h->max - h->used;
}

/* Private heaps, and the calls Windows refuses. ms_abi, so that heap_alloc
 * can jump here. */
static __attribute__((noinline)) void *WINAPI alloc_slow(HANDLE handle, DWORD flags,
                                                         SIZE_T size)
{
    struct heap *h = valid_heap(handle);
    if (!h || h == &process_heap || size > MAX_BLOCK)
        return NULL;
    count_allocation();
    size_t bytes = block_bytes(h, size);
    SIZE_T mark;
    void *p = NULL;
    pthread_mutex_lock(&h->lock);
    if (!over_max(h, 0, size))
        p = raw_alloc(bytes, flags, &mark);
    if (p) {
        h->used += size;
        p = link_block(h, p, size | mark);
    }
    pthread_mutex_unlock(&h->lock);
    return p;
}

/* The process heap's blocks take a path that makes one call, to the
 * allocator. It is ms_abi like the exports that call it, so they need not
 * save xmm6-15 around it: only this frame does, once. heap_alloc makes
 * the checks and jumps here, so that GCC cannot move the saves ahead of
 * them. */
static __attribute__((noinline)) void *WINAPI alloc_process(DWORD flags, SIZE_T size)
{
    size_t bytes = block_bytes(&process_heap, size);
    int zero = flags & HEAP_ZERO_MEMORY;
    SIZE_T mark = 0;
    struct tag *t;
    if (mi_loaded()) {
        mark = MI_BLOCK;
        t = zero ? mi.zalloc(bytes) : mi.malloc(bytes);
    } else {
        count_allocation();
        t = zero ? calloc(1, bytes) : malloc(bytes);
    }
    if (!t)
        return NULL;
    t->heap = &process_heap;
    t->size = size | mark;
    return t + 1;
}

void *WINAPI heap_alloc(HANDLE handle, DWORD flags, SIZE_T size)
{
    if (handle == &process_heap && size <= MAX_BLOCK)
        return alloc_process(flags, size);
    return alloc_slow(handle, flags, size);
}

/* A block is freed through the heap its tag names, whatever heap the
 * caller says (programs get that wrong and Windows lets them). */
static __attribute__((noinline)) BOOL WINAPI free_slow(HANDLE handle, void *ptr)
{
    if (!ptr)
        return TRUE;
    if (!valid_heap(handle))
        return FALSE;
    struct tag *t = tag_of(ptr);
    struct heap *h = valid_heap(t->heap);
    if (!h)
        return FALSE;
    if (h == &process_heap) {
        raw_free(t, t->size);
        return TRUE;
    }
    struct link *b = (struct link *)t - 1;
    SIZE_T tagged = t->size;
    pthread_mutex_lock(&h->lock);
    h->used -= tagged & ~MI_BLOCK;
    unlink_block(b);
    pthread_mutex_unlock(&h->lock);
    raw_free(b, tagged);
    return TRUE;
}

static __attribute__((noinline)) BOOL WINAPI free_process(void *ptr)
{
    struct tag *t = tag_of(ptr);
    raw_free(t, t->size);
    return TRUE;
}

BOOL WINAPI heap_free(HANDLE handle, DWORD flags, void *ptr)
{
    if (ptr && handle == &process_heap && tag_of(ptr)->heap == &process_heap)
        return free_process(ptr);
    return free_slow(handle, ptr);
}

/* A block stays with the allocator that made it. */
void *WINAPI heap_realloc(HANDLE handle, DWORD flags, void *ptr, SIZE_T size)
{
    if (!valid_heap(handle) || !ptr || size > MAX_BLOCK)
        return NULL;
    struct tag *t = tag_of(ptr);
    struct heap *h = valid_heap(t->heap);
    if (!h)
        return NULL;
    size_t hs = header_size(h);
    uint8_t *base = (uint8_t *)ptr - hs;
    SIZE_T tagged = t->size, mark = tagged & MI_BLOCK, old = tagged & ~MI_BLOCK;
    void *out = NULL;
    if (h != &process_heap)
        pthread_mutex_lock(&h->lock);
    if (over_max(h, old, size)) {
        /* fails */
    } else if (flags & HEAP_REALLOC_IN_PLACE_ONLY) {
        if (size <= raw_usable(base, tagged) - hs) {
            t->size = size | mark;
            out = ptr;
        }
    } else if (h == &process_heap) {
        struct tag *nt = raw_realloc(base, tagged, block_bytes(h, size));
        if (nt) {
            nt->size = size | mark;
            out = nt + 1;
        }
    } else {
        struct link *b = (struct link *)base;
        unlink_block(b);
        struct link *nb = raw_realloc(b, tagged, block_bytes(h, size));
        if (nb)
            out = link_block(h, nb, size | mark);
        else
            link_block(h, b, tagged);
    }
    if (h != &process_heap) {
        if (out)
            h->used += size - old;
        pthread_mutex_unlock(&h->lock);
    }
    if (out && flags & HEAP_ZERO_MEMORY && size > old)
        memset((uint8_t *)out + old, 0, size - old);
    return out;
}

SIZE_T WINAPI heap_size(HANDLE handle, DWORD flags, const void *ptr)
{
    if (!valid_heap(handle) || !ptr)
        return (SIZE_T)-1;
    return tag_of(ptr)->size & ~MI_BLOCK;
}

BOOL heap_validate(HANDLE handle, const void *ptr)
{
    struct heap *h = valid_heap(handle);
    if (!h)
        return FALSE;
    return !ptr || tag_of(ptr)->heap == h;
}

DWORD heap_list(DWORD count, HANDLE *out)
{
    DWORD n = 0;
    pthread_mutex_lock(&heaps_lock);
    for (struct heap *p = heaps; p; p = p->next_heap, n++)
        if (n < count)
            out[n] = p;
    pthread_mutex_unlock(&heaps_lock);
    return n;
}
