#define DLL_NAME "user32.dll"
#define DLL_ID user32
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
