/* Unbuffered output for the loader tests: DllMain and TLS callbacks run
 * before the CRT is ready or after it has shut down, so everybody writes
 * whole lines straight to the stdout handle. */
#include <windows.h>
#include <stdio.h>
#include <stdarg.h>

__attribute__((unused)) static void say(const char *fmt, ...)
{
    char buf[512];
    DWORD n;
    int len;
    va_list ap;
    va_start(ap, fmt);
    len = wvsprintfA(buf, fmt, ap);
    va_end(ap);
    buf[len++] = '\r';
    buf[len++] = '\n';
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), buf, len, &n, NULL);
}

__attribute__((unused)) static const char *reason_name(DWORD r)
{
    switch (r) {
    case DLL_PROCESS_ATTACH: return "PROCESS_ATTACH";
    case DLL_PROCESS_DETACH: return "PROCESS_DETACH";
    case DLL_THREAD_ATTACH: return "THREAD_ATTACH";
    case DLL_THREAD_DETACH: return "THREAD_DETACH";
    }
    return "?";
}
