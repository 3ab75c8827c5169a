/* Heaps (RtlCreateHeap/RtlAllocateHeap and kernel32's Heap* on top).
 * Every block has a 16-byte tag in front of it holding the heap and the
 * exact requested size, because HeapSize and msvcrt's _msize must report
 * what was asked for; a private heap's blocks also carry links in front
 * of the tag, so that HeapDestroy frees them all.
 * Blocks come from glibc's malloc until the program has made 4096
 * allocations (SWITCH_AT), then from mimalloc, dlopen'ed only then so that
 * short runs do not pay for loading it (without it, glibc's malloc
 * throughout); each block goes back to the allocator that made it (a bit
 * in the tag).
 * mimalloc's own heaps (mi_heap_t) cannot serve HeapCreate: only their
 * creating thread may allocate from them and they end with it, while any
 * thread may use a Windows heap; so every heap takes mi_malloc's blocks,
 * which any thread may free.
 * heap_alloc, heap_free, heap_realloc and heap_size are ms_abi like the
 * exports that call them, so that only they save xmm6-15 around the
 * allocator, once.
 * docs/performance.md ("Heaps") has the measurements. */
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
