// env: WINEDLLPATH=/nonexistent:$HELPERS
// build: -lntdll
/* WINEDLLPATH (directories separated by ':') is where a unixlib is found
 * when it is not beside its DLL. */
#include "dllpath.h"
