/* The registry store: SQLite in the prefix ($PREFIX/registry.db), opened
 * on the first registry call (libsqlite3 is loaded only then, so a program
 * that never touches the registry pays nothing at start-up). Keys and
 * values keep their spelling and are found case-insensitively through an
 * upper-cased copy of the name; WAL mode and a busy timeout let several
 * processes read and write at once. */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define DEBUG_CHANNEL reg
#include "debug.h"
#include "path.h"
#include "regdb.h"
#include "wstr.h"

static struct {
    int (*open_v2)(const char *, sqlite3 **, int, const char *);
    int (*exec)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *,
                char **);
    int (*prepare_v2)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);
    int (*bind_int64)(sqlite3_stmt *, int, sqlite3_int64);
    int (*bind_text)(sqlite3_stmt *, int, const char *, int, void (*)(void *));
    int (*bind_blob)(sqlite3_stmt *, int, const void *, int, void (*)(void *));
    int (*step)(sqlite3_stmt *);
    int (*finalize)(sqlite3_stmt *);
    sqlite3_int64 (*column_int64)(sqlite3_stmt *, int);
    const unsigned char *(*column_text)(sqlite3_stmt *, int);
    const void *(*column_blob)(sqlite3_stmt *, int);
    int (*column_bytes)(sqlite3_stmt *, int);
    int (*busy_timeout)(sqlite3 *, int);
    sqlite3_int64 (*last_insert_rowid)(sqlite3 *);
    const char *(*errmsg)(sqlite3 *);
} sq;

static sqlite3 *db;
static pthread_mutex_t db_lock = PTHREAD_MUTEX_INITIALIZER;
static int db_state; /* 0 not tried, 1 open, -1 unavailable */

static const char schema[] =
    "PRAGMA journal_mode=WAL;"
    "CREATE TABLE IF NOT EXISTS keys(id INTEGER PRIMARY KEY, parent INTEGER NOT NULL,"
    " name TEXT NOT NULL, lname TEXT NOT NULL, class TEXT, mtime INTEGER,"
    " UNIQUE(parent, lname));"
    "CREATE TABLE IF NOT EXISTS vals(key INTEGER NOT NULL, name TEXT NOT NULL,"
    " lname TEXT NOT NULL, type INTEGER NOT NULL, data BLOB, UNIQUE(key, lname));";

/* Upper-cased UTF-8 of a UTF-8 name, for case-insensitive lookups. */
char *regdb_fold(const char *name)
{
    WCHAR *w = utf8_to_wstr_alloc(name);
    for (WCHAR *p = w; *p; p++)
        *p = wstr_upper(*p);
    char *r = wstr_to_utf8_alloc(w);
    free(w);
    return r;
}

static int load_sqlite(void)
{
    void *h = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        fprintf(stderr, "decant: the registry needs libsqlite3 (apt-get install libsqlite3-0): %s\n",
                dlerror());
        return -1;
    }
#define LOAD(f, name) if (!(*(void **)&sq.f = dlsym(h, name))) return -1
    LOAD(open_v2, "sqlite3_open_v2");
    LOAD(exec, "sqlite3_exec");
    LOAD(prepare_v2, "sqlite3_prepare_v2");
    LOAD(bind_int64, "sqlite3_bind_int64");
    LOAD(bind_text, "sqlite3_bind_text");
    LOAD(bind_blob, "sqlite3_bind_blob");
    LOAD(step, "sqlite3_step");
    LOAD(finalize, "sqlite3_finalize");
    LOAD(column_int64, "sqlite3_column_int64");
    LOAD(column_text, "sqlite3_column_text");
    LOAD(column_blob, "sqlite3_column_blob");
    LOAD(column_bytes, "sqlite3_column_bytes");
    LOAD(busy_timeout, "sqlite3_busy_timeout");
    LOAD(last_insert_rowid, "sqlite3_last_insert_rowid");
    LOAD(errmsg, "sqlite3_errmsg");
#undef LOAD
    return 0;
}

int regdb_run(const char *sql, int (*row)(sqlite3_stmt *, void *), void *ctx,
              const char *types, ...)
{
    sqlite3_stmt *st;
    if (sq.prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        WARN("%s: %s", sql, sq.errmsg(db));
        return -1;
    }
    va_list ap;
    va_start(ap, types);
    for (int i = 0; types[i]; i++) {
        if (types[i] == 't') {
            const char *s = va_arg(ap, const char *);
            sq.bind_text(st, i + 1, s, -1, SQLITE_TRANSIENT);
        } else if (types[i] == 'i') {
            sq.bind_int64(st, i + 1, va_arg(ap, sqlite3_int64));
        } else {
            const void *p = va_arg(ap, const void *);
            int n = va_arg(ap, int);
            sq.bind_blob(st, i + 1, p, n, SQLITE_TRANSIENT);
        }
    }
    va_end(ap);
    int rc, rows = 0;
    while ((rc = sq.step(st)) == SQLITE_ROW) {
        rows++;
        if (row && row(st, ctx))
            break;
    }
    sq.finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        WARN("%s: %s", sql, sq.errmsg(db));
        return -1;
    }
    return rows;
}

int64_t regdb_col_int(sqlite3_stmt *st, int i) { return sq.column_int64(st, i); }
const char *regdb_col_text(sqlite3_stmt *st, int i) { return (const char *)sq.column_text(st, i); }
const void *regdb_col_blob(sqlite3_stmt *st, int i) { return sq.column_blob(st, i); }
int regdb_col_bytes(sqlite3_stmt *st, int i) { return sq.column_bytes(st, i); }
int64_t regdb_last_id(void) { return sq.last_insert_rowid(db); }

static void default_contents(void);

int regdb_lock(void)
{
    pthread_mutex_lock(&db_lock);
    if (!db_state) {
        db_state = -1;
        char *file;
        if (load_sqlite() == 0 && asprintf(&file, "%s/registry.db", path_prefix()) >= 0) {
            mkdir(path_prefix(), 0777);
            struct stat stt;
            int fresh = stat(file, &stt) < 0;
            if (sq.open_v2(file, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                          SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK) {
                sq.busy_timeout(db, 10000);
                if (sq.exec(db, schema, NULL, NULL, NULL) == SQLITE_OK) {
                    db_state = 1;
                    for (int k = 1; k <= REGDB_ROOTS; k++)
                        regdb_run("INSERT OR IGNORE INTO keys(id, parent, name, lname) "
                                  "VALUES(?, 0, ?, ?)", NULL, NULL, "itt", (int64_t)k,
                                  regdb_root_name(k), regdb_root_name(k));
                    if (fresh)
                        default_contents();
                }
            }
            free(file);
        }
    }
    if (db_state < 0) {
        pthread_mutex_unlock(&db_lock);
        return -1;
    }
    return 0;
}

void regdb_unlock(void) { pthread_mutex_unlock(&db_lock); }

void regdb_begin(void) { sq.exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL); }
void regdb_commit(void) { sq.exec(db, "COMMIT", NULL, NULL, NULL); }

const char *regdb_root_name(int id)
{
    static const char *const names[] = {"", "HKEY_LOCAL_MACHINE", "HKEY_USERS",
                                        "HKEY_CURRENT_USER", "HKEY_CURRENT_CONFIG"};
    return id >= 1 && id <= REGDB_ROOTS ? names[id] : "";
}

static int id_row(sqlite3_stmt *st, void *ctx)
{
    *(int64_t *)ctx = sq.column_int64(st, 0);
    return 1;
}

int64_t regdb_child(int64_t parent, const char *name, int create)
{
    char *l = regdb_fold(name);
    int64_t id = 0;
    regdb_run("SELECT id FROM keys WHERE parent=? AND lname=?", id_row, &id, "it", parent, l);
    if (!id && create &&
        regdb_run("INSERT INTO keys(parent, name, lname, mtime) VALUES(?, ?, ?, ?)", NULL,
                  NULL, "itti", parent, name, l, (int64_t)time(NULL)) >= 0)
        id = sq.last_insert_rowid(db);
    free(l);
    return id;
}

/* A path "a\\b\\c" under `from`: 0 if a component is missing (and not
 * created). *created tells whether the last one is new. */
int64_t regdb_walk(int64_t from, const char *path, int create, int *created)
{
    int64_t id = from;
    if (created)
        *created = 0;
    char *copy = strdup(path ? path : "");
    char *save = NULL;
    for (char *tok = strtok_r(copy, "\\", &save); tok && id; tok = strtok_r(NULL, "\\", &save)) {
        int64_t next = regdb_child(id, tok, 0);
        if (!next && create) {
            next = regdb_child(id, tok, 1);
            if (created)
                *created = 1;
        } else if (created) {
            *created = 0;
        }
        id = next;
    }
    free(copy);
    return id;
}

int regdb_set_value(int64_t key, const char *name, DWORD type, const void *data, DWORD len)
{
    char *l = regdb_fold(name ? name : "");
    int r = regdb_run("INSERT INTO vals(key, name, lname, type, data) VALUES(?, ?, ?, ?, ?) "
                      "ON CONFLICT(key, lname) DO UPDATE SET "
                      "type=excluded.type, data=excluded.data",
                      NULL, NULL, "ittib", key, name ? name : "", l, (int64_t)type,
                      data ? data : "", (int)len);
    free(l);
    return r;
}

/* ---- what a fresh Windows 10 22H2 has and programs read ---------------- */

static void set_sz(int64_t key, const char *name, const char *value)
{
    WCHAR *w = utf8_to_wstr_alloc(value);
    regdb_set_value(key, name, 1 /* REG_SZ */, w, (wstr_len(w) + 1) * sizeof(WCHAR));
    free(w);
}

static void set_dword(int64_t key, const char *name, DWORD v)
{
    regdb_set_value(key, name, 4 /* REG_DWORD */, &v, sizeof v);
}

static void default_contents(void)
{
    regdb_begin();
    int64_t cv = regdb_walk(REGDB_HKLM, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", 1, NULL);
    set_sz(cv, "ProductName", "Windows 10 Pro");
    set_sz(cv, "EditionID", "Professional");
    set_sz(cv, "InstallationType", "Client");
    set_sz(cv, "CurrentVersion", "6.3");
    set_sz(cv, "CurrentBuild", "19045");
    set_sz(cv, "CurrentBuildNumber", "19045");
    set_dword(cv, "CurrentMajorVersionNumber", 10);
    set_dword(cv, "CurrentMinorVersionNumber", 0);
    set_sz(cv, "ReleaseId", "2009");
    set_sz(cv, "DisplayVersion", "22H2");
    set_dword(cv, "UBR", 3803);
    set_sz(cv, "SystemRoot", "C:\\windows");
    set_sz(cv, "RegisteredOwner", "decant");
    int64_t w = regdb_walk(REGDB_HKLM, "SOFTWARE\\Microsoft\\Windows\\CurrentVersion", 1, NULL);
    set_sz(w, "ProgramFilesDir", "C:\\Program Files");
    set_sz(w, "CommonFilesDir", "C:\\Program Files\\Common Files");
    int64_t env = regdb_walk(REGDB_HKLM,
                             "SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment",
                             1, NULL);
    set_sz(env, "OS", "Windows_NT");
    set_sz(env, "PROCESSOR_ARCHITECTURE", "AMD64");
    set_sz(env, "ComSpec", "C:\\windows\\system32\\cmd.exe");
    regdb_walk(REGDB_HKCU, "Environment", 1, NULL);
    regdb_walk(REGDB_HKCU, "Software", 1, NULL);
    regdb_walk(REGDB_HKLM, "SOFTWARE\\Classes", 1, NULL);
    int64_t tz = regdb_walk(REGDB_HKLM, "SYSTEM\\CurrentControlSet\\Control\\TimeZoneInformation",
                            1, NULL);
    set_sz(tz, "TimeZoneKeyName", "UTC");
    int64_t utc = regdb_walk(REGDB_HKLM,
                             "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Time Zones\\UTC",
                             1, NULL);
    set_sz(utc, "Std", "Coordinated Universal Time");
    set_sz(utc, "Dlt", "Coordinated Universal Time");
    set_sz(utc, "Display", "(UTC) Coordinated Universal Time");
    static const BYTE tzi[44] = {0};
    regdb_set_value(utc, "TZI", 3 /* REG_BINARY */, tzi, sizeof tzi);
    regdb_commit();
}
