/* heapapi, plus the Local and Global allocators that sit on the process
 * heap in Win32 (no movable memory: handles are the pointers). */
#include <string.h>

#define DEBUG_CHANNEL heap
#include "debug.h"
#include "heap.h"
#include "kernel32_private.h"

#define ERROR_NOT_LOCKED 158

/* GetProcessHeap (kernel32) */
HANDLE WINAPI GetProcessHeap(void) { return heap_process(); }

/* GetProcessHeaps (kernel32) */
DWORD WINAPI GetProcessHeaps(DWORD count, HANDLE *heaps)
{
    return heap_list(count, heaps);
}

/* HeapCreate (kernel32) */
HANDLE WINAPI HeapCreate(DWORD flags, SIZE_T initial, SIZE_T max)
{
    return heap_create(flags, initial, max);
}

/* HeapDestroy (kernel32) */
BOOL WINAPI HeapDestroy(HANDLE heap)
{
    if (heap_destroy(heap))
        return TRUE;
    set_last_error(ERROR_INVALID_HANDLE);
    return FALSE;
}

/* HeapAlloc (kernel32) */
LPVOID WINAPI HeapAlloc(HANDLE heap, DWORD flags, SIZE_T size)
{
    void *p = heap_alloc(heap, flags, size);
    if (!p)
        set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

/* HeapReAlloc (kernel32) */
LPVOID WINAPI HeapReAlloc(HANDLE heap, DWORD flags, LPVOID ptr, SIZE_T size)
{
    void *p = heap_realloc(heap, flags, ptr, size);
    if (!p)
        set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

/* HeapFree (kernel32) */
BOOL WINAPI HeapFree(HANDLE heap, DWORD flags, LPVOID ptr)
{
    if (heap_free(heap, flags, ptr))
        return TRUE;
    set_last_error(ERROR_INVALID_PARAMETER);
    return FALSE;
}

/* HeapSize (kernel32) */
SIZE_T WINAPI HeapSize(HANDLE heap, DWORD flags, LPCVOID ptr)
{
    return heap_size(heap, flags, ptr);
}

/* HeapValidate (kernel32) */
BOOL WINAPI HeapValidate(HANDLE heap, DWORD flags, LPCVOID ptr)
{
    return heap_validate(heap, ptr);
}

/* HeapCompact (kernel32): nothing to compact; report a plausible size. */
SIZE_T WINAPI HeapCompact(HANDLE heap, DWORD flags) { return 0x100000; }

/* HeapLock (kernel32) */
BOOL WINAPI HeapLock(HANDLE heap) { return TRUE; }

/* HeapUnlock (kernel32) */
BOOL WINAPI HeapUnlock(HANDLE heap) { return TRUE; }

/* HeapSetInformation (kernel32): the low-fragmentation heap and friends
 * are hints; accept them. */
BOOL WINAPI HeapSetInformation(HANDLE heap, int cls, PVOID info, SIZE_T len)
{
    return TRUE;
}

/* HeapQueryInformation (kernel32) */
BOOL WINAPI HeapQueryInformation(HANDLE heap, int cls, PVOID info, SIZE_T len,
                                 SIZE_T *ret)
{
    if (cls == 0) { /* HeapCompatibilityInformation: 2 = LFH */
        if (ret)
            *ret = sizeof(ULONG);
        if (len < sizeof(ULONG)) {
            set_last_error(ERROR_INSUFFICIENT_BUFFER);
            return FALSE;
        }
        *(ULONG *)info = 2;
        return TRUE;
    }
    set_last_error(ERROR_INVALID_PARAMETER);
    return FALSE;
}

/* Moveable memory: the handle is a small record holding the pointer and
 * a lock count. Records are 16-byte aligned and handles point 8 bytes in,
 * so a handle is never mistaken for a (16-aligned) fixed block. */
struct moveable {
    void *ptr;
    WORD lock, flags;
    DWORD magic;
};
#define MOVEABLE_MAGIC 0x4d4f5645u
#define GMEM_MOVEABLE_FLAG 0x2
#define GMEM_ZEROINIT_FLAG 0x40

static struct moveable *moveable_of(HANDLE h)
{
    if (((uintptr_t)h & 15) != 8)
        return NULL;
    struct moveable *m = (struct moveable *)((char *)h - 8);
    return m->magic == MOVEABLE_MAGIC ? m : NULL;
}

static HANDLE mem_alloc(UINT flags, SIZE_T size)
{
    DWORD hf = flags & GMEM_ZEROINIT_FLAG ? HEAP_ZERO_MEMORY : 0;
    if (!(flags & GMEM_MOVEABLE_FLAG))
        return HeapAlloc(heap_process(), hf, size);
    struct moveable *m = HeapAlloc(heap_process(), HEAP_ZERO_MEMORY, sizeof *m);
    if (!m)
        return NULL;
    m->magic = MOVEABLE_MAGIC;
    m->ptr = HeapAlloc(heap_process(), hf, size ? size : 1);
    return (char *)m + 8;
}

static HANDLE mem_free(HANDLE h)
{
    struct moveable *m = moveable_of(h);
    if (m) {
        heap_free(heap_process(), 0, m->ptr);
        m->magic = 0;
        heap_free(heap_process(), 0, m);
        return NULL;
    }
    return heap_free(heap_process(), 0, h) ? NULL : h;
}

static LPVOID mem_lock(HANDLE h)
{
    struct moveable *m = moveable_of(h);
    if (!m)
        return h;
    if (m->lock < 0xff)
        m->lock++;
    return m->ptr;
}

/* FALSE with NO_ERROR once the lock count reaches zero, as documented. */
static BOOL mem_unlock(HANDLE h)
{
    struct moveable *m = moveable_of(h);
    if (!m) {
        set_last_error(ERROR_NOT_LOCKED);
        return FALSE;
    }
    if (m->lock && --m->lock)
        return TRUE;
    set_last_error(0);
    return FALSE;
}

static SIZE_T mem_size(HANDLE h)
{
    struct moveable *m = moveable_of(h);
    return heap_size(heap_process(), 0, m ? m->ptr : h);
}

static HANDLE mem_realloc(HANDLE h, SIZE_T size, UINT flags)
{
    DWORD hf = flags & GMEM_ZEROINIT_FLAG ? HEAP_ZERO_MEMORY : 0;
    struct moveable *m = moveable_of(h);
    if (m) {
        void *p = HeapReAlloc(heap_process(), hf, m->ptr, size ? size : 1);
        if (!p)
            return NULL;
        m->ptr = p;
        return h;
    }
    if (!(flags & GMEM_MOVEABLE_FLAG))
        hf |= HEAP_REALLOC_IN_PLACE_ONLY;
    return HeapReAlloc(heap_process(), hf, h, size);
}

/* LocalAlloc (kernel32) */
HANDLE WINAPI LocalAlloc(UINT flags, SIZE_T size) { return mem_alloc(flags, size); }

/* LocalFree (kernel32): NULL on success, the handle on failure. */
HANDLE WINAPI LocalFree(HANDLE mem) { return mem_free(mem); }

/* LocalReAlloc (kernel32) */
HANDLE WINAPI LocalReAlloc(HANDLE mem, SIZE_T size, UINT flags)
{
    return mem_realloc(mem, size, flags);
}

/* LocalSize (kernel32) */
SIZE_T WINAPI LocalSize(HANDLE mem) { return mem_size(mem); }

/* LocalLock (kernel32) */
LPVOID WINAPI LocalLock(HANDLE mem) { return mem_lock(mem); }

/* LocalUnlock (kernel32) */
BOOL WINAPI LocalUnlock(HANDLE mem) { return mem_unlock(mem); }

/* GlobalAlloc (kernel32) */
HANDLE WINAPI GlobalAlloc(UINT flags, SIZE_T size) { return mem_alloc(flags, size); }

/* GlobalFree (kernel32) */
HANDLE WINAPI GlobalFree(HANDLE mem) { return mem_free(mem); }

/* GlobalReAlloc (kernel32) */
HANDLE WINAPI GlobalReAlloc(HANDLE mem, SIZE_T size, UINT flags)
{
    return mem_realloc(mem, size, flags);
}

/* GlobalSize (kernel32) */
SIZE_T WINAPI GlobalSize(HANDLE mem) { return mem_size(mem); }

/* GlobalLock (kernel32) */
LPVOID WINAPI GlobalLock(HANDLE mem) { return mem_lock(mem); }

/* GlobalUnlock (kernel32) */
BOOL WINAPI GlobalUnlock(HANDLE mem) { return mem_unlock(mem); }

/* GlobalHandle (kernel32): fixed memory is its own handle. */
HANDLE WINAPI GlobalHandle(LPCVOID p) { return (HANDLE)p; }
