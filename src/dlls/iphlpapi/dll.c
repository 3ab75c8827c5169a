/* iphlpapi.dll: the network configuration as Linux reports it. */
#define DLL_NAME "iphlpapi.dll"
#define DLL_ID iphlpapi
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
