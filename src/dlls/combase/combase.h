/* Shared by combase's files. */
#ifndef DECANT_COMBASE_H
#define DECANT_COMBASE_H

#include "windef.h"

typedef LONG HRESULT;
typedef struct {
    DWORD Data1;
    WORD Data2, Data3;
    BYTE Data4[8];
} GUID;

#define S_OK ((HRESULT)0)
#define S_FALSE ((HRESULT)1)
#define E_INVALIDARG ((HRESULT)0x80070057)
#define E_OUTOFMEMORY ((HRESULT)0x8007000e)
#define RPC_E_CHANGED_MODE ((HRESULT)0x80010106)
#define CO_E_CLASSSTRING ((HRESULT)0x800401f3)

void *WINAPI CoTaskMemAlloc(SIZE_T size);
void WINAPI CoTaskMemFree(void *p);

#endif
