/* Heaps over glibc's malloc. See heap.h for the layout. */
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL heap
#include "debug.h"
#include "heap.h"
#include "win32.h"

#define HEAP_MAGIC 0x50414548u /* "HEAP" */
#define MAX_BLOCK ((SIZE_T)1 << 46)
/* Right before every block's data: its heap and the size asked for. */
struct tag {
    struct heap *heap;
    SIZE_T size;
};

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
        free(b);
    }
    h->magic = 0;
    pthread_mutex_destroy(&h->lock);
    free(h);
    return TRUE;
}

/* Called with h->lock held. */
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
    size_t bytes = block_bytes(h, size);
    void *p = NULL;
    pthread_mutex_lock(&h->lock);
    if (!over_max(h, 0, size))
        p = flags & HEAP_ZERO_MEMORY ? calloc(1, bytes) : malloc(bytes);
    if (p) {
        h->used += size;
        p = link_block(h, p, size);
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
    struct tag *t = flags & HEAP_ZERO_MEMORY ? calloc(1, bytes) : malloc(bytes);
    if (!t)
        return NULL;
    t->heap = &process_heap;
    t->size = size;
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
        free(t);
        return TRUE;
    }
    struct link *b = (struct link *)t - 1;
    pthread_mutex_lock(&h->lock);
    h->used -= t->size;
    unlink_block(b);
    pthread_mutex_unlock(&h->lock);
    free(b);
    return TRUE;
}

static __attribute__((noinline)) BOOL WINAPI free_process(void *ptr)
{
    free(tag_of(ptr));
    return TRUE;
}

BOOL WINAPI heap_free(HANDLE handle, DWORD flags, void *ptr)
{
    if (ptr && handle == &process_heap && tag_of(ptr)->heap == &process_heap)
        return free_process(ptr);
    return free_slow(handle, ptr);
}

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
    SIZE_T old = t->size;
    void *out = NULL;
    if (h != &process_heap)
        pthread_mutex_lock(&h->lock);
    if (over_max(h, old, size)) {
        /* fails */
    } else if (flags & HEAP_REALLOC_IN_PLACE_ONLY) {
        if (size <= malloc_usable_size(base) - hs) {
            t->size = size;
            out = ptr;
        }
    } else if (h == &process_heap) {
        struct tag *nt = realloc(base, block_bytes(h, size));
        if (nt) {
            nt->size = size;
            out = nt + 1;
        }
    } else {
        struct link *b = (struct link *)base;
        unlink_block(b);
        struct link *nb = realloc(b, block_bytes(h, size));
        if (nb)
            out = link_block(h, nb, size);
        else
            link_block(h, b, old);
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
    return tag_of(ptr)->size;
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
