/* RegEnumValueW returns values in the order they were created (the order
 * a hive keeps them in), and a deleted value leaves the others in order.
 * Wine's server keeps values sorted by name instead. Also RegCreateKeyExW
 * without a result pointer: ERROR_BADKEY (Wine 8 writes through NULL; its
 * later advapi32 tests, which pass on Windows, expect ERROR_BADKEY). */
// wine: skip Wine enumerates values by name, and Wine 8 crashes on RegCreateKeyExW(..., NULL, NULL)
#include <windows.h>
#include <stdio.h>
#include <wchar.h>
#include "test.h"

static void list(HKEY k)
{
    WCHAR name[64];
    DWORD i, n;
    printf("values:");
    for (i = 0;; i++) {
        n = 64;
        if (RegEnumValueW(k, i, name, &n, NULL, NULL, NULL, NULL))
            break;
        printf(" %ls", name);
    }
    printf("\n");
}

int main(void)
{
    WCHAR path[64];
    HKEY k;
    DWORD v = 1, i;
    static const WCHAR *const names[] = {L"zeta", L"Alpha", L"mid", L"BETA", L"a1"};

    swprintf(path, 64, L"Software\\decant-test\\order-%lu", GetCurrentProcessId());
    ok(!RegCreateKeyExW(HKEY_CURRENT_USER, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL), "create");
    for (i = 0; i < 5; i++)
        RegSetValueExW(k, names[i], 0, REG_DWORD, (const BYTE *)&v, 4);
    list(k);
    RegDeleteValueW(k, L"mid");
    list(k);
    RegSetValueExW(k, L"MID", 0, REG_DWORD, (const BYTE *)&v, 4);
    RegSetValueExW(k, L"ZETA", 0, REG_DWORD, (const BYTE *)&v, 4); /* overwrite keeps the place */
    list(k);
    ok(RegCreateKeyExW(k, L"NoResult", 0, NULL, 0, KEY_ALL_ACCESS, NULL, NULL, NULL) == ERROR_BADKEY,
       "no result pointer");
    RegCloseKey(k);
    ok(!RegDeleteTreeW(HKEY_CURRENT_USER, path), "clean up");
    RegDeleteKeyW(HKEY_CURRENT_USER, L"Software\\decant-test");
    return test_summary();
}
