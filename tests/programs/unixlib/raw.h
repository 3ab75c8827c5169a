/* "The raw way" to Linux from a Windows program, with no help from the
 * loader: read this process's memory map through the Z: drive, find where
 * libc is mapped, walk its ELF dynamic section to the GNU hash table,
 * resolve functions by name there, and call them with the System V ABI
 * (inline assembly: the arguments in rdi and rsi, a 16-byte aligned stack,
 * and every register the Windows ABI keeps but System V does not,
 * rsi/rdi/xmm6-15, declared clobbered). Linux code needs %fs to be glibc's
 * thread pointer; the TEB lives at %gs. */
#include <windows.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "test.h"

typedef struct { unsigned char ident[16]; uint16_t type, machine; uint32_t version;
                 uint64_t entry, phoff, shoff; uint32_t flags;
                 uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx; } elf_ehdr;
typedef struct { uint32_t type, flags; uint64_t offset, vaddr, paddr, filesz, memsz, align; } elf_phdr;
typedef struct { int64_t tag; uint64_t val; } elf_dyn;
typedef struct { uint32_t name; unsigned char info, other; uint16_t shndx; uint64_t value, size; } elf_sym;
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define DT_STRTAB 5
#define DT_SYMTAB 6
#define DT_GNU_HASH 0x6ffffef5
#define DT_VERSYM 0x6ffffff0

struct elf_lib {
    uintptr_t bias;
    const char *strtab;
    const elf_sym *symtab;
    const uint32_t *gnu_hash;
    const uint16_t *versym;
};

/* The whole of a /proc file: its size is 0 until read. */
static char *read_all(const char *path)
{
    HANDLE f = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    static char buf[1 << 20];
    DWORD n, total = 0;
    if (f == INVALID_HANDLE_VALUE)
        return NULL;
    while (total < sizeof buf - 1 && ReadFile(f, buf + total, sizeof buf - 1 - total, &n, NULL) && n)
        total += n;
    CloseHandle(f);
    buf[total] = 0;
    return total ? buf : NULL;
}

/* The start of libc's first mapping (file offset 0): its ELF header. */
static uintptr_t find_libc(const char *maps)
{
    for (const char *line = maps; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        const char *end = strchr(line, '\n'), *name;
        unsigned long long lo, hi, off;
        char perms[8];
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (sscanf(line, "%llx-%llx %7s %llx", &lo, &hi, perms, &off) != 4 || off)
            continue;
        for (name = line + len; name > line && name[-1] != '/' && name[-1] != ' '; name--)
            ;
        if ((line + len - name == 9 && !strncmp(name, "libc.so.6", 9)) ||
            !strncmp(name, "libc-2.", 7))
            return (uintptr_t)lo;
    }
    return 0;
}

/* The dynamic section gives the tables; glibc has already relocated its
 * pointers in memory, other loaders may not have: both are accepted. */
static int open_elf(uintptr_t base, struct elf_lib *lib)
{
    const elf_ehdr *eh = (const elf_ehdr *)base;
    const elf_phdr *ph = (const elf_phdr *)(base + eh->phoff);
    const elf_dyn *dyn = NULL;
    uintptr_t first_load = (uintptr_t)-1;
    memset(lib, 0, sizeof *lib);
    if (memcmp(eh->ident, "\177ELF", 4) || eh->ident[4] != 2 /* 64-bit */)
        return 0;
    for (int i = 0; i < eh->phnum; i++)
        if (ph[i].type == PT_LOAD && ph[i].vaddr < first_load)
            first_load = ph[i].vaddr & ~(uintptr_t)0xfff;
    lib->bias = base - first_load;
    for (int i = 0; i < eh->phnum; i++)
        if (ph[i].type == PT_DYNAMIC)
            dyn = (const elf_dyn *)(lib->bias + ph[i].vaddr);
    for (; dyn && dyn->tag; dyn++) {
        uintptr_t p = dyn->val < lib->bias ? lib->bias + dyn->val : dyn->val;
        switch (dyn->tag) {
        case DT_STRTAB: lib->strtab = (const char *)p; break;
        case DT_SYMTAB: lib->symtab = (const elf_sym *)p; break;
        case DT_GNU_HASH: lib->gnu_hash = (const uint32_t *)p; break;
        case DT_VERSYM: lib->versym = (const uint16_t *)p; break;
        }
    }
    return lib->strtab && lib->symtab && lib->gnu_hash;
}

/* GNU hash lookup: bloom filter, bucket, then the chain of symbols with
 * the same bucket (bit 0 of a chain entry ends it). Versions hidden by
 * the version table (old compat symbols) are skipped. */
static void *gnu_lookup(const struct elf_lib *lib, const char *name)
{
    const uint32_t *h = lib->gnu_hash;
    uint32_t nbuckets = h[0], symoffset = h[1], bloom_size = h[2], shift = h[3];
    const uint64_t *bloom = (const uint64_t *)(h + 4);
    const uint32_t *buckets = (const uint32_t *)(bloom + bloom_size);
    const uint32_t *chain = buckets + nbuckets;
    uint32_t hash = 5381, i;
    uint64_t mask;
    for (const unsigned char *s = (const unsigned char *)name; *s; s++)
        hash = hash * 33 + *s;
    mask = (1ull << (hash % 64)) | (1ull << ((hash >> shift) % 64));
    if ((bloom[(hash / 64) % bloom_size] & mask) != mask)
        return NULL;
    for (i = buckets[hash % nbuckets]; i >= symoffset; i++) {
        uint32_t h2 = chain[i - symoffset];
        const elf_sym *sym = &lib->symtab[i];
        if ((h2 | 1) == (hash | 1) && sym->shndx && !strcmp(lib->strtab + sym->name, name) &&
            !(lib->versym && (lib->versym[i] & 0x8000)))
            return (void *)(lib->bias + sym->value);
        if (h2 & 1)
            break;
    }
    return NULL;
}

static uintptr_t sysv_call2(void *fn, uintptr_t a, uintptr_t b)
{
    register uintptr_t rdi __asm__("rdi") = a;
    register uintptr_t rsi __asm__("rsi") = b;
    uintptr_t ret;
    __asm__ volatile("mov %%rsp, %%rbx\n\t"
                     "and $-16, %%rsp\n\t"
                     "call *%[fn]\n\t"
                     "mov %%rbx, %%rsp"
                     : "=a"(ret), "+D"(rdi), "+S"(rsi)
                     : [fn] "r"(fn)
                     : "rbx", "rcx", "rdx", "r8", "r9", "r10", "r11", "xmm0", "xmm1", "xmm2",
                       "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
                       "xmm12", "xmm13", "xmm14", "xmm15", "memory", "cc");
    return ret;
}

/* glibc's thread control block starts with a pointer to itself. */
static int fs_is_glibc(void)
{
    uintptr_t tcb;
    __asm__("mov %%fs:0, %0" : "=r"(tcb));
    return tcb && *(uintptr_t *)tcb == tcb;
}

struct utsname_linux { char sysname[65], nodename[65], release[65], version[65], machine[65], domain[65]; };

static void run_raw(const char *maps_path, const char *shown_as)
{
    char *maps = read_all(maps_path);
    uintptr_t libc;
    struct elf_lib lib;
    void *uname_fn, *dlsym_fn;
    struct utsname_linux u;
    int ret;

    ok(maps != NULL, "%s: cannot read it", maps_path);
    if (!maps)
        return;
    libc = find_libc(maps);
    printf("%s: libc found: %s\n", shown_as, libc ? "yes" : "no");
    ok(libc != 0, "%s: no libc.so.6 in the map", shown_as);
    if (!libc || !open_elf(libc, &lib)) {
        ok(0, "libc's dynamic section");
        return;
    }
    printf("%%fs is glibc's thread pointer: %s\n", fs_is_glibc() ? "yes" : "no");
    ok(fs_is_glibc(), "%%fs is not glibc's thread pointer");
    uname_fn = gnu_lookup(&lib, "uname");
    dlsym_fn = gnu_lookup(&lib, "dlsym");
    printf("GNU hash: uname %s, dlsym %s, no_such_function %s\n", uname_fn ? "found" : "missing",
           dlsym_fn ? "found" : "missing", gnu_lookup(&lib, "no_such_function") ? "found" : "missing");
    ok(uname_fn && dlsym_fn, "uname or dlsym not found");
    if (!uname_fn)
        return;
    if (dlsym_fn) { /* RTLD_DEFAULT is NULL */
        void *p = (void *)sysv_call2(dlsym_fn, 0, (uintptr_t)"uname");
        printf("dlsym(RTLD_DEFAULT, \"uname\") agrees: %s\n", p == uname_fn ? "yes" : "no");
        ok(p == uname_fn, "dlsym gives %p, the hash table %p", p, uname_fn);
    }
    memset(&u, 0, sizeof u);
    ret = (int)sysv_call2(uname_fn, (uintptr_t)&u, 0);
    printf("uname(): %d, sysname %s, machine %s\n", ret, u.sysname, u.machine);
    ok(!ret && !strcmp(u.sysname, "Linux"), "uname");
}
