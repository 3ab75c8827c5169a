/* Path names: _splitpath/_makepath, _fullpath, temporary names (_mktemp,
 * tmpnam, _tempnam) and _searchenv; narrow and wide forms share one
 * implementation over WCHAR. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"
#include "wstr.h"

#define MAX_DRIVE 3
#define MAX_DIR 256
#define MAX_FNAME 256
#define MAX_EXT 256

static void copy_part(WCHAR *dst, size_t max, const WCHAR *s, size_t n)
{
    if (!dst)
        return;
    if (n >= max)
        n = max - 1;
    memcpy(dst, s, n * sizeof(WCHAR));
    dst[n] = 0;
}

static void wsplit(const WCHAR *p, WCHAR *drive, WCHAR *dir, WCHAR *fname,
                   WCHAR *ext)
{
    size_t n = wstr_len(p);
    if (n >= 2 && p[1] == ':') {
        copy_part(drive, MAX_DRIVE, p, 2);
        p += 2;
        n -= 2;
    } else {
        copy_part(drive, MAX_DRIVE, p, 0);
    }
    size_t dir_end = 0, dot = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\' || p[i] == '/') {
            dir_end = i + 1;
            dot = (size_t)-1;
        } else if (p[i] == '.') {
            dot = i;
        }
    }
    copy_part(dir, MAX_DIR, p, dir_end);
    if (dot == (size_t)-1)
        dot = n;
    copy_part(fname, MAX_FNAME, p + dir_end, dot - dir_end);
    copy_part(ext, MAX_EXT, p + dot, n - dot);
}

/* _wsplitpath (msvcrt) */
void CDECL msvcrt__wsplitpath(const WCHAR *p, WCHAR *drive, WCHAR *dir,
                              WCHAR *fname, WCHAR *ext)
{
    wsplit(p, drive, dir, fname, ext);
}

/* _splitpath (msvcrt) */
void CDECL msvcrt__splitpath(const char *p, char *drive, char *dir,
                             char *fname, char *ext)
{
    WCHAR d[MAX_DRIVE], di[MAX_DIR], f[MAX_FNAME], e[MAX_EXT];
    WCHAR *w = crt_acp_to_wcs(p ? p : "");
    if (!w)
        return;
    wsplit(w, d, di, f, e);
    msvcrt_free(w);
    if (drive)
        WideCharToMultiByte(crt_acp, 0, d, -1, drive, MAX_DRIVE, NULL, NULL);
    if (dir)
        WideCharToMultiByte(crt_acp, 0, di, -1, dir, MAX_DIR, NULL, NULL);
    if (fname)
        WideCharToMultiByte(crt_acp, 0, f, -1, fname, MAX_FNAME, NULL, NULL);
    if (ext)
        WideCharToMultiByte(crt_acp, 0, e, -1, ext, MAX_EXT, NULL, NULL);
}

/* _makepath (msvcrt): "D" becomes "D:", a directory gets a trailing
 * backslash unless it has a slash already, an extension gets its dot. */
void CDECL msvcrt__makepath(char *out, const char *drive, const char *dir,
                            const char *fname, const char *ext)
{
    char *p = out;
    if (drive && *drive) {
        *p++ = *drive;
        *p++ = ':';
    }
    if (dir && *dir) {
        size_t n = strlen(dir);
        memcpy(p, dir, n);
        p += n;
        if (dir[n - 1] != '\\' && dir[n - 1] != '/')
            *p++ = '\\';
    }
    if (fname) {
        size_t n = strlen(fname);
        memcpy(p, fname, n);
        p += n;
    }
    if (ext && *ext) {
        if (*ext != '.')
            *p++ = '.';
        size_t n = strlen(ext);
        memcpy(p, ext, n);
        p += n;
    }
    *p = 0;
}

/* _wmakepath (msvcrt) */
void CDECL msvcrt__wmakepath(WCHAR *out, const WCHAR *drive, const WCHAR *dir,
                             const WCHAR *fname, const WCHAR *ext)
{
    WCHAR *p = out;
    if (drive && *drive) {
        *p++ = *drive;
        *p++ = ':';
    }
    if (dir && *dir) {
        size_t n = wstr_len(dir);
        memcpy(p, dir, n * sizeof(WCHAR));
        p += n;
        if (dir[n - 1] != '\\' && dir[n - 1] != '/')
            *p++ = '\\';
    }
    if (fname) {
        size_t n = wstr_len(fname);
        memcpy(p, fname, n * sizeof(WCHAR));
        p += n;
    }
    if (ext && *ext) {
        if (*ext != '.')
            *p++ = '.';
        size_t n = wstr_len(ext);
        memcpy(p, ext, n * sizeof(WCHAR));
        p += n;
    }
    *p = 0;
}

/* _wfullpath (msvcrt): a NULL buffer is allocated. */
WCHAR *CDECL msvcrt__wfullpath(WCHAR *buf, const WCHAR *rel, size_t size)
{
    static const WCHAR dot[] = {'.', 0};
    if (!rel || !*rel)
        rel = dot;
    DWORD n = GetFullPathNameW(rel, 0, NULL, NULL);
    if (!n) {
        crt_dosmaperr(GetLastError());
        return NULL;
    }
    if (!buf) {
        buf = msvcrt_malloc(n * sizeof(WCHAR));
        if (!buf)
            return NULL;
        size = n;
    } else if (size < n) {
        crt_set_errno(M_ERANGE);
        return NULL;
    }
    GetFullPathNameW(rel, (DWORD)size, buf, NULL);
    return buf;
}

/* _fullpath (msvcrt) */
char *CDECL msvcrt__fullpath(char *buf, const char *rel, size_t size)
{
    WCHAR *w = rel ? crt_acp_to_wcs(rel) : NULL;
    if (rel && !w)
        return NULL;
    WCHAR *full = msvcrt__wfullpath(NULL, w, 0);
    msvcrt_free(w);
    if (!full)
        return NULL;
    char *a = crt_wcs_to_acp(full);
    msvcrt_free(full);
    if (!a)
        return NULL;
    if (!buf)
        return a;
    size_t n = strlen(a);
    if (n + 1 > size) {
        msvcrt_free(a);
        crt_set_errno(M_ERANGE);
        return NULL;
    }
    memcpy(buf, a, n + 1);
    msvcrt_free(a);
    return buf;
}

/* _mktemp (msvcrt): the six trailing X become a letter and five digits of
 * the thread id; letters 'a'..'z' are tried until the name is free. */
char *CDECL msvcrt__mktemp(char *tmpl)
{
    size_t n = tmpl ? strlen(tmpl) : 0;
    if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX")) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    char *x = tmpl + n - 6;
    unsigned id = GetCurrentThreadId();
    for (int i = 5; i >= 1; i--, id /= 10)
        x[i] = '0' + id % 10;
    for (char c = 'a'; c <= 'z'; c++) {
        x[0] = c;
        WCHAR *w = crt_acp_to_wcs(tmpl);
        DWORD a = w ? GetFileAttributesW(w) : 0;
        msvcrt_free(w);
        if (a == INVALID_FILE_ATTRIBUTES)
            return tmpl;
    }
    crt_set_errno(M_EEXIST);
    return NULL;
}

/* _wmktemp (msvcrt) */
WCHAR *CDECL msvcrt__wmktemp(WCHAR *tmpl)
{
    char *a = tmpl ? crt_wcs_to_acp(tmpl) : NULL;
    char *r = a ? msvcrt__mktemp(a) : NULL;
    if (r)
        MultiByteToWideChar(crt_acp, 0, r, -1, tmpl, (int)wstr_len(tmpl) + 1);
    msvcrt_free(a);
    return r ? tmpl : NULL;
}

/* _mktemp_s (msvcrt) */
int CDECL msvcrt__mktemp_s(char *tmpl, size_t size)
{
    if (!tmpl || !size || strnlen(tmpl, size) == size)
        return M_EINVAL;
    return msvcrt__mktemp(tmpl) ? 0 : crt_thread()->err;
}

/* tmpnam (msvcrt): "\s<pid>.<n>" names, relative to the current drive's
 * root, as msvcrt makes them. */
char *CDECL msvcrt_tmpnam(char *buf)
{
    static LONG counter;
    struct crt_thread *t = crt_thread();
    if (!buf) {
        if (!t->tmpnam_buf && !(t->tmpnam_buf = msvcrt_malloc(MAX_PATH)))
            return NULL;
        buf = t->tmpnam_buf;
    }
    for (int tries = 0; tries < 32767; tries++) {
        LONG k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
        char tmp[40];
        unsigned pid = GetCurrentProcessId();
        int n = 0;
        tmp[n++] = '\\';
        tmp[n++] = 's';
        char digits[16];
        int d = 0;
        do
            digits[d++] = "0123456789abcdefghijklmnopqrstuv"[pid % 32];
        while ((pid /= 32));
        while (d)
            tmp[n++] = digits[--d];
        tmp[n++] = '.';
        unsigned v = (unsigned)k;
        do
            digits[d++] = "0123456789abcdefghijklmnopqrstuv"[v % 32];
        while ((v /= 32));
        while (d)
            tmp[n++] = digits[--d];
        tmp[n] = 0;
        WCHAR *w = crt_acp_to_wcs(tmp);
        DWORD a = w ? GetFileAttributesW(w) : 0;
        msvcrt_free(w);
        if (a == INVALID_FILE_ATTRIBUTES) {
            memcpy(buf, tmp, n + 1);
            return buf;
        }
    }
    return NULL;
}

/* _tempnam (msvcrt): TMP first, then dir, then the temp path; the name
 * is allocated. */
char *CDECL msvcrt__tempnam(const char *dir, const char *prefix)
{
    char base[MAX_PATH * 3];
    const char *tmp = crt_getenv("TMP");
    WCHAR wtmp[MAX_PATH];
    if (tmp && *tmp) {
        strncpy(base, tmp, sizeof base - 1);
        base[sizeof base - 1] = 0;
    } else if (dir && *dir) {
        strncpy(base, dir, sizeof base - 1);
        base[sizeof base - 1] = 0;
    } else {
        DWORD n = GetTempPathW(MAX_PATH, wtmp);
        if (!n || n >= MAX_PATH)
            return NULL;
        WideCharToMultiByte(crt_acp, 0, wtmp, -1, base, sizeof base, NULL, NULL);
    }
    size_t bl = strlen(base);
    if (bl && base[bl - 1] != '\\' && base[bl - 1] != '/')
        base[bl++] = '\\';
    base[bl] = 0;
    if (!prefix)
        prefix = "";
    size_t pl = strlen(prefix);
    char *out = msvcrt_malloc(bl + pl + 16);
    if (!out)
        return NULL;
    static LONG counter;
    for (int tries = 0; tries < 65536; tries++) {
        LONG k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
        memcpy(out, base, bl);
        memcpy(out + bl, prefix, pl);
        char *q = out + bl + pl;
        unsigned v = (GetCurrentProcessId() << 16) ^ (unsigned)k;
        for (int i = 0; i < 8; i++, v >>= 4)
            q[7 - i] = "0123456789abcdef"[v & 15];
        q[8] = 0;
        WCHAR *w = crt_acp_to_wcs(out);
        DWORD a = w ? GetFileAttributesW(w) : 0;
        msvcrt_free(w);
        if (a == INVALID_FILE_ATTRIBUTES)
            return out;
    }
    msvcrt_free(out);
    return NULL;
}

/* _searchenv (msvcrt): the current directory, then each directory of the
 * variable; buf gets the full path or "". */
void CDECL msvcrt__searchenv(const char *name, const char *var, char *buf)
{
    *buf = 0;
    if (!name || !*name)
        return;
    if (!msvcrt__fullpath(buf, name, MAX_PATH))
        *buf = 0;
    WCHAR *w = crt_acp_to_wcs(buf);
    DWORD a = w ? GetFileAttributesW(w) : INVALID_FILE_ATTRIBUTES;
    msvcrt_free(w);
    if (*buf && a != INVALID_FILE_ATTRIBUTES)
        return;
    *buf = 0;
    const char *list = var ? crt_getenv(var) : NULL;
    while (list && *list) {
        const char *end = strchr(list, ';');
        size_t n = end ? (size_t)(end - list) : strlen(list);
        char cand[MAX_PATH];
        if (n && n + strlen(name) + 2 < sizeof cand) {
            memcpy(cand, list, n);
            if (cand[n - 1] != '\\' && cand[n - 1] != '/')
                cand[n++] = '\\';
            strcpy(cand + n, name);
            w = crt_acp_to_wcs(cand);
            a = w ? GetFileAttributesW(w) : INVALID_FILE_ATTRIBUTES;
            msvcrt_free(w);
            if (a != INVALID_FILE_ATTRIBUTES) {
                strcpy(buf, cand);
                return;
            }
        }
        list = end ? end + 1 : NULL;
    }
    crt_set_errno(M_ENOENT);
}
