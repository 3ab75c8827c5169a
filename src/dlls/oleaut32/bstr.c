/* BSTR: UTF-16 with a 32-bit byte length stored just before the first
 * character and a terminator after the last. The block starts 8 bytes
 * before the string so the string stays 8-byte aligned. */
#include <stdlib.h>
#include <string.h>

#include "windef.h"
#include "wstr.h"

typedef WCHAR *BSTR;

static BSTR alloc_bytes(const void *src, UINT bytes)
{
    uint8_t *block = malloc(8 + (size_t)bytes + sizeof(WCHAR));
    if (!block)
        return NULL;
    *(DWORD *)(block + 4) = bytes;
    BSTR s = (BSTR)(block + 8);
    if (src)
        memcpy(s, src, bytes);
    else
        memset(s, 0, bytes);
    ((uint8_t *)s)[bytes] = 0;
    ((uint8_t *)s)[bytes + 1] = 0;
    return s;
}

/* SysAllocStringByteLen (oleaut32) */
BSTR WINAPI SysAllocStringByteLen(const char *src, UINT bytes) { return alloc_bytes(src, bytes); }

/* SysAllocStringLen (oleaut32) */
BSTR WINAPI SysAllocStringLen(const WCHAR *src, UINT len)
{
    return alloc_bytes(src, len * sizeof(WCHAR));
}

/* SysAllocString (oleaut32) */
BSTR WINAPI SysAllocString(const WCHAR *src)
{
    return src ? SysAllocStringLen(src, wstr_len(src)) : NULL;
}

/* SysFreeString (oleaut32) */
void WINAPI SysFreeString(BSTR s)
{
    if (s)
        free((uint8_t *)s - 8);
}

/* SysStringLen (oleaut32) */
UINT WINAPI SysStringLen(BSTR s) { return s ? *(DWORD *)((uint8_t *)s - 4) / 2 : 0; }

/* SysStringByteLen (oleaut32) */
UINT WINAPI SysStringByteLen(BSTR s) { return s ? *(DWORD *)((uint8_t *)s - 4) : 0; }

/* SysReAllocStringLen (oleaut32) */
INT WINAPI SysReAllocStringLen(BSTR *old, const WCHAR *src, UINT len)
{
    BSTR s = SysAllocStringLen(src, len);
    if (!s)
        return FALSE;
    SysFreeString(*old);
    *old = s;
    return TRUE;
}

/* SysReAllocString (oleaut32) */
INT WINAPI SysReAllocString(BSTR *old, const WCHAR *src)
{
    return SysReAllocStringLen(old, src, src ? wstr_len(src) : 0);
}
