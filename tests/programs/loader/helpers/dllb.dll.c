// build: build/tests/programs/loader/dlla.dll
/* Helper DLL that imports dlla.dll (linked against it at build time), so
 * loading dllb loads and initializes dlla first. */
#include "../say.h"

__declspec(dllimport) int dlla_add(int a, int b);

__declspec(dllexport) int dllb_add3(int a, int b, int c) { return dlla_add(dlla_add(a, b), c); }

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    if (reason == DLL_PROCESS_ATTACH || reason == DLL_PROCESS_DETACH)
        say("dllb: %s (lpReserved %s)", reason_name(reason), reserved ? "non-NULL" : "NULL");
    return TRUE;
}
