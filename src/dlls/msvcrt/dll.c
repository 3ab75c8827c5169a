/* msvcrt.dll: the C runtime of mingw-w64 programs and of MSVC programs
 * linked against the system msvcrt. Exports in exports.h. */
#define DLL_NAME "msvcrt.dll"
#define DLL_ID msvcrt
#define DLL_EXPORTS "exports.h"
#define DLL_EXPORTS2 "../cxx/exports_msvcrt.h" /* the shared C++ runtime */
#define DLL_ATTACH crt_process_attach
#define DLL_DETACH crt_process_detach
#include "builtin_table.h"
