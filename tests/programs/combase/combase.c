// build: -lole32
/* COM basics without COM servers: apartments per thread (S_OK, then
 * S_FALSE, RPC_E_CHANGED_MODE for the other model, a count that
 * CoUninitialize undoes), task memory, random version-4 GUIDs, and
 * GUID strings both ways. */
#include <windows.h>
#include <objbase.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

static DWORD WINAPI other_thread(void *arg)
{
    /* a new thread starts outside any apartment */
    HRESULT a = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    HRESULT b = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    printf("other thread: MTA %#lx, then STA %#lx\n", a, b);
    CoUninitialize();
    return 0;
}

static void show_guid(const char *what, const WCHAR *s, HRESULT (WINAPI *fn)(LPCOLESTR, LPCLSID))
{
    GUID g;
    memset(&g, 0xab, sizeof g);
    HRESULT hr = fn(s, &g);
    WCHAR back[40] = L"";
    if (hr == S_OK) /* after a failure the GUID holds whatever was parsed */
        StringFromGUID2(&g, back, 40);
    printf("%s: %#lx %ls\n", what, hr, back);
}

int main(void)
{
    printf("CoInitializeEx STA: %#lx\n", CoInitializeEx(NULL, COINIT_APARTMENTTHREADED));
    printf("again: %#lx\n", CoInitializeEx(NULL, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE));
    printf("CoInitialize: %#lx\n", CoInitialize(NULL));
    printf("MTA on an STA thread: %#lx\n", CoInitializeEx(NULL, COINIT_MULTITHREADED));
    HANDLE t = CreateThread(NULL, 0, other_thread, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CoUninitialize();
    CoUninitialize();
    printf("after two CoUninitialize, MTA: %#lx\n", CoInitializeEx(NULL, COINIT_MULTITHREADED));
    CoUninitialize();
    CoUninitialize();
    printf("all undone, MTA: %#lx\n", CoInitializeEx(NULL, COINIT_MULTITHREADED));
    CoUninitialize();
    CoUninitialize(); /* one too many: harmless */

    /* task memory */
    char *p = CoTaskMemAlloc(16);
    ok(p != NULL, "CoTaskMemAlloc");
    strcpy(p, "task memory");
    p = CoTaskMemRealloc(p, 4096);
    ok(p && !strcmp(p, "task memory"), "CoTaskMemRealloc keeps the contents");
    ok(HeapSize(GetProcessHeap(), 0, p) >= 4096, "task memory is the process heap's");
    ok(CoTaskMemRealloc(p, 0) == NULL, "CoTaskMemRealloc(p, 0) frees");
    p = CoTaskMemRealloc(NULL, 8);
    ok(p != NULL, "CoTaskMemRealloc(NULL, n) allocates");
    CoTaskMemFree(p);
    CoTaskMemFree(NULL);
    p = CoTaskMemAlloc(0);
    printf("CoTaskMemAlloc(0): %s\n", p ? "a block" : "NULL");
    CoTaskMemFree(p);

    /* GUIDs */
    GUID a, b;
    printf("CoCreateGuid: %#lx\n", CoCreateGuid(&a));
    CoCreateGuid(&b);
    ok(memcmp(&a, &b, sizeof a), "two GUIDs differ");
    ok((a.Data3 >> 12) == 4 && (b.Data3 >> 12) == 4, "version 4: %04x %04x", a.Data3, b.Data3);
    ok((a.Data4[0] & 0xc0) == 0x80 && (b.Data4[0] & 0xc0) == 0x80, "RFC 4122 variant");

    GUID g = {0x0123abcd, 0x4567, 0x89ef, {0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10}};
    WCHAR s[40];
    int n = StringFromGUID2(&g, s, 40);
    printf("StringFromGUID2: %d %ls\n", n, s);
    printf("StringFromGUID2, 38 characters of room: %d\n", StringFromGUID2(&g, s, 38));
    LPOLESTR str = NULL;
    HRESULT hr = StringFromCLSID(&g, &str);
    printf("StringFromCLSID: %#lx %ls\n", hr, str);
    CoTaskMemFree(str);

    show_guid("CLSIDFromString", L"{0123ABCD-4567-89EF-FEDC-BA9876543210}", CLSIDFromString);
    show_guid("lower case", L"{0123abcd-4567-89ef-fedc-ba9876543210}", CLSIDFromString);
    show_guid("NULL", NULL, CLSIDFromString);
    show_guid("no braces", L"0123ABCD-4567-89EF-FEDC-BA9876543210", CLSIDFromString);
    show_guid("bad digit", L"{0123ABCG-4567-89EF-FEDC-BA9876543210}", CLSIDFromString);
    show_guid("unknown ProgID", L"No.Such.ProgID", CLSIDFromString);
    show_guid("IIDFromString", L"{0123ABCD-4567-89EF-FEDC-BA9876543210}", IIDFromString);
    show_guid("IIDFromString NULL", NULL, IIDFromString);
    return test_summary();
}
