#define DLL_NAME "kernel32.dll"
#define DLL_ID kernel32
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
