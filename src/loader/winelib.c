/* winelib: an ELF shared library that is a Windows DLL (DESIGN.md §8).
 * The library exports `__wine_spec_nt_header`, an IMAGE_NT_HEADERS64 laid
 * out the way winebuild emits it for ELF targets, and keeps 64 KiB + 4 KiB
 * of unused space at the address in its ImageBase field. As Wine's
 * map_so_dll does, decant rounds ImageBase up to 64 KiB: that is the
 * module's base (its HMODULE). One page of PE headers is mapped there,
 * over the unused space, and the tables are made relative to that base in
 * place:
 *   - AddressOfEntryPoint and BaseOfCode hold one 64-bit absolute address
 *     (the entry point, or 0);
 *   - data directory RVAs, the export directory's RVA fields, the export
 *     name RVAs and the import descriptors' RVAs are relative to the
 *     `__wine_spec_nt_header` symbol, as is SizeOfImage;
 *   - the export address table holds 64-bit absolute addresses.
 * docs/internals.md describes the format for people writing one by hand.
 * The library stays loaded for the life of the process: its tables were
 * rewritten in place, so a second dlopen() would see them converted. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define DEBUG_CHANNEL loader
#include "debug.h"
#include "loader.h"
#include "memory.h"
#include "path.h"
#include "status.h"
#include "wstr.h"

#define HEADER_PAGE 0x1000

static const char builtin_signature[32] = "Wine builtin DLL";

int ldr_file_is_elf(const char *unix_path)
{
    unsigned char magic[4];
    int fd = open(unix_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, magic, 4);
    close(fd);
    return n == 4 && !memcmp(magic, "\177ELF", 4);
}

static struct module *fail(struct ldr_error *err, void *handle, const char *name,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static struct module *fail(struct ldr_error *err, void *handle, const char *name,
                           const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(err->message, sizeof err->message, "%s: ", name);
    vsnprintf(err->message + n, sizeof err->message - n, fmt, ap);
    va_end(ap);
    err->win32 = ERROR_BAD_EXE_FORMAT;
    if (handle)
        dlclose(handle);
    return NULL;
}

/* The ELF object an address belongs to, or NULL. */
static struct link_map *object_of(const void *addr)
{
    Dl_info info;
    struct link_map *lm = NULL;
    if (!dladdr1(addr, &info, (void **)&lm, RTLD_DL_LINKMAP))
        return NULL;
    return lm;
}

/* A table of `count` items of `size` bytes at `rva` lies in the image. */
static int in_image(uint64_t rva, uint64_t count, uint64_t size, uint64_t image)
{
    if (!count)
        return 1;
    return rva && count <= image / (size ? size : 1) && rva <= image - count * size;
}

static void rebase(DWORD *rva, int64_t delta)
{
    if (*rva)
        *rva += delta;
}

/* Import descriptors and their name thunks are relative to the spec
 * header: make them relative to the base, as a PE's are. */
static int fix_imports(uint8_t *base, uint64_t size, const IMAGE_DATA_DIRECTORY *dir,
                       int64_t delta)
{
    uint64_t n = dir->Size / sizeof(IMAGE_IMPORT_DESCRIPTOR);
    if (!in_image(dir->VirtualAddress, n, sizeof(IMAGE_IMPORT_DESCRIPTOR), size))
        return -1;
    IMAGE_IMPORT_DESCRIPTOR *d = (void *)(base + dir->VirtualAddress);
    for (uint64_t i = 0; i < n && d[i].Name; i++) {
        rebase(&d[i].OriginalFirstThunk, delta);
        rebase(&d[i].Name, delta);
        rebase(&d[i].FirstThunk, delta);
        DWORD tables[2] = {d[i].OriginalFirstThunk, d[i].FirstThunk};
        for (int t = 0; t < 2; t++) {
            if (!tables[t] || tables[t] >= size)
                continue;
            ULONGLONG *thunk = (ULONGLONG *)(base + tables[t]);
            ULONGLONG *end = (ULONGLONG *)(base + size);
            for (; thunk < end && *thunk; thunk++)
                if (!(*thunk & IMAGE_ORDINAL_FLAG64))
                    *thunk += delta;
        }
    }
    return 0;
}

/* The export directory's RVAs move to the base; the 64-bit absolute
 * addresses of the functions become 32-bit RVAs, written in place over
 * the first half of their own table, as Wine's loader does. */
static int fix_exports(uint8_t *base, uint64_t size, const IMAGE_DATA_DIRECTORY *dir,
                       int64_t delta)
{
    if (!in_image(dir->VirtualAddress, 1, sizeof(IMAGE_EXPORT_DIRECTORY), size))
        return -1;
    IMAGE_EXPORT_DIRECTORY *e = (void *)(base + dir->VirtualAddress);
    rebase(&e->Name, delta);
    rebase(&e->AddressOfFunctions, delta);
    rebase(&e->AddressOfNames, delta);
    rebase(&e->AddressOfNameOrdinals, delta);
    if (!in_image(e->AddressOfFunctions, e->NumberOfFunctions, 8, size) ||
        (e->NumberOfNames &&
         (!in_image(e->AddressOfNames, e->NumberOfNames, 4, size) ||
          !in_image(e->AddressOfNameOrdinals, e->NumberOfNames, 2, size))))
        return -1;
    DWORD *names = (DWORD *)(base + e->AddressOfNames);
    for (DWORD i = 0; i < e->NumberOfNames; i++)
        rebase(&names[i], delta);
    ULONGLONG *abs = (ULONGLONG *)(base + e->AddressOfFunctions);
    DWORD *rva = (DWORD *)abs;
    for (DWORD i = 0; i < e->NumberOfFunctions; i++) {
        ULONGLONG a = abs[i];
        if (a && (a < (uintptr_t)base || a - (uintptr_t)base >= size))
            return -1;
        rva[i] = a ? (DWORD)(a - (uintptr_t)base) : 0;
    }
    return 0;
}

struct module *ldr_map_winelib(const char *unix_path, int *existing,
                               struct ldr_error *err)
{
    const char *name = strrchr(unix_path, '/') ? strrchr(unix_path, '/') + 1 : unix_path;
    *existing = 0;
    void *handle = dlopen(unix_path, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return fail(err, NULL, name, "%s", dlerror());
    const IMAGE_NT_HEADERS64 *spec = dlsym(handle, "__wine_spec_nt_header");
    struct link_map *self = NULL;
    dlinfo(handle, RTLD_DI_LINKMAP, &self);
    if (!spec || object_of(spec) != self)
        return fail(err, handle, name,
                    "a Linux library without __wine_spec_nt_header, not a winelib DLL");

    const IMAGE_OPTIONAL_HEADER64 *opt = &spec->OptionalHeader;
    DWORD align = opt->SectionAlignment;
    if (spec->Signature != IMAGE_NT_SIGNATURE ||
        spec->FileHeader.Machine != IMAGE_FILE_MACHINE_AMD64 ||
        opt->Magic != IMAGE_NT_OPTIONAL_HDR64_MAGIC)
        return fail(err, handle, name, "__wine_spec_nt_header is not a PE32+ AMD64 header");
    if (align < HEADER_PAGE || align > 0x10000 || (align & (align - 1)) ||
        opt->NumberOfRvaAndSizes > IMAGE_NUMBEROF_DIRECTORY_ENTRIES)
        return fail(err, handle, name, "bad __wine_spec_nt_header: SectionAlignment "
                                       "or NumberOfRvaAndSizes out of range");

    /* The base: ImageBase rounded up to 64 KiB; its header page must be
     * this library's own (unused) space, below the spec header. */
    uint8_t *base = (uint8_t *)(((uintptr_t)opt->ImageBase + 0xffff) & ~(uintptr_t)0xffff);
    uint64_t delta = (uintptr_t)spec - (uintptr_t)base;
    if ((uintptr_t)spec < (uintptr_t)base + HEADER_PAGE || delta >= 0x80000000u ||
        object_of(base) != self || object_of(base + HEADER_PAGE - 1) != self)
        return fail(err, handle, name, "ImageBase 0x%llx does not point at 64 KiB + 4 KiB "
                    "of space reserved for the PE header inside the library",
                    (unsigned long long)opt->ImageBase);
    uint64_t size = ((uint64_t)opt->SizeOfImage + delta + align - 1) & ~(uint64_t)(align - 1);
    if (opt->SizeOfImage < sizeof *spec || size >= 0x80000000u)
        return fail(err, handle, name, "bad __wine_spec_nt_header: SizeOfImage %#x",
                    opt->SizeOfImage);

    ldr_lock();
    struct module *m = ldr_find_by_base(base);
    ldr_unlock();
    if (m) { /* dlopen() found it loaded: its tables are converted already */
        dlclose(handle);
        m->refcount++;
        if (m->ldr)
            m->ldr->LoadCount++;
        *existing = 1;
        return m;
    }

    /* Everything is checked that can be before anything is written. */
    IMAGE_DATA_DIRECTORY dirs[IMAGE_NUMBEROF_DIRECTORY_ENTRIES] = {{0}};
    for (unsigned i = 0; i < opt->NumberOfRvaAndSizes; i++) {
        dirs[i] = opt->DataDirectory[i];
        if (dirs[i].VirtualAddress)
            dirs[i].VirtualAddress += delta;
        if (dirs[i].VirtualAddress && !in_image(dirs[i].VirtualAddress, 1, dirs[i].Size, size))
            return fail(err, handle, name, "bad __wine_spec_nt_header: data directory %u "
                                           "outside the library", i);
    }
    ULONGLONG entry;
    memcpy(&entry, &opt->AddressOfEntryPoint, 8); /* AddressOfEntryPoint + BaseOfCode */
    if (entry && (entry <= (uintptr_t)base || entry - (uintptr_t)base >= size))
        return fail(err, handle, name, "entry point outside the library");

    if (mmap(base, HEADER_PAGE, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != base)
        return fail(err, handle, name, "cannot map its PE header: %s", strerror(errno));
    IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)base;
    dos->e_magic = IMAGE_DOS_SIGNATURE;
    dos->e_lfanew = sizeof *dos + sizeof builtin_signature;
    memcpy(dos + 1, builtin_signature, sizeof builtin_signature);
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(base + dos->e_lfanew);
    *nt = *spec;
    IMAGE_OPTIONAL_HEADER64 *o = &nt->OptionalHeader;
    DWORD code_start = HEADER_PAGE, data_start = delta & ~(uint64_t)(align - 1);
    o->AddressOfEntryPoint = entry ? (DWORD)(entry - (uintptr_t)base) : 0;
    o->BaseOfCode = code_start;
    o->SizeOfCode = data_start - code_start;
    o->SizeOfInitializedData = size - data_start;
    o->SizeOfUninitializedData = 0;
    o->SizeOfImage = size;
    o->ImageBase = (uintptr_t)base;
    memcpy(o->DataDirectory, dirs, sizeof dirs);
    nt->FileHeader.NumberOfSections = 2;
    nt->FileHeader.SizeOfOptionalHeader = sizeof *o;
    IMAGE_SECTION_HEADER *sec = (IMAGE_SECTION_HEADER *)(nt + 1);
    memcpy(sec[0].Name, ".text", 5);
    sec[0].VirtualAddress = sec[0].PointerToRawData = code_start;
    sec[0].VirtualSize = sec[0].SizeOfRawData = data_start - code_start;
    sec[0].Characteristics = IMAGE_SCN_CNT_CODE | IMAGE_SCN_MEM_EXECUTE | IMAGE_SCN_MEM_READ;
    memcpy(sec[1].Name, ".data", 5);
    sec[1].VirtualAddress = sec[1].PointerToRawData = data_start;
    sec[1].VirtualSize = sec[1].SizeOfRawData = size - data_start;
    sec[1].Characteristics = IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_WRITE |
                             IMAGE_SCN_MEM_READ;

    int bad = 0;
    if (dirs[IMAGE_DIRECTORY_ENTRY_IMPORT].VirtualAddress)
        bad |= fix_imports(base, size, &dirs[IMAGE_DIRECTORY_ENTRY_IMPORT], delta);
    if (dirs[IMAGE_DIRECTORY_ENTRY_EXPORT].VirtualAddress)
        bad |= fix_exports(base, size, &dirs[IMAGE_DIRECTORY_ENTRY_EXPORT], delta);
    if (dirs[IMAGE_DIRECTORY_ENTRY_RESOURCE].VirtualAddress)
        FIXME("%s: resources of a winelib DLL are not relocated", name);
    mprotect(base, HEADER_PAGE, PROT_READ);
    if (bad) /* the header page stays: the library's tables are half done */
        return fail(err, NULL, name, "export or import table outside the library");

    m = calloc(1, sizeof *m);
    m->base = base;
    m->size = size;
    m->nt = nt;
    memcpy(m->dirs, dirs, sizeof dirs);
    m->tls_index = -1;
    m->refcount = 1;
    m->winelib = handle;
    ldr_set_names(m, unix_path, NULL);
    /* foo.dll.so is the module foo.dll, as in Wine */
    size_t n = strlen(m->name);
    if (n > 3 && !strcmp(m->name + n - 3, ".so"))
        m->name[n - 3] = 0;
    n = wstr_len(m->win_path);
    if (n > 3 && m->win_path[n - 3] == '.' && (m->win_path[n - 2] | 0x20) == 's' &&
        (m->win_path[n - 1] | 0x20) == 'o')
        m->win_path[n - 3] = 0;
    mem_register_image(base, size);
    mem_set_image_prot(base, HEADER_PAGE, PROT_READ);
    mem_set_image_prot(base + code_start, data_start - code_start, PROT_READ | PROT_EXEC);
    TRACE("winelib %s at %p size 0x%llx", name, base, (unsigned long long)size);
    return m;
}
