/* The Reg* functions (winreg.h) over the SQLite store. Opened keys are
 * handles to key objects; the predefined HKEY_* values are roots. Errors
 * are Win32 codes returned directly, as the registry API does. "A"
 * functions convert names, and REG_SZ/EXPAND_SZ/MULTI_SZ data, between
 * UTF-16 and the ANSI code page (UTF-8). */
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL reg
#include "debug.h"
#include "object.h"
#include "regdb.h"
#include "status.h"
#include "win32.h"
#include "wstr.h"

typedef HANDLE HKEY;
#define HKEY_CLASSES_ROOT ((HKEY)(ULONG_PTR)0x80000000)
#define HKEY_CURRENT_USER ((HKEY)(ULONG_PTR)0x80000001)
#define HKEY_LOCAL_MACHINE ((HKEY)(ULONG_PTR)0x80000002)
#define HKEY_USERS ((HKEY)(ULONG_PTR)0x80000003)
#define HKEY_PERFORMANCE_DATA ((HKEY)(ULONG_PTR)0x80000004)
#define HKEY_CURRENT_CONFIG ((HKEY)(ULONG_PTR)0x80000005)

#define REG_NONE 0
#define REG_SZ 1
#define REG_EXPAND_SZ 2
#define REG_BINARY 3
#define REG_DWORD 4
#define REG_MULTI_SZ 7
#define REG_QWORD 11
#define REG_CREATED_NEW_KEY 1
#define REG_OPENED_EXISTING_KEY 2
#define ERROR_KEY_DELETED 1018

struct key {
    struct object obj;
    int64_t id;
};

static const struct object_ops key_ops = {NULL, NULL, NULL};

/* The store id of an HKEY (a root or an opened key); 0 if invalid. For
 * HKEY_CLASSES_ROOT, HKLM\Software\Classes. */
static int64_t key_id(HKEY h)
{
    switch ((ULONG_PTR)h) {
    case 0x80000000: return regdb_walk(REGDB_HKLM, "SOFTWARE\\Classes", 1, NULL);
    case 0x80000001: return REGDB_HKCU;
    case 0x80000002: return REGDB_HKLM;
    case 0x80000003: return REGDB_HKU;
    case 0x80000005: return REGDB_HKCC;
    }
    struct key *k = (struct key *)handle_ref(h, OBJ_KEY);
    if (!k)
        return 0;
    int64_t id = k->id;
    object_put(&k->obj);
    return id;
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
    int64_t from = key_id(parent);
    char *path = utf8(subkey);
    int64_t id = from ? regdb_walk(from, path, 0, NULL) : 0;
    regdb_unlock();
    TRACE("%s -> %lld", path ? path : "", (long long)id);
    free(path);
    if (!from)
        return ERROR_INVALID_HANDLE;
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
        return ERROR_INVALID_PARAMETER;
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t from = key_id(parent);
    char *path = utf8(subkey);
    int created = 0;
    regdb_begin();
    int64_t id = from ? regdb_walk(from, path, 1, &created) : 0;
    regdb_commit();
    regdb_unlock();
    free(path);
    if (!from)
        return ERROR_INVALID_HANDLE;
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
    return RegCreateKeyExW(parent, subkey, 0, NULL, 0, 0, NULL, out, NULL);
}

/* RegCreateKeyA (advapi32) */
LONG WINAPI RegCreateKeyA(HKEY parent, LPCSTR subkey, HKEY *out)
{
    return RegCreateKeyExA(parent, subkey, 0, NULL, 0, 0, NULL, out, NULL);
}

/* RegCloseKey (advapi32) */
LONG WINAPI RegCloseKey(HKEY h)
{
    if ((ULONG_PTR)h >= 0x80000000 && (ULONG_PTR)h <= 0x80000006)
        return ERROR_SUCCESS;
    return handle_close(h) ? ERROR_INVALID_HANDLE : ERROR_SUCCESS;
}

/* RegFlushKey (advapi32): every change is committed already. */
LONG WINAPI RegFlushKey(HKEY h) { return ERROR_SUCCESS; }

struct value {
    DWORD type;
    void *data;
    DWORD len;
    char *name;
    int found;
};

static int value_row(sqlite3_stmt *st, void *ctx)
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
    regdb_run("SELECT type, data, name FROM vals WHERE key=? AND lname=?", value_row, v, "it",
              key, l);
    free(l);
    return v->found;
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
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id = key_id(h);
    char *n = utf8(name);
    struct value v;
    int found = id && get_value(id, n, &v);
    regdb_unlock();
    free(n);
    if (!id)
        return ERROR_INVALID_HANDLE;
    if (!found)
        return ERROR_FILE_NOT_FOUND;
    LONG r = deliver(&v, type, data, size);
    free(v.data);
    free(v.name);
    return r;
}

static int is_string(DWORD t) { return t == REG_SZ || t == REG_EXPAND_SZ || t == REG_MULTI_SZ; }

/* UTF-16 string data to ANSI (UTF-8), keeping embedded NULs (MULTI_SZ). */
static void to_ansi(struct value *v)
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
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id = key_id(h);
    struct value v;
    int found = id && get_value(id, name, &v);
    regdb_unlock();
    if (!id)
        return ERROR_INVALID_HANDLE;
    if (!found)
        return ERROR_FILE_NOT_FOUND;
    if (is_string(v.type))
        to_ansi(&v);
    LONG r = deliver(&v, type, data, size);
    free(v.data);
    free(v.name);
    return r;
}

static LONG set_value(HKEY h, const char *name, DWORD type, const void *data, DWORD len)
{
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id = key_id(h);
    int r = id ? regdb_set_value(id, name, type, data, len) : 0;
    regdb_unlock();
    if (!id)
        return ERROR_INVALID_HANDLE;
    return r < 0 ? ERROR_ACCESS_DENIED : ERROR_SUCCESS;
}

/* RegSetValueExW (advapi32) */
LONG WINAPI RegSetValueExW(HKEY h, LPCWSTR name, DWORD reserved, DWORD type, const BYTE *data,
                           DWORD len)
{
    char *n = utf8(name);
    LONG r = set_value(h, n, type, data, len);
    free(n);
    return r;
}

/* RegSetValueExA (advapi32): strings are stored as UTF-16, as the W
 * functions and every other reader expect. */
LONG WINAPI RegSetValueExA(HKEY h, LPCSTR name, DWORD reserved, DWORD type, const BYTE *data,
                           DWORD len)
{
    if (!is_string(type) || !data)
        return set_value(h, name, type, data, len);
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
#define RRF_NOEXPAND 0x10000000
#define RRF_ZEROONFAILURE 0x20000000

/* RegGetValueW (advapi32): RegQueryValueEx with a type filter; strings are
 * guaranteed terminated and REG_EXPAND_SZ expanded unless RRF_NOEXPAND. */
LONG WINAPI RegGetValueW(HKEY h, LPCWSTR subkey, LPCWSTR name, DWORD flags, LPDWORD type,
                         PVOID data, LPDWORD size)
{
    HKEY k = h;
    if (subkey && *subkey) {
        LONG r = RegOpenKeyExW(h, subkey, 0, 0, &k);
        if (r)
            return r;
    }
    if (regdb_lock()) {
        if (k != h)
            RegCloseKey(k);
        return ERROR_GEN_FAILURE;
    }
    int64_t id = key_id(k);
    char *n = utf8(name);
    struct value v;
    int found = id && get_value(id, n, &v);
    regdb_unlock();
    free(n);
    if (k != h)
        RegCloseKey(k);
    if (!found)
        return ERROR_FILE_NOT_FOUND;
    DWORD mask = v.type == REG_NONE ? RRF_RT_REG_NONE : v.type == REG_SZ ? RRF_RT_REG_SZ
               : v.type == REG_EXPAND_SZ ? RRF_RT_REG_EXPAND_SZ
               : v.type == REG_BINARY ? RRF_RT_REG_BINARY : v.type == REG_DWORD ? RRF_RT_REG_DWORD
               : v.type == REG_MULTI_SZ ? RRF_RT_REG_MULTI_SZ
               : v.type == REG_QWORD ? RRF_RT_REG_QWORD : 0;
    LONG r;
    if (!(flags & mask)) {
        r = ERROR_UNSUPPORTED_TYPE;
    } else {
        if (v.type == REG_EXPAND_SZ && !(flags & RRF_NOEXPAND)) {
            DWORD n2 = ExpandEnvironmentStringsW(v.data, NULL, 0);
            WCHAR *e = malloc(n2 * sizeof(WCHAR));
            ExpandEnvironmentStringsW(v.data, e, n2);
            free(v.data);
            v.data = e;
            v.len = n2 * sizeof(WCHAR);
            v.type = REG_SZ;
        } else if (is_string(v.type) && (v.len < 2 || ((WCHAR *)v.data)[v.len / 2 - 1])) {
            ((WCHAR *)v.data)[v.len / 2] = 0; /* add the missing terminator */
            v.len = (v.len / 2 + 1) * 2;
        }
        r = deliver(&v, type, data, size);
    }
    if (r && (flags & RRF_ZEROONFAILURE) && data && size)
        memset(data, 0, *size);
    free(v.data);
    free(v.name);
    return r;
}

/* RegGetValueA (advapi32) */
LONG WINAPI RegGetValueA(HKEY h, LPCSTR subkey, LPCSTR name, DWORD flags, LPDWORD type,
                         PVOID data, LPDWORD size)
{
    WCHAR *ws = subkey ? utf8_to_wstr_alloc(subkey) : NULL, *wn = name ? utf8_to_wstr_alloc(name) : NULL;
    DWORD t = 0, need = 0;
    LONG r = RegGetValueW(h, ws, wn, flags, &t, NULL, &need);
    if (!r) {
        BYTE *buf = malloc(need + 2);
        r = RegGetValueW(h, ws, wn, flags, &t, buf, &need);
        if (!r) {
            struct value v = {t, buf, need, NULL, 1};
            if (is_string(t))
                to_ansi(&v);
            r = deliver(&v, type, data, size);
            buf = v.data;
        }
        free(buf);
    }
    free(ws);
    free(wn);
    return r;
}

/* RegDeleteValueW (advapi32) */
LONG WINAPI RegDeleteValueW(HKEY h, LPCWSTR name)
{
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id = key_id(h);
    char *n = utf8(name), *l = regdb_fold(n ? n : "");
    struct value v;
    int found = id && get_value(id, n, &v);
    if (found) {
        regdb_run("DELETE FROM vals WHERE key=? AND lname=?", NULL, NULL, "it", id, l);
        free(v.data);
        free(v.name);
    }
    regdb_unlock();
    free(n);
    free(l);
    return !id ? ERROR_INVALID_HANDLE : found ? ERROR_SUCCESS : ERROR_FILE_NOT_FOUND;
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

/* RegDeleteKeyExW (advapi32): only a key without subkeys. */
LONG WINAPI RegDeleteKeyExW(HKEY h, LPCWSTR subkey, DWORD access, DWORD reserved)
{
    if (!subkey)
        return ERROR_INVALID_PARAMETER;
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t from = key_id(h);
    char *path = utf8(subkey);
    int64_t id = from ? regdb_walk(from, path, 0, NULL) : 0, children = 0;
    LONG r = ERROR_SUCCESS;
    if (!from) {
        r = ERROR_INVALID_HANDLE;
    } else if (!id || id <= REGDB_ROOTS) {
        r = id ? ERROR_ACCESS_DENIED : ERROR_FILE_NOT_FOUND;
    } else {
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
    int64_t from = key_id(h);
    char *path = utf8(subkey);
    int64_t id = from && subkey ? regdb_walk(from, path, 0, NULL) : from;
    LONG r = ERROR_SUCCESS;
    if (!from)
        r = ERROR_INVALID_HANDLE;
    else if (!id)
        r = ERROR_FILE_NOT_FOUND;
    else {
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
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id = key_id(h);
    struct nth n = {0};
    if (id)
        regdb_run("SELECT name FROM keys WHERE parent=? ORDER BY lname LIMIT 1 OFFSET ?",
                  name_row, &n, "ii", id, (int64_t)index);
    regdb_unlock();
    if (!id)
        return ERROR_INVALID_HANDLE;
    if (!n.name)
        return ERROR_NO_MORE_ITEMS;
    LONG r = copy_name_w(n.name, name, len);
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
    value_row(st, &n->v);
    return 1;
}

/* RegEnumValueW (advapi32): values in the order they were created. */
LONG WINAPI RegEnumValueW(HKEY h, DWORD index, LPWSTR name, LPDWORD name_len,
                          LPDWORD reserved, LPDWORD type, BYTE *data, LPDWORD size)
{
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id = key_id(h);
    struct nth n = {0};
    if (id)
        regdb_run("SELECT type, data, name FROM vals WHERE key=? ORDER BY rowid LIMIT 1 OFFSET ?",
                  value_name_row, &n, "ii", id, (int64_t)index);
    regdb_unlock();
    if (!id)
        return ERROR_INVALID_HANDLE;
    if (!n.name)
        return ERROR_NO_MORE_ITEMS;
    LONG r = copy_name_w(n.name, name, name_len);
    if (!r)
        r = deliver(&n.v, type, data, size);
    free(n.name);
    free(n.v.data);
    free(n.v.name);
    return r;
}

/* RegEnumValueA (advapi32) */
LONG WINAPI RegEnumValueA(HKEY h, DWORD index, LPSTR name, LPDWORD name_len, LPDWORD reserved,
                          LPDWORD type, BYTE *data, LPDWORD size)
{
    if (regdb_lock())
        return ERROR_GEN_FAILURE;
    int64_t id = key_id(h);
    struct nth n = {0};
    if (id)
        regdb_run("SELECT type, data, name FROM vals WHERE key=? ORDER BY rowid LIMIT 1 OFFSET ?",
                  value_name_row, &n, "ii", id, (int64_t)index);
    regdb_unlock();
    if (!id)
        return ERROR_INVALID_HANDLE;
    if (!n.name)
        return ERROR_NO_MORE_ITEMS;
    LONG r = ERROR_SUCCESS;
    size_t need = strlen(n.name) + 1;
    if (*name_len < need) {
        r = ERROR_MORE_DATA;
    } else {
        memcpy(name, n.name, need);
    }
    *name_len = need - 1;
    if (!r) {
        if (is_string(n.v.type))
            to_ansi(&n.v);
        r = deliver(&n.v, type, data, size);
    }
    free(n.name);
    free(n.v.data);
    free(n.v.name);
    return r;
}

struct info {
    int64_t subkeys, max_subkey, values, max_name, max_data;
};

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
    int64_t id = key_id(h), k[3] = {0}, v[3] = {0};
    if (id) {
        regdb_run("SELECT count(*), coalesce(max(length(name)),0), 0 FROM keys WHERE parent=?",
                  info_row, k, "i", id);
        regdb_run("SELECT count(*), coalesce(max(length(name)),0), coalesce(max(length(data)),0) "
                  "FROM vals WHERE key=?", info_row, v, "i", id);
    }
    regdb_unlock();
    if (!id)
        return ERROR_INVALID_HANDLE;
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
