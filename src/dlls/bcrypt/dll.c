#define DLL_NAME "bcrypt.dll"
#define DLL_ID bcrypt
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
