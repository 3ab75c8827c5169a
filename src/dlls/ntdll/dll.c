#define DLL_NAME "ntdll.dll"
#define DLL_ID ntdll
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
