/* Windows virtual memory semantics over mmap: reserve vs commit, 64 KiB
 * allocation granularity, per-page protection as VirtualQuery reports it.
 * Every region decant maps for the program (images, VirtualAlloc, thread
 * stacks) is recorded here. */
#ifndef DECANT_MEMORY_H
#define DECANT_MEMORY_H

#include "windef.h"
#include "win32.h"

#define PAGE_SIZE_WIN 0x1000
#define ALLOC_GRANULARITY 0x10000

void mem_register_image(void *base, size_t size);
void mem_set_image_prot(void *base, size_t size, int unix_prot);
/* A region decant mapped itself (stacks): recorded as MEM_PRIVATE. */
void mem_register_private(void *base, size_t size, DWORD win_prot);
void mem_unregister(void *base);
/* Whether the region at base is still exactly as mem_register_private
 * recorded it: nothing freed, decommitted or protected since. */
int mem_region_is(void *base, size_t size, DWORD win_prot);
void mem_register_mapped(void *base, size_t size, DWORD win_prot);
/* An inaccessible range at a 64 KiB boundary (for a view to be mapped
 * over with MAP_FIXED); NULL when the address space is full. */
void *mem_reserve_range(size_t size);
size_t mem_region_size(const void *base);
/* Fresh memory for the program (stacks, images): in the arena below
 * decant's executable (virtual.c), at a 64 KiB boundary. */
void *mem_map_arena(size_t size, int prot, int flags);
/* The Linux range, where Linux code lives: decant's executable, then the
 * libraries above it, up to the top of user space; no Windows code is
 * placed in it (but glibc's heaps are there too). Syscall User Dispatch
 * exempts it (syscall.c); code running in it is decant's, so a suspension
 * waits for the thread to leave it (thread.c). */
uintptr_t mem_linux_start(void);
uintptr_t mem_linux_end(void);
int mem_in_linux_range(uintptr_t addr);

NTSTATUS mem_allocate(void **addr, SIZE_T *size, DWORD type, DWORD prot);
NTSTATUS mem_free(void **addr, SIZE_T *size, DWORD type);
NTSTATUS mem_protect(void **addr, SIZE_T *size, DWORD prot, DWORD *old);
NTSTATUS mem_query(const void *addr, MEMORY_BASIC_INFORMATION *info);

int mem_win_to_unix_prot(DWORD prot);
int mem_take_guard(const void *addr);

#endif
