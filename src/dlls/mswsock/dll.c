/* mswsock.dll: Winsock's Microsoft extensions (ext.c), on ws2_32's
 * sockets. */
#define DLL_NAME "mswsock.dll"
#define DLL_ID mswsock
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
