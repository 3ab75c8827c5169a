/* vcruntime140_1.dll: the part of the Visual C++ 2019+ runtime that
 * programs built with the compressed ("FH4") exception tables import:
 * __CxxFrameHandler4, from the shared C++ runtime in src/dlls/cxx. */
#define DLL_NAME "vcruntime140_1.dll"
#define DLL_ID vcruntime140_1
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
