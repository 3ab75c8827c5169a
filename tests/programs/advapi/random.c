/* The system's random generators: RtlGenRandom (advapi32!SystemFunction036)
 * and BCryptGenRandom with the system-preferred RNG or an opened RNG
 * algorithm handle (ProcessPrng: process_prng.c). The bytes are random, so only their plausibility is checked:
 * not all zero, different on every call. */
// build: -lbcrypt
#include <windows.h>
#include <bcrypt.h>
#include <string.h>
#include "test.h"

#ifndef STATUS_INVALID_HANDLE
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008)
#endif

static int plausible(const BYTE *a, const BYTE *b, size_t n)
{
    size_t zero = 0;
    for (size_t i = 0; i < n; i++)
        zero += !a[i];
    return zero < n / 2 && memcmp(a, b, n) != 0;
}

int main(void)
{
    BYTE a[64], b[64];
    NTSTATUS st;

    BOOLEAN(WINAPI * gen)(PVOID, ULONG) =
        (void *)GetProcAddress(LoadLibraryW(L"advapi32.dll"), "SystemFunction036");
    ok(gen != NULL, "SystemFunction036 exported");
    if (gen) {
        memset(a, 0, sizeof a);
        memset(b, 0, sizeof b);
        ok(gen(a, sizeof a) && gen(b, sizeof b), "RtlGenRandom");
        ok(plausible(a, b, sizeof a), "RtlGenRandom bytes");
        ok(gen(a, 0), "RtlGenRandom 0 bytes");
    }

    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    st = BCryptGenRandom(NULL, a, sizeof a, BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    ok(st == 0, "BCryptGenRandom system RNG: %lx", st);
    st = BCryptGenRandom(NULL, b, sizeof b, BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    ok(st == 0 && plausible(a, b, sizeof a), "BCryptGenRandom bytes");
    st = BCryptGenRandom(NULL, a, sizeof a, 0);
    ok(st == STATUS_INVALID_HANDLE, "no algorithm, no flag: %lx", st);

    BCRYPT_ALG_HANDLE alg = NULL;
    st = BCryptOpenAlgorithmProvider(&alg, BCRYPT_RNG_ALGORITHM, NULL, 0);
    ok(st == 0 && alg, "open the RNG algorithm: %lx", st);
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    st = BCryptGenRandom(alg, a, sizeof a, 0);
    ok(st == 0, "BCryptGenRandom with the handle: %lx", st);
    BCryptGenRandom(alg, b, sizeof b, 0);
    ok(plausible(a, b, sizeof a), "its bytes");
    ok(BCryptCloseAlgorithmProvider(alg, 0) == 0, "close the algorithm");

    return test_summary();
}
