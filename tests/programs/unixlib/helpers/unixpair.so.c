/* The ELF half of unixpair.dll, built as Wine documents a unixlib: a plain
 * Linux shared library (gcc -shared -fPIC) exporting the table
 * __wine_unix_call_funcs, whose entries take a pointer to their arguments
 * and return an NTSTATUS. It needs nothing from Wine (no libwine, no
 * ntdll.so) and no __wine_unix_call_wow64_funcs (decant and a 64-bit Wine
 * answer that query with STATUS_ENTRYPOINT_NOT_FOUND). */
#include <stdint.h>
#include <string.h>
#include <sys/utsname.h>

#include "unixpair.h"

typedef uint32_t NTSTATUS;
typedef NTSTATUS (*unixlib_entry_t)(void *args);

static NTSTATUS do_uname(void *args)
{
    struct uname_params *p = args;
    struct utsname u;
    if (uname(&u) < 0)
        return 0xc0000001; /* STATUS_UNSUCCESSFUL */
    memcpy(p->sysname, u.sysname, sizeof p->sysname);
    memcpy(p->machine, u.machine, sizeof p->machine);
    p->release_len = strlen(u.release);
    return 0;
}

static NTSTATUS do_add(void *args)
{
    struct add_params *p = args;
    p->sum = p->a + p->b;
    p->product = p->x * p->y;
    return 0;
}

static NTSTATUS do_status(void *args)
{
    return *(const unsigned int *)args;
}

const unixlib_entry_t __wine_unix_call_funcs[] = {
    do_uname,
    do_add,
    do_status,
};
