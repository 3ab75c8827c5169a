/* Pointer encoding (RtlEncodePointer; kernel32's EncodePointer forwards
 * here, as on Windows): XOR with a secret cookie, then a rotation right
 * by the cookie's low six bits; decoding undoes both. The process's
 * cookie is random; the "system" cookie is one per boot (from the
 * kernel's boot id), as SharedUserData's is one per Windows boot, so
 * every decant process of a boot shares it. Tests:
 * tests/programs/thread/encode_pointer.c. */
#include <fcntl.h>
#include <unistd.h>

#include "windef.h"

int random_fill(void *buf, size_t len); /* bcryptprimitives/random.c */

static ULONG_PTR process_cookie, system_cookie;

static ULONG_PTR rotr(ULONG_PTR v, unsigned n) { return n ? v >> n | v << (64 - n) : v; }
static ULONG_PTR rotl(ULONG_PTR v, unsigned n) { return n ? v << n | v >> (64 - n) : v; }

/* A cookie made once (never 0: NULL must not encode to NULL). */
static ULONG_PTR cookie(ULONG_PTR *slot, int per_boot)
{
    ULONG_PTR c = __atomic_load_n(slot, __ATOMIC_RELAXED);
    if (c)
        return c;
    int fd = per_boot ? open("/proc/sys/kernel/random/boot_id", O_RDONLY | O_CLOEXEC) : -1;
    char id[64];
    ssize_t n = fd >= 0 ? read(fd, id, sizeof id) : -1;
    if (fd >= 0)
        close(fd);
    if (n > 0) { /* FNV-1a of the boot id's text */
        c = 0xcbf29ce484222325ull;
        for (ssize_t i = 0; i < n; i++)
            c = (c ^ (unsigned char)id[i]) * 0x100000001b3ull;
    } else {
        random_fill(&c, sizeof c);
    }
    if (!c)
        c = 0x9e3779b97f4a7c15ull;
    ULONG_PTR none = 0;
    if (!__atomic_compare_exchange_n(slot, &none, c, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
        c = none; /* another thread's came first */
    return c;
}

static PVOID encode(ULONG_PTR c, PVOID p) { return (PVOID)rotr((ULONG_PTR)p ^ c, c & 63); }
static PVOID decode(ULONG_PTR c, PVOID p) { return (PVOID)(rotl((ULONG_PTR)p, c & 63) ^ c); }

/* RtlEncodePointer (ntdll) */
PVOID WINAPI RtlEncodePointer(PVOID p) { return encode(cookie(&process_cookie, 0), p); }

/* RtlDecodePointer (ntdll) */
PVOID WINAPI RtlDecodePointer(PVOID p) { return decode(cookie(&process_cookie, 0), p); }

/* RtlEncodeSystemPointer (ntdll) */
PVOID WINAPI RtlEncodeSystemPointer(PVOID p) { return encode(cookie(&system_cookie, 1), p); }

/* RtlDecodeSystemPointer (ntdll) */
PVOID WINAPI RtlDecodeSystemPointer(PVOID p) { return decode(cookie(&system_cookie, 1), p); }
