/* ucrtbase.dll: the Universal CRT of Visual C++ 2015+ programs, which
 * reach it through the api-ms-win-crt-* API sets. It shares msvcrt's
 * implementation and state (exports.h says how); the UCRT's own entry
 * points and semantics live in this folder. */
#define DLL_NAME "ucrtbase.dll"
#define DLL_ID ucrtbase
#define DLL_EXPORTS "exports.h"
#define DLL_ATTACH crt_process_attach
#define DLL_DETACH crt_process_detach
#include "builtin_table.h"
