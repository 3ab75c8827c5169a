/* Shared by the unixlib tests: loading unixpair.dll (or a copy of it) and
 * calling its ELF half. */
#include <windows.h>
#include <winternl.h>
#include <string.h>

#include "test.h"
#include "helpers/unixpair.h"

#define MemoryWineUnixFuncs 1000
#define MemoryWineUnixWow64Funcs 1001
NTSTATUS NTAPI NtQueryVirtualMemory(HANDLE, PVOID, ULONG, PVOID, SIZE_T, PSIZE_T);

typedef NTSTATUS (*status_fn)(void);
typedef UINT64 (*handle_fn)(void);
typedef NTSTATUS (*uname_fn)(struct uname_params *);
typedef NTSTATUS (*add_fn)(struct add_params *);
typedef NTSTATUS (*passthrough_fn)(unsigned int);

/* dir\name, where dir is this program's directory. */
static void beside_exe(char *out, const char *name)
{
    char *slash;
    GetModuleFileNameA(NULL, out, MAX_PATH);
    slash = strrchr(out, '\\');
    strcpy(slash ? slash + 1 : out, name);
}

/* A copy of a helper in the current directory; its full path in `full`. */
static BOOL copy_here(const char *helper, const char *name, char *full)
{
    char src[MAX_PATH];
    beside_exe(src, helper);
    GetFullPathNameA(name, MAX_PATH, full, NULL);
    return CopyFileA(src, full, FALSE);
}

/* The unix calls of a loaded unixpair.dll (or copy); prints what they give. */
static void check_calls(HMODULE h, const char *what)
{
    status_fn init_status = (status_fn)GetProcAddress(h, "unixpair_init_status");
    uname_fn do_uname = (uname_fn)GetProcAddress(h, "unixpair_uname");
    add_fn do_add = (add_fn)GetProcAddress(h, "unixpair_add");
    struct uname_params u;
    struct add_params a = {2, 3, 0, 1.5, 4.0, 0};
    NTSTATUS st;

    ok(init_status && do_uname && do_add, "%s: exports missing", what);
    if (!init_status || !do_uname || !do_add)
        return;
    st = init_status();
    printf("%s: __wine_init_unix_call in DllMain: %#lx\n", what, (unsigned long)st);
    if (st) /* no handle: a unix call would dereference NULL, in Wine too */
        return;
    memset(&u, 0, sizeof u);
    st = do_uname(&u);
    printf("%s: uname() on the Linux side: %#lx, sysname %s, machine %s, release %s\n",
           what, (unsigned long)st, u.sysname, u.machine, u.release_len > 0 ? "non-empty" : "empty");
    st = do_add(&a);
    printf("%s: add: %#lx, 2 + 3 = %d, 1.5 * 4 = %g\n", what, (unsigned long)st, a.sum, a.product);
}
