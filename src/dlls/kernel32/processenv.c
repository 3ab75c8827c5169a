/* processenv: environment variables and their expansion. */
#include <string.h>

#include "kernel32_private.h"

/* GetEnvironmentVariableW (kernel32) */
DWORD WINAPI GetEnvironmentVariableW(LPCWSTR name, LPWSTR buf, DWORD size)
{
    WCHAR *v = name ? process_getenv_w(name) : NULL;
    if (!v) {
        set_last_error(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    DWORD r = w_result_to_w(v, buf, size);
    free(v);
    if (r < size)
        set_last_error(0);
    return r;
}

/* GetEnvironmentVariableA (kernel32) */
DWORD WINAPI GetEnvironmentVariableA(LPCSTR name, LPSTR buf, DWORD size)
{
    WCHAR *w = a_to_w(name);
    WCHAR *v = w ? process_getenv_w(w) : NULL;
    free(w);
    if (!v) {
        set_last_error(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    DWORD r = w_result_to_a(v, buf, size);
    free(v);
    if (r < size)
        set_last_error(0);
    return r;
}

/* SetEnvironmentVariableW (kernel32) */
BOOL WINAPI SetEnvironmentVariableW(LPCWSTR name, LPCWSTR value)
{
    if (!name || !*name || process_setenv_w(name, value) < 0) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

/* SetEnvironmentVariableA (kernel32) */
BOOL WINAPI SetEnvironmentVariableA(LPCSTR name, LPCSTR value)
{
    WCHAR *n = a_to_w(name), *v = a_to_w(value);
    BOOL r = SetEnvironmentVariableW(n, v);
    free(n);
    free(v);
    return r;
}

/* GetEnvironmentStringsW (kernel32): a copy the caller frees with
 * FreeEnvironmentStringsW. */
LPWSTR WINAPI GetEnvironmentStringsW(void) { return process_env_copy(NULL); }

/* GetEnvironmentStringsA (kernel32): the A version, in the ANSI code page. */
LPSTR WINAPI GetEnvironmentStringsA(void)
{
    size_t units;
    WCHAR *w = process_env_copy(&units);
    size_t n = wstr_to_utf8(w, units, NULL, 0);
    char *a = malloc(n);
    wstr_to_utf8(w, units, a, n);
    free(w);
    return a;
}

/* FreeEnvironmentStringsW (kernel32) */
BOOL WINAPI FreeEnvironmentStringsW(LPWSTR p)
{
    free(p);
    return TRUE;
}

/* FreeEnvironmentStringsA (kernel32) */
BOOL WINAPI FreeEnvironmentStringsA(LPSTR p)
{
    free(p);
    return TRUE;
}

/* SetEnvironmentStringsW (kernel32) */
BOOL WINAPI SetEnvironmentStringsW(LPWSTR env)
{
    for (WCHAR *e = env; *e; e += wstr_len(e) + 1) {
        WCHAR *eq = e + 1;
        while (*eq && *eq != '=')
            eq++;
        if (!*eq)
            continue;
        WCHAR *name = malloc((eq - e + 1) * sizeof(WCHAR));
        memcpy(name, e, (eq - e) * sizeof(WCHAR));
        name[eq - e] = 0;
        process_setenv_w(name, eq + 1);
        free(name);
    }
    return TRUE;
}

/* ExpandEnvironmentStringsW (kernel32): %NAME% replaced when set, left as
 * it is otherwise; the count includes the terminator. */
DWORD WINAPI ExpandEnvironmentStringsW(LPCWSTR src, LPWSTR dst, DWORD size)
{
    size_t cap = 256, len = 0;
    WCHAR *out = malloc(cap * sizeof(WCHAR));
    for (const WCHAR *p = src; *p;) {
        const WCHAR *end = NULL;
        if (*p == '%') {
            end = p + 1;
            while (*end && *end != '%')
                end++;
            if (!*end)
                end = NULL;
        }
        const WCHAR *piece = p;
        size_t plen = 1;
        WCHAR *val = NULL;
        if (end && end > p + 1) {
            WCHAR name[256];
            size_t nl = end - p - 1 < 255 ? end - p - 1 : 255;
            memcpy(name, p + 1, nl * sizeof(WCHAR));
            name[nl] = 0;
            val = process_getenv_w(name);
            if (val) {
                piece = val;
                plen = wstr_len(val);
                p = end + 1;
            } else {
                plen = end - p; /* copy "%NAME" and continue at '%' */
                p = end;
            }
        } else {
            p++;
        }
        if (len + plen + 1 > cap) {
            cap = (len + plen + 1) * 2;
            out = realloc(out, cap * sizeof(WCHAR));
        }
        memcpy(out + len, piece, plen * sizeof(WCHAR));
        len += plen;
        free(val);
    }
    out[len] = 0;
    DWORD need = len + 1;
    if (dst && size >= need)
        memcpy(dst, out, need * sizeof(WCHAR));
    free(out);
    return need;
}

/* ExpandEnvironmentStringsA (kernel32) */
DWORD WINAPI ExpandEnvironmentStringsA(LPCSTR src, LPSTR dst, DWORD size)
{
    WCHAR *w = a_to_w(src);
    DWORD n = ExpandEnvironmentStringsW(w, NULL, 0);
    WCHAR *o = malloc(n * sizeof(WCHAR));
    ExpandEnvironmentStringsW(w, o, n);
    DWORD need = wstr_to_utf8(o, -1, NULL, 0);
    if (dst && size >= need)
        wstr_to_utf8(o, -1, dst, size);
    free(w);
    free(o);
    return need;
}
