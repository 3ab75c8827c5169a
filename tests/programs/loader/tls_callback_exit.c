// wine: skip Wine 8 does not call the executable's TLS callbacks with DLL_PROCESS_DETACH at exit
/* At process exit the executable's TLS callbacks are called with
 * DLL_PROCESS_DETACH, after main has returned (the PE/COFF specification
 * lists DLL_PROCESS_DETACH among the reasons a TLS callback receives, and
 * Windows' loader calls the image's callbacks in LdrShutdownProcess,
 * after the DLLs' DLL_PROCESS_DETACH, as ReactOS' ldrinit.c mirrors).
 * Expected output from that; Wine 8 prints only the first two lines. */
#include "say.h"

static void NTAPI tls_cb(PVOID module, DWORD reason, PVOID reserved)
{
    if (reason == DLL_PROCESS_DETACH || reason == DLL_PROCESS_ATTACH)
        say("tls callback: %s", reason_name(reason));
}

__attribute__((section(".CRT$XLB"), used)) PIMAGE_TLS_CALLBACK decant_tls_cb = tls_cb;

int main(void)
{
    say("main returning");
    return 0;
}
