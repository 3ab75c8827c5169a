/* unixlib: the ELF half of a Wine-builtin PE DLL, with Wine's ABI
 * (DESIGN.md §8). A PE whose DOS stub starts with "Wine builtin DLL" at
 * offset 0x40 (what `winebuild --builtin` writes) may have a Linux shared
 * library `<name>.so`; decant dlopen()s it when the PE is loaded, and
 * NtQueryVirtualMemory(process, module, MemoryWineUnixFuncs = 1000, ...)
 * hands the PE the address of the library's `__wine_unix_call_funcs`
 * table, which ntdll's __wine_unix_call_dispatcher indexes. The .so needs
 * nothing from Wine or decant: it is an ordinary library called with the
 * System V ABI. The search order for `<name>.so` is documented in
 * docs/internals.md. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEBUG_CHANNEL module
#include "debug.h"
#include "loader.h"
#include "path.h"
#include "status.h"

/* Wine's test (server/mapping.c, ntdll's build_module) compares the NUL
 * too, and needs that much room before the NT headers. */
static const char builtin_signature[] = "Wine builtin DLL";

int ldr_is_wine_builtin(const struct module *m)
{
    const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)m->base;
    return dos->e_lfanew >= (LONG)(sizeof *dos + sizeof builtin_signature) &&
           !memcmp(dos + 1, builtin_signature, sizeof builtin_signature);
}

static char **dll_path;
static pthread_once_t dll_path_once = PTHREAD_ONCE_INIT;

static void add_dirs(const char *var, char ***v, size_t *n)
{
    const char *s = getenv(var);
    if (!s)
        return;
    char *copy = strdup(s), *save = NULL;
    for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
        *v = realloc(*v, (*n + 2) * sizeof **v);
        (*v)[(*n)++] = strdup(d);
    }
    free(copy);
}

static void dll_path_init(void)
{
    size_t n = 0;
    add_dirs("DECANT_DLLPATH", &dll_path, &n);
    add_dirs("WINEDLLPATH", &dll_path, &n);
    if (!dll_path)
        dll_path = malloc(sizeof *dll_path);
    dll_path[n] = NULL;
}

const char *const *ldr_dll_path(void)
{
    pthread_once(&dll_path_once, dll_path_init);
    return (const char *const *)dll_path;
}

static char *existing_file(const char *dir, const char *sub, const char *name)
{
    char *p = NULL;
    struct stat st;
    if (asprintf(&p, "%s%s/%s", dir, sub, name) < 0)
        return NULL;
    if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
        return p;
    free(p);
    return NULL;
}

/* foo.dll -> foo.so, looked for where Wine's layout puts it: beside the
 * PE, in ../x86_64-unix when the PE sits in x86_64-windows, then in each
 * DLL path directory (its x86_64-unix first, as Wine does). Names are
 * lower case, as Wine builds them. */
static char *find_unixlib(const struct module *m)
{
    char so[80];
    snprintf(so, sizeof so, "%s", m->name);
    char *dot = strrchr(so, '.');
    if (!dot || strlen(so) + 4 > sizeof so)
        return NULL;
    strcpy(dot, ".so");

    char *dir = strdup(m->unix_path), *p = NULL;
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    const char *d = slash ? (*dir ? dir : "/") : ".";
    p = existing_file(d, "", so);
    if (!p && slash) {
        const char *last = strrchr(d, '/');
        if (!strcmp(last ? last + 1 : d, "x86_64-windows"))
            p = existing_file(d, "/../x86_64-unix", so);
    }
    free(dir);
    for (const char *const *dp = ldr_dll_path(); !p && *dp; dp++)
        if (!(p = existing_file(*dp, "/x86_64-unix", so)))
            p = existing_file(*dp, "", so);
    return p;
}

void ldr_attach_unixlib(struct module *m)
{
    if (!m->unix_path || m->unixlib || !ldr_is_wine_builtin(m))
        return;
    char *so = find_unixlib(m);
    if (!so) {
        TRACE("%s: Wine builtin without a unixlib", m->name);
        return;
    }
    m->unixlib = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    if (!m->unixlib)
        /* as in Wine, the PE half still loads; its unix calls fail */
        fprintf(stderr, "decant: %s: cannot load its unixlib: %s\n", m->name, dlerror());
    else
        TRACE("%s: unixlib %s", m->name, so);
    free(so);
}

NTSTATUS ldr_unix_funcs(const void *module, int wow64, const void **funcs)
{
    NTSTATUS st = STATUS_DLL_NOT_FOUND;
    ldr_lock();
    struct module *m = ldr_find_by_base(module);
    if (m && m->unixlib) {
        /* decant runs no 32-bit code, but answers the wow64 query as Wine
         * does: with that table if the library has one */
        *funcs = dlsym(m->unixlib, wow64 ? "__wine_unix_call_wow64_funcs"
                                         : "__wine_unix_call_funcs");
        st = *funcs ? STATUS_SUCCESS : STATUS_ENTRYPOINT_NOT_FOUND;
    }
    ldr_unlock();
    return st;
}
