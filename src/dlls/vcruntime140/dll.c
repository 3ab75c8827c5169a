/* vcruntime140.dll: the compiler-support half of the Visual C++ 2015+
 * runtime (the C library proper is ucrtbase). The string and memory
 * primitives are msvcrt's own functions; the C++ exception machinery
 * comes from src/dlls/cxx through the second export list. */
#define DLL_NAME "vcruntime140.dll"
#define DLL_ID vcruntime140
#define DLL_EXPORTS "exports.h"
#define DLL_EXPORTS2 "../cxx/exports_vcruntime140.h"
#include "builtin_table.h"
