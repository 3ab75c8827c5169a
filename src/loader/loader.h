/* The module list: every PE image in the process, real or builtin. */
#ifndef DECANT_LOADER_H
#define DECANT_LOADER_H

#include "builtin.h"
#include "pe.h"
#include "winternl.h"

struct module {
    struct module *next;
    LDR_DATA_TABLE_ENTRY *ldr;  /* the PEB's view of this module */
    uint8_t *base;
    size_t size;
    const IMAGE_NT_HEADERS64 *nt;
    /* The data directories as validated (pe_parse.c): entries the header
     * does not really have are zero here, whatever the mapped bytes say. */
    IMAGE_DATA_DIRECTORY dirs[IMAGE_NUMBEROF_DIRECTORY_ENTRIES];
    const struct builtin_dll *builtin; /* NULL for a file image */
    char *unix_path;                   /* NULL for builtins */
    WCHAR *win_path;                   /* full Windows path */
    char name[64];                     /* base name, lower case: "kernel32.dll" */
    int refcount;
    int is_exe;
    int initialised;  /* DllMain(PROCESS_ATTACH) done (or running) */
    int tls_index;    /* -1 when the image has no TLS directory */
    int pinned;       /* loaded with the program: FreeLibrary keeps it */
    struct module **deps;
    unsigned ndeps;
    /* The bridges to Linux code (DESIGN.md §8, unixlib.c, winelib.c). */
    void *unixlib;    /* a Wine-builtin PE's ELF half (dlopen handle) */
    void *winelib;    /* this module *is* an ELF .so (dlopen handle) */
};

/* Loader errors carry one sentence for the user; the loader prints nothing
 * itself until the caller decides (LoadLibrary fails quietly with an error
 * code, the main program's load prints and exits). */
struct ldr_error {
    DWORD win32;        /* ERROR_MOD_NOT_FOUND, ERROR_BAD_EXE_FORMAT, ... */
    char message[512];
};

extern struct module *ldr_modules;     /* load order; the exe first */
extern struct module *ldr_main_module;

void ldr_lock(void);
void ldr_unlock(void);

/* Maps the program, loads its dependencies, resolves imports. Nothing is
 * initialised yet: ldr_init_process() does that on the program's stack. */
struct module *ldr_load_exe(const char *unix_path, struct ldr_error *err);
void ldr_init_process(void);

/* LoadLibraryExW's core: `name` is what the program passed (UTF-8). */
struct module *ldr_load_dll(const char *name, struct ldr_error *err);
int ldr_free_dll(struct module *m);

struct module *ldr_find_by_base(const void *base);
struct module *ldr_find_by_address(const void *addr);
struct module *ldr_find_loaded(const char *name);

/* GetProcAddress's core. Follows forwarders. NULL when absent. */
void *ldr_get_export(struct module *m, const char *name, WORD ordinal,
                     int by_ordinal);

/* Directory `i` (IMAGE_DIRECTORY_ENTRY_*), or NULL when absent. */
static inline const IMAGE_DATA_DIRECTORY *ldr_dir(const struct module *m, unsigned i)
{
    return m->dirs[i].VirtualAddress && m->dirs[i].Size ? &m->dirs[i] : NULL;
}

/* Bounds-checked view of `size` bytes at `rva` in a mapped image. */
void *ldr_rva(const struct module *m, uint64_t rva, uint64_t size);
/* A NUL-terminated string at rva, or NULL if it runs past the image. */
const char *ldr_rva_str(const struct module *m, uint64_t rva);

/* Thread start/stop notifications to DLLs and TLS callbacks. */
void ldr_thread_attach(void);
void ldr_thread_detach(void);
void ldr_process_detach(void);

/* Builtin images (builtin_image.c). */
struct module *ldr_map_builtin(const struct builtin_dll *dll);

/* PE file images (map.c). */
struct module *ldr_map_file(const char *unix_path, int is_exe,
                            struct ldr_error *err);
int ldr_protect_sections(struct module *m);

/* Big images laid out once (image_cache.c): the cache file of the PE file
 * `st` if there is one of `size` bytes (an fd to map privately), else -1;
 * and writing one from an image laid out but not yet relocated. */
struct stat;
int image_cache_open(const struct stat *st, size_t size);
void image_cache_store(const struct stat *st, const void *image, size_t size);

/* The bridges to Linux (unixlib.c, winelib.c; DESIGN.md §8). */
/* The directories of DECANT_DLLPATH, then WINEDLLPATH (NULL-terminated). */
const char *const *ldr_dll_path(void);
/* A mapped PE carries "Wine builtin DLL" after its DOS header. */
int ldr_is_wine_builtin(const struct module *m);
/* Finds and dlopen()s the ELF half of a Wine-builtin PE, if it has one. */
void ldr_attach_unixlib(struct module *m);
/* NtQueryVirtualMemory's MemoryWineUnixFuncs / MemoryWineUnixWow64Funcs:
 * the address of the module's __wine_unix_call_funcs table (or the wow64
 * one). */
NTSTATUS ldr_unix_funcs(const void *module, int wow64, const void **funcs);
/* An ELF file (winelib .so) rather than a PE. */
int ldr_file_is_elf(const char *unix_path);
/* dlopen()s a winelib .so and builds its PE view from
 * __wine_spec_nt_header. *existing is set when the .so was already loaded
 * (the module is returned with one more reference). */
struct module *ldr_map_winelib(const char *unix_path, int *existing,
                               struct ldr_error *err);

/* Imports (imports.c). */
int ldr_resolve_imports(struct module *m, struct ldr_error *err);

/* Static TLS (tls.c). */
void ldr_tls_register(struct module *m);
void ldr_tls_alloc_thread(TEB *teb);
void ldr_tls_free_thread(TEB *teb);
void ldr_tls_callbacks(struct module *m, DWORD reason);

/* `decant --check`: when set, every import is reported here (found or
 * not, func NULL for a DLL that cannot be found) instead of failing. */
extern void (*ldr_check_report)(const char *importer, const char *dll, const char *func,
                                WORD ordinal, int found);

/* A trap for an import that decant does not implement (unimpl.c). */
void *ldr_unimplemented_stub(const char *dll, const char *func, WORD ordinal);

/* The file a DLL name refers to (program dir, cwd or SetDllDirectory's
 * directory, PATH), or NULL. */
char *ldr_find_dll_file(const char *name);
/* SetDllDirectory's directory: a copy of `dir` (NULL: not set), and a
 * malloc'ed copy of it back (NULL when not set). */
void ldr_set_dll_directory(const WCHAR *dir);
WCHAR *ldr_get_dll_directory(void);

/* m imports from dep: dep is initialised first (module.c). */
void ldr_add_dependency(struct module *m, struct module *dep);
/* DllMain(PROCESS_ATTACH) for m and what it depends on, if the process
 * is running (a DLL reached later, e.g. through a forwarder). */
void ldr_init_late(struct module *m);

/* Module naming helpers (module.c). */
void ldr_set_names(struct module *m, const char *unix_path, const char *name);
void ldr_link_module(struct module *m);

#endif
