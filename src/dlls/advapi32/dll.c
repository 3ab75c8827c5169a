#define DLL_NAME "advapi32.dll"
#define DLL_ID advapi32
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
