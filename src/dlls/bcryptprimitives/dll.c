#define DLL_NAME "bcryptprimitives.dll"
#define DLL_ID bcryptprimitives
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
