/* kernelbase.dll: on Windows kernel32 forwards most of its exports here;
 * in decant both names share one implementation and one export list. */
#define DLL_NAME "kernelbase.dll"
#define DLL_ID kernelbase
#define DLL_EXPORTS "../kernel32/exports.h" /* relative to this folder */
#include "builtin_table.h"
