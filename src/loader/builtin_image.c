/* Synthesized PE images for builtin DLLs: DOS and NT headers, an export
 * directory, and a thunk section. Each exported function is a 16-byte
 * thunk inside the image that jumps to decant's C function (write_thunk),
 * so an export's address belongs to its DLL (GetModuleHandleEx from an
 * address, crash reports); exported variables are decant's own, reached by
 * RVA, so the image is placed below decant's executable, within 4 GiB. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#define DEBUG_CHANNEL module
#include "debug.h"
#include "loader.h"
#include "memory.h"
#include "syscall.h"

extern const struct builtin_dll __start_decant_builtins[];
extern const struct builtin_dll __stop_decant_builtins[];
extern char __executable_start[], _end[];

const struct builtin_dll *builtin_first(void)
{
    return (uintptr_t)__start_decant_builtins < (uintptr_t)__stop_decant_builtins
               ? __start_decant_builtins : NULL;
}

const struct builtin_dll *builtin_next(const struct builtin_dll *b)
{
    return (uintptr_t)(b + 1) < (uintptr_t)__stop_decant_builtins ? b + 1 : NULL;
}

const struct builtin_dll *builtin_find(const char *name)
{
    size_t n = strlen(name);
    for (const struct builtin_dll *b = builtin_first(); b; b = builtin_next(b)) {
        size_t bl = strlen(b->name);
        if (!strcasecmp(name, b->name) ||
            (n + 4 == bl && !strncasecmp(name, b->name, n) &&
             !strcmp(b->name + n, ".dll")))
            return b;
    }
    return NULL;
}

static uintptr_t next_hint;

/* 64 KiB-aligned space below the executable, first fit going down. The
 * caller writes every page next: populated in one call, not a page fault
 * each. */
static uint8_t *map_below_executable(size_t size)
{
    if (!next_hint)
        next_hint = ((uintptr_t)__executable_start - 0x1000000) & ~0xffffull;
    for (int tries = 0; tries < 4096; tries++) {
        uintptr_t want = (next_hint - size) & ~0xffffull;
        void *p = mmap((void *)want, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_POPULATE, -1, 0);
        next_hint = want;
        if (p != MAP_FAILED) {
            if (p == (void *)want)
                return p;
            munmap(p, size);
        }
    }
    return NULL;
}

/* An export's 16-byte thunk: `jmp rel32` to decant's function when it is
 * within 2 GiB (it is, below the executable), else `jmp [rip+2]` and the
 * address. A direct jump costs the caller less than an indirect one: a
 * program calls some exports (mingw's printf calls fputc) for every byte. */
static void write_thunk(uint8_t *thunk, const void *target)
{
    int64_t rel = (intptr_t)target - (intptr_t)(thunk + 5);
    memset(thunk, 0xcc, 16);
    if (rel == (int32_t)rel) {
        int32_t rel32 = (int32_t)rel;
        thunk[0] = 0xe9;
        memcpy(thunk + 1, &rel32, 4);
    } else {
        static const uint8_t jmp[6] = {0xff, 0x25, 0x02, 0x00, 0x00, 0x00};
        uint64_t addr = (uintptr_t)target;
        memcpy(thunk, jmp, 6);
        memcpy(thunk + 8, &addr, 8);
    }
}

/* Both export lists merged in name order. */
static const struct builtin_export **merged_exports(const struct builtin_dll *dll, unsigned *count)
{
    unsigned n1 = dll->nexports, n2 = dll->exports2 ? dll->nexports2 : 0, i = 0, j = 0, k = 0;
    const struct builtin_export **all = malloc((n1 + n2 + 1) * sizeof *all);
    while (i < n1 || j < n2) {
        if (j >= n2 || (i < n1 && strcmp(builtin_export_name(&dll->exports[i]),
                                     builtin_export_name(&dll->exports2[j])) < 0))
            all[k++] = &dll->exports[i++];
        else
            all[k++] = &dll->exports2[j++];
    }
    *count = k;
    return all;
}

struct module *ldr_map_builtin(const struct builtin_dll *dll)
{
    unsigned n;
    const struct builtin_export **exp = merged_exports(dll, &n);
    /* Ordinals: explicit ones where Windows programs import by ordinal,
     * the others after the highest explicit one, in name order. */
    unsigned max_ord = 0;
    for (unsigned i = 0; i < n; i++)
        if (exp[i]->ordinal > max_ord)
            max_ord = exp[i]->ordinal;
    unsigned nfuncs = max_ord;
    for (unsigned i = 0; i < n; i++)
        if (!exp[i]->ordinal)
            nfuncs++;
    size_t strings1 = dll->strings_end - dll->strings, strings2 = dll->strings2_end - dll->strings2;
    size_t strings = strlen(dll->name) + 1 + strings1 + strings2;
    size_t edata = sizeof(IMAGE_EXPORT_DIRECTORY) + nfuncs * 4 + n * (4 + 2) + strings;
    size_t edata_size = (edata + 0xfff) & ~0xfffull;
    /* ntdll's system services get Windows-shaped syscall stubs */
    int is_ntdll = !strcasecmp(dll->name, "ntdll.dll");
    int *service = calloc(n, sizeof *service);
    size_t code = 0;
    for (unsigned i = 0; i < n; i++) {
        service[i] = is_ntdll && !exp[i]->forward_off && !exp[i]->is_data && !exp[i]->is_code
                         ? syscall_service_number(builtin_export_addr(exp[i])) : -1;
        code += service[i] >= 0 ? SYSCALL_STUB_SIZE : 16;
    }
    size_t thunks_size = (code + 0xfff) & ~0xfffull;
    size_t size = 0x1000 + edata_size + thunks_size;
    uint8_t *base = map_below_executable(size);
    if (!base || (uintptr_t)_end - (uintptr_t)base >= 0xffffffffull) {
        fprintf(stderr, "decant: cannot place builtin %s within 4 GiB of "
                        "decant's code\n", dll->name);
        abort();
    }

    IMAGE_DOS_HEADER *dos = (void *)base;
    dos->e_magic = IMAGE_DOS_SIGNATURE;
    dos->e_lfanew = 0x40;
    IMAGE_NT_HEADERS64 *nt = (void *)(base + 0x40);
    nt->Signature = IMAGE_NT_SIGNATURE;
    nt->FileHeader.Machine = IMAGE_FILE_MACHINE_AMD64;
    nt->FileHeader.NumberOfSections = 2;
    nt->FileHeader.SizeOfOptionalHeader = sizeof(IMAGE_OPTIONAL_HEADER64);
    nt->FileHeader.Characteristics = IMAGE_FILE_EXECUTABLE_IMAGE | IMAGE_FILE_DLL | 0x20;
    IMAGE_OPTIONAL_HEADER64 *opt = &nt->OptionalHeader;
    opt->Magic = IMAGE_NT_OPTIONAL_HDR64_MAGIC;
    opt->ImageBase = (uintptr_t)base;
    opt->SectionAlignment = 0x1000;
    opt->FileAlignment = 0x200;
    opt->MajorOperatingSystemVersion = 10;
    opt->MajorSubsystemVersion = 10;
    opt->SizeOfImage = size;
    opt->SizeOfHeaders = 0x1000;
    opt->Subsystem = IMAGE_SUBSYSTEM_WINDOWS_CUI;
    opt->DllCharacteristics = 0x160;
    opt->NumberOfRvaAndSizes = IMAGE_NUMBEROF_DIRECTORY_ENTRIES;
    opt->DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT].VirtualAddress = 0x1000;
    opt->DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT].Size = edata;
    IMAGE_SECTION_HEADER *sec = (void *)(nt + 1);
    memcpy(sec->Name, ".edata", 6);
    sec->VirtualAddress = 0x1000;
    sec->VirtualSize = edata;
    sec->SizeOfRawData = (edata + 0x1ff) & ~0x1ffull;
    sec->PointerToRawData = 0x400;
    sec->Characteristics = IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ;
    IMAGE_SECTION_HEADER *text = sec + 1;
    memcpy(text->Name, ".text", 5);
    text->VirtualAddress = 0x1000 + edata_size;
    text->VirtualSize = thunks_size;
    text->SizeOfRawData = thunks_size;
    text->PointerToRawData = sec->PointerToRawData + sec->SizeOfRawData;
    text->Characteristics = IMAGE_SCN_CNT_CODE | IMAGE_SCN_MEM_READ | IMAGE_SCN_MEM_EXECUTE;
    opt->BaseOfCode = text->VirtualAddress;
    opt->SizeOfCode = thunks_size;
    uint8_t *thunk = base + text->VirtualAddress;

    IMAGE_EXPORT_DIRECTORY *ed = (void *)(base + 0x1000);
    DWORD *funcs = (DWORD *)(ed + 1);
    DWORD *names = funcs + nfuncs;
    WORD *ords = (WORD *)(names + n);
    char *str = (char *)(ords + n);
#define RVA(p) ((DWORD)((uint8_t *)(p) - base))
    ed->Name = RVA(str);
    str = stpcpy(str, dll->name) + 1;
    /* each list's strings in one copy; an export's name then lies at the
     * same offset from its list's copy as from dll->strings */
    char *copy1 = str, *copy2 = str + strings1;
    if (strings1)
        memcpy(copy1, dll->strings, strings1);
    if (strings2)
        memcpy(copy2, dll->strings2, strings2);
    ed->Base = 1;
    ed->NumberOfFunctions = nfuncs;
    ed->NumberOfNames = n;
    ed->AddressOfFunctions = RVA(funcs);
    ed->AddressOfNames = RVA(names);
    ed->AddressOfNameOrdinals = RVA(ords);
    unsigned next_auto = max_ord;
    for (unsigned i = 0; i < n; i++) {
        const struct builtin_export *e = exp[i];
        unsigned slot = e->ordinal ? e->ordinal - 1u : next_auto++;
        void *addr = builtin_export_addr(e);
        int first = e >= dll->exports && e < dll->exports + dll->nexports;
        char *copy = first ? copy1 : copy2;
        const char *orig = first ? dll->strings : dll->strings2;
        names[i] = RVA(copy + (builtin_export_name(e) - orig));
        ords[i] = slot;
        if (e->forward_off) {
            funcs[slot] = RVA(copy + (builtin_export_forward(e) - orig));
        } else if (e->is_data) {
            funcs[slot] = (DWORD)((uintptr_t)addr - (uintptr_t)base);
        } else if (service[i] >= 0) {
            syscall_write_stub(thunk, service[i], addr);
            funcs[slot] = RVA(thunk);
            thunk += SYSCALL_STUB_SIZE;
        } else if (e->is_code) {
            memcpy(thunk, addr, 16);
            funcs[slot] = RVA(thunk);
            thunk += 16;
        } else {
            write_thunk(thunk, addr);
            funcs[slot] = RVA(thunk);
            thunk += 16;
        }
    }
    free(exp);
    free(service);
#undef RVA
    size_t code_start = 0x1000 + edata_size;
    mprotect(base, code_start, PROT_READ);
    mprotect(base + code_start, thunks_size, PROT_READ | PROT_EXEC);
    mem_register_image(base, size);
    mem_set_image_prot(base, code_start, PROT_READ);
    mem_set_image_prot(base + code_start, thunks_size, PROT_READ | PROT_EXEC);

    struct module *m = calloc(1, sizeof *m);
    m->base = base;
    m->size = size;
    m->nt = nt;
    m->builtin = dll;
    memcpy(m->dirs, opt->DataDirectory, sizeof m->dirs);
    m->tls_index = -1;
    m->refcount = 1;
    ldr_set_names(m, NULL, dll->name);
    TRACE("builtin %s at %p, %u exports", dll->name, base, n);
    return m;
}
