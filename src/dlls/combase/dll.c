/* combase.dll: the COM base services programs call without COM servers:
 * task memory, apartments per thread, GUIDs and their strings. ole32.dll
 * exports the same functions (on Windows it forwards them here). */
#define DLL_NAME "combase.dll"
#define DLL_ID combase
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
