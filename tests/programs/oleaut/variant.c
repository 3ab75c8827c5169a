/* VARIANTs: VariantInit zeroes the VARIANT (Windows 8.1 and later; only vt
 * before); VariantClear and VariantCopy refuse invalid types; VariantClear frees a BSTR, releases
 * an interface, leaves by-reference data alone; VariantCopy copies a BSTR
 * deeply (byte length included) and AddRefs interfaces. */
// build: -loleaut32
#include <windows.h>
#include <oleauto.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

/* a minimal IUnknown that counts AddRef and Release */
static LONG adds, releases;
static HRESULT WINAPI qi(IUnknown *u, REFIID iid, void **out) { *out = NULL; return E_NOINTERFACE; }
static ULONG WINAPI addref(IUnknown *u) { return ++adds; }
static ULONG WINAPI release(IUnknown *u) { return ++releases; }
static IUnknownVtbl vtbl = {qi, addref, release};
static IUnknown unk = {&vtbl};

int main(void)
{
    VARIANT v, w;
    HRESULT hr;

    ok(sizeof(VARIANT) == 24, "sizeof VARIANT %u", (unsigned)sizeof(VARIANT));
    memset(&v, 0xcc, sizeof v);
    VariantInit(&v);
    ok(V_VT(&v) == VT_EMPTY, "VariantInit: VT_EMPTY");
    static const BYTE zero[sizeof(VARIANT)];
    ok(!memcmp(&v, zero, sizeof v), "VariantInit zeroes it all");

    /* invalid types */
    static const VARTYPE bad[] = {15, 0x7f, VT_VECTOR | VT_I4, VT_BYREF | VT_EMPTY, VT_ARRAY | VT_NULL};
    for (unsigned i = 0; i < sizeof bad / sizeof *bad; i++) {
        V_VT(&v) = bad[i];
        hr = VariantClear(&v);
        ok(hr == DISP_E_BADVARTYPE && V_VT(&v) == bad[i], "clear vt %#x: %lx", bad[i], hr);
        VariantInit(&w);
        hr = VariantCopy(&w, &v);
        ok(hr == DISP_E_BADVARTYPE && V_VT(&w) == VT_EMPTY, "copy vt %#x: %lx", bad[i], hr);
    }

    V_VT(&v) = VT_I4;
    V_I4(&v) = 42;
    hr = VariantClear(&v);
    ok(hr == S_OK && V_VT(&v) == VT_EMPTY, "clear VT_I4: %lx", hr);

    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(L"text");
    VariantInit(&w);
    hr = VariantCopy(&w, &v);
    ok(hr == S_OK && V_VT(&w) == VT_BSTR, "copy VT_BSTR: %lx", hr);
    ok(V_BSTR(&w) != V_BSTR(&v) && !wcscmp(V_BSTR(&w), L"text") && SysStringLen(V_BSTR(&w)) == 4,
       "a new BSTR with the same text");
    hr = VariantClear(&w);
    ok(hr == S_OK && V_VT(&w) == VT_EMPTY, "clear the copy");
    SysFreeString(V_BSTR(&v));
    V_BSTR(&v) = SysAllocStringByteLen("odd", 3);
    hr = VariantCopy(&w, &v);
    ok(hr == S_OK && SysStringByteLen(V_BSTR(&w)) == 3 && !memcmp(V_BSTR(&w), "odd", 3),
       "the copy keeps an odd byte length");
    /* copying over a VARIANT that holds a BSTR frees that one first */
    hr = VariantCopy(&w, &v);
    ok(hr == S_OK && SysStringByteLen(V_BSTR(&w)) == 3, "copy onto a BSTR VARIANT");
    ok(VariantCopy(&v, &v) == S_OK && V_VT(&v) == VT_BSTR && SysStringByteLen(V_BSTR(&v)) == 3,
       "copy onto itself");
    VariantClear(&w);
    VariantClear(&v);

    /* interfaces: VariantCopy AddRefs, VariantClear Releases */
    V_VT(&v) = VT_UNKNOWN;
    V_UNKNOWN(&v) = &unk;
    VariantInit(&w);
    hr = VariantCopy(&w, &v);
    ok(hr == S_OK && V_UNKNOWN(&w) == &unk && adds == 1 && releases == 0, "copy VT_UNKNOWN: AddRef %ld",
       adds);
    hr = VariantClear(&w);
    ok(hr == S_OK && releases == 1 && V_VT(&w) == VT_EMPTY, "clear VT_UNKNOWN: Release %ld", releases);
    V_VT(&v) = VT_DISPATCH;
    hr = VariantClear(&v);
    ok(hr == S_OK && releases == 2, "clear VT_DISPATCH: Release %ld", releases);
    V_VT(&v) = VT_UNKNOWN;
    V_UNKNOWN(&v) = NULL;
    ok(VariantClear(&v) == S_OK, "clear a NULL VT_UNKNOWN");

    /* by reference: nothing is freed or released */
    IUnknown *pu = &unk;
    V_VT(&v) = VT_UNKNOWN | VT_BYREF;
    V_UNKNOWNREF(&v) = &pu;
    hr = VariantCopy(&w, &v);
    ok(hr == S_OK && V_VT(&w) == (VT_UNKNOWN | VT_BYREF) && V_UNKNOWNREF(&w) == &pu && adds == 1,
       "copy by reference: no AddRef");
    ok(VariantClear(&v) == S_OK && VariantClear(&w) == S_OK && releases == 2, "clear by reference");

    /* plain values */
    V_VT(&v) = VT_R8;
    V_R8(&v) = 2.5;
    ok(VariantCopy(&w, &v) == S_OK && V_VT(&w) == VT_R8 && V_R8(&w) == 2.5, "copy VT_R8");
    V_VT(&v) = VT_I8;
    V_I8(&v) = 0x123456789abcdefLL;
    ok(VariantCopy(&w, &v) == S_OK && V_I8(&w) == 0x123456789abcdefLL, "copy VT_I8");
    V_VT(&v) = VT_NULL;
    ok(VariantCopy(&w, &v) == S_OK && V_VT(&w) == VT_NULL, "copy VT_NULL");
    return test_summary();
}
