/* bcryptprimitives!ProcessPrng, what Rust's std and Go's runtime call for
 * randomness: documented to always succeed. Only plausibility is checked:
 * not all zero, different on every call, about 1/256 zero bytes. */
// wine: skip Wine 8 has no bcryptprimitives.dll (Windows 10 exports ProcessPrng from it)
#include <windows.h>
#include <string.h>
#include "test.h"

int main(void)
{
    static BYTE a[64], b[64], big[100000];
    size_t i, zero = 0;

    HMODULE prim = LoadLibraryW(L"bcryptprimitives.dll");
    ok(prim != NULL, "bcryptprimitives.dll loads");
    BOOL(WINAPI * prng)(PBYTE, SIZE_T) = prim ? (void *)GetProcAddress(prim, "ProcessPrng") : NULL;
    ok(prng != NULL, "ProcessPrng exported");
    if (!prng)
        return test_summary();
    ok(prng(a, sizeof a) && prng(b, sizeof b), "ProcessPrng");
    for (i = 0; i < sizeof a; i++)
        zero += !a[i];
    ok(zero < sizeof a / 2 && memcmp(a, b, sizeof a), "different, mostly non-zero bytes");
    ok(prng(big, sizeof big), "100000 bytes");
    for (i = zero = 0; i < sizeof big; i++)
        zero += !big[i];
    ok(zero > 100 && zero < 1000, "about 1/256 zero bytes: %u", (unsigned)zero);
    ok(prng(a, 0), "0 bytes");
    return test_summary();
}
