#define DLL_NAME "winmm.dll"
#define DLL_ID winmm
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
