/* ole32.dll: on Windows most of its exports forward to combase; in decant
 * both names share one implementation and one export list. */
#define DLL_NAME "ole32.dll"
#define DLL_ID ole32
#define DLL_EXPORTS "../combase/exports.h" /* relative to this folder */
#include "builtin_table.h"
