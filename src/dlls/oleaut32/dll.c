/* oleaut32.dll: BSTR and VARIANT basics. Programs (7-Zip among them)
 * import these by ordinal, so the exports carry Windows' ordinals. */
#define DLL_NAME "oleaut32.dll"
#define DLL_ID oleaut32
#define DLL_EXPORTS "exports.h"
#include "builtin_table.h"
