/* The Reg* functions (winreg.h) over the SQLite store. Opened keys are
 * handles to key objects; the predefined HKEY_* values are roots. Errors
 * are Win32 codes returned directly, as the registry API does. "A"
 * functions convert names, and REG_SZ/EXPAND_SZ/MULTI_SZ data, between
 * UTF-16 and the ANSI code page (UTF-8). Enumeration: regenum.c. */
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL reg
#include "debug.h"
#include "object.h"
#include "regdb.h"
#include "registry.h"
#include "status.h"
#include "win32.h"
#include "wstr.h"

struct key {
    struct object obj;
    int64_t id;
};

static const struct object_ops key_ops = {NULL, NULL, NULL};

static int exists_row(sqlite3_stmt *st, void *ctx)
{
    *(int *)ctx = 1;
    return 1;
}

/* The store id of an HKEY (a root or an opened key), under the store's
 * lock: ERROR_INVALID_HANDLE for no key, ERROR_KEY_DELETED for a handle
 * whose key was deleted since. Only the low 32 bits of a predefined key
 * count, as on Windows: winreg.h's HKEY_* values are sign-extended. For
 * HKEY_CLASSES_ROOT, HKLM\Software\Classes. */
LONG reg_key_lookup(HKEY h, int64_t *id)
{
    *id = 0;
    switch ((DWORD)(ULONG_PTR)h) {
    case 0x80000000: *id = regdb_walk(REGDB_HKLM, "SOFTWARE\\Classes", 1, NULL); break;
    case 0x80000001: *id = REGDB_HKCU; break;
    case 0x80000002: *id = REGDB_HKLM; break;
    case 0x80000003: *id = REGDB_HKU; break;
    case 0x80000005: *id = REGDB_HKCC; break;
    }
    if (*id)
        return ERROR_SUCCESS;
    struct key *k = (struct key *)handle_ref(h, OBJ_KEY);
    if (!k)
        return ERROR_INVALID_HANDLE;
    int64_t kid = k->id;
    object_put(&k->obj);
    int found = 0;
    regdb_run("SELECT 1 FROM keys WHERE id=?", exists_row, &found, "i", kid);
    if (!found)
        return ERROR_KEY_DELETED;
    *id = kid;
    return ERROR_SUCCESS;
}

static int is_predefined(HKEY h)
{
    DWORD v = (DWORD)(ULONG_PTR)h;
    return v >= 0x80000000 && v <= 0x80000006;
}

static HKEY new_key(int64_t id)
{
    struct key *k = calloc(1, sizeof *k);
    object_init(&k->obj, OBJ_KEY, &key_ops);
    k->id = id;
    HKEY h = handle_alloc(&k->obj, FALSE);
    object_put(&k->obj);
    return h;
}

static char *utf8(LPCWSTR s) { return s ? wstr_to_utf8_alloc(s) : NULL; }

/* RegOpenKeyExW (advapi32) */
LONG WINAPI RegOpenKeyExW(HKEY parent, LPCWSTR subkey, DWORD options, DWORD access, HKEY *out)
{
    if (!out)
        return ERROR_INVALID_PARAMETER;
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t from, id = 0;
    LONG r = reg_key_lookup(parent, &from);
    char *path = utf8(subkey);
    if (!r)
        id = regdb_walk(from, path, 0, NULL);
    regdb_unlock();
    TRACE("%s -> %lld", path ? path : "", (long long)id);
    free(path);
    if (r)
        return r;
    if (!id)
        return ERROR_FILE_NOT_FOUND;
    *out = new_key(id);
    return ERROR_SUCCESS;
}

/* RegOpenKeyExA (advapi32) */
LONG WINAPI RegOpenKeyExA(HKEY parent, LPCSTR subkey, DWORD options, DWORD access, HKEY *out)
{
    WCHAR *w = subkey ? utf8_to_wstr_alloc(subkey) : NULL;
    LONG r = RegOpenKeyExW(parent, w, options, access, out);
    free(w);
    return r;
}

/* RegOpenKeyW (advapi32) */
LONG WINAPI RegOpenKeyW(HKEY parent, LPCWSTR subkey, HKEY *out)
{
    return RegOpenKeyExW(parent, subkey, 0, 0, out);
}

/* RegOpenKeyA (advapi32) */
LONG WINAPI RegOpenKeyA(HKEY parent, LPCSTR subkey, HKEY *out)
{
    return RegOpenKeyExA(parent, subkey, 0, 0, out);
}

/* RegOpenCurrentUser (advapi32) */
LONG WINAPI RegOpenCurrentUser(DWORD access, HKEY *out)
{
    *out = HKEY_CURRENT_USER;
    return ERROR_SUCCESS;
}

/* RegCreateKeyExW (advapi32) */
LONG WINAPI RegCreateKeyExW(HKEY parent, LPCWSTR subkey, DWORD reserved, LPWSTR cls,
                            DWORD options, DWORD access, SECURITY_ATTRIBUTES *sa, HKEY *out,
                            LPDWORD disposition)
{
    if (!out)
        return ERROR_BADKEY;
    if (subkey && subkey[0] == '\\')
        return ERROR_BAD_PATHNAME;
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t from, id = 0;
    LONG r = reg_key_lookup(parent, &from);
    char *path = utf8(subkey);
    int created = 0;
    if (!r) {
        regdb_begin();
        id = regdb_walk(from, path, 1, &created);
        regdb_commit();
    }
    regdb_unlock();
    free(path);
    if (r)
        return r;
    if (!id)
        return ERROR_ACCESS_DENIED;
    if (disposition)
        *disposition = created ? REG_CREATED_NEW_KEY : REG_OPENED_EXISTING_KEY;
    *out = new_key(id);
    return ERROR_SUCCESS;
}

/* RegCreateKeyExA (advapi32) */
LONG WINAPI RegCreateKeyExA(HKEY parent, LPCSTR subkey, DWORD reserved, LPSTR cls,
                            DWORD options, DWORD access, SECURITY_ATTRIBUTES *sa, HKEY *out,
                            LPDWORD disposition)
{
    WCHAR *w = subkey ? utf8_to_wstr_alloc(subkey) : NULL;
    LONG r = RegCreateKeyExW(parent, w, 0, NULL, options, access, sa, out, disposition);
    free(w);
    return r;
}

/* RegCreateKeyW (advapi32) */
LONG WINAPI RegCreateKeyW(HKEY parent, LPCWSTR subkey, HKEY *out)
{
    if (!out)
        return ERROR_INVALID_PARAMETER;
    return RegCreateKeyExW(parent, subkey, 0, NULL, 0, 0, NULL, out, NULL);
}

/* RegCreateKeyA (advapi32) */
LONG WINAPI RegCreateKeyA(HKEY parent, LPCSTR subkey, HKEY *out)
{
    if (!out)
        return ERROR_INVALID_PARAMETER;
    return RegCreateKeyExA(parent, subkey, 0, NULL, 0, 0, NULL, out, NULL);
}

/* RegCloseKey (advapi32) */
LONG WINAPI RegCloseKey(HKEY h)
{
    if (is_predefined(h))
        return ERROR_SUCCESS;
    return handle_close(h) ? ERROR_INVALID_HANDLE : ERROR_SUCCESS;
}

/* RegFlushKey (advapi32): every change is committed already. */
LONG WINAPI RegFlushKey(HKEY h) { return ERROR_SUCCESS; }

int reg_value_row(sqlite3_stmt *st, void *ctx)
{
    struct value *v = ctx;
    v->type = regdb_col_int(st, 0);
    v->len = regdb_col_bytes(st, 1);
    v->data = malloc(v->len + 2);
    memcpy(v->data, regdb_col_blob(st, 1), v->len);
    if (regdb_col_text(st, 2))
        v->name = strdup(regdb_col_text(st, 2));
    v->found = 1;
    return 1;
}

static int get_value(int64_t key, const char *name, struct value *v)
{
    char *l = regdb_fold(name ? name : "");
    memset(v, 0, sizeof *v);
    regdb_run("SELECT type, data, name FROM vals WHERE key=? AND lname=?", reg_value_row, v, "it",
              key, l);
    free(l);
    return v->found;
}

/* Reads one value of a key: ERROR_SUCCESS with *v filled (free with
 * reg_free_value), or the error for a bad or deleted key or a missing value. */
static LONG read_value(HKEY h, const char *name, struct value *v)
{
    memset(v, 0, sizeof *v);
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id;
    LONG r = reg_key_lookup(h, &id);
    if (!r && !get_value(id, name, v))
        r = ERROR_FILE_NOT_FOUND;
    regdb_unlock();
    return r;
}

void reg_free_value(struct value *v)
{
    free(v->data);
    free(v->name);
}

/* Copies value data to the caller's buffer with the registry's rules:
 * size-only queries, ERROR_MORE_DATA with the needed size. */
static LONG deliver(const struct value *v, LPDWORD type, BYTE *data, LPDWORD size)
{
    if (type)
        *type = v->type;
    if (!size)
        return data ? ERROR_INVALID_PARAMETER : ERROR_SUCCESS;
    DWORD have = *size;
    *size = v->len;
    if (!data)
        return ERROR_SUCCESS;
    if (have < v->len)
        return ERROR_MORE_DATA;
    memcpy(data, v->data, v->len);
    return ERROR_SUCCESS;
}

/* RegQueryValueExW (advapi32) */
LONG WINAPI RegQueryValueExW(HKEY h, LPCWSTR name, LPDWORD reserved, LPDWORD type, BYTE *data,
                             LPDWORD size)
{
    if (data && !size)
        return ERROR_INVALID_PARAMETER;
    char *n = utf8(name);
    struct value v;
    LONG r = read_value(h, n, &v);
    free(n);
    if (!r)
        r = deliver(&v, type, data, size);
    reg_free_value(&v);
    return r;
}

int reg_is_string(DWORD t) { return t == REG_SZ || t == REG_EXPAND_SZ || t == REG_MULTI_SZ; }

/* UTF-16 string data to ANSI (UTF-8), keeping embedded NULs (MULTI_SZ). */
void reg_to_ansi(struct value *v)
{
    size_t units = v->len / 2;
    size_t need = wstr_to_utf8(v->data, units, NULL, 0);
    char *a = malloc(need + 1);
    wstr_to_utf8(v->data, units, a, need);
    free(v->data);
    v->data = a;
    v->len = need;
}

/* RegQueryValueExA (advapi32) */
LONG WINAPI RegQueryValueExA(HKEY h, LPCSTR name, LPDWORD reserved, LPDWORD type, BYTE *data,
                             LPDWORD size)
{
    if (data && !size)
        return ERROR_INVALID_PARAMETER;
    struct value v;
    LONG r = read_value(h, name, &v);
    if (!r) {
        if (reg_is_string(v.type))
            reg_to_ansi(&v);
        r = deliver(&v, type, data, size);
    }
    reg_free_value(&v);
    return r;
}

static LONG set_value(HKEY h, const char *name, DWORD type, const void *data, DWORD len)
{
    if (!data && len)
        return ERROR_NOACCESS;
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id;
    LONG r = reg_key_lookup(h, &id);
    if (!r && regdb_set_value(id, name, type, data, len) < 0)
        r = ERROR_ACCESS_DENIED;
    regdb_unlock();
    return r;
}

/* RegSetValueExW (advapi32): a string whose size leaves out its
 * terminator, which follows in memory, gets it counted (as Windows does,
 * for programs that pass wcslen * 2). */
LONG WINAPI RegSetValueExW(HKEY h, LPCWSTR name, DWORD reserved, DWORD type, const BYTE *data,
                           DWORD len)
{
    if (data && len >= sizeof(WCHAR) && reg_is_string(type)) {
        const WCHAR *w = (const WCHAR *)data;
        if (w[len / 2 - 1] && !w[len / 2])
            len = (len / 2 + 1) * sizeof(WCHAR);
    }
    char *n = utf8(name);
    LONG r = set_value(h, n, type, data, len);
    free(n);
    return r;
}

/* RegSetValueExA (advapi32): strings are stored as UTF-16, as the W
 * functions and every other reader expect; a missing terminator is
 * counted as in RegSetValueExW. */
LONG WINAPI RegSetValueExA(HKEY h, LPCSTR name, DWORD reserved, DWORD type, const BYTE *data,
                           DWORD len)
{
    if (!reg_is_string(type) || !data)
        return set_value(h, name, type, data, len);
    if (len && data[len - 1] && !data[len])
        len++;
    size_t units = utf8_to_wstr((const char *)data, len, NULL, 0);
    WCHAR *w = malloc((units + 1) * sizeof(WCHAR));
    utf8_to_wstr((const char *)data, len, w, units);
    LONG r = set_value(h, name, type, w, units * sizeof(WCHAR));
    free(w);
    return r;
}

/* RegSetKeyValueW (advapi32) */
LONG WINAPI RegSetKeyValueW(HKEY h, LPCWSTR subkey, LPCWSTR name, DWORD type, LPCVOID data,
                            DWORD len)
{
    HKEY k;
    LONG r = RegCreateKeyExW(h, subkey, 0, NULL, 0, 0, NULL, &k, NULL);
    if (r)
        return r;
    r = RegSetValueExW(k, name, 0, type, data, len);
    RegCloseKey(k);
    return r;
}

#define RRF_RT_REG_NONE 0x1
#define RRF_RT_REG_SZ 0x2
#define RRF_RT_REG_EXPAND_SZ 0x4
#define RRF_RT_REG_BINARY 0x8
#define RRF_RT_REG_DWORD 0x10
#define RRF_RT_REG_MULTI_SZ 0x20
#define RRF_RT_REG_QWORD 0x40
#define RRF_RT_DWORD (RRF_RT_REG_BINARY | RRF_RT_REG_DWORD)
#define RRF_RT_QWORD (RRF_RT_REG_BINARY | RRF_RT_REG_QWORD)
#define RRF_RT_ANY 0xffff
#define RRF_NOEXPAND 0x10000000
#define RRF_ZEROONFAILURE 0x20000000

static DWORD type_flag(DWORD type)
{
    switch (type) {
    case REG_NONE: return RRF_RT_REG_NONE;
    case REG_SZ: return RRF_RT_REG_SZ;
    case REG_EXPAND_SZ: return RRF_RT_REG_EXPAND_SZ;
    case REG_BINARY: return RRF_RT_REG_BINARY;
    case REG_DWORD: return RRF_RT_REG_DWORD;
    case REG_MULTI_SZ: return RRF_RT_REG_MULTI_SZ;
    case REG_QWORD: return RRF_RT_REG_QWORD;
    }
    return 0;
}

/* RegGetValueW (advapi32): RegQueryValueEx with a type filter. REG_EXPAND_SZ
 * comes back expanded, as REG_SZ, unless RRF_NOEXPAND (so RRF_RT_REG_EXPAND_SZ
 * alone fails with ERROR_UNSUPPORTED_TYPE, as since Windows 8); strings are
 * terminated. A value of a type the flags exclude is still delivered, but
 * the call fails with ERROR_UNSUPPORTED_TYPE; REG_BINARY asked for as
 * RRF_RT_DWORD/QWORD must have 4/8 bytes (ERROR_DATATYPE_MISMATCH). */
LONG WINAPI RegGetValueW(HKEY h, LPCWSTR subkey, LPCWSTR name, DWORD flags, LPDWORD type,
                         PVOID data, LPDWORD size)
{
    if (data && !size)
        return ERROR_INVALID_PARAMETER;
    DWORD have = size ? *size : 0;
    HKEY k = h;
    LONG r = ERROR_SUCCESS;
    if (subkey && *subkey)
        r = RegOpenKeyExW(h, subkey, 0, 0, &k);
    struct value v = {0};
    if (!r) {
        char *n = utf8(name);
        r = read_value(k, n, &v);
        free(n);
        if (k != h)
            RegCloseKey(k);
    }
    if (!r) {
        if (v.type == REG_EXPAND_SZ && !(flags & RRF_NOEXPAND)) {
            ((WCHAR *)v.data)[v.len / 2] = 0;
            DWORD n2 = ExpandEnvironmentStringsW(v.data, NULL, 0);
            WCHAR *e = malloc(n2 * sizeof(WCHAR));
            ExpandEnvironmentStringsW(v.data, e, n2);
            free(v.data);
            v.data = e;
            v.len = n2 * sizeof(WCHAR);
            v.type = REG_SZ;
        } else if (reg_is_string(v.type) && (v.len < 2 || ((WCHAR *)v.data)[v.len / 2 - 1])) {
            ((WCHAR *)v.data)[v.len / 2] = 0; /* add the missing terminator */
            v.len = (v.len / 2 + 1) * 2;
        }
        r = deliver(&v, type, data, size);
        if (!r || r == ERROR_MORE_DATA) {
            if (!(flags & type_flag(v.type)))
                r = ERROR_UNSUPPORTED_TYPE;
            else if (v.type == REG_BINARY && (flags & RRF_RT_ANY) == RRF_RT_DWORD && v.len != 4)
                r = ERROR_DATATYPE_MISMATCH;
            else if (v.type == REG_BINARY && (flags & RRF_RT_ANY) == RRF_RT_QWORD && v.len != 8)
                r = ERROR_DATATYPE_MISMATCH;
        }
    }
    if (r && (flags & RRF_ZEROONFAILURE) && data)
        memset(data, 0, have);
    reg_free_value(&v);
    return r;
}

/* RegGetValueA (advapi32) */
LONG WINAPI RegGetValueA(HKEY h, LPCSTR subkey, LPCSTR name, DWORD flags, LPDWORD type,
                         PVOID data, LPDWORD size)
{
    if (data && !size)
        return ERROR_INVALID_PARAMETER;
    WCHAR *ws = subkey ? utf8_to_wstr_alloc(subkey) : NULL, *wn = name ? utf8_to_wstr_alloc(name) : NULL;
    DWORD t = 0, need = 0, have = size ? *size : 0;
    BYTE *buf = NULL;
    /* the whole value in UTF-16 first, whatever the filter says */
    LONG r = RegGetValueW(h, ws, wn, flags & ~RRF_ZEROONFAILURE, &t, NULL, &need);
    if (!r || r == ERROR_UNSUPPORTED_TYPE || r == ERROR_DATATYPE_MISMATCH) {
        buf = malloc(need + 2);
        r = RegGetValueW(h, ws, wn, flags & ~RRF_ZEROONFAILURE, &t, buf, &need);
        if (!r || r == ERROR_UNSUPPORTED_TYPE || r == ERROR_DATATYPE_MISMATCH) {
            struct value v = {t, buf, need, NULL, 1};
            if (reg_is_string(t))
                reg_to_ansi(&v);
            LONG r2 = deliver(&v, type, data, size);
            buf = v.data;
            if (r2)
                r = r2;
        }
    }
    if (r && (flags & RRF_ZEROONFAILURE) && data)
        memset(data, 0, have);
    free(buf);
    free(ws);
    free(wn);
    return r;
}

/* RegDeleteValueW (advapi32) */
LONG WINAPI RegDeleteValueW(HKEY h, LPCWSTR name)
{
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id;
    LONG r = reg_key_lookup(h, &id);
    char *n = utf8(name), *l = regdb_fold(n ? n : "");
    struct value v;
    if (!r && !get_value(id, n, &v))
        r = ERROR_FILE_NOT_FOUND;
    else if (!r) {
        regdb_run("DELETE FROM vals WHERE key=? AND lname=?", NULL, NULL, "it", id, l);
        reg_free_value(&v);
    }
    regdb_unlock();
    free(n);
    free(l);
    return r;
}

/* RegDeleteValueA (advapi32) */
LONG WINAPI RegDeleteValueA(HKEY h, LPCSTR name)
{
    WCHAR *w = name ? utf8_to_wstr_alloc(name) : NULL;
    LONG r = RegDeleteValueW(h, w);
    free(w);
    return r;
}

static int count_row(sqlite3_stmt *st, void *ctx)
{
    *(int64_t *)ctx = regdb_col_int(st, 0);
    return 1;
}

static void delete_tree(int64_t id)
{
    int64_t child;
    for (;;) {
        child = 0;
        regdb_run("SELECT id FROM keys WHERE parent=? LIMIT 1", count_row, &child, "i", id);
        if (!child)
            break;
        delete_tree(child);
    }
    regdb_run("DELETE FROM vals WHERE key=?", NULL, NULL, "i", id);
    regdb_run("DELETE FROM keys WHERE id=?", NULL, NULL, "i", id);
}

/* RegDeleteKeyExW (advapi32): only a key without subkeys (else
 * ERROR_ACCESS_DENIED); "" deletes the key the handle names. */
LONG WINAPI RegDeleteKeyExW(HKEY h, LPCWSTR subkey, DWORD access, DWORD reserved)
{
    if (!subkey)
        return ERROR_INVALID_PARAMETER;
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t from, id = 0, children = 0;
    LONG r = reg_key_lookup(h, &from);
    char *path = utf8(subkey);
    if (!r)
        id = regdb_walk(from, path, 0, NULL);
    if (!r && (!id || id <= REGDB_ROOTS))
        r = id ? ERROR_ACCESS_DENIED : ERROR_FILE_NOT_FOUND;
    if (!r) {
        regdb_run("SELECT count(*) FROM keys WHERE parent=?", count_row, &children, "i", id);
        if (children) {
            r = ERROR_ACCESS_DENIED;
        } else {
            regdb_begin();
            delete_tree(id);
            regdb_commit();
        }
    }
    regdb_unlock();
    free(path);
    return r;
}

/* RegDeleteKeyW (advapi32) */
LONG WINAPI RegDeleteKeyW(HKEY h, LPCWSTR subkey) { return RegDeleteKeyExW(h, subkey, 0, 0); }

/* RegDeleteKeyA (advapi32) */
LONG WINAPI RegDeleteKeyA(HKEY h, LPCSTR subkey)
{
    WCHAR *w = subkey ? utf8_to_wstr_alloc(subkey) : NULL;
    LONG r = RegDeleteKeyExW(h, w, 0, 0);
    free(w);
    return r;
}

/* RegDeleteTreeW (advapi32): the subkey and everything below it (or,
 * without a subkey, everything below the key). */
LONG WINAPI RegDeleteTreeW(HKEY h, LPCWSTR subkey)
{
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t from, id = 0;
    LONG r = reg_key_lookup(h, &from);
    char *path = utf8(subkey);
    if (!r) {
        id = subkey ? regdb_walk(from, path, 0, NULL) : from;
        if (!id)
            r = ERROR_FILE_NOT_FOUND;
    }
    if (!r) {
        regdb_begin();
        if (subkey && id > REGDB_ROOTS) {
            delete_tree(id);
        } else {
            int64_t child;
            do {
                child = 0;
                regdb_run("SELECT id FROM keys WHERE parent=? LIMIT 1", count_row, &child, "i", id);
                if (child)
                    delete_tree(child);
            } while (child);
            regdb_run("DELETE FROM vals WHERE key=?", NULL, NULL, "i", id);
        }
        regdb_commit();
    }
    regdb_unlock();
    free(path);
    return r;
}

