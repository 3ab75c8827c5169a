/* CommandLineToArgvW: shell32's own splitting rules, which differ from the
 * C runtime's in two places (tests/programs/shell32/argv.c, checked
 * against Wine, whose tests come from Windows):
 *  - the program name (argv[0]) is taken raw: a leading quote runs to the
 *    next quote, with no backslash escapes, and the argument ends right
 *    after it; otherwise it runs to the first space or tab. A command
 *    line that starts with white space has an empty argv[0].
 *  - afterwards, 2n backslashes + quote give n backslashes and a quote
 *    toggle, 2n+1 backslashes + quote give n backslashes and a literal
 *    quote, other backslashes are literal, and inside quotes a doubled
 *    quote gives one literal quote *and leaves* the quoted part.
 * An empty command line gives the program's path as the only argument. */
#include <stdlib.h>
#include <string.h>

#include "windef.h"

HANDLE WINAPI LocalAlloc(UINT flags, SIZE_T size);
DWORD WINAPI GetModuleFileNameW(HMODULE h, LPWSTR buf, DWORD size);
void WINAPI SetLastError(DWORD e);

#define ERROR_INVALID_PARAMETER 87

static int is_blank(WCHAR c) { return c == ' ' || c == '\t'; }

static void put(WCHAR *out, size_t *n, WCHAR c)
{
    if (out)
        out[*n] = c;
    ++*n;
}

/* Splits `s` into `out` (NULL to count only): returns the argument
 * count; *units gets the characters needed, terminators included. */
static int split(const WCHAR *s, WCHAR **argv, WCHAR *out, size_t *units)
{
    int argc = 0;
    size_t n = 0;
#define PUT(c) put(out, &n, (c)) /* c is evaluated once, counting or not */
    /* argv[0] */
    if (argv)
        argv[argc] = out + n;
    argc++;
    if (*s == '"') {
        s++;
        while (*s && *s != '"')
            PUT(*s++);
        if (*s)
            s++;
    } else {
        while (*s && !is_blank(*s))
            PUT(*s++);
    }
    PUT(0);
    for (;;) {
        while (is_blank(*s))
            s++;
        if (!*s)
            break;
        if (argv)
            argv[argc] = out + n;
        argc++;
        int quoted = 0;
        while (*s && (quoted || !is_blank(*s))) {
            if (*s == '\\') {
                size_t k = 0;
                while (s[k] == '\\')
                    k++;
                if (s[k] == '"') {
                    for (size_t i = 0; i < k / 2; i++)
                        PUT('\\');
                    s += k;
                    if (k & 1) {
                        PUT('"');
                        s++;
                    }
                } else {
                    for (size_t i = 0; i < k; i++)
                        PUT('\\');
                    s += k;
                }
            } else if (*s == '"') {
                if (quoted && s[1] == '"') {
                    PUT('"');
                    s += 2;
                    quoted = 0;
                } else {
                    quoted = !quoted;
                    s++;
                }
            } else {
                PUT(*s++);
            }
        }
        PUT(0);
    }
#undef PUT
    *units = n;
    return argc;
}

/* CommandLineToArgvW (shell32): one LocalAlloc block, pointers then
 * strings, with argv[argc] = NULL; the caller frees it with LocalFree. */
LPWSTR *WINAPI CommandLineToArgvW(LPCWSTR cmdline, int *numargs)
{
    if (!numargs) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    WCHAR *exe = NULL;
    if (!cmdline || !*cmdline) { /* the program's path, quoted as argv[0] */
        exe = malloc(32768 * sizeof(WCHAR));
        exe[0] = '"';
        DWORD len = GetModuleFileNameW(NULL, exe + 1, 32766);
        exe[len + 1] = '"';
        exe[len + 2] = 0;
        cmdline = exe;
    }
    size_t units;
    int argc = split(cmdline, NULL, NULL, &units);
    size_t ptrs = (size_t)(argc + 1) * sizeof(WCHAR *);
    WCHAR **argv = LocalAlloc(0, ptrs + units * sizeof(WCHAR));
    if (argv) {
        split(cmdline, argv, (WCHAR *)((char *)argv + ptrs), &units);
        argv[argc] = NULL;
        *numargs = argc;
    }
    free(exe);
    return argv;
}
