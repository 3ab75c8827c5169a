// wine: skip Wine 8 does not NUL-terminate a truncated GetModuleFileName result
/* Microsoft's documentation of GetModuleFileName: "If the buffer is too
 * small to hold the module name, the string is truncated to nSize
 * characters including the terminating null character, the function
 * returns nSize, and the function sets the last error to
 * ERROR_INSUFFICIENT_BUFFER" (only Windows XP left it unterminated). */
#include <windows.h>
#include <string.h>
#include "test.h"

int main(void)
{
    char a[8], full[MAX_PATH];
    WCHAR w[8];
    DWORD n;

    GetModuleFileNameA(NULL, full, MAX_PATH);
    memset(a, 'X', sizeof a);
    SetLastError(0);
    n = GetModuleFileNameA(NULL, a, sizeof a);
    ok(n == 8 && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "A: %lu %lu", n, GetLastError());
    ok(a[7] == 0 && !memcmp(a, full, 7), "A: 7 characters and a NUL");
    memset(w, 'X', sizeof w);
    SetLastError(0);
    n = GetModuleFileNameW(NULL, w, 8);
    ok(n == 8 && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "W: %lu %lu", n, GetLastError());
    ok(w[7] == 0 && w[0] == (WCHAR)(unsigned char)full[0], "W: 7 characters and a NUL");
    return test_summary();
}
