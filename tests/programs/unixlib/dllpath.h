/* Body of the DLL-path tests: a copy of unixpair.dll in the current
 * directory, with no unixpair.so beside it, finds its ELF half in a
 * directory of the DLL path. (Under Wine, the marked copy makes Wine load
 * the builtin of that name from WINEDLLPATH instead: the same result.) */
#include "unixlib.h"

int main(void)
{
    char path[MAX_PATH];
    HMODULE h;

    ok(copy_here("unixpair.dll", "unixpair.dll", path), "copy unixpair.dll");
    h = LoadLibraryA(path);
    ok(h != NULL, "LoadLibrary(%s): error %lu", path, GetLastError());
    if (h)
        check_calls(h, "copy");
    return test_summary();
}
