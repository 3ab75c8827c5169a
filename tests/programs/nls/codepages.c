/* ASCII round trips through CP_ACP/CP_OEMCP/1252, IsValidCodePage,
 * GetCPInfo of 1252 and 65001, WC_NO_BEST_FIT/default char with 1252,
 * and GetACP/GetOEMCP are consistent with CP_ACP conversions.  The code
 * page numbers themselves are not printed: they depend on the
 * configuration (decant defaults the ANSI code page to 65001). */
#include <windows.h>
#include <string.h>
#include "test.h"

int main(void)
{
    const char ascii[] = "Hello, World! 0123456789 ~`[]{}";
    WCHAR w[64];
    char m[64];
    int n;
    CPINFO info;
    BOOL used;

    n = MultiByteToWideChar(CP_ACP, 0, ascii, -1, w, 64);
    ok(n == (int)sizeof ascii && w[0] == 'H' && w[sizeof ascii - 2] == '}', "ASCII through CP_ACP: %d", n);
    n = WideCharToMultiByte(CP_ACP, 0, w, -1, m, 64, NULL, NULL);
    ok(n == (int)sizeof ascii && !strcmp(m, ascii), "and back");
    n = MultiByteToWideChar(CP_OEMCP, 0, ascii, -1, w, 64);
    ok(n == (int)sizeof ascii, "CP_OEMCP");
    n = MultiByteToWideChar(GetACP(), 0, "\xC3\xA9", 2, w, 64);
    {
        WCHAR w2[4];
        int n2 = MultiByteToWideChar(CP_ACP, 0, "\xC3\xA9", 2, w2, 4);
        ok(n == n2 && !memcmp(w, w2, n * sizeof(WCHAR)), "CP_ACP is GetACP()");
    }

    ok(IsValidCodePage(1252) && IsValidCodePage(65001) && IsValidCodePage(437), "valid code pages");
    ok(!IsValidCodePage(12345), "12345 is not a code page");

    ok(GetCPInfo(1252, &info) && info.MaxCharSize == 1 && info.DefaultChar[0] == '?', "1252 info");
    ok(GetCPInfo(65001, &info) && info.MaxCharSize == 4, "65001 MaxCharSize %u", info.MaxCharSize);

    /* 1252 specifics: 0x80 is the euro sign, 0xE9 is é */
    n = MultiByteToWideChar(1252, 0, "\x80\xE9", 2, w, 64);
    ok(n == 2 && w[0] == 0x20AC && w[1] == 0xE9, "1252 decode: %04x %04x", w[0], w[1]);
    {
        const WCHAR src[] = { 0x20AC, 0xE9, 0x4E2D, 0 };
        used = FALSE;
        n = WideCharToMultiByte(1252, 0, src, -1, m, 64, NULL, &used);
        ok(n == 4 && (unsigned char)m[0] == 0x80 && (unsigned char)m[1] == 0xE9 && m[2] == '?', "1252 encode with default char");
        ok(used, "lpUsedDefaultChar set");
        n = WideCharToMultiByte(1252, 0, src, -1, m, 64, "#", &used);
        ok(n == 4 && m[2] == '#', "custom default char");
    }
    /* 437 (OEM US) */
    n = MultiByteToWideChar(437, 0, "\x82\xB0", 2, w, 64);
    ok(n == 2 && w[0] == 0xE9 && w[1] == 0x2591, "437 decode: %04x %04x", w[0], w[1]);

    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(12345, 0, "a", 1, w, 64);
    ok(n == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "invalid code page: err %lu", GetLastError());
    return test_summary();
}
