/* errhandlingapi: last error, error modes, unhandled-exception filter. */
#include <stdio.h>

#define DEBUG_CHANNEL misc
#include "debug.h"
#include "exception.h"
#include "kernel32_private.h"

typedef LONG(WINAPI *top_filter)(EXCEPTION_POINTERS *);
typedef LONG HRESULT_unused;
static UINT error_mode;

/* GetLastError (kernel32) */
DWORD WINAPI GetLastError(void) { return nt_current_teb()->LastErrorValue; }

/* SetLastError (kernel32) */
void WINAPI SetLastError(DWORD e) { nt_current_teb()->LastErrorValue = e; }

/* SetUnhandledExceptionFilter (kernel32) */
top_filter WINAPI SetUnhandledExceptionFilter(top_filter f)
{
    return seh_set_top_filter(f);
}

/* UnhandledExceptionFilter (kernel32): the top-level filter's verdict, or
 * EXCEPTION_CONTINUE_SEARCH when there is none (the caller then reports
 * and terminates). */
LONG WINAPI UnhandledExceptionFilter(EXCEPTION_POINTERS *ptrs)
{
    return seh_call_top_filter(ptrs);
}

/* AddVectoredExceptionHandler (kernel32) */
PVOID WINAPI AddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER fn)
{
    return RtlAddVectoredExceptionHandler(first, fn);
}

/* RemoveVectoredExceptionHandler (kernel32) */
ULONG WINAPI RemoveVectoredExceptionHandler(PVOID h)
{
    return RtlRemoveVectoredExceptionHandler(h);
}

/* AddVectoredContinueHandler (kernel32) */
PVOID WINAPI AddVectoredContinueHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER fn)
{
    return RtlAddVectoredContinueHandler(first, fn);
}

/* RemoveVectoredContinueHandler (kernel32) */
ULONG WINAPI RemoveVectoredContinueHandler(PVOID h)
{
    return RtlRemoveVectoredContinueHandler(h);
}

/* SetErrorMode (kernel32) */
UINT WINAPI SetErrorMode(UINT mode)
{
    UINT old = error_mode;
    error_mode = mode;
    return old;
}

/* GetErrorMode (kernel32) */
UINT WINAPI GetErrorMode(void) { return error_mode; }

/* SetThreadErrorMode (kernel32) */
BOOL WINAPI SetThreadErrorMode(DWORD mode, LPDWORD old)
{
    if (old)
        *old = error_mode;
    error_mode = mode;
    return TRUE;
}

/* GetThreadErrorMode (kernel32) */
DWORD WINAPI GetThreadErrorMode(void) { return error_mode; }

/* IsDebuggerPresent (kernel32) */
BOOL WINAPI IsDebuggerPresent(void) { return FALSE; }

/* OutputDebugStringA (kernel32): to stderr only when tracing. */
void WINAPI OutputDebugStringA(LPCSTR s)
{
    TRACE("%s", s ? s : "(null)");
}

/* OutputDebugStringW (kernel32) */
void WINAPI OutputDebugStringW(LPCWSTR s)
{
    if (TRACE_ON()) {
        char *a = wstr_to_utf8_alloc(s);
        TRACE("%s", a ? a : "(null)");
        free(a);
    }
}

/* DebugBreak (kernel32): an int3 inside the DLL, then ret — a handler that
 * steps over the int3 (Rip + 1) returns to the caller, as on Windows. */
const unsigned char kernel32_DebugBreak[16] = {0xcc, 0xc3};

/* WerGetFlags (kernel32): no error reporting service. */
HRESULT_unused WINAPI WerGetFlags(HANDLE process, DWORD *flags)
{
    *flags = 0;
    return 0;
}

/* WerSetFlags (kernel32) */
HRESULT_unused WINAPI WerSetFlags(DWORD flags) { return 0; }

/* RaiseFailFastException (kernel32): no handler runs; the process ends
 * with the code, reported as an unhandled exception would be. */
void WINAPI RaiseFailFastException(EXCEPTION_RECORD *rec, CONTEXT *ctx, DWORD flags)
{
    DWORD code = rec ? rec->ExceptionCode : 0xc0000602; /* STATUS_FAIL_FAST_EXCEPTION */
    fprintf(stderr, "decant: fail-fast exception 0x%08x (%s)\n", code, seh_code_name(code));
    process_terminate(code);
}
