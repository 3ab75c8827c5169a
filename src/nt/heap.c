/* Heaps over glibc malloc. See heap.h for the layout decision; issue 6's
 * benchmark decides whether a different allocator serves better. */
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL heap
#include "debug.h"
#include "heap.h"
#include "win32.h"

#define HEAP_MAGIC 0x50414548u /* "HEAP" */

struct block {
    struct heap *heap;
    SIZE_T size;
    struct block *prev, *next; /* private heaps only */
};

struct heap {
    DWORD magic;
    DWORD flags;
    int is_process;
    SIZE_T max, used; /* a fixed-size heap (max != 0) cannot grow */
    pthread_mutex_t lock;
    struct block head;
    struct heap *next_heap;
};

static struct heap process_heap_storage = {
    .magic = HEAP_MAGIC, .is_process = 1, .lock = PTHREAD_MUTEX_INITIALIZER};
static struct heap *heaps = &process_heap_storage;
static pthread_mutex_t heaps_lock = PTHREAD_MUTEX_INITIALIZER;

/* The process heap's header is the first two fields only. */
static size_t header_size(const struct heap *h)
{
    return h->is_process ? 16 : sizeof(struct block);
}

HANDLE heap_process(void) { return &process_heap_storage; }

static struct heap *valid_heap(HANDLE h)
{
    struct heap *heap = h;
    return heap && heap->magic == HEAP_MAGIC ? heap : NULL;
}

HANDLE heap_create(DWORD flags, SIZE_T initial, SIZE_T max)
{
    struct heap *h = calloc(1, sizeof *h);
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
    if (!h || h->is_process)
        return FALSE;
    pthread_mutex_lock(&heaps_lock);
    for (struct heap *p = heaps; p; p = p->next_heap)
        if (p->next_heap == h) {
            p->next_heap = h->next_heap;
            break;
        }
    pthread_mutex_unlock(&heaps_lock);
    for (struct block *b = h->head.next, *n; b != &h->head; b = n) {
        n = b->next;
        free(b);
    }
    h->magic = 0;
    free(h);
    return TRUE;
}

static void link_block(struct heap *h, struct block *b)
{
    pthread_mutex_lock(&h->lock);
    h->used += b->size;
    b->next = h->head.next;
    b->prev = &h->head;
    h->head.next->prev = b;
    h->head.next = b;
    pthread_mutex_unlock(&h->lock);
}

static void unlink_block(struct heap *h, struct block *b)
{
    pthread_mutex_lock(&h->lock);
    h->used -= b->size;
    b->prev->next = b->next;
    b->next->prev = b->prev;
    pthread_mutex_unlock(&h->lock);
}

void *heap_alloc(HANDLE handle, DWORD flags, SIZE_T size)
{
    struct heap *h = valid_heap(handle);
    if (!h || size > ((SIZE_T)1 << 46))
        return NULL;
    size_t hs = header_size(h);
    if (h->max && size > h->max - __atomic_load_n(&h->used, __ATOMIC_RELAXED))
        return NULL;
    struct block *b = flags & HEAP_ZERO_MEMORY ? calloc(1, hs + size)
                                               : malloc(hs + size);
    if (!b)
        return NULL;
    b->heap = h;
    b->size = size;
    if (!h->is_process)
        link_block(h, b);
    return (uint8_t *)b + hs;
}

static struct block *block_of(struct heap *h, const void *p)
{
    return (struct block *)((uint8_t *)p - header_size(h));
}

BOOL heap_free(HANDLE handle, DWORD flags, void *ptr)
{
    struct heap *h = valid_heap(handle);
    if (!ptr)
        return TRUE;
    if (!h)
        return FALSE;
    struct block *b = block_of(h, ptr);
    if (b->heap != h) {
        /* freed through the wrong heap (it happens): use the right one */
        h = valid_heap(((struct block *)((uint8_t *)ptr - 16))->heap);
        if (!h)
            return FALSE;
        b = block_of(h, ptr);
    }
    if (!h->is_process)
        unlink_block(h, b);
    free(b);
    return TRUE;
}

void *heap_realloc(HANDLE handle, DWORD flags, void *ptr, SIZE_T size)
{
    struct heap *h = valid_heap(handle);
    if (!h || !ptr)
        return NULL;
    size_t hs = header_size(h);
    struct block *b = block_of(h, ptr);
    SIZE_T old = b->size;
    if (flags & HEAP_REALLOC_IN_PLACE_ONLY) {
        if (size > malloc_usable_size(b) - hs)
            return NULL;
        if (flags & HEAP_ZERO_MEMORY && size > old)
            memset((uint8_t *)ptr + old, 0, size - old);
        b->size = size;
        return ptr;
    }
    if (h->max && size > old && size - old > h->max - h->used)
        return NULL;
    if (!h->is_process)
        unlink_block(h, b);
    struct block *nb = realloc(b, hs + size);
    if (!nb) {
        if (!h->is_process)
            link_block(h, b);
        return NULL;
    }
    nb->size = size;
    if (!h->is_process)
        link_block(h, nb);
    if (flags & HEAP_ZERO_MEMORY && size > old)
        memset((uint8_t *)nb + hs + old, 0, size - old);
    return (uint8_t *)nb + hs;
}

SIZE_T heap_size(HANDLE handle, DWORD flags, const void *ptr)
{
    struct heap *h = valid_heap(handle);
    if (!h || !ptr)
        return (SIZE_T)-1;
    return block_of(h, ptr)->size;
}

BOOL heap_validate(HANDLE handle, const void *ptr)
{
    struct heap *h = valid_heap(handle);
    if (!h)
        return FALSE;
    return !ptr || block_of(h, ptr)->heap == h;
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
