/* EncodePointer/DecodePointer and their System forms, and ntdll's
 * RtlEncodePointer behind them: the transform is a secret, so only its
 * properties are checked: decoding undoes encoding, NULL does not stay
 * NULL, a pointer does not stay itself, the same pointer always encodes
 * the same way, and kernel32's and ntdll's functions are one transform. */
#include <windows.h>
#include "test.h"

typedef PVOID(WINAPI *xcode_fn)(PVOID);

int main(void)
{
    static int x;
    PVOID values[] = {NULL, &x, (PVOID)main, (PVOID)1, (PVOID)-1, (PVOID)0x123456789abcdef0ull};
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    xcode_fn rtl_encode = (xcode_fn)GetProcAddress(ntdll, "RtlEncodePointer");
    xcode_fn rtl_decode = (xcode_fn)GetProcAddress(ntdll, "RtlDecodePointer");
    xcode_fn rtl_encode_sys = (xcode_fn)GetProcAddress(ntdll, "RtlEncodeSystemPointer");
    ok(rtl_encode && rtl_decode && rtl_encode_sys, "ntdll exports them");

    for (int i = 0; i < 6; i++) {
        PVOID p = values[i];
        PVOID e = EncodePointer(p), s = EncodeSystemPointer(p);
        ok(DecodePointer(e) == p, "DecodePointer(EncodePointer(%p))", p);
        ok(DecodeSystemPointer(s) == p, "DecodeSystemPointer(EncodeSystemPointer(%p))", p);
        ok(EncodePointer(p) == e && EncodeSystemPointer(p) == s, "the same each time: %p", p);
        ok(rtl_decode(e) == p && rtl_encode(p) == e, "ntdll's are the same transform: %p", p);
        ok(rtl_encode_sys(p) == s, "the system one too: %p", p);
    }
    ok(EncodePointer(NULL) != NULL, "NULL is encoded");
    ok(EncodePointer(&x) != (PVOID)&x, "a pointer is encoded");
    ok(EncodeSystemPointer(NULL) != NULL, "NULL is encoded (system)");
    ok(EncodePointer(&x) != EncodePointer(&x + 1), "different pointers, different codes");
    return test_summary();
}
