/* COM task memory: blocks any component may free, from the process heap
 * as on Windows (so HeapSize and the heap functions see them too). */
#include "combase.h"
#include "heap.h"

/* CoTaskMemAlloc (combase) */
void *WINAPI CoTaskMemAlloc(SIZE_T size)
{
    return heap_alloc(heap_process(), 0, size);
}

/* CoTaskMemFree (combase) */
void WINAPI CoTaskMemFree(void *p)
{
    if (p)
        heap_free(heap_process(), 0, p);
}

/* CoTaskMemRealloc (combase): NULL allocates; size 0 frees and gives NULL. */
void *WINAPI CoTaskMemRealloc(void *p, SIZE_T size)
{
    if (!p)
        return CoTaskMemAlloc(size);
    if (!size) {
        CoTaskMemFree(p);
        return NULL;
    }
    return heap_realloc(heap_process(), 0, p, size);
}
