/* errhandlingapi: last error, error modes, unhandled-exception filter. */
#include <stdio.h>

#define DEBUG_CHANNEL misc
#include "debug.h"
#include "kernel32_private.h"

typedef LONG(WINAPI *top_filter)(void *);
static top_filter unhandled_filter;
static UINT error_mode;

/* GetLastError (kernel32) */
DWORD WINAPI GetLastError(void) { return nt_current_teb()->LastErrorValue; }

/* SetLastError (kernel32) */
void WINAPI SetLastError(DWORD e) { nt_current_teb()->LastErrorValue = e; }

/* SetUnhandledExceptionFilter (kernel32) */
top_filter WINAPI SetUnhandledExceptionFilter(top_filter f)
{
    top_filter old = unhandled_filter;
    unhandled_filter = f;
    return old;
}

top_filter kernel32_unhandled_filter(void) { return unhandled_filter; }

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

/* RaiseException (kernel32): frame-based dispatch comes with the
 * exceptions work; until then an exception is unhandled by definition. */
void WINAPI RaiseException(DWORD code, DWORD flags, DWORD nargs,
                           const ULONG_PTR *args)
{
    fprintf(stderr, "decant: unhandled exception 0x%08x (RaiseException); "
                    "structured exception dispatch is not implemented yet\n",
            code);
    process_terminate(code);
}

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
