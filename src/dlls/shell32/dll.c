/* shell32.dll: the shell functions command-line programs use: known
 * folder paths and splitting a command line into arguments. */
#define DLL_NAME "shell32.dll"
#define DLL_ID shell32
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
