/* VARIANT basics: initialisation, clearing (releasing what it owns) and
 * copying. Layout (x64): vt, three reserved WORDs, then 16 bytes of value. */
#include <string.h>

#define DEBUG_CHANNEL misc
#include "debug.h"
#include "windef.h"

typedef WCHAR *BSTR;
BSTR WINAPI SysAllocStringByteLen(const char *src, UINT bytes);
void WINAPI SysFreeString(BSTR s);
UINT WINAPI SysStringByteLen(BSTR s);

enum { VT_EMPTY = 0, VT_NULL = 1, VT_BSTR = 8, VT_DISPATCH = 9, VT_UNKNOWN = 13, VT_VOID = 24,
       VT_RECORD = 36, VT_CLSID = 72, VT_TYPEMASK = 0xfff, VT_VECTOR = 0x1000, VT_ARRAY = 0x2000,
       VT_BYREF = 0x4000, VT_RESERVED = 0x8000 };
#define S_OK 0
#define E_OUTOFMEMORY ((LONG)0x8007000e)
#define DISP_E_BADVARTYPE ((LONG)0x80020008)
#define DISP_E_TYPEMISMATCH ((LONG)0x80020005)

typedef struct {
    USHORT vt;
    WORD r1, r2, r3;
    union {
        BSTR bstrVal;
        void *punkVal;
        LONGLONG llVal;
        BYTE raw[16];
    };
} VARIANT;

_Static_assert(sizeof(VARIANT) == 24, "VARIANT size");

/* IUnknown's Release is the third vtable entry. */
static void release(void *unk)
{
    if (unk) {
        ULONG(WINAPI * rel)(void *) = ((ULONG(WINAPI **)(void *))*(void **)unk)[2];
        rel(unk);
    }
}

static void addref(void *unk)
{
    if (unk) {
        ULONG(WINAPI * add)(void *) = ((ULONG(WINAPI **)(void *))*(void **)unk)[1];
        add(unk);
    }
}

/* A type a VARIANT may hold: the base types below VT_VOID (15 is
 * unassigned), VT_RECORD and VT_CLSID, by reference or as arrays except
 * VT_EMPTY and VT_NULL; never VT_VECTOR. */
static int valid_type(USHORT vt)
{
    USHORT base = vt & VT_TYPEMASK, extra = vt & (VT_VECTOR | VT_ARRAY | VT_BYREF | VT_RESERVED);
    if (extra & (VT_VECTOR | VT_RESERVED))
        return 0;
    if (!(base < VT_VOID || base == VT_RECORD || base == VT_CLSID) || base == 15)
        return 0;
    return !((extra & (VT_BYREF | VT_ARRAY)) && base <= VT_NULL);
}

/* VariantInit (oleaut32): the whole VARIANT is zeroed, as Windows does
 * since 8.1 (before, only vt was set). */
void WINAPI VariantInit(VARIANT *v) { memset(v, 0, sizeof *v); }

/* VariantClear (oleaut32) */
LONG WINAPI VariantClear(VARIANT *v)
{
    if (!valid_type(v->vt))
        return DISP_E_BADVARTYPE;
    if (!(v->vt & VT_BYREF)) {
        if (v->vt & VT_ARRAY) {
            FIXME("SAFEARRAY in a VARIANT is not freed");
        } else if (v->vt == VT_BSTR) {
            SysFreeString(v->bstrVal);
        } else if (v->vt == VT_UNKNOWN || v->vt == VT_DISPATCH) {
            release(v->punkVal);
        }
    }
    memset(v, 0, sizeof *v);
    return S_OK;
}

/* VariantCopy (oleaut32) */
LONG WINAPI VariantCopy(VARIANT *dst, const VARIANT *src)
{
    if ((src->vt & VT_TYPEMASK) == VT_CLSID || !valid_type(src->vt))
        return DISP_E_BADVARTYPE;
    if (dst == src)
        return S_OK;
    LONG hr = VariantClear(dst);
    if (hr)
        return hr;
    *dst = *src;
    if (src->vt & VT_BYREF)
        return S_OK;
    if (src->vt == VT_BSTR && src->bstrVal) {
        dst->bstrVal = SysAllocStringByteLen((const char *)src->bstrVal,
                                             SysStringByteLen(src->bstrVal));
        if (!dst->bstrVal)
            return E_OUTOFMEMORY;
    } else if (src->vt == VT_UNKNOWN || src->vt == VT_DISPATCH) {
        addref(src->punkVal);
    } else if (src->vt & VT_ARRAY) {
        FIXME("SAFEARRAY copy");
        return DISP_E_BADVARTYPE;
    }
    return S_OK;
}

/* VariantCopyInd (oleaut32): a by-reference variant copied by value. */
LONG WINAPI VariantCopyInd(VARIANT *dst, const VARIANT *src)
{
    if (!(src->vt & VT_BYREF))
        return VariantCopy(dst, src);
    FIXME("by-reference VARIANT dereference");
    return DISP_E_BADVARTYPE;
}
