/* bcryptprimitives.dll for Wine 8.0, which has none, so that bench/real.sh
 * can time Biome (Rust's std imports ProcessPrng) and esbuild (Go's runtime
 * loads it from system32 at start and stops without it) under Wine too.
 * Wine 9 has its own. Built and copied into the bench's Wine prefix by
 * bench/real.sh; never used by decant, whose bcryptprimitives is builtin. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(void *buffer, ULONG length); /* RtlGenRandom */

/* ProcessPrng (bcryptprimitives): always succeeds, as documented. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(BYTE *data, SIZE_T len)
{
    while (len) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        SystemFunction036(data, n);
        data += n;
        len -= n;
    }
    return TRUE;
}
