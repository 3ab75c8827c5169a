// build: tests/programs/loader/helpers/dllfwd.def
/* Helper DLL whose exports are forwarded to dlla.dll (see dllfwd.def):
 * the loader resolves them to dlla's functions, loading dlla. */
#include <windows.h>

int dllfwd_own(void) { return 77; }

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved) { return TRUE; }
