/* kernel32 exports msvcrt calls that src/include/win32.h does not declare
 * yet (Windows prototypes). They are weak references: until kernel32
 * provides one, its address is NULL and the caller falls back, so decant
 * links either way. Listed in the msvcrt report for the lead. */
#ifndef DECANT_MSVCRT_K32_H
#define DECANT_MSVCRT_K32_H

#include "windef.h"

typedef BOOL(WINAPI *PHANDLER_ROUTINE)(DWORD);
BOOL WINAPI SetConsoleCtrlHandler(PHANDLER_ROUTINE, BOOL) __attribute__((weak));
BOOL WINAPI GetStringTypeW(DWORD, LPCWSTR, int, WORD *) __attribute__((weak));

BOOL WINAPI IsDBCSLeadByteEx(UINT, BYTE) __attribute__((weak));

/* ntdll (an assembly entry stub, defined in src/nt/context.c) */
struct EXCEPTION_RECORD;
void WINAPI RtlUnwind(PVOID frame, PVOID target_ip, struct EXCEPTION_RECORD *rec,
                      PVOID retval);

#endif
