/* Builtin DLLs: C functions exported under their Windows names. Each DLL
 * folder has an exports.h X-macro list (sorted by export name) and a dll.c
 * that expands it through builtin_table.h into a `struct builtin_dll`
 * placed in the `decant_builtins` section, so the loader finds every
 * builtin without a central list to edit. */
#ifndef DECANT_BUILTIN_H
#define DECANT_BUILTIN_H

#include <stdint.h>

#include "windef.h"

/* One export, 16 bytes. The three references are offsets from the field
 * that holds them (0: none), not pointers: decant is a PIE, and ld.so had
 * to write every pointer of these tables at every start (7000 of them over
 * 38 pages, a tenth of hello world's start-up). builtin_table.h writes
 * them in assembly, as the Linux kernel writes its PREL32 symbol tables:
 * C cannot express the difference of two addresses as a constant. */
struct builtin_export {
    int32_t name_off;
    int32_t target_off;  /* function or data; 0 for a forwarder */
    int32_t forward_off; /* "ntdll.RtlAllocateHeap", or 0 */
    WORD ordinal;        /* Windows' ordinal when programs import by it; 0 = any */
    BYTE is_data;        /* exported variable: no thunk */
    BYTE is_code;        /* the target is 16 bytes of x86 code that *are* the
                          * export, placed in the image (e.g. DebugBreak's
                          * int3 must fault in a DLL, not in decant) */
};

static inline const void *builtin_rel(const int32_t *field)
{
    return *field ? (const char *)field + *field : NULL;
}

static inline const char *builtin_export_name(const struct builtin_export *e)
{
    return builtin_rel(&e->name_off);
}

/* The function, variable or code; NULL for a forwarder. */
static inline void *builtin_export_addr(const struct builtin_export *e)
{
    return (void *)builtin_rel(&e->target_off);
}

static inline const char *builtin_export_forward(const struct builtin_export *e)
{
    return builtin_rel(&e->forward_off);
}

struct builtin_dll {
    const char *name; /* lower case, with .dll */
    const struct builtin_export *exports;
    unsigned nexports;
    /* a second sorted list, from another folder (shared C++ runtime...);
     * the image merges both */
    const struct builtin_export *exports2;
    unsigned nexports2;
    /* Each list's names and forwarder strings lie together, from strings
     * to strings_end, so an image copies them in one go. */
    const char *strings, *strings_end, *strings2, *strings2_end;
    /* DllMain's role for a builtin, both optional: process attach when the
     * DLL is first initialised, detach from ExitProcess (not on a crash,
     * as on Windows). */
    void (*attach)(void);
    void (*detach)(void);
};

/* The builtin called `name` (case-insensitive, ".dll" optional), or NULL. */
const struct builtin_dll *builtin_find(const char *name);

/* For tests: iterate all builtins. */
const struct builtin_dll *builtin_first(void);
const struct builtin_dll *builtin_next(const struct builtin_dll *);

#endif
