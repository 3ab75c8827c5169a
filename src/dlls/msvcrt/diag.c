/* Run-time diagnostics: _assert, _purecall, the invalid-parameter and
 * error-mode hooks, and the console-I/O corner of conio (_getch & co.,
 * here over the std handles, since decant's console is the terminal). */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

int CDECL msvcrt_fprintf(MSVCRT_FILE *f, const char *fmt, ...);
int CDECL msvcrt_fflush(MSVCRT_FILE *f);
__attribute__((noreturn)) void CDECL msvcrt_abort(void);

/* _assert (msvcrt): the message to stderr, then abort(). */
__attribute__((noreturn)) void CDECL msvcrt__assert(const char *expr,
                                                    const char *file,
                                                    unsigned line)
{
    MSVCRT_FILE *err = &msvcrt___iob_func()[2];
    msvcrt_fprintf(err, "Assertion failed: %s, file %s, line %u\n", expr, file, line);
    msvcrt_fflush(err);
    msvcrt_abort();
}

/* _wassert (msvcrt) */
__attribute__((noreturn)) void CDECL msvcrt__wassert(const WCHAR *expr,
                                                     const WCHAR *file,
                                                     unsigned line)
{
    char *e = crt_wcs_to_acp(expr), *f = crt_wcs_to_acp(file);
    msvcrt__assert(e ? e : "?", f ? f : "?", line);
}

typedef void(CDECL *purecall_fn)(void);
static purecall_fn purecall_handler;

/* _purecall (msvcrt): R6025 unless a handler is set. */
void CDECL msvcrt__purecall(void)
{
    if (purecall_handler)
        purecall_handler();
    msvcrt__amsg_exit(25);
}

/* _set_purecall_handler / _get_purecall_handler (msvcrt) */
purecall_fn CDECL msvcrt__set_purecall_handler(purecall_fn f)
{
    purecall_fn old = purecall_handler;
    purecall_handler = f;
    return old;
}
purecall_fn CDECL msvcrt__get_purecall_handler(void) { return purecall_handler; }

typedef void(CDECL *invalid_param_fn)(const WCHAR *, const WCHAR *,
                                      const WCHAR *, unsigned, UINT_PTR);
static invalid_param_fn invalid_param_handler;

/* _set_invalid_parameter_handler / _get_invalid_parameter_handler */
invalid_param_fn CDECL msvcrt__set_invalid_parameter_handler(invalid_param_fn f)
{
    invalid_param_fn old = invalid_param_handler;
    invalid_param_handler = f;
    return old;
}
invalid_param_fn CDECL msvcrt__get_invalid_parameter_handler(void)
{
    return invalid_param_handler;
}

/* _invalid_parameter / _invalid_parameter_noinfo (msvcrt): the handler if
 * one is set; msvcrt.dll's default does nothing. */
void CDECL msvcrt__invalid_parameter(const WCHAR *expr, const WCHAR *func,
                                     const WCHAR *file, unsigned line,
                                     UINT_PTR reserved)
{
    if (invalid_param_handler)
        invalid_param_handler(expr, func, file, line, reserved);
}
void CDECL msvcrt__invalid_parameter_noinfo(void)
{
    msvcrt__invalid_parameter(NULL, NULL, NULL, 0, 0);
}

static int error_mode;

/* _set_error_mode (msvcrt): _REPORT_ERRMODE (3) queries. */
int CDECL msvcrt__set_error_mode(int mode)
{
    int old = error_mode;
    if (mode >= 0 && mode <= 2)
        error_mode = mode;
    return old;
}

/* _sleep (msvcrt) */
void CDECL msvcrt__sleep(ULONG ms) { Sleep(ms); }

/* _beep (msvcrt): a bell on stderr is the nearest thing. */
void CDECL msvcrt__beep(unsigned freq, unsigned dur)
{
    DWORD w;
    WriteFile(GetStdHandle(STD_ERROR_HANDLE), "\a", 1, &w, NULL);
}

static int ungot = -1;

/* _getch / _getche / _ungetch / _kbhit (msvcrt). FIXME: without console
 * input modes these read the std input handle as it comes (line by line
 * from a terminal, no echo control). */
int CDECL msvcrt__getch(void)
{
    if (ungot >= 0) {
        int c = ungot;
        ungot = -1;
        return c;
    }
    unsigned char c;
    DWORD got;
    if (!ReadFile(GetStdHandle(STD_INPUT_HANDLE), &c, 1, &got, NULL) || !got)
        return M_EOF;
    return c == '\n' ? '\r' : c; /* Enter reads as CR on a console */
}
int CDECL msvcrt__getche(void)
{
    int c = msvcrt__getch();
    if (c != M_EOF) {
        char ch = (char)c;
        DWORD w;
        WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), &ch, 1, &w, NULL);
    }
    return c;
}
int CDECL msvcrt__ungetch(int c)
{
    if (ungot >= 0 || c == M_EOF)
        return M_EOF;
    return ungot = c & 0xff;
}
int CDECL msvcrt__kbhit(void)
{
    if (ungot >= 0)
        return 1;
    DWORD avail = 0;
    if (PeekNamedPipe(GetStdHandle(STD_INPUT_HANDLE), NULL, 0, NULL, &avail, NULL))
        return avail != 0;
    FIXME("console key state not available");
    return 0;
}

/* _putch / _cputs / _putwch / _cputws (msvcrt): straight to the console
 * (the std output handle), unbuffered. */
int CDECL msvcrt__putch(int c)
{
    char ch = (char)c;
    DWORD w;
    return WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), &ch, 1, &w, NULL) ? c & 0xff : M_EOF;
}
int CDECL msvcrt__cputs(const char *s)
{
    DWORD w;
    return WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, strlen(s), &w, NULL) ? 0 : -1;
}
unsigned short CDECL msvcrt__putwch(WCHAR c)
{
    DWORD w;
    return WriteConsoleW(GetStdHandle(STD_OUTPUT_HANDLE), &c, 1, &w, NULL) ? c : M_WEOF;
}
int CDECL msvcrt__cputws(const WCHAR *s)
{
    DWORD w, n = 0;
    while (s[n])
        n++;
    return WriteConsoleW(GetStdHandle(STD_OUTPUT_HANDLE), s, n, &w, NULL) ? 0 : -1;
}
