/* BSTRs: the 32-bit byte length stored just before the characters, the
 * terminating NUL after them (also after an odd byte length), embedded
 * NULs, NULL sources, and re-allocation. */
// build: -loleaut32
#include <windows.h>
#include <oleauto.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

static DWORD prefix(BSTR s) { return ((DWORD *)s)[-1]; }

int main(void)
{
    BSTR s, t;

    s = SysAllocString(L"hello");
    ok(s != NULL, "SysAllocString");
    ok(SysStringLen(s) == 5 && SysStringByteLen(s) == 10, "lengths %u %u", SysStringLen(s),
       SysStringByteLen(s));
    ok(prefix(s) == 10, "byte length before the string: %lu", prefix(s));
    ok(!wcscmp(s, L"hello") && s[5] == 0, "contents, terminated");
    ok(((ULONG_PTR)s & 7) == 0, "8-byte aligned");
    SysFreeString(s);

    ok(SysAllocString(NULL) == NULL, "SysAllocString(NULL)");
    s = SysAllocString(L"");
    ok(s && SysStringLen(s) == 0 && s[0] == 0 && prefix(s) == 0, "empty string is not NULL");
    SysFreeString(s);
    ok(SysStringLen(NULL) == 0 && SysStringByteLen(NULL) == 0, "lengths of NULL");
    SysFreeString(NULL);

    s = SysAllocStringLen(L"hello world", 5);
    ok(s && SysStringLen(s) == 5 && !wcscmp(s, L"hello"), "SysAllocStringLen copies 5");
    SysFreeString(s);
    s = SysAllocStringLen(L"a\0b", 3);
    ok(s && SysStringLen(s) == 3 && s[1] == 0 && s[2] == 'b' && s[3] == 0, "embedded NUL kept");
    SysFreeString(s);
    s = SysAllocStringLen(NULL, 4);
    ok(s && SysStringLen(s) == 4 && s[4] == 0, "SysAllocStringLen(NULL, 4): room, terminated");
    SysFreeString(s);

    s = SysAllocStringByteLen("abc", 3);
    ok(s && SysStringByteLen(s) == 3 && SysStringLen(s) == 1, "byte length 3: %u %u", SysStringByteLen(s),
       SysStringLen(s));
    ok(!memcmp(s, "abc", 3) && ((BYTE *)s)[3] == 0 && ((BYTE *)s)[4] == 0, "bytes, then a NUL WCHAR");
    SysFreeString(s);
    s = SysAllocStringByteLen(NULL, 5);
    ok(s && SysStringByteLen(s) == 5 && prefix(s) == 5, "SysAllocStringByteLen(NULL, 5)");
    ok(((BYTE *)s)[5] == 0 && ((BYTE *)s)[6] == 0, "terminated after 5 bytes");
    SysFreeString(s);

    s = SysAllocString(L"short");
    ok(SysReAllocString(&s, L"a longer string"), "SysReAllocString");
    ok(s && SysStringLen(s) == 15 && !wcscmp(s, L"a longer string"), "re-allocated contents");
    ok(SysReAllocStringLen(&s, L"abcdef", 3) && SysStringLen(s) == 3 && !wcscmp(s, L"abc"),
       "SysReAllocStringLen");
    ok(SysReAllocStringLen(&s, s, 2) && SysStringLen(s) == 2 && !wcscmp(s, L"ab"),
       "SysReAllocStringLen from its own contents");
    t = NULL;
    ok(SysReAllocString(&t, L"from NULL") && t && !wcscmp(t, L"from NULL"), "re-allocating a NULL BSTR");
    SysFreeString(t);
    SysFreeString(s);
    return test_summary();
}
