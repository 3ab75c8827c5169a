/* ws2_32.dll: Winsock 2 over BSD sockets (see ws2_32.h). The classic
 * Winsock 1 functions keep their Windows ordinals: older programs import
 * them by number. */
#define DLL_NAME "ws2_32.dll"
#define DLL_ID ws2_32
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
