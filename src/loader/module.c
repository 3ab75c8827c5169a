/* The module list, the DLL search order and DllMain sequencing. */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL module
#include "debug.h"
#include "loader.h"
#include "memory.h"
#include "path.h"
#include "process.h"
#include "status.h"
#include "wstr.h"

struct module *ldr_modules;
struct module *ldr_main_module;
static struct module *init_order[512]; /* for PROCESS_DETACH, reversed */
static unsigned ninit;

static pthread_mutex_t loader_mutex;
static pthread_once_t loader_once = PTHREAD_ONCE_INIT;

static void loader_mutex_init(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&loader_mutex, &a);
}

void ldr_lock(void)
{
    pthread_once(&loader_once, loader_mutex_init);
    pthread_mutex_lock(&loader_mutex);
}

void ldr_unlock(void) { pthread_mutex_unlock(&loader_mutex); }

void *ldr_rva(const struct module *m, uint64_t rva, uint64_t size)
{
    if (rva > m->size || size > m->size - rva)
        return NULL;
    return m->base + rva;
}

const char *ldr_rva_str(const struct module *m, uint64_t rva)
{
    if (rva >= m->size)
        return NULL;
    const char *s = (const char *)m->base + rva;
    return memchr(s, 0, m->size - rva) ? s : NULL;
}

static void lower_copy(char *dst, size_t n, const char *src)
{
    size_t i;
    for (i = 0; i + 1 < n && src[i]; i++)
        dst[i] = tolower((unsigned char)src[i]);
    dst[i] = 0;
}

static void init_ustr(UNICODE_STRING *u, const WCHAR *s)
{
    u->Buffer = (WCHAR *)s;
    u->Length = wstr_len(s) * sizeof(WCHAR);
    u->MaximumLength = u->Length + sizeof(WCHAR);
}

/* Names: `name` is the DLL's base name for builtins (no path). The full
 * Windows path of a builtin is C:\windows\system32\<name>, as programs
 * expect from GetModuleFileName. */
void ldr_set_names(struct module *m, const char *unix_path, const char *name)
{
    if (unix_path) {
        m->unix_path = strdup(unix_path);
        const char *b = strrchr(unix_path, '/');
        lower_copy(m->name, sizeof m->name, b ? b + 1 : unix_path);
        m->win_path = path_unix_to_dos(unix_path);
    } else {
        lower_copy(m->name, sizeof m->name, name);
        char buf[128];
        snprintf(buf, sizeof buf, "C:\\windows\\system32\\%s", name);
        m->win_path = utf8_to_wstr_alloc(buf);
    }
}

static void list_append(LIST_ENTRY *head, LIST_ENTRY *e)
{
    if (!head->Flink) {
        head->Flink = head->Blink = head;
    }
    e->Blink = head->Blink;
    e->Flink = head;
    head->Blink->Flink = e;
    head->Blink = e;
}

static void list_remove(LIST_ENTRY *e)
{
    if (!e->Flink)
        return;
    e->Blink->Flink = e->Flink;
    e->Flink->Blink = e->Blink;
    e->Flink = e->Blink = NULL;
}

void ldr_link_module(struct module *m)
{
    struct module **p = &ldr_modules;
    while (*p)
        p = &(*p)->next;
    *p = m;

    LDR_DATA_TABLE_ENTRY *e = calloc(1, sizeof *e);
    m->ldr = e;
    e->DllBase = m->base;
    e->SizeOfImage = m->size;
    if (m->nt->OptionalHeader.AddressOfEntryPoint)
        e->EntryPoint = m->base + m->nt->OptionalHeader.AddressOfEntryPoint;
    e->TimeDateStamp = m->nt->FileHeader.TimeDateStamp;
    e->LoadCount = 1;
    init_ustr(&e->FullDllName, m->win_path);
    WCHAR *b = m->win_path + wstr_len(m->win_path);
    while (b > m->win_path && b[-1] != '\\')
        b--;
    init_ustr(&e->BaseDllName, b);
    PEB_LDR_DATA *ldr = nt_peb()->Ldr;
    list_append(&ldr->InLoadOrderModuleList, &e->InLoadOrderLinks);
    list_append(&ldr->InMemoryOrderModuleList, &e->InMemoryOrderLinks);
}

static void unlink_module(struct module *m)
{
    for (struct module **p = &ldr_modules; *p; p = &(*p)->next)
        if (*p == m) {
            *p = m->next;
            break;
        }
    if (m->ldr) {
        list_remove(&m->ldr->InLoadOrderLinks);
        list_remove(&m->ldr->InMemoryOrderLinks);
        list_remove(&m->ldr->InInitializationOrderLinks);
    }
}

struct module *ldr_find_by_base(const void *base)
{
    for (struct module *m = ldr_modules; m; m = m->next)
        if (m->base == base)
            return m;
    return NULL;
}

struct module *ldr_find_by_address(const void *addr)
{
    for (struct module *m = ldr_modules; m; m = m->next)
        if ((const uint8_t *)addr >= m->base &&
            (const uint8_t *)addr < m->base + m->size)
            return m;
    return NULL;
}

/* API sets: contract names resolve to the DLL that implements them. */
static const char *apiset_target(const char *lname)
{
    if (!strncmp(lname, "api-ms-win-crt-", 15))
        return "ucrtbase.dll";
    if (!strncmp(lname, "api-ms-win-core-", 16) ||
        !strncmp(lname, "ext-ms-win-", 11))
        return "kernel32.dll";
    if (!strncmp(lname, "api-ms-win-security-", 20) ||
        !strncmp(lname, "api-ms-win-eventing-", 20))
        return "advapi32.dll";
    return NULL;
}

/* "Foo" -> "foo.dll"; "foo." -> "foo" (a trailing dot means no
 * extension, as LoadLibrary documents); path components dropped. */
static void normalise_name(const char *name, char *out, size_t n)
{
    const char *b = name;
    for (const char *s = name; *s; s++)
        if (*s == '\\' || *s == '/')
            b = s + 1;
    lower_copy(out, n, b);
    size_t len = strlen(out);
    if (len && out[len - 1] == '.')
        out[len - 1] = 0;
    else if (!strchr(out, '.') && len + 5 < n)
        strcat(out, ".dll");
}

struct module *ldr_find_loaded(const char *name)
{
    char lname[64];
    normalise_name(name, lname, sizeof lname);
    const char *target = apiset_target(lname);
    if (target)
        snprintf(lname, sizeof lname, "%s", target);
    for (struct module *m = ldr_modules; m; m = m->next)
        if (!strcmp(m->name, lname))
            return m;
    return NULL;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Look for `lname` in a Unix directory, case-insensitively. */
static char *find_in_dir(const char *dir, const char *lname)
{
    char *p = NULL;
    if (asprintf(&p, "%s/%s", dir, lname) < 0)
        return NULL;
    if (is_file(p))
        return p;
    free(p);
    p = path_find_case(dir, lname);
    if (p && is_file(p))
        return p;
    free(p);
    return NULL;
}

static char *find_in_subdir(const char *dir, const char *sub, const char *lname)
{
    char *d = NULL, *p;
    if (asprintf(&d, "%s%s", dir, sub) < 0)
        return NULL;
    p = find_in_dir(d, lname);
    free(d);
    return p;
}

/* SetDllDirectory's directory (a DOS path, as given): NULL when not set.
 * Under the loader lock. */
static WCHAR *dll_directory;

void ldr_set_dll_directory(const WCHAR *dir)
{
    WCHAR *d = dir ? wstr_dup(dir) : NULL;
    ldr_lock();
    free(dll_directory);
    dll_directory = d;
    ldr_unlock();
}

WCHAR *ldr_get_dll_directory(void)
{
    ldr_lock();
    WCHAR *d = dll_directory ? wstr_dup(dll_directory) : NULL;
    ldr_unlock();
    return d;
}

/* The system directory's DLLs: DECANT_DLLPATH and WINEDLLPATH, laid out
 * as Wine's builtin directories (a PE in x86_64-windows/ or the directory
 * itself, a winelib `name.dll.so` in x86_64-unix/ or the directory
 * itself). */
static char *search_dll_path(const char *lname)
{
    char so[72], *p = NULL;
    snprintf(so, sizeof so, "%s.so", lname);
    for (const char *const *dp = ldr_dll_path(); *dp && !p; dp++)
        if (!(p = find_in_subdir(*dp, "/x86_64-windows", lname)) &&
            !(p = find_in_subdir(*dp, "/x86_64-unix", so)) && !(p = find_in_dir(*dp, lname)))
            p = find_in_dir(*dp, so);
    return p;
}

static const struct builtin_dll *empty_system_dll(const char *lname);

/* The search order of Microsoft's "Dynamic-Link Library Search Order"
 * (safe search mode): the program's directory, SetDllDirectory's directory
 * once it is set, the system directory, then the current directory (not
 * once SetDllDirectory is set: "" takes it out and adds nothing) and PATH.
 * The system directory is DECANT_DLLPATH/WINEDLLPATH, then decant's empty
 * stand-ins for the system DLLs it does not implement (*standin): found
 * there, a system DLL costs no walk through the directories of PATH. */
static char *search_dll(const char *lname, const struct builtin_dll **standin)
{
    char *p;
    *standin = NULL;
    if (ldr_main_module && ldr_main_module->unix_path) {
        char *dir = strdup(ldr_main_module->unix_path);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = 0;
        p = find_in_dir(slash ? (*dir ? dir : "/") : ".", lname);
        free(dir);
        if (p)
            return p;
    }
    ldr_lock();
    char *set = dll_directory ? wstr_to_utf8_alloc(dll_directory) : NULL;
    ldr_unlock();
    if (set) {
        char *dir = *set ? path_dos_to_unix_utf8(set) : NULL;
        p = dir ? find_in_dir(dir, lname) : NULL;
        free(dir);
        if (p) {
            free(set);
            return p;
        }
    }
    if ((p = search_dll_path(lname)) || (*standin = empty_system_dll(lname))) {
        free(set);
        return p;
    }
    if (!set && (p = find_in_dir(".", lname)))
        return p;
    free(set);
    /* The Windows PATH, each entry translated to a Unix directory. */
    WCHAR *wpath = process_getenv_w(u"PATH");
    if (wpath) {
        char *path = wstr_to_utf8_alloc(wpath), *save = NULL;
        free(wpath);
        for (char *tok = strtok_r(path, ";", &save); tok && !p;
             tok = strtok_r(NULL, ";", &save)) {
            char *dir = path_dos_to_unix_utf8(tok);
            if (dir)
                p = find_in_dir(dir, lname);
            free(dir);
        }
        free(path);
    }
    return p;
}

static struct module *load_dependency(const char *name, const char *importer,
                                      struct ldr_error *err);

void ldr_add_dependency(struct module *m, struct module *dep)
{
    for (unsigned i = 0; i < m->ndeps; i++)
        if (m->deps[i] == dep)
            return;
    m->deps = realloc(m->deps, (m->ndeps + 1) * sizeof *m->deps);
    m->deps[m->ndeps++] = dep;
}

/* Windows system DLLs decant does not implement (yet). A program that
 * imports them still loads: each import becomes a trap that fires only if
 * called, naming the function (DESIGN.md §3). */
static const char *const system_dlls[] = {
    "avicap32.dll", "cfgmgr32.dll",
    "comctl32.dll", "comdlg32.dll", "crypt32.dll",
    "dbghelp.dll", "dnsapi.dll", "dwmapi.dll", "gdi32.dll", "gdiplus.dll",
    "imm32.dll", "mpr.dll", "msvcp140.dll",
    "ncrypt.dll", "netapi32.dll", "ntdll.dll",
    "powrprof.dll", "psapi.dll", "rpcrt4.dll", "secur32.dll",
    "setupapi.dll", "shlwapi.dll",
    "userenv.dll", "uxtheme.dll",
    "version.dll", "winhttp.dll", "wininet.dll",
    "winspool.drv", "wintrust.dll",
    "wsock32.dll", "wtsapi32.dll",
};

static const struct builtin_dll *empty_system_dll(const char *lname)
{
    for (size_t i = 0; i < sizeof system_dlls / sizeof *system_dlls; i++)
        if (!strcmp(lname, system_dlls[i])) {
            struct builtin_dll *b = calloc(1, sizeof *b);
            b->name = system_dlls[i];
            TRACE("%s: not implemented, all its imports trap", lname);
            return b;
        }
    return NULL;
}

/* Load (or find) a DLL and everything it imports; no DllMain yet. */
static struct module *load_library(const char *name, const char *importer,
                                   struct ldr_error *err)
{
    char lname[64];
    int has_path = strchr(name, '\\') || strchr(name, '/');
    normalise_name(name, lname, sizeof lname);
    const char *target = apiset_target(lname);
    if (target)
        snprintf(lname, sizeof lname, "%s", target);

    struct module *m = ldr_find_loaded(lname);
    if (m) {
        m->refcount++;
        if (m->ldr)
            m->ldr->LoadCount++;
        return m;
    }
    char *unix_path = NULL;
    if (has_path) {
        unix_path = path_dos_to_unix_utf8(name);
        if (unix_path && !is_file(unix_path)) {
            free(unix_path);
            unix_path = NULL;
        }
    }
    if (!unix_path) {
        const struct builtin_dll *b = builtin_find(lname);
        if (b) {
            m = ldr_map_builtin(b);
            ldr_link_module(m);
            return m;
        }
        if (!has_path)
            unix_path = search_dll(lname, &b);
        if (!unix_path && !has_path && b) {
            m = ldr_map_builtin(b);
            ldr_link_module(m);
            return m;
        }
    }
    if (!unix_path) {
        err->win32 = ERROR_MOD_NOT_FOUND;
        snprintf(err->message, sizeof err->message,
                 "cannot find %s (needed by %s)", name, importer);
        return NULL;
    }
    if (ldr_file_is_elf(unix_path)) {
        int existing;
        m = ldr_map_winelib(unix_path, &existing, err);
        free(unix_path);
        if (!m || existing)
            return m;
        ldr_link_module(m);
        ldr_attach_unixlib(m);
        /* its PE view may import from other DLLs; the ELF pages keep
         * the protections the ELF loader gave them */
        if (ldr_resolve_imports(m, err) < 0) {
            unlink_module(m);
            return NULL;
        }
        return m;
    }
    m = ldr_map_file(unix_path, 0, err);
    free(unix_path);
    if (!m)
        return NULL;
    ldr_link_module(m);
    ldr_tls_register(m);
    ldr_attach_unixlib(m);
    if (ldr_resolve_imports(m, err) < 0) {
        unlink_module(m);
        return NULL;
    }
    ldr_protect_sections(m);
    return m;
}

static struct module *load_dependency(const char *name, const char *importer,
                                      struct ldr_error *err)
{
    return load_library(name, importer, err);
}

/* Exposed for imports.c. */
struct module *ldr_load_import(const char *name, struct module *importer,
                               struct ldr_error *err)
{
    return load_dependency(name, importer->name, err);
}

struct module *ldr_load_exe(const char *unix_path, struct ldr_error *err)
{
    ldr_lock();
    struct module *m = ldr_map_file(unix_path, 1, err);
    if (!m) {
        ldr_unlock();
        return NULL;
    }
    ldr_main_module = m;
    ldr_link_module(m);
    nt_peb()->ImageBaseAddress = m->base;
    ldr_tls_register(m);
    ldr_attach_unixlib(m);
    /* every Windows process has these, whatever it imports */
    static const char *const always[] = {"ntdll.dll", "kernel32.dll"};
    for (unsigned i = 0; i < sizeof always / sizeof *always; i++) {
        struct module *dep = load_library(always[i], m->name, err);
        if (dep)
            ldr_add_dependency(m, dep);
    }
    int r = ldr_resolve_imports(m, err);
    if (r == 0)
        ldr_protect_sections(m);
    ldr_unlock();
    return r == 0 ? m : NULL;
}

typedef BOOL(WINAPI *dllmain_fn)(HINSTANCE, DWORD, LPVOID);

static BOOL call_dllmain(struct module *m, DWORD reason, void *reserved)
{
    if (m->builtin) {
        if (reason == DLL_PROCESS_ATTACH && m->builtin->attach)
            m->builtin->attach();
        else if (reason == DLL_PROCESS_DETACH && m->builtin->detach)
            m->builtin->detach();
        return TRUE;
    }
    if (m->is_exe)
        return TRUE;
    if (m->tls_index >= 0)
        ldr_tls_callbacks(m, reason);
    DWORD ep = m->nt->OptionalHeader.AddressOfEntryPoint;
    if (!ep)
        return TRUE;
    TRACE("%s reason %u", m->name, reason);
    BOOL ok = ((dllmain_fn)(m->base + ep))(m->base, reason, reserved);
    if (!ok && reason == DLL_PROCESS_ATTACH)
        WARN("%s: DllMain failed", m->name);
    return ok;
}

static int process_started;

/* Dependencies first (post-order), each module once, cycles cut. FALSE
 * when m's DllMain refused PROCESS_ATTACH. */
static BOOL init_module(struct module *m, void *reserved)
{
    if (m->initialised)
        return TRUE;
    m->initialised = 1;
    for (unsigned i = 0; i < m->ndeps; i++)
        init_module(m->deps[i], reserved);
    if (m->ldr)
        list_append(&nt_peb()->Ldr->InInitializationOrderModuleList,
                    &m->ldr->InInitializationOrderLinks);
    if (ninit < sizeof init_order / sizeof init_order[0])
        init_order[ninit++] = m;
    if (m->is_exe)
        return TRUE;
    return call_dllmain(m, DLL_PROCESS_ATTACH, reserved);
}

void ldr_init_late(struct module *m)
{
    if (process_started)
        init_module(m, NULL);
}

void ldr_init_process(void)
{
    ldr_lock();
    for (struct module *m = ldr_modules; m; m = m->next)
        m->pinned = 1; /* the program's own imports stay for its life */
    process_started = 1;
    init_module(ldr_main_module, (void *)1);
    /* The exe's own TLS callbacks run after its DLLs are ready. */
    if (ldr_main_module->tls_index >= 0)
        ldr_tls_callbacks(ldr_main_module, DLL_PROCESS_ATTACH);
    ldr_unlock();
}

static void forget_init(struct module *m)
{
    for (unsigned i = 0; i < ninit; i++)
        if (init_order[i] == m) {
            memmove(&init_order[i], &init_order[i + 1],
                    (ninit - i - 1) * sizeof init_order[0]);
            ninit--;
            break;
        }
}

struct module *ldr_load_dll(const char *name, struct ldr_error *err)
{
    ldr_lock();
    struct module *m = load_library(name, "LoadLibrary", err);
    if (m && !init_module(m, NULL)) {
        /* DllMain said no: it hears PROCESS_DETACH and the DLL goes */
        call_dllmain(m, DLL_PROCESS_DETACH, NULL);
        forget_init(m);
        unlink_module(m);
        mem_unregister(m->base);
        munmap(m->base, m->size);
        err->win32 = ERROR_DLL_INIT_FAILED;
        snprintf(err->message, sizeof err->message, "%s: DllMain failed", m->name);
        m = NULL;
    }
    ldr_unlock();
    return m;
}

int ldr_free_dll(struct module *m)
{
    ldr_lock();
    if (--m->refcount > 0 || m->is_exe || m->builtin || m->pinned || m->winelib) {
        if (m->refcount < 1) /* the exe, builtins, static imports and */
            m->refcount = 1; /* winelibs (see winelib.c) stay */
        if (m->ldr)
            m->ldr->LoadCount = m->refcount;
        ldr_unlock();
        return 0;
    }
    call_dllmain(m, DLL_PROCESS_DETACH, NULL);
    forget_init(m);
    unlink_module(m);
    for (unsigned i = 0; i < m->ndeps; i++)
        ldr_free_dll(m->deps[i]);
    /* The mapping stays: a pointer into it may outlive FreeLibrary in
     * buggy programs, and address reuse would turn that into silent
     * corruption instead of a clean failure. */
    ldr_unlock();
    return 0;
}

void ldr_thread_attach(void)
{
    ldr_lock();
    for (unsigned i = 0; i < ninit; i++) {
        struct module *m = init_order[i];
        if (m->is_exe) {
            if (m->tls_index >= 0)
                ldr_tls_callbacks(m, DLL_THREAD_ATTACH);
        } else {
            call_dllmain(m, DLL_THREAD_ATTACH, NULL);
        }
    }
    ldr_unlock();
}

void ldr_thread_detach(void)
{
    ldr_lock();
    for (unsigned i = ninit; i-- > 0;) {
        struct module *m = init_order[i];
        if (m->is_exe) {
            if (m->tls_index >= 0)
                ldr_tls_callbacks(m, DLL_THREAD_DETACH);
        } else {
            call_dllmain(m, DLL_THREAD_DETACH, NULL);
        }
    }
    ldr_unlock();
}

void ldr_process_detach(void)
{
    ldr_lock();
    nt_peb()->Ldr->ShutdownInProgress = TRUE;
    for (unsigned i = ninit; i-- > 0;) {
        struct module *m = init_order[i];
        if (m->is_exe) {
            if (m->tls_index >= 0)
                ldr_tls_callbacks(m, DLL_PROCESS_DETACH);
        } else {
            call_dllmain(m, DLL_PROCESS_DETACH, (void *)1);
        }
    }
    ninit = 0;
    ldr_unlock();
}

char *ldr_find_dll_file(const char *name)
{
    if (strchr(name, '\\') || strchr(name, '/')) {
        char *p = path_dos_to_unix_utf8(name);
        if (p && is_file(p))
            return p;
        free(p);
        return NULL;
    }
    char lname[64];
    normalise_name(name, lname, sizeof lname);
    const struct builtin_dll *standin; /* no file: a data load finds none */
    char *p = search_dll(lname, &standin);
    free((void *)standin);
    return p;
}
