/* BCryptGenRandom: the system-preferred generator or an opened RNG
 * algorithm; both are the kernel's random source here. */
#include <string.h>

#include "windef.h"
#include "wstr.h"

#define BCRYPT_USE_SYSTEM_PREFERRED_RNG 0x2
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xc0000008)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xc000000d)
#define STATUS_NOT_FOUND ((NTSTATUS)0xc0000225)

int random_fill(void *buf, size_t len);

/* The one algorithm handle decant hands out: "RNG". */
static int rng_algorithm;

/* BCryptOpenAlgorithmProvider (bcrypt) */
NTSTATUS WINAPI BCryptOpenAlgorithmProvider(void **alg, LPCWSTR id, LPCWSTR impl, ULONG flags)
{
    if (!alg || !id)
        return STATUS_INVALID_PARAMETER;
    if (wstr_cmp(id, u"RNG") && wstr_cmp(id, u"FIPS186DSARNG") && wstr_cmp(id, u"DUALECRNG"))
        return STATUS_NOT_FOUND;
    *alg = &rng_algorithm;
    return 0;
}

/* BCryptCloseAlgorithmProvider (bcrypt) */
NTSTATUS WINAPI BCryptCloseAlgorithmProvider(void *alg, ULONG flags)
{
    return alg == &rng_algorithm ? 0 : STATUS_INVALID_HANDLE;
}

/* BCryptGenRandom (bcrypt) */
NTSTATUS WINAPI BCryptGenRandom(void *alg, UCHAR *buf, ULONG len, ULONG flags)
{
    if (!(flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG) && alg != &rng_algorithm)
        return STATUS_INVALID_HANDLE;
    if (!buf && len)
        return STATUS_INVALID_PARAMETER;
    return random_fill(buf, len) ? STATUS_INVALID_PARAMETER : 0;
}
