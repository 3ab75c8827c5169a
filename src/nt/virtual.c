/* Region bookkeeping for VirtualAlloc/Free/Protect/Query. Linux has no
 * reserved-but-uncommitted state, so reserved pages are PROT_NONE and the
 * state lives here, one byte per page. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define DEBUG_CHANNEL virtual
#include "debug.h"
#include "memory.h"
#include "status.h"

/* per-page byte: bit 7 committed, bit 6 a PAGE_GUARD page (PROT_NONE
 * until its first touch), low bits index into win_prots */
#define PG_COMMITTED 0x80
#define PG_GUARD 0x40
#define PG_PROT 0x3f

static const DWORD win_prots[] = {
    PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE, PAGE_WRITECOPY,
    PAGE_EXECUTE, PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE,
    PAGE_EXECUTE_WRITECOPY};

struct region {
    uint8_t *base;
    size_t size;
    DWORD type;       /* MEM_PRIVATE / MEM_IMAGE / MEM_MAPPED */
    DWORD alloc_prot;
    uint8_t *pages;   /* one byte per page */
};

static struct region *regions; /* sorted by base */
static size_t nregions, cap;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The page byte's index and guard bit for a Windows protection, or -1. */
static int prot_index(DWORD prot)
{
    int guard = prot & PAGE_GUARD ? PG_GUARD : 0;
    prot &= 0xff;
    for (int i = 0; i < 8; i++)
        if (win_prots[i] == prot)
            return i | guard;
    return -1;
}

int mem_win_to_unix_prot(DWORD prot)
{
    if (prot & PAGE_GUARD)
        return PROT_NONE;
    switch (prot & 0xff) {
    case PAGE_READONLY: return PROT_READ;
    case PAGE_READWRITE:
    case PAGE_WRITECOPY: return PROT_READ | PROT_WRITE;
    case PAGE_EXECUTE: return PROT_EXEC | PROT_READ;
    case PAGE_EXECUTE_READ: return PROT_EXEC | PROT_READ;
    case PAGE_EXECUTE_READWRITE:
    case PAGE_EXECUTE_WRITECOPY: return PROT_EXEC | PROT_READ | PROT_WRITE;
    default: return PROT_NONE;
    }
}

static DWORD unix_to_win_prot(int p)
{
    if (p & PROT_EXEC)
        return p & PROT_WRITE ? PAGE_EXECUTE_READWRITE : PAGE_EXECUTE_READ;
    if (p & PROT_WRITE)
        return PAGE_READWRITE;
    if (p & PROT_READ)
        return PAGE_READONLY;
    return PAGE_NOACCESS;
}

/* Index of the region containing addr, or -1; *ins = insertion point. */
static long find(const void *addr, size_t *ins)
{
    size_t lo = 0, hi = nregions;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((const uint8_t *)addr < regions[mid].base)
            hi = mid;
        else if ((const uint8_t *)addr >= regions[mid].base + regions[mid].size)
            lo = mid + 1;
        else
            return mid;
    }
    if (ins)
        *ins = lo;
    return -1;
}

static struct region *add_region(void *base, size_t size, DWORD type,
                                 DWORD alloc_prot)
{
    size_t ins;
    if (find(base, &ins) >= 0)
        return NULL;
    if (nregions == cap) {
        cap = cap ? cap * 2 : 64;
        regions = realloc(regions, cap * sizeof *regions);
    }
    memmove(&regions[ins + 1], &regions[ins], (nregions - ins) * sizeof *regions);
    nregions++;
    struct region *r = &regions[ins];
    r->base = base;
    r->size = size;
    r->type = type;
    r->alloc_prot = alloc_prot;
    r->pages = calloc(size / PAGE_SIZE_WIN, 1);
    return r;
}

static void remove_region(long i)
{
    free(regions[i].pages);
    memmove(&regions[i], &regions[i + 1], (nregions - i - 1) * sizeof *regions);
    nregions--;
}

static void set_pages(struct region *r, uint8_t *start, size_t size, uint8_t v)
{
    memset(r->pages + (start - r->base) / PAGE_SIZE_WIN, v, size / PAGE_SIZE_WIN);
}

void mem_register_image(void *base, size_t size)
{
    pthread_mutex_lock(&lock);
    struct region *r = add_region(base, size, MEM_IMAGE, PAGE_EXECUTE_WRITECOPY);
    if (r)
        set_pages(r, base, size, PG_COMMITTED | prot_index(PAGE_READWRITE));
    pthread_mutex_unlock(&lock);
}

void mem_set_image_prot(void *base, size_t size, int unix_prot)
{
    pthread_mutex_lock(&lock);
    long i = find(base, NULL);
    if (i >= 0) {
        DWORD w = unix_to_win_prot(unix_prot);
        /* image pages that are writable are copy-on-write, as Windows says */
        if (w == PAGE_READWRITE)
            w = PAGE_WRITECOPY;
        else if (w == PAGE_EXECUTE_READWRITE)
            w = PAGE_EXECUTE_WRITECOPY;
        set_pages(&regions[i], base, size, PG_COMMITTED | prot_index(w));
    }
    pthread_mutex_unlock(&lock);
}

void mem_register_private(void *base, size_t size, DWORD win_prot)
{
    pthread_mutex_lock(&lock);
    struct region *r = add_region(base, size, MEM_PRIVATE, win_prot);
    if (r)
        set_pages(r, base, size, PG_COMMITTED | prot_index(win_prot));
    pthread_mutex_unlock(&lock);
}

/* Eight at a time: each thread's exit checks its whole stack's pages. */
static int all_bytes(const uint8_t *p, size_t n, uint8_t v)
{
    uint64_t v8 = v * 0x0101010101010101ull, diff = 0, w;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        memcpy(&w, p + k, 8);
        diff |= w ^ v8;
    }
    for (; k < n; k++)
        diff |= p[k] ^ v;
    return !diff;
}

int mem_region_is(void *base, size_t size, DWORD win_prot)
{
    pthread_mutex_lock(&lock);
    long i = find(base, NULL);
    int same = i >= 0 && regions[i].base == base && regions[i].size == size &&
               regions[i].type == MEM_PRIVATE;
    same = same && all_bytes(regions[i].pages, size / PAGE_SIZE_WIN,
                             PG_COMMITTED | prot_index(win_prot));
    pthread_mutex_unlock(&lock);
    return same;
}

void mem_register_mapped(void *base, size_t size, DWORD win_prot)
{
    pthread_mutex_lock(&lock);
    struct region *r = add_region(base, size, MEM_MAPPED, win_prot);
    if (r)
        set_pages(r, base, size, PG_COMMITTED | prot_index(win_prot));
    pthread_mutex_unlock(&lock);
}

size_t mem_region_size(const void *base)
{
    pthread_mutex_lock(&lock);
    long i = find(base, NULL);
    size_t n = i >= 0 ? regions[i].size : 0;
    pthread_mutex_unlock(&lock);
    return n;
}

void mem_unregister(void *base)
{
    pthread_mutex_lock(&lock);
    long i = find(base, NULL);
    if (i >= 0)
        remove_region(i);
    pthread_mutex_unlock(&lock);
}

/* The arena (DESIGN.md §6): memory decant maps for the program goes
 * below decant's own executable, so that the one range Syscall User
 * Dispatch exempts, from decant's executable to the top of the address
 * space, holds every Linux library and no Windows code. It starts at
 * 1 TiB, about where 64-bit Windows 10 hands out allocations, and ends
 * 8 GiB below decant (the builtin DLL images live in the 4 GiB below it). */
#define ARENA_BASE 0x10000000000ull
extern char __executable_start[];
static uintptr_t arena_next = ARENA_BASE;

uintptr_t mem_linux_start(void)
{
    return (uintptr_t)__executable_start & ~(uintptr_t)0xfff;
}

/* The top of user space on x86-64 with 4-level page tables: Linux hands
 * out nothing above it unless asked to. */
uintptr_t mem_linux_end(void)
{
    return 0x800000000000ull;
}

int mem_in_linux_range(uintptr_t addr)
{
    return addr >= mem_linux_start() && addr < mem_linux_end();
}

static uintptr_t arena_limit(void)
{
    return (mem_linux_start() - 0x200000000ull) & ~(uintptr_t)(ALLOC_GRANULARITY - 1);
}

/* First fit from where the last allocation ended, skipping the regions
 * recorded here (and, a granule at a time, anything else mapped there);
 * once at the end, again from the start. Called with `lock` held. */
static uint8_t *arena_map_locked(size_t size, int prot, int flags)
{
    uintptr_t limit = arena_limit(), at = arena_next;
    int wrapped = 0;
    if (limit <= ARENA_BASE) /* decant is not a PIE up high: let Linux choose */
        return NULL;
    for (;;) {
        at = (at + ALLOC_GRANULARITY - 1) & ~(uintptr_t)(ALLOC_GRANULARITY - 1);
        if (at + size > limit || at + size < at) {
            if (wrapped++)
                return NULL;
            at = ARENA_BASE;
            continue;
        }
        size_t ins;
        long i = find((void *)at, &ins);
        if (i < 0 && ins < nregions && (uintptr_t)regions[ins].base < at + size)
            i = ins;
        if (i >= 0) {
            at = (uintptr_t)regions[i].base + regions[i].size;
            continue;
        }
        void *p = mmap((void *)at, size, prot,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | flags, -1, 0);
        if (p == (void *)at) {
            arena_next = at + size;
            return p;
        }
        if (p != MAP_FAILED)
            munmap(p, size); /* a kernel without MAP_FIXED_NOREPLACE */
        else if (errno != EEXIST)
            return NULL;
        at += ALLOC_GRANULARITY;
    }
}

/* Fresh memory at a 64 KiB boundary: in the arena, or where Linux puts it
 * when the arena cannot be used. Called with `lock` held. */
static uint8_t *map_new_locked(size_t size, int prot, int flags)
{
    uint8_t *a = arena_map_locked(size, prot, flags);
    if (a)
        return a;
    uint8_t *p = mmap(NULL, size + ALLOC_GRANULARITY, prot,
                      MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    a = (uint8_t *)(((uintptr_t)p + ALLOC_GRANULARITY - 1) &
                    ~(uintptr_t)(ALLOC_GRANULARITY - 1));
    if (a > p)
        munmap(p, a - p);
    munmap(a + size, (p + size + ALLOC_GRANULARITY) - (a + size));
    return a;
}

void *mem_map_arena(size_t size, int prot, int flags)
{
    pthread_mutex_lock(&lock);
    uint8_t *p = map_new_locked(size, prot, flags);
    pthread_mutex_unlock(&lock);
    return p;
}

static uint8_t *reserve(uint8_t *want, size_t size);

void *mem_reserve_range(size_t size)
{
    pthread_mutex_lock(&lock);
    void *p = reserve(NULL, size);
    pthread_mutex_unlock(&lock);
    return p;
}

/* Called with `lock` held. */
static uint8_t *reserve(uint8_t *want, size_t size)
{
    if (want) {
        void *p = mmap(want, size, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
                           MAP_FIXED_NOREPLACE, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
        if (p != want) {
            munmap(p, size);
            return NULL;
        }
        return p;
    }
    return map_new_locked(size, PROT_NONE, MAP_NORESERVE);
}

NTSTATUS mem_allocate(void **addr, SIZE_T *size, DWORD type, DWORD prot)
{
    int pi = prot_index(prot);
    if (pi < 0)
        return STATUS_INVALID_PAGE_PROTECTION;
    if (!*size)
        return STATUS_INVALID_PARAMETER;
    if (!(type & (MEM_COMMIT | MEM_RESERVE | MEM_RESET)))
        return STATUS_INVALID_PARAMETER;
    if (type & MEM_RESET) {
        uint8_t *s = (uint8_t *)((uintptr_t)*addr & ~(uintptr_t)0xfff);
        madvise(s, *size, MADV_FREE);
        return STATUS_SUCCESS;
    }
    uint8_t *want = *addr;
    pthread_mutex_lock(&lock);
    NTSTATUS st = STATUS_SUCCESS;
    if ((type & MEM_RESERVE) || !want) {
        uint8_t *start = (uint8_t *)((uintptr_t)want & ~(uintptr_t)(ALLOC_GRANULARITY - 1));
        size_t len = (((uintptr_t)want + *size + 0xfff) & ~(uintptr_t)0xfff) -
                     (uintptr_t)start;
        uint8_t *p = reserve(want ? start : NULL, len);
        if (!p) {
            st = want ? STATUS_CONFLICTING_ADDRESSES : STATUS_NO_MEMORY;
            goto out;
        }
        struct region *r = add_region(p, len, MEM_PRIVATE, prot);
        if (!r) {
            munmap(p, len);
            st = STATUS_CONFLICTING_ADDRESSES;
            goto out;
        }
        if (type & MEM_COMMIT) {
            if (mprotect(p, len, mem_win_to_unix_prot(prot)) < 0) {
                st = STATUS_NO_MEMORY;
                goto out;
            }
            set_pages(r, p, len, PG_COMMITTED | pi);
        }
        *addr = p;
        *size = len;
        goto out;
    }
    /* commit inside an existing reservation */
    uint8_t *s = (uint8_t *)((uintptr_t)want & ~(uintptr_t)0xfff);
    size_t len = (((uintptr_t)want + *size + 0xfff) & ~(uintptr_t)0xfff) - (uintptr_t)s;
    long i = find(s, NULL);
    if (i < 0 || s + len > regions[i].base + regions[i].size ||
        regions[i].type != MEM_PRIVATE) {
        st = STATUS_CONFLICTING_ADDRESSES;
        goto out;
    }
    if (mprotect(s, len, mem_win_to_unix_prot(prot)) < 0) {
        st = STATUS_NO_MEMORY;
        goto out;
    }
    set_pages(&regions[i], s, len, PG_COMMITTED | pi);
    *addr = s;
    *size = len;
out:
    pthread_mutex_unlock(&lock);
    TRACE("%p %#zx type %#x prot %#x -> %#x", *addr, (size_t)*size, type, prot, st);
    return st;
}

NTSTATUS mem_free(void **addr, SIZE_T *size, DWORD type)
{
    NTSTATUS st = STATUS_SUCCESS;
    pthread_mutex_lock(&lock);
    uint8_t *a = *addr;
    long i = find(a, NULL);
    if (i < 0 || regions[i].type != MEM_PRIVATE) {
        /* nothing there: ERROR_INVALID_ADDRESS from VirtualFree */
        st = i < 0 ? STATUS_MEMORY_NOT_ALLOCATED : STATUS_INVALID_PARAMETER;
        goto out;
    }
    struct region *r = &regions[i];
    if (type == MEM_RELEASE) {
        if (*size || a != r->base) {
            st = a != r->base ? STATUS_FREE_VM_NOT_AT_BASE : STATUS_INVALID_PARAMETER;
            goto out;
        }
        munmap(r->base, r->size);
        *size = r->size;
        remove_region(i);
    } else if (type == MEM_DECOMMIT) {
        uint8_t *s = (uint8_t *)((uintptr_t)a & ~(uintptr_t)0xfff);
        size_t len = *size ? (((uintptr_t)a + *size + 0xfff) & ~(uintptr_t)0xfff) -
                                 (uintptr_t)s
                           : (size_t)(r->base + r->size - s);
        if (s + len > r->base + r->size) {
            st = STATUS_INVALID_PARAMETER;
            goto out;
        }
        /* fresh zero pages on the next commit, and no memory held */
        mmap(s, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
             -1, 0);
        set_pages(r, s, len, 0);
        *addr = s;
        *size = len;
    } else {
        st = STATUS_INVALID_PARAMETER;
    }
out:
    pthread_mutex_unlock(&lock);
    return st;
}

NTSTATUS mem_protect(void **addr, SIZE_T *size, DWORD prot, DWORD *old)
{
    int pi = prot_index(prot);
    if (pi < 0)
        return STATUS_INVALID_PAGE_PROTECTION; /* ERROR_INVALID_PARAMETER */
    uint8_t *s = (uint8_t *)((uintptr_t)*addr & ~(uintptr_t)0xfff);
    size_t len = (((uintptr_t)*addr + *size + 0xfff) & ~(uintptr_t)0xfff) - (uintptr_t)s;
    NTSTATUS st = STATUS_SUCCESS;
    pthread_mutex_lock(&lock);
    long i = find(s, NULL);
    if (i < 0) {
        /* Memory decant did not map for the program (its own heap, say):
         * allow it, as programs protect static data they own. */
        pthread_mutex_unlock(&lock);
        if (mprotect(s, len, mem_win_to_unix_prot(prot)) < 0)
            return STATUS_CONFLICTING_ADDRESSES;
        *old = PAGE_READWRITE;
        *addr = s;
        *size = len;
        return STATUS_SUCCESS;
    }
    struct region *r = &regions[i];
    if (s + len > r->base + r->size) {
        st = STATUS_CONFLICTING_ADDRESSES;
        goto out;
    }
    size_t first = (s - r->base) / PAGE_SIZE_WIN;
    for (size_t k = 0; k < len / PAGE_SIZE_WIN; k++)
        if (!(r->pages[first + k] & PG_COMMITTED)) {
            st = STATUS_NOT_COMMITTED; /* ERROR_INVALID_ADDRESS */
            goto out;
        }
    *old = win_prots[r->pages[first] & PG_PROT] | (r->pages[first] & PG_GUARD ? PAGE_GUARD : 0);
    if (r->type == MEM_IMAGE) {
        if ((prot & 0xff) == PAGE_READWRITE)
            pi = prot_index(PAGE_WRITECOPY | (prot & PAGE_GUARD));
        else if ((prot & 0xff) == PAGE_EXECUTE_READWRITE)
            pi = prot_index(PAGE_EXECUTE_WRITECOPY | (prot & PAGE_GUARD));
    }
    if (mprotect(s, len, mem_win_to_unix_prot(prot)) < 0) {
        st = errno_to_status(errno);
        goto out;
    }
    set_pages(r, s, len, PG_COMMITTED | pi);
    *addr = s;
    *size = len;
out:
    pthread_mutex_unlock(&lock);
    return st;
}

/* Untracked memory: consult the kernel's map for this address. */
static int query_proc_maps(const void *addr, MEMORY_BASIC_INFORMATION *info)
{
    FILE *f = fopen("/proc/self/maps", "re");
    if (!f)
        return 0;
    char line[512];
    uintptr_t a = (uintptr_t)addr, prev_end = 0, next_start = 0x7ffffffeffffull;
    int found = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        char perms[5];
        if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) != 3)
            continue;
        if (a >= lo && a < hi) {
            int p = (perms[0] == 'r' ? PROT_READ : 0) |
                    (perms[1] == 'w' ? PROT_WRITE : 0) |
                    (perms[2] == 'x' ? PROT_EXEC : 0);
            info->BaseAddress = (void *)(a & ~0xfffull);
            info->AllocationBase = (void *)lo;
            info->AllocationProtect = unix_to_win_prot(p);
            info->RegionSize = hi - (uintptr_t)info->BaseAddress;
            info->State = MEM_COMMIT;
            info->Protect = unix_to_win_prot(p);
            info->Type = MEM_PRIVATE;
            found = 1;
            break;
        }
        if (hi <= a)
            prev_end = hi;
        else if (lo > a) {
            next_start = lo;
            break;
        }
    }
    fclose(f);
    if (!found) {
        info->BaseAddress = (void *)(a & ~0xfffull);
        info->AllocationBase = NULL;
        info->AllocationProtect = 0;
        info->RegionSize = next_start - (uintptr_t)info->BaseAddress;
        info->State = MEM_FREE;
        info->Protect = PAGE_NOACCESS;
        info->Type = 0;
        (void)prev_end;
    }
    return 1;
}

NTSTATUS mem_query(const void *addr, MEMORY_BASIC_INFORMATION *info)
{
    if ((uintptr_t)addr >= 0x7fffffff0000ull)
        return STATUS_INVALID_PARAMETER;
    memset(info, 0, sizeof *info);
    uint8_t *page = (uint8_t *)((uintptr_t)addr & ~(uintptr_t)0xfff);
    pthread_mutex_lock(&lock);
    size_t ins;
    long i = find(page, &ins);
    if (i >= 0) {
        struct region *r = &regions[i];
        size_t first = (page - r->base) / PAGE_SIZE_WIN, n = r->size / PAGE_SIZE_WIN;
        uint8_t v = r->pages[first];
        size_t k = first;
        while (k < n && r->pages[k] == v)
            k++;
        info->BaseAddress = page;
        info->AllocationBase = r->base;
        info->AllocationProtect = r->alloc_prot;
        info->RegionSize = (k - first) * PAGE_SIZE_WIN;
        info->State = v & PG_COMMITTED ? MEM_COMMIT : MEM_RESERVE;
        info->Protect = v & PG_COMMITTED ? win_prots[v & PG_PROT] |
                                               (v & PG_GUARD ? PAGE_GUARD : 0)
                                         : 0;
        info->Type = r->type;
        pthread_mutex_unlock(&lock);
        return STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&lock);
    query_proc_maps(addr, info);
    if (info->State == MEM_FREE) {
        /* a free range ends at the next region we know of, too */
        pthread_mutex_lock(&lock);
        find(page, &ins);
        if (ins < nregions &&
            (uintptr_t)regions[ins].base - (uintptr_t)page < info->RegionSize)
            info->RegionSize = regions[ins].base - page;
        pthread_mutex_unlock(&lock);
    }
    return STATUS_SUCCESS;
}

/* A touch of a PAGE_GUARD page: the guard goes (one-shot, as on Windows)
 * and the caller raises STATUS_GUARD_PAGE_VIOLATION. 0 if not a guard. */
int mem_take_guard(const void *addr)
{
    uint8_t *page = (uint8_t *)((uintptr_t)addr & ~(uintptr_t)0xfff);
    int r = 0;
    pthread_mutex_lock(&lock);
    long i = find(page, NULL);
    if (i >= 0) {
        uint8_t *v = &regions[i].pages[(page - regions[i].base) / PAGE_SIZE_WIN];
        if (*v & PG_GUARD) {
            *v &= ~PG_GUARD;
            mprotect(page, PAGE_SIZE_WIN, mem_win_to_unix_prot(win_prots[*v & PG_PROT]));
            r = 1;
        }
    }
    pthread_mutex_unlock(&lock);
    return r;
}
