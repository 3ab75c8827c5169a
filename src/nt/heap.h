/* Heaps (RtlCreateHeap/RtlAllocateHeap and kernel32's Heap* on top).
 * Blocks come from glibc's malloc with a 16-byte tag right before the
 * data holding the heap and the exact requested size, because HeapSize
 * and msvcrt's _msize must report what was asked for; a private heap's
 * blocks also carry links in front of the tag, so that HeapDestroy frees
 * them all.
 * heap_alloc, heap_free, heap_realloc and heap_size are ms_abi like the
 * exports that call them, so that only they save xmm6-15 around the
 * allocator, once. */
#ifndef DECANT_HEAP_H
#define DECANT_HEAP_H

#include "windef.h"

HANDLE heap_process(void);
HANDLE heap_create(DWORD flags, SIZE_T initial, SIZE_T max);
BOOL heap_destroy(HANDLE heap);
void *WINAPI heap_alloc(HANDLE heap, DWORD flags, SIZE_T size);
void *WINAPI heap_realloc(HANDLE heap, DWORD flags, void *ptr, SIZE_T size);
BOOL WINAPI heap_free(HANDLE heap, DWORD flags, void *ptr);
SIZE_T WINAPI heap_size(HANDLE heap, DWORD flags, const void *ptr);
BOOL heap_validate(HANDLE heap, const void *ptr);
DWORD heap_list(DWORD count, HANDLE *heaps);

#endif
