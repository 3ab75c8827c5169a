/* Import resolution: every IMAGE_IMPORT_DESCRIPTOR, bounds-checked, by name
 * or ordinal. A function a builtin DLL lacks becomes a trap that fires only
 * if called (DESIGN.md §3); one a real DLL lacks fails the load, as on
 * Windows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL module
#include "debug.h"
#include "loader.h"
#include "status.h"

struct module *ldr_load_import(const char *name, struct module *importer,
                               struct ldr_error *err);

void (*ldr_check_report)(const char *importer, const char *dll, const char *func,
                         WORD ordinal, int found);

static int bad(struct ldr_error *err, struct module *m, const char *what)
{
    err->win32 = ERROR_BAD_EXE_FORMAT;
    snprintf(err->message, sizeof err->message, "%s: bad PE: %s", m->name,
             what);
    return -1;
}


int ldr_resolve_imports(struct module *m, struct ldr_error *err)
{
    const IMAGE_DATA_DIRECTORY *dir = ldr_dir(m, IMAGE_DIRECTORY_ENTRY_IMPORT);
    if (!dir)
        return 0;
    for (uint64_t pos = dir->VirtualAddress;; pos += sizeof(IMAGE_IMPORT_DESCRIPTOR)) {
        const IMAGE_IMPORT_DESCRIPTOR *d = ldr_rva(m, pos, sizeof *d);
        if (!d)
            return bad(err, m, "import directory outside the image");
        if (!d->Name && !d->FirstThunk)
            break;
        const char *dllname = ldr_rva_str(m, d->Name);
        if (!dllname)
            return bad(err, m, "import DLL name outside the image");
        struct module *dep = ldr_load_import(dllname, m, err);
        if (!dep && ldr_check_report) {
            ldr_check_report(m->name, dllname, NULL, 0, 0);
            continue;
        }
        if (!dep)
            return -1;
        ldr_add_dependency(m, dep);
        uint64_t lookup = d->OriginalFirstThunk ? d->OriginalFirstThunk
                                                : d->FirstThunk;
        for (uint64_t i = 0;; i++) {
            const ULONGLONG *ilt = ldr_rva(m, lookup + i * 8, 8);
            ULONGLONG *iat = ldr_rva(m, d->FirstThunk + i * 8, 8);
            if (!ilt || !iat)
                return bad(err, m, "import table outside the image");
            ULONGLONG entry = *ilt;
            if (!entry)
                break;
            void *addr;
            const char *fname = NULL;
            WORD ordinal = 0;
            if (entry & IMAGE_ORDINAL_FLAG64) {
                ordinal = entry & 0xffff;
                addr = ldr_get_export(dep, NULL, ordinal, 1);
            } else {
                const BYTE *hn = ldr_rva(m, entry & 0x7fffffff, 3);
                fname = hn ? ldr_rva_str(m, (entry & 0x7fffffff) + 2) : NULL;
                if (!fname)
                    return bad(err, m, "import name outside the image");
                addr = ldr_get_export(dep, fname, 0, 0);
            }
            if (ldr_check_report)
                ldr_check_report(m->name, dllname, fname, ordinal, addr != NULL);
            if (!addr) {
                if (dep->builtin) {
                    addr = ldr_unimplemented_stub(dllname, fname, ordinal);
                } else {
                    err->win32 = ERROR_PROC_NOT_FOUND;
                    if (fname)
                        snprintf(err->message, sizeof err->message,
                                 "%s needs %s!%s, which that DLL does not export",
                                 m->name, dep->name, fname);
                    else
                        snprintf(err->message, sizeof err->message,
                                 "%s needs %s ordinal %u, which that DLL does "
                                 "not export", m->name, dep->name, ordinal);
                    return -1;
                }
            }
            *iat = (ULONGLONG)(uintptr_t)addr;
        }
    }
    return 0;
}
