// env: WINEDLLPATH=/nonexistent:$HELPERS
// wine: skip Wine 8's LoadLibrary does not look for a winelib .so on WINEDLLPATH by name (measured)
/* A winelib DLL loaded by name: "winelib.dll" is neither a builtin nor a
 * file on the search path, so the DLL path is searched, where
 * winelib.dll.so is (Wine's layout for a winelib builtin). */
#include <windows.h>

#include "test.h"

typedef int(WINAPI *add_fn)(int, int);

int main(void)
{
    HMODULE h = LoadLibraryA("winelib.dll");
    add_fn add;

    ok(h != NULL, "LoadLibrary(winelib.dll): error %lu", GetLastError());
    if (!h)
        return test_summary();
    add = (add_fn)GetProcAddress(h, "winelib_add");
    ok(add && add(20, 22) == 42, "winelib_add");
    return test_summary();
}
