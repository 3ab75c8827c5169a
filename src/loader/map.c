/* Mapping a PE file: reserve SizeOfImage at ImageBase (or anywhere, then
 * relocate), copy headers and sections (or map a big image's laid-out
 * copy, image_cache.c), and later apply section protections once imports
 * are written. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL loader
#include "debug.h"
#include "loader.h"
#include "memory.h"
#include "pe_parse.h"
#include "status.h"

static void set_error(struct ldr_error *err, DWORD code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_error(struct ldr_error *err, DWORD code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err->win32 = code;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int apply_relocations(struct module *m, int64_t delta,
                             const struct pe_headers *h,
                             struct ldr_error *err)
{
    const IMAGE_DATA_DIRECTORY *dir = &h->dirs[IMAGE_DIRECTORY_ENTRY_BASERELOC];
    uint64_t pos = dir->VirtualAddress, end = pos + dir->Size;
    while (pos + sizeof(IMAGE_BASE_RELOCATION) <= end) {
        const IMAGE_BASE_RELOCATION *blk = ldr_rva(m, pos, sizeof *blk);
        if (!blk || blk->SizeOfBlock < sizeof *blk ||
            pos + blk->SizeOfBlock > end) {
            if (blk && blk->SizeOfBlock == 0 && blk->VirtualAddress == 0)
                break; /* some linkers pad with a zero block */
            set_error(err, ERROR_BAD_EXE_FORMAT,
                      "bad PE: relocation block outside its directory");
            return -1;
        }
        unsigned n = (blk->SizeOfBlock - sizeof *blk) / 2;
        const WORD *e = (const WORD *)(blk + 1);
        for (unsigned i = 0; i < n; i++) {
            unsigned type = e[i] >> 12;
            uint64_t rva = (uint64_t)blk->VirtualAddress + (e[i] & 0xfff);
            if (type == IMAGE_REL_BASED_ABSOLUTE)
                continue;
            unsigned width = type == IMAGE_REL_BASED_DIR64 ? 8
                           : type == IMAGE_REL_BASED_HIGHLOW ? 4 : 2;
            uint8_t *p = ldr_rva(m, rva, width);
            if (!p) {
                set_error(err, ERROR_BAD_EXE_FORMAT,
                          "bad PE: relocation target outside the image");
                return -1;
            }
            switch (type) {
            case IMAGE_REL_BASED_DIR64: {
                uint64_t v;
                memcpy(&v, p, 8);
                v += delta;
                memcpy(p, &v, 8);
                break;
            }
            case IMAGE_REL_BASED_HIGHLOW: {
                uint32_t v;
                memcpy(&v, p, 4);
                v += (uint32_t)delta;
                memcpy(p, &v, 4);
                break;
            }
            case IMAGE_REL_BASED_HIGH: {
                uint16_t v;
                memcpy(&v, p, 2);
                v += (uint16_t)((uint32_t)delta >> 16);
                memcpy(p, &v, 2);
                break;
            }
            case IMAGE_REL_BASED_LOW: {
                uint16_t v;
                memcpy(&v, p, 2);
                v += (uint16_t)delta;
                memcpy(p, &v, 2);
                break;
            }
            default:
                set_error(err, ERROR_BAD_EXE_FORMAT,
                          "bad PE: unsupported relocation type %u", type);
                return -1;
            }
        }
        pos += blk->SizeOfBlock;
    }
    return 0;
}

struct module *ldr_map_file(const char *unix_path, int is_exe,
                            struct ldr_error *err)
{
    const char *name = base_name(unix_path);
    int fd = open(unix_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        set_error(err, ERROR_FILE_NOT_FOUND, "%s: %s", name, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        set_error(err, ERROR_BAD_EXE_FORMAT, "%s: not a regular file", name);
        close(fd);
        return NULL;
    }
    size_t fsize = st.st_size;
    void *file = fsize ? mmap(NULL, fsize, PROT_READ, MAP_PRIVATE, fd, 0)
                       : MAP_FAILED;
    if (file == MAP_FAILED) {
        close(fd);
        set_error(err, ERROR_BAD_EXE_FORMAT,
                  "%s: not a Windows executable (empty file)", name);
        return NULL;
    }

    struct pe_headers h;
    const char *defect = pe_parse_headers(file, fsize, &h);
    if (defect) {
        set_error(err, ERROR_BAD_EXE_FORMAT, "%s: %s", name, defect);
        munmap(file, fsize);
        close(fd);
        return NULL;
    }
    const IMAGE_OPTIONAL_HEADER64 *opt = &h.nt->OptionalHeader;
    if (is_exe && (h.nt->FileHeader.Characteristics & IMAGE_FILE_DLL)) {
        set_error(err, ERROR_BAD_EXE_FORMAT,
                  "%s: is a DLL, not a program", name);
        munmap(file, fsize);
        close(fd);
        return NULL;
    }

    size_t size = (opt->SizeOfImage + 0xfff) & ~(size_t)0xfff;
    const ULONGLONG image_base = opt->ImageBase; /* the file is unmapped below */
    int has_relocs = h.dirs[IMAGE_DIRECTORY_ENTRY_BASERELOC].Size &&
                     !(h.nt->FileHeader.Characteristics &
                       IMAGE_FILE_RELOCS_STRIPPED);
    /* a small image is filled almost whole: fault it in with one call
     * rather than page by page; a big one is mapped from its laid-out
     * copy when there is one (image_cache.c) */
    int big = size >= (4u << 20);
    int populate = big ? 0 : MAP_POPULATE;
    int cached = big ? image_cache_open(&st, size) : -1;
    int flags = cached >= 0 ? MAP_PRIVATE : MAP_PRIVATE | MAP_ANONYMOUS | populate;
    /* an image that asks for a place among Linux's libraries is moved
     * below them if it can be, so raw syscalls in it are caught */
    int linux_range = image_base + size > mem_linux_start() && has_relocs;
    uint8_t *base = linux_range ? MAP_FAILED
                                : mmap((void *)opt->ImageBase, size, PROT_READ | PROT_WRITE,
                                       flags | MAP_FIXED_NOREPLACE, cached, 0);
    if (base == MAP_FAILED || base != (uint8_t *)opt->ImageBase) {
        if (base != MAP_FAILED)
            munmap(base, size);
        if (!has_relocs) {
            set_error(err, ERROR_BAD_EXE_FORMAT,
                      "%s: cannot load at its fixed address 0x%llx (in use) "
                      "and it has no relocations",
                      name, (unsigned long long)opt->ImageBase);
            munmap(file, fsize);
            close(fd);
            if (cached >= 0)
                close(cached);
            return NULL;
        }
        base = mem_map_arena(size, PROT_READ | PROT_WRITE, populate);
        if (base && cached >= 0 &&
            mmap(base, size, PROT_READ | PROT_WRITE, flags | MAP_FIXED, cached, 0) == MAP_FAILED) {
            munmap(base, size);
            base = NULL;
        }
        if (!base) {
            set_error(err, ERROR_NOT_ENOUGH_MEMORY,
                      "%s: out of memory mapping %zu bytes", name, size);
            munmap(file, fsize);
            close(fd);
            if (cached >= 0)
                close(cached);
            return NULL;
        }
    }
    if (cached >= 0) {
        close(cached);
        munmap(file, fsize);
        close(fd);
        goto laid_out;
    }

    /* A big image is copied in whole (PE sections are rarely page-aligned
     * in the file, so they cannot be mapped from it): huge pages make that
     * hundreds of times fewer page faults. */
    if (big)
        madvise(base, size, MADV_HUGEPAGE);
    memcpy(base, file, opt->SizeOfHeaders);
    for (unsigned i = 0; i < h.nsections; i++) {
        const IMAGE_SECTION_HEADER *s = &h.sections[i];
        uint64_t raw = s->SizeOfRawData, vsize = pe_section_vsize(s);
        if (s->Characteristics & IMAGE_SCN_CNT_UNINITIALIZED_DATA &&
            !s->PointerToRawData)
            raw = 0;
        if (raw > vsize)
            raw = vsize;
        if (s->PointerToRawData + raw > fsize) /* tolerated tail padding */
            raw = fsize > s->PointerToRawData ? fsize - s->PointerToRawData : 0;
        /* read(), not a copy from the file mapping: the page cache goes
         * straight into the image, without faulting the source in first */
        if (pread(fd, base + s->VirtualAddress, raw, s->PointerToRawData) != (ssize_t)raw)
            memcpy(base + s->VirtualAddress, (uint8_t *)file + s->PointerToRawData, raw);
    }
    munmap(file, fsize);
    close(fd);
    if (big)
        image_cache_store(&st, base, size);

laid_out:;
    struct module *m = calloc(1, sizeof *m);
    m->base = base;
    m->size = size;
    m->nt = (const IMAGE_NT_HEADERS64 *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
    memcpy(m->dirs, h.dirs, sizeof m->dirs);
    m->is_exe = is_exe;
    m->tls_index = -1;
    m->refcount = 1;
    ldr_set_names(m, unix_path, NULL);

    int64_t delta = (int64_t)((uintptr_t)base - image_base);
    if (delta) {
        TRACE("%s relocated from 0x%llx to %p", name,
              (unsigned long long)image_base, base);
        if (apply_relocations(m, delta, &h, err) < 0) {
            munmap(base, size);
            free(m);
            return NULL;
        }
        /* The mapped header tells the program where it really is. */
        ((IMAGE_NT_HEADERS64 *)m->nt)->OptionalHeader.ImageBase =
            (uintptr_t)base;
    }
    mem_register_image(base, size);
    TRACE("mapped %s at %p size 0x%zx", name, base, size);
    return m;
}

static int section_prot(DWORD c)
{
    int p = 0;
    if (c & IMAGE_SCN_MEM_READ)
        p |= PROT_READ;
    if (c & IMAGE_SCN_MEM_WRITE)
        p |= PROT_READ | PROT_WRITE;
    if (c & IMAGE_SCN_MEM_EXECUTE)
        p |= PROT_READ | PROT_EXEC;
    return p;
}

int ldr_protect_sections(struct module *m)
{
    const IMAGE_OPTIONAL_HEADER64 *opt = &m->nt->OptionalHeader;
    /* Images with sections smaller than a page cannot be protected per
     * section; Windows maps them all read-write-execute. */
    if (opt->SectionAlignment < 4096) {
        mprotect(m->base, m->size, PROT_READ | PROT_WRITE | PROT_EXEC);
        mem_set_image_prot(m->base, m->size, PROT_READ | PROT_WRITE | PROT_EXEC);
        return 0;
    }
    const IMAGE_SECTION_HEADER *sec =
        (const void *)((const uint8_t *)&m->nt->OptionalHeader +
                       m->nt->FileHeader.SizeOfOptionalHeader);
    unsigned n = m->nt->FileHeader.NumberOfSections;
    size_t hdr = (opt->SizeOfHeaders + 0xfff) & ~0xfffu;
    mprotect(m->base, hdr, PROT_READ);
    mem_set_image_prot(m->base, hdr, PROT_READ);
    /* one mprotect per run of adjacent sections with the same protection
     * (mingw images carry a dozen read-only debug sections) */
    size_t run_start = 0, run_end = 0;
    int run_prot = -1;
    for (unsigned i = 0; i <= n; i++) {
        size_t start = 0, end = 0;
        int prot = -1;
        if (i < n) {
            start = sec[i].VirtualAddress & ~0xfffu;
            end = ((uint64_t)sec[i].VirtualAddress + pe_section_vsize(&sec[i]) + 0xfff) &
                  ~(uint64_t)0xfff;
            if (end > m->size)
                end = m->size;
            if (end <= start)
                continue;
            prot = section_prot(sec[i].Characteristics);
            if (prot == run_prot && start == run_end) {
                run_end = end;
                continue;
            }
        }
        if (run_prot >= 0) {
            mprotect(m->base + run_start, run_end - run_start, run_prot);
            mem_set_image_prot(m->base + run_start, run_end - run_start, run_prot);
        }
        run_start = start;
        run_end = end;
        run_prot = prot;
    }
    return 0;
}
