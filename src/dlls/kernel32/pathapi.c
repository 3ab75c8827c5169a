/* Path queries: full paths, the current and temporary directories. */
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "kernel32_private.h"
#include "path.h"

DWORD w_result_to_w(const WCHAR *w, LPWSTR buf, DWORD size)
{
    DWORD n = wstr_len(w);
    if (n + 1 > size)
        return n + 1;
    memcpy(buf, w, (n + 1) * sizeof(WCHAR));
    return n;
}

DWORD w_result_to_a(const WCHAR *w, LPSTR buf, DWORD size)
{
    DWORD n = wstr_to_utf8(w, -1, NULL, 0); /* with NUL */
    if (n > size)
        return n;
    wstr_to_utf8(w, -1, buf, size);
    return n - 1;
}

/* GetFullPathNameW (kernel32) */
DWORD WINAPI GetFullPathNameW(LPCWSTR name, DWORD size, LPWSTR buf, LPWSTR *file)
{
    if (!name || !*name) {
        set_last_error(ERROR_INVALID_NAME);
        return 0;
    }
    WCHAR *full = path_full_dos(name);
    DWORD r = w_result_to_w(full, buf, size);
    if (r < size && file) {
        WCHAR *last = NULL;
        for (WCHAR *s = buf; *s; s++)
            if (*s == '\\')
                last = s + 1;
        *file = last && *last ? last : NULL;
        if (!wstr_nicmp(buf, u"\\\\.\\", 4))
            *file = NULL; /* a device has no file part */
    }
    free(full);
    return r;
}

/* GetFullPathNameA (kernel32) */
DWORD WINAPI GetFullPathNameA(LPCSTR name, DWORD size, LPSTR buf, LPSTR *file)
{
    if (!name || !*name) {
        set_last_error(ERROR_INVALID_NAME);
        return 0;
    }
    WCHAR *w = a_to_w(name), *full = path_full_dos(w);
    DWORD r = w_result_to_a(full, buf, size);
    if (r < size && file) {
        char *last = strrchr(buf, '\\');
        *file = last && last[1] ? last + 1 : NULL;
        if (!strncmp(buf, "\\\\.\\", 4))
            *file = NULL;
    }
    free(w);
    free(full);
    return r;
}

/* GetCurrentDirectoryW (kernel32): without the trailing backslash,
 * except at a drive's root. */
DWORD WINAPI GetCurrentDirectoryW(DWORD size, LPWSTR buf)
{
    WCHAR *c = wstr_dup(path_get_cwd());
    size_t n = wstr_len(c);
    if (n > 3 && c[n - 1] == '\\')
        c[n - 1] = 0;
    DWORD r = w_result_to_w(c, buf, size);
    free(c);
    return r;
}

/* GetCurrentDirectoryA (kernel32) */
DWORD WINAPI GetCurrentDirectoryA(DWORD size, LPSTR buf)
{
    WCHAR *c = wstr_dup(path_get_cwd());
    size_t n = wstr_len(c);
    if (n > 3 && c[n - 1] == '\\')
        c[n - 1] = 0;
    DWORD r = w_result_to_a(c, buf, size);
    free(c);
    return r;
}

/* SetCurrentDirectoryW (kernel32) */
BOOL WINAPI SetCurrentDirectoryW(LPCWSTR dir)
{
    if (!dir) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    NTSTATUS st = path_set_cwd(dir);
    if (st == STATUS_NOT_A_DIRECTORY) {
        set_last_error(ERROR_DIRECTORY);
        return FALSE;
    }
    if (st == STATUS_OBJECT_NAME_NOT_FOUND)
        st = STATUS_OBJECT_NAME_NOT_FOUND;
    if (!st) {
        RTL_USER_PROCESS_PARAMETERS *pp = nt_peb()->ProcessParameters;
        const WCHAR *c = path_get_cwd();
        size_t n = wstr_len(c);
        if (n < 520) {
            memcpy(pp->CurrentDirectory.DosPath.Buffer, c, (n + 1) * sizeof(WCHAR));
            pp->CurrentDirectory.DosPath.Length = n * sizeof(WCHAR);
        }
    }
    return set_ntstatus(st);
}

/* SetCurrentDirectoryA (kernel32) */
BOOL WINAPI SetCurrentDirectoryA(LPCSTR dir)
{
    WCHAR *w = a_to_w(dir);
    BOOL r = SetCurrentDirectoryW(w);
    free(w);
    return r;
}

/* GetTempPathW (kernel32): TMP, TEMP, USERPROFILE, else the Windows
 * directory, always ending in a backslash. */
DWORD WINAPI GetTempPathW(DWORD size, LPWSTR buf)
{
    static const WCHAR *vars[] = {u"TMP", u"TEMP", u"USERPROFILE"};
    WCHAR *v = NULL;
    for (int i = 0; i < 3 && !v; i++)
        v = process_getenv_w(vars[i]);
    WCHAR *full = path_full_dos(v ? v : u"C:\\windows");
    free(v);
    size_t n = wstr_len(full);
    WCHAR *r = malloc((n + 2) * sizeof(WCHAR));
    memcpy(r, full, n * sizeof(WCHAR));
    if (!n || r[n - 1] != '\\')
        r[n++] = '\\';
    r[n] = 0;
    free(full);
    DWORD res = w_result_to_w(r, buf, size);
    free(r);
    return res;
}

/* GetTempPathA (kernel32) */
DWORD WINAPI GetTempPathA(DWORD size, LPSTR buf)
{
    WCHAR w[MAX_PATH + 2];
    if (!GetTempPathW(MAX_PATH + 2, w))
        return 0;
    return w_result_to_a(w, buf, size);
}

/* GetTempPath2W (kernel32) */
DWORD WINAPI GetTempPath2W(DWORD size, LPWSTR buf) { return GetTempPathW(size, buf); }

/* GetTempFileNameW (kernel32): <path>\<pre><hex>.tmp; with unique 0 a
 * free name is found and the file created. */
UINT WINAPI GetTempFileNameW(LPCWSTR path, LPCWSTR prefix, UINT unique, LPWSTR buf)
{
    size_t pl = wstr_len(path);
    UINT num = unique ? unique & 0xffff : (getpid() ^ (UINT)time(NULL)) & 0xffff;
    for (int tries = 0; tries < 65536; tries++) {
        char tail[32];
        WCHAR wt[32];
        snprintf(tail, sizeof tail, "%.3s%X.tmp", "", num ? num : 1);
        utf8_to_wstr(tail, -1, wt, 32);
        size_t k = 0;
        memcpy(buf, path, pl * sizeof(WCHAR));
        k = pl;
        if (k && buf[k - 1] != '\\')
            buf[k++] = '\\';
        for (int i = 0; prefix && prefix[i] && i < 3; i++)
            buf[k++] = prefix[i];
        memcpy(buf + k, wt, (wstr_len(wt) + 1) * sizeof(WCHAR));
        if (unique)
            return num;
        HANDLE h = CreateFileW(buf, GENERIC_WRITE, 0, NULL, CREATE_NEW,
                               FILE_ATTRIBUTE_NORMAL, NULL);
        if (h != INVALID_HANDLE_VALUE) {
            CloseHandle(h);
            return num ? num : 1;
        }
        if (GetLastError() != ERROR_FILE_EXISTS && GetLastError() != ERROR_SHARING_VIOLATION)
            return 0;
        num = (num + 1) & 0xffff;
    }
    return 0;
}

/* GetTempFileNameA (kernel32) */
UINT WINAPI GetTempFileNameA(LPCSTR path, LPCSTR prefix, UINT unique, LPSTR buf)
{
    WCHAR *p = a_to_w(path), *pre = a_to_w(prefix), w[MAX_PATH];
    UINT r = GetTempFileNameW(p, pre, unique, w);
    if (r)
        wstr_to_utf8(w, -1, buf, MAX_PATH);
    free(p);
    free(pre);
    return r;
}

/* GetLongPathNameW (kernel32): no short names exist here. */
DWORD WINAPI GetLongPathNameW(LPCWSTR name, LPWSTR buf, DWORD size)
{
    if (GetFileAttributesW(name) == INVALID_FILE_ATTRIBUTES)
        return 0;
    return w_result_to_w(name, buf, size);
}

/* GetShortPathNameW (kernel32) */
DWORD WINAPI GetShortPathNameW(LPCWSTR name, LPWSTR buf, DWORD size)
{
    return GetLongPathNameW(name, buf, size);
}

#define DRIVE_NO_ROOT_DIR 1
#define DRIVE_FIXED 3

/* GetDriveTypeW (kernel32) */
UINT WINAPI GetDriveTypeW(LPCWSTR root)
{
    WCHAR r[4] = {0};
    if (!root)
        r[0] = path_get_cwd()[0];
    else
        r[0] = root[0];
    if (!((r[0] | 32) >= 'a' && (r[0] | 32) <= 'z'))
        return DRIVE_NO_ROOT_DIR;
    r[1] = ':';
    r[2] = '\\';
    return GetFileAttributesW(r) == INVALID_FILE_ATTRIBUTES ? DRIVE_NO_ROOT_DIR
                                                            : DRIVE_FIXED;
}

/* GetDriveTypeA (kernel32) */
UINT WINAPI GetDriveTypeA(LPCSTR root)
{
    WCHAR *w = a_to_w(root);
    UINT r = GetDriveTypeW(w);
    free(w);
    return r;
}

/* GetLogicalDrives (kernel32): C: and Z:, plus configured letters. */
DWORD WINAPI GetLogicalDrives(void)
{
    DWORD mask = (1u << 2) | (1u << 25);
    for (int i = 0; i < 26; i++) {
        if (i == 2 || i == 25)
            continue;
        char link[4096];
        snprintf(link, sizeof link, "%s/dosdevices/%c:", path_prefix(), 'a' + i);
        struct stat st;
        if (stat(link, &st) == 0)
            mask |= 1u << i;
    }
    return mask;
}
