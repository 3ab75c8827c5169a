// env: DECANT_DLLPATH=/nonexistent:$HELPERS
// build: -lntdll
// wine: skip DECANT_DLLPATH is decant's own name for the DLL path
/* DECANT_DLLPATH, searched before WINEDLLPATH, finds the unixlib too. */
#include "dllpath.h"
