// wine: skip Wine 8 accepts lpDefaultChar/lpUsedDefaultChar with CP_UTF8
/* Microsoft's documentation of WideCharToMultiByte: "For the CP_UTF7 and
 * CP_UTF8 settings for CodePage, this parameter [lpUsedDefaultChar] must
 * be set to a null pointer.  Otherwise, the function fails with
 * ERROR_INVALID_PARAMETER."  The same is documented for lpDefaultChar. */
#include <windows.h>
#include "test.h"

int main(void)
{
    char m[16];
    BOOL used = 7;
    int n;

    SetLastError(0xdeadbeef);
    n = WideCharToMultiByte(CP_UTF8, 0, L"abc", -1, m, 16, NULL, &used);
    ok(n == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "lpUsedDefaultChar: %d err %lu", n, GetLastError());
    SetLastError(0xdeadbeef);
    n = WideCharToMultiByte(CP_UTF8, 0, L"abc", -1, m, 16, "?", NULL);
    ok(n == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "lpDefaultChar: %d err %lu", n, GetLastError());
    n = WideCharToMultiByte(CP_UTF8, 0, L"abc", -1, m, 16, NULL, NULL);
    ok(n == 4, "both NULL works: %d", n);
    return test_summary();
}
