/* Heaps (RtlCreateHeap/RtlAllocateHeap and kernel32's Heap* on top).
 * Blocks come from glibc malloc with a small header holding the heap and
 * the exact requested size, because HeapSize and msvcrt's _msize must
 * report what was asked for. Private heaps link their blocks so that
 * HeapDestroy frees them all. */
#ifndef DECANT_HEAP_H
#define DECANT_HEAP_H

#include "windef.h"

HANDLE heap_process(void);
HANDLE heap_create(DWORD flags, SIZE_T initial, SIZE_T max);
BOOL heap_destroy(HANDLE heap);
void *heap_alloc(HANDLE heap, DWORD flags, SIZE_T size);
void *heap_realloc(HANDLE heap, DWORD flags, void *ptr, SIZE_T size);
BOOL heap_free(HANDLE heap, DWORD flags, void *ptr);
SIZE_T heap_size(HANDLE heap, DWORD flags, const void *ptr);
BOOL heap_validate(HANDLE heap, const void *ptr);
DWORD heap_list(DWORD count, HANDLE *heaps);

#endif
