/* Helper DLL whose DllMain fails PROCESS_ATTACH: LoadLibrary must fail
 * with ERROR_DLL_INIT_FAILED (1114) and the DLL is unloaded again. */
#include "../say.h"

__declspec(dllexport) int dllfail_dummy(void) { return 0; }

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    say("dllfail: %s", reason_name(reason));
    return reason != DLL_PROCESS_ATTACH;
}
