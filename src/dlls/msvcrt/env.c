/* The CRT's environment: _environ and _wenviron are msvcrt's own copies,
 * made at start-up from the process environment. getenv reads the copy
 * (so SetEnvironmentVariable is not seen by getenv, as on Windows);
 * _putenv changes both copies and the process environment. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"
#include "wstr.h"

char **msvcrt__environ;   /* _environ (msvcrt data) */
WCHAR **msvcrt__wenviron; /* _wenviron (msvcrt data) */
static CRITICAL_SECTION env_lock;

void crt_env_init(void)
{
    InitializeCriticalSection(&env_lock);
    WCHAR *block = GetEnvironmentStringsW();
    size_t count = 0;
    if (block)
        for (WCHAR *p = block; *p; p += wstr_len(p) + 1)
            if (*p != '=') /* "=C:=C:\\dir" entries are not the CRT's */
                count++;
    msvcrt__wenviron = msvcrt_calloc(count + 1, sizeof(WCHAR *));
    msvcrt__environ = msvcrt_calloc(count + 1, sizeof(char *));
    if (!msvcrt__wenviron || !msvcrt__environ) {
        if (block)
            FreeEnvironmentStringsW(block);
        return;
    }
    size_t i = 0;
    if (block) {
        for (WCHAR *p = block; *p && i < count; p += wstr_len(p) + 1) {
            if (*p == '=')
                continue;
            msvcrt__wenviron[i] = crt_wcsdup(p);
            msvcrt__environ[i] = crt_wcs_to_acp(p);
            i++;
        }
        FreeEnvironmentStringsW(block);
    }
}

/* Index of NAME in env (case-insensitive), or -1. */
static int find_narrow(char **env, const char *name, size_t len)
{
    for (int i = 0; env && env[i]; i++)
        if (!strncasecmp(env[i], name, len) && env[i][len] == '=')
            return i;
    return -1;
}

static int find_wide(WCHAR **env, const WCHAR *name, size_t len)
{
    for (int i = 0; env && env[i]; i++)
        if (!wstr_nicmp(env[i], name, len) && env[i][len] == '=')
            return i;
    return -1;
}

char *crt_getenv(const char *name)
{
    size_t len = strlen(name);
    if (!len || strchr(name, '='))
        return NULL;
    int i = find_narrow(msvcrt__environ, name, len);
    return i < 0 ? NULL : msvcrt__environ[i] + len + 1;
}

/* getenv (msvcrt) */
char *CDECL msvcrt_getenv(const char *name)
{
    if (!name) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    crt_init();
    return crt_getenv(name);
}

/* _wgetenv (msvcrt) */
WCHAR *CDECL msvcrt__wgetenv(const WCHAR *name)
{
    if (!name) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    crt_init();
    size_t len = wstr_len(name);
    for (size_t k = 0; k < len; k++)
        if (name[k] == '=')
            return NULL;
    int i = len ? find_wide(msvcrt__wenviron, name, len) : -1;
    return i < 0 ? NULL : msvcrt__wenviron[i] + len + 1;
}

/* Sets (value non-empty) or removes (value empty) an entry in an array
 * of "NAME=VALUE" strings it owns. */
static int update(void ***penv, void *entry, int idx, int remove)
{
    void **env = *penv;
    size_t n = 0;
    while (env && env[n])
        n++;
    if (idx >= 0) {
        msvcrt_free(env[idx]);
        if (remove) {
            memmove(&env[idx], &env[idx + 1], (n - idx) * sizeof *env);
            msvcrt_free(entry);
        } else {
            env[idx] = entry;
        }
        return 0;
    }
    if (remove) {
        msvcrt_free(entry);
        return 0;
    }
    void **grown = msvcrt_realloc(env, (n + 2) * sizeof *env);
    if (!grown)
        return -1;
    grown[n] = entry;
    grown[n + 1] = NULL;
    *penv = grown;
    return 0;
}

/* The one place both copies and the process environment change. */
static int put_wide(const WCHAR *name, size_t nlen, const WCHAR *value)
{
    int remove = !*value;
    size_t vlen = wstr_len(value);
    WCHAR *wentry = msvcrt_malloc((nlen + vlen + 2) * sizeof(WCHAR));
    if (!wentry)
        return -1;
    memcpy(wentry, name, nlen * sizeof(WCHAR));
    wentry[nlen] = '=';
    memcpy(wentry + nlen + 1, value, (vlen + 1) * sizeof(WCHAR));
    char *nentry = crt_wcs_to_acp(wentry);
    WCHAR *wname = msvcrt_malloc((nlen + 1) * sizeof(WCHAR));
    if (!nentry || !wname) {
        msvcrt_free(wentry);
        msvcrt_free(nentry);
        msvcrt_free(wname);
        return -1;
    }
    memcpy(wname, name, nlen * sizeof(WCHAR));
    wname[nlen] = 0;
    crt_init();
    EnterCriticalSection(&env_lock);
    char *nname_end = strchr(nentry, '=');
    int ni = find_narrow(msvcrt__environ, nentry, nname_end - nentry);
    int wi = find_wide(msvcrt__wenviron, name, nlen);
    int r = update((void ***)&msvcrt__wenviron, wentry, wi, remove) |
            update((void ***)&msvcrt__environ, nentry, ni, remove);
    LeaveCriticalSection(&env_lock);
    if (!SetEnvironmentVariableW(wname, remove ? NULL : value) && !remove)
        r = -1;
    msvcrt_free(wname);
    return r ? -1 : 0;
}

static int putenv_wide(const WCHAR *s)
{
    const WCHAR *eq = s;
    while (*eq && *eq != '=')
        eq++;
    if (!*eq || eq == s) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    return put_wide(s, eq - s, eq + 1);
}

/* _wputenv (msvcrt): "NAME=VALUE"; "NAME=" removes NAME. */
int CDECL msvcrt__wputenv(const WCHAR *s)
{
    if (!s) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    return putenv_wide(s);
}

/* _putenv (msvcrt) */
int CDECL msvcrt__putenv(const char *s)
{
    if (!s) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    WCHAR *w = crt_acp_to_wcs(s);
    if (!w)
        return -1;
    int r = putenv_wide(w);
    msvcrt_free(w);
    return r;
}

/* _wputenv_s / _putenv_s (msvcrt) */
int CDECL msvcrt__wputenv_s(const WCHAR *name, const WCHAR *value)
{
    if (!name || !value || !*name) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    return put_wide(name, wstr_len(name), value) ? crt_thread()->err : 0;
}
int CDECL msvcrt__putenv_s(const char *name, const char *value)
{
    if (!name || !value || !*name) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    WCHAR *wn = crt_acp_to_wcs(name), *wv = crt_acp_to_wcs(value);
    int r = wn && wv ? msvcrt__wputenv_s(wn, wv) : M_ENOMEM;
    msvcrt_free(wn);
    msvcrt_free(wv);
    return r;
}

/* getenv_s / _wgetenv_s (msvcrt) */
int CDECL msvcrt_getenv_s(size_t *ret, char *buf, size_t size, const char *name)
{
    if (!ret || !name || (!buf && size)) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    char *v = msvcrt_getenv(name);
    if (!v) {
        *ret = 0;
        if (buf)
            *buf = 0;
        return 0;
    }
    *ret = strlen(v) + 1;
    if (!buf)
        return 0;
    if (*ret > size) {
        *buf = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(buf, v, *ret);
    return 0;
}
int CDECL msvcrt__wgetenv_s(size_t *ret, WCHAR *buf, size_t size,
                            const WCHAR *name)
{
    if (!ret || !name || (!buf && size)) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    WCHAR *v = msvcrt__wgetenv(name);
    if (!v) {
        *ret = 0;
        if (buf)
            *buf = 0;
        return 0;
    }
    *ret = wstr_len(v) + 1;
    if (!buf)
        return 0;
    if (*ret > size) {
        *buf = 0;
        crt_set_errno(M_ERANGE);
        return M_ERANGE;
    }
    memcpy(buf, v, *ret * sizeof(WCHAR));
    return 0;
}

/* _dupenv_s / _wdupenv_s (msvcrt) */
int CDECL msvcrt__dupenv_s(char **pbuf, size_t *plen, const char *name)
{
    if (!pbuf || !name) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    char *v = msvcrt_getenv(name);
    *pbuf = NULL;
    if (plen)
        *plen = 0;
    if (!v)
        return 0;
    if (!(*pbuf = crt_strdup(v)))
        return M_ENOMEM;
    if (plen)
        *plen = strlen(v) + 1;
    return 0;
}
int CDECL msvcrt__wdupenv_s(WCHAR **pbuf, size_t *plen, const WCHAR *name)
{
    if (!pbuf || !name) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    WCHAR *v = msvcrt__wgetenv(name);
    *pbuf = NULL;
    if (plen)
        *plen = 0;
    if (!v)
        return 0;
    if (!(*pbuf = crt_wcsdup(v)))
        return M_ENOMEM;
    if (plen)
        *plen = wstr_len(v) + 1;
    return 0;
}

/* __p__environ / __p__wenviron (msvcrt) */
char ***CDECL msvcrt___p__environ(void) { crt_init(); return &msvcrt__environ; }
WCHAR ***CDECL msvcrt___p__wenviron(void) { crt_init(); return &msvcrt__wenviron; }
