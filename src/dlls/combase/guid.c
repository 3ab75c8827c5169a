/* GUIDs: new ones (random, version 4, RFC 4122 variant, as CoCreateGuid
 * makes them on Windows) and the "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}"
 * string form. */
#include <string.h>

#include "combase.h"
#include "wstr.h"

int random_fill(void *buf, size_t len); /* bcryptprimitives/random.c */

/* CoCreateGuid (combase) */
HRESULT WINAPI CoCreateGuid(GUID *g)
{
    if (!g)
        return E_INVALIDARG;
    random_fill(g, sizeof *g);
    g->Data3 = (g->Data3 & 0x0fff) | 0x4000;
    g->Data4[0] = (g->Data4[0] & 0x3f) | 0x80;
    return S_OK;
}

/* StringFromGUID2 (combase): characters written with the NUL (39), or 0
 * when the buffer is too small. */
INT WINAPI StringFromGUID2(const GUID *g, WCHAR *buf, INT size)
{
    static const char hex[] = "0123456789ABCDEF";
    if (!g || !buf || size < 39)
        return 0;
    BYTE b[16];
    b[0] = g->Data1 >> 24; b[1] = g->Data1 >> 16; b[2] = g->Data1 >> 8; b[3] = g->Data1;
    b[4] = g->Data2 >> 8; b[5] = g->Data2;
    b[6] = g->Data3 >> 8; b[7] = g->Data3;
    memcpy(b + 8, g->Data4, 8);
    WCHAR *o = buf;
    *o++ = '{';
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *o++ = '-';
        *o++ = hex[b[i] >> 4];
        *o++ = hex[b[i] & 15];
    }
    *o++ = '}';
    *o = 0;
    return 39;
}

static int hexval(WCHAR c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 32;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Exactly "{8-4-4-4-12}" hex digits, either case. */
static int parse_guid(const WCHAR *s, GUID *g)
{
    if (wstr_len(s) != 38 || s[0] != '{' || s[37] != '}')
        return 0;
    BYTE b[16];
    const WCHAR *p = s + 1;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            if (*p++ != '-')
                return 0;
        }
        int hi = hexval(p[0]), lo = hexval(p[1]);
        if (hi < 0 || lo < 0)
            return 0;
        b[i] = hi << 4 | lo;
        p += 2;
    }
    g->Data1 = (DWORD)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
    g->Data2 = b[4] << 8 | b[5];
    g->Data3 = b[6] << 8 | b[7];
    memcpy(g->Data4, b + 8, 8);
    return 1;
}

/* CLSIDFromString (combase): NULL is CLSID_NULL. A string that is not a
 * GUID would be a ProgID looked up in HKEY_CLASSES_ROOT; decant registers
 * no classes, so it is CO_E_CLASSSTRING, as for an unknown ProgID. */
HRESULT WINAPI CLSIDFromString(const WCHAR *s, GUID *clsid)
{
    if (!clsid)
        return E_INVALIDARG;
    memset(clsid, 0, sizeof *clsid);
    if (!s)
        return S_OK;
    return parse_guid(s, clsid) ? S_OK : CO_E_CLASSSTRING;
}

/* IIDFromString (combase) */
HRESULT WINAPI IIDFromString(const WCHAR *s, GUID *iid)
{
    if (!iid)
        return E_INVALIDARG;
    memset(iid, 0, sizeof *iid);
    if (!s)
        return S_OK;
    return parse_guid(s, iid) ? S_OK : E_INVALIDARG;
}

/* StringFromCLSID (combase): the string in task memory. */
HRESULT WINAPI StringFromCLSID(const GUID *g, WCHAR **out)
{
    *out = CoTaskMemAlloc(39 * sizeof(WCHAR));
    if (!*out)
        return E_OUTOFMEMORY;
    StringFromGUID2(g, *out, 39);
    return S_OK;
}

/* StringFromIID (combase) */
HRESULT WINAPI StringFromIID(const GUID *g, WCHAR **out)
{
    return StringFromCLSID(g, out);
}
