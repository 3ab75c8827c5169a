/* Enumerating a key's subkeys and values, and what RegQueryInfoKey
 * counts. Subkeys come sorted by name, case-insensitively; values in the
 * order they were created, as a hive keeps them. */
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL reg
#include "debug.h"
#include "registry.h"
#include "status.h"
#include "win32.h"
#include "wstr.h"

struct nth {
    char *name;
    struct value v;
};

static int name_row(sqlite3_stmt *st, void *ctx)
{
    struct nth *n = ctx;
    n->name = strdup(regdb_col_text(st, 0));
    return 1;
}

static LONG copy_name_w(const char *name, LPWSTR out, LPDWORD len)
{
    size_t units = utf8_to_wstr(name, -1, NULL, 0); /* with NUL */
    if (*len < units) {
        *len = units - 1;
        return ERROR_MORE_DATA;
    }
    utf8_to_wstr(name, -1, out, *len);
    *len = units - 1;
    return ERROR_SUCCESS;
}

/* RegEnumKeyExW (advapi32): subkeys in case-insensitive name order. */
LONG WINAPI RegEnumKeyExW(HKEY h, DWORD index, LPWSTR name, LPDWORD len, LPDWORD reserved,
                          LPWSTR cls, LPDWORD cls_len, FILETIME *ft)
{
    if (!name || !len)
        return ERROR_INVALID_PARAMETER;
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id;
    LONG r = reg_key_lookup(h, &id);
    struct nth n = {0};
    if (!r)
        regdb_run("SELECT name FROM keys WHERE parent=? ORDER BY lname LIMIT 1 OFFSET ?",
                  name_row, &n, "ii", id, (int64_t)index);
    regdb_unlock();
    if (r)
        return r;
    if (!n.name)
        return ERROR_NO_MORE_ITEMS;
    r = copy_name_w(n.name, name, len);
    free(n.name);
    if (cls_len)
        *cls_len = 0;
    if (cls)
        cls[0] = 0;
    if (ft)
        GetSystemTimeAsFileTime(ft);
    return r;
}

/* RegEnumKeyW (advapi32) */
LONG WINAPI RegEnumKeyW(HKEY h, DWORD index, LPWSTR name, DWORD len)
{
    return RegEnumKeyExW(h, index, name, &len, NULL, NULL, NULL, NULL);
}

/* RegEnumKeyExA (advapi32) */
LONG WINAPI RegEnumKeyExA(HKEY h, DWORD index, LPSTR name, LPDWORD len, LPDWORD reserved,
                          LPSTR cls, LPDWORD cls_len, FILETIME *ft)
{
    if (!name || !len)
        return ERROR_INVALID_PARAMETER;
    WCHAR w[256];
    DWORD wl = 256;
    LONG r = RegEnumKeyExW(h, index, w, &wl, NULL, NULL, NULL, ft);
    if (r)
        return r;
    DWORD need = wstr_to_utf8(w, -1, NULL, 0);
    if (*len < need) {
        *len = need - 1;
        return ERROR_MORE_DATA;
    }
    wstr_to_utf8(w, -1, name, *len);
    *len = need - 1;
    if (cls_len)
        *cls_len = 0;
    return ERROR_SUCCESS;
}

static int value_name_row(sqlite3_stmt *st, void *ctx)
{
    struct nth *n = ctx;
    n->name = strdup(regdb_col_text(st, 2));
    reg_value_row(st, &n->v);
    return 1;
}

/* The index-th value of a key, in the order the values were created. */
static LONG nth_value(HKEY h, DWORD index, struct nth *n)
{
    memset(n, 0, sizeof *n);
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id;
    LONG r = reg_key_lookup(h, &id);
    if (!r)
        regdb_run("SELECT type, data, name FROM vals WHERE key=? ORDER BY rowid LIMIT 1 OFFSET ?",
                  value_name_row, n, "ii", id, (int64_t)index);
    regdb_unlock();
    if (!r && !n->name)
        r = ERROR_NO_MORE_ITEMS;
    return r;
}

/* RegEnumValueW (advapi32): values in the order they were created. The
 * type and the data size are always given; the name only if it fits
 * (else *name_len stays), the data only if both fit. */
LONG WINAPI RegEnumValueW(HKEY h, DWORD index, LPWSTR name, LPDWORD name_len,
                          LPDWORD reserved, LPDWORD type, BYTE *data, LPDWORD size)
{
    if (!name || !name_len || (data && !size))
        return ERROR_INVALID_PARAMETER;
    struct nth n;
    LONG r = nth_value(h, index, &n);
    if (r)
        return r;
    size_t units = utf8_to_wstr(n.name, -1, NULL, 0); /* with NUL */
    int name_fits = *name_len >= units, data_fits = !data || *size >= n.v.len;
    if (type)
        *type = n.v.type;
    if (name_fits) {
        utf8_to_wstr(n.name, -1, name, *name_len);
        *name_len = units - 1;
    }
    if (name_fits && data_fits && data)
        memcpy(data, n.v.data, n.v.len);
    if (size)
        *size = n.v.len;
    free(n.name);
    reg_free_value(&n.v);
    return name_fits && data_fits ? ERROR_SUCCESS : ERROR_MORE_DATA;
}

/* RegEnumValueA (advapi32): as RegEnumValueW, but when anything is too
 * long only the type and the data size are given, as Windows does. */
LONG WINAPI RegEnumValueA(HKEY h, DWORD index, LPSTR name, LPDWORD name_len, LPDWORD reserved,
                          LPDWORD type, BYTE *data, LPDWORD size)
{
    if (!name || !name_len || (data && !size))
        return ERROR_INVALID_PARAMETER;
    struct nth n;
    LONG r = nth_value(h, index, &n);
    if (r)
        return r;
    if (reg_is_string(n.v.type))
        reg_to_ansi(&n.v);
    size_t need = strlen(n.name) + 1;
    int fits = *name_len >= need && (!data || *size >= n.v.len);
    if (type)
        *type = n.v.type;
    if (fits) {
        memcpy(name, n.name, need);
        *name_len = need - 1;
        if (data)
            memcpy(data, n.v.data, n.v.len);
    }
    if (size)
        *size = n.v.len;
    free(n.name);
    reg_free_value(&n.v);
    return fits ? ERROR_SUCCESS : ERROR_MORE_DATA;
}

static int info_row(sqlite3_stmt *st, void *ctx)
{
    int64_t *p = ctx;
    p[0] = regdb_col_int(st, 0);
    p[1] = regdb_col_int(st, 1);
    p[2] = regdb_col_int(st, 2);
    return 1;
}

/* RegQueryInfoKeyW (advapi32): counts and the longest names (characters,
 * without the terminator) and data (bytes). */
LONG WINAPI RegQueryInfoKeyW(HKEY h, LPWSTR cls, LPDWORD cls_len, LPDWORD reserved,
                             LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_cls,
                             LPDWORD values, LPDWORD max_name, LPDWORD max_data, LPDWORD sd,
                             FILETIME *ft)
{
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id, k[3] = {0}, v[3] = {0};
    LONG r = reg_key_lookup(h, &id);
    if (!r) {
        regdb_run("SELECT count(*), coalesce(max(length(name)),0), 0 FROM keys WHERE parent=?",
                  info_row, k, "i", id);
        regdb_run("SELECT count(*), coalesce(max(length(name)),0), coalesce(max(length(data)),0) "
                  "FROM vals WHERE key=?", info_row, v, "i", id);
    }
    regdb_unlock();
    if (r)
        return r;
    if (cls_len)
        *cls_len = 0;
    if (cls)
        cls[0] = 0;
    if (subkeys)
        *subkeys = k[0];
    if (max_subkey)
        *max_subkey = k[1];
    if (max_cls)
        *max_cls = 0;
    if (values)
        *values = v[0];
    if (max_name)
        *max_name = v[1];
    if (max_data)
        *max_data = v[2];
    if (sd)
        *sd = 0;
    if (ft)
        GetSystemTimeAsFileTime(ft);
    return ERROR_SUCCESS;
}

/* RegQueryInfoKeyA (advapi32) */
LONG WINAPI RegQueryInfoKeyA(HKEY h, LPSTR cls, LPDWORD cls_len, LPDWORD reserved,
                             LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_cls,
                             LPDWORD values, LPDWORD max_name, LPDWORD max_data, LPDWORD sd,
                             FILETIME *ft)
{
    if (cls && cls_len && *cls_len)
        cls[0] = 0;
    return RegQueryInfoKeyW(h, NULL, cls_len, reserved, subkeys, max_subkey, max_cls, values,
                            max_name, max_data, sd, ft);
}

/* RegNotifyChangeKeyValue (advapi32): FIXME no change notifications; an
 * asynchronous request is accepted and never signalled. */
LONG WINAPI RegNotifyChangeKeyValue(HKEY h, BOOL subtree, DWORD filter, HANDLE event,
                                    BOOL async)
{
    FIXME("registry change notifications");
    return async ? ERROR_SUCCESS : ERROR_CALL_NOT_IMPLEMENTED;
}
