/* Export lookup through the mapped export directory, the same way for file
 * images and synthesized builtin images, including forwarders. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL module
#include "debug.h"
#include "loader.h"

struct module *ldr_load_import(const char *name, struct module *importer,
                               struct ldr_error *err);

static void *resolve(struct module *m, const IMAGE_EXPORT_DIRECTORY *ed,
                     DWORD dir_rva, DWORD dir_size, DWORD index, int depth);

static void *follow_forwarder(struct module *m, const char *fwd, int depth)
{
    /* "NTDLL.RtlAllocateHeap" or "lib.#12" */
    const char *dot = strrchr(fwd, '.');
    if (!dot || dot == fwd || depth > 8)
        return NULL;
    char dll[128];
    size_t n = dot - fwd;
    if (n >= sizeof dll - 5)
        return NULL;
    memcpy(dll, fwd, n);
    dll[n] = 0;
    struct ldr_error err;
    struct module *target = ldr_load_import(dll, m, &err);
    if (!target) {
        WARN("forwarder %s: %s", fwd, err.message);
        return NULL;
    }
    /* the forwarding DLL depends on the target: initialised before it,
     * or now if the program is already running */
    ldr_add_dependency(m, target);
    ldr_init_late(target);
    const char *func = dot + 1;
    if (*func == '#')
        return ldr_get_export(target, NULL, (WORD)atoi(func + 1), 1);
    return ldr_get_export(target, func, 0, 0);
}

static void *resolve(struct module *m, const IMAGE_EXPORT_DIRECTORY *ed,
                     DWORD dir_rva, DWORD dir_size, DWORD index, int depth)
{
    if (index >= ed->NumberOfFunctions)
        return NULL;
    const DWORD *funcs = ldr_rva(m, ed->AddressOfFunctions,
                                 (uint64_t)ed->NumberOfFunctions * 4);
    if (!funcs || !funcs[index])
        return NULL;
    DWORD rva = funcs[index];
    if (rva >= dir_rva && rva < (uint64_t)dir_rva + dir_size) {
        const char *fwd = ldr_rva_str(m, rva);
        return fwd ? follow_forwarder(m, fwd, depth + 1) : NULL;
    }
    return rva < m->size || m->builtin ? m->base + rva : NULL;
}

void *ldr_get_export(struct module *m, const char *name, WORD ordinal,
                     int by_ordinal)
{
    const IMAGE_DATA_DIRECTORY *d = ldr_dir(m, IMAGE_DIRECTORY_ENTRY_EXPORT);
    if (!d)
        return NULL;
    const IMAGE_EXPORT_DIRECTORY *ed = ldr_rva(m, d->VirtualAddress, sizeof *ed);
    if (!ed)
        return NULL;
    if (by_ordinal) {
        if (ordinal < ed->Base)
            return NULL;
        return resolve(m, ed, d->VirtualAddress, d->Size, ordinal - ed->Base, 0);
    }
    const DWORD *names = ldr_rva(m, ed->AddressOfNames,
                                 (uint64_t)ed->NumberOfNames * 4);
    const WORD *ords = ldr_rva(m, ed->AddressOfNameOrdinals,
                               (uint64_t)ed->NumberOfNames * 2);
    if (!names || !ords)
        return NULL;
    /* The name table is sorted (the PE spec requires it): binary search. */
    size_t lo = 0, hi = ed->NumberOfNames;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *s = ldr_rva_str(m, names[mid]);
        if (!s)
            return NULL;
        int c = strcmp(name, s);
        if (!c)
            return resolve(m, ed, d->VirtualAddress, d->Size, ords[mid], 0);
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}
