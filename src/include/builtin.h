/* Builtin DLLs: C functions exported under their Windows names. Each DLL
 * folder has an exports.h X-macro list (sorted by export name) and a dll.c
 * that expands it through builtin_table.h into a `struct builtin_dll`
 * placed in the `decant_builtins` section, so the loader finds every
 * builtin without a central list to edit. */
#ifndef DECANT_BUILTIN_H
#define DECANT_BUILTIN_H

#include "windef.h"

struct builtin_export {
    const char *name;
    void *addr;          /* function or data; NULL for a forwarder */
    const char *forward; /* "ntdll.RtlAllocateHeap" or NULL */
    int is_data;         /* exported variable: no thunk */
    WORD ordinal;        /* Windows' ordinal when programs import by it; 0 = any */
    int is_code;         /* addr points at 16 bytes of x86 code that *are* the
                          * export, placed in the image (e.g. DebugBreak's
                          * int3 must fault in a DLL, not in decant) */
};

struct builtin_dll {
    const char *name; /* lower case, with .dll */
    const struct builtin_export *exports;
    unsigned nexports;
    /* a second sorted list, from another folder (shared C++ runtime...);
     * the image merges both */
    const struct builtin_export *exports2;
    unsigned nexports2;
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
