/* heapapi, plus the Local and Global allocators that sit on the process
 * heap in Win32 (no movable memory: handles are the pointers). */
#include <string.h>

#define DEBUG_CHANNEL heap
#include "debug.h"
#include "heap.h"
#include "kernel32_private.h"

#define LMEM_ZEROINIT 0x40
#define LMEM_MOVEABLE 0x2

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

/* LocalAlloc (kernel32) */
HANDLE WINAPI LocalAlloc(UINT flags, SIZE_T size)
{
    return HeapAlloc(heap_process(), flags & LMEM_ZEROINIT ? HEAP_ZERO_MEMORY : 0,
                     size);
}

/* LocalFree (kernel32): NULL on success, the handle on failure. */
HANDLE WINAPI LocalFree(HANDLE mem)
{
    return heap_free(heap_process(), 0, mem) ? NULL : mem;
}

/* LocalReAlloc (kernel32) */
HANDLE WINAPI LocalReAlloc(HANDLE mem, SIZE_T size, UINT flags)
{
    DWORD hf = flags & LMEM_ZEROINIT ? HEAP_ZERO_MEMORY : 0;
    if (!(flags & LMEM_MOVEABLE))
        hf |= HEAP_REALLOC_IN_PLACE_ONLY;
    return HeapReAlloc(heap_process(), hf, mem, size);
}

/* LocalSize (kernel32) */
SIZE_T WINAPI LocalSize(HANDLE mem) { return heap_size(heap_process(), 0, mem); }

/* LocalLock (kernel32) */
LPVOID WINAPI LocalLock(HANDLE mem) { return mem; }

/* LocalUnlock (kernel32) */
BOOL WINAPI LocalUnlock(HANDLE mem) { return FALSE; }

/* GlobalAlloc (kernel32) */
HANDLE WINAPI GlobalAlloc(UINT flags, SIZE_T size) { return LocalAlloc(flags, size); }

/* GlobalFree (kernel32) */
HANDLE WINAPI GlobalFree(HANDLE mem) { return LocalFree(mem); }

/* GlobalReAlloc (kernel32) */
HANDLE WINAPI GlobalReAlloc(HANDLE mem, SIZE_T size, UINT flags)
{
    return LocalReAlloc(mem, size, flags);
}

/* GlobalSize (kernel32) */
SIZE_T WINAPI GlobalSize(HANDLE mem) { return LocalSize(mem); }

/* GlobalLock (kernel32) */
LPVOID WINAPI GlobalLock(HANDLE mem) { return mem; }

/* GlobalUnlock (kernel32) */
BOOL WINAPI GlobalUnlock(HANDLE mem) { return TRUE; }
