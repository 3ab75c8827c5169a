/* The registry store (regdb.c): keys are rows with a parent, values rows
 * of a key; names are UTF-8. Every call but regdb_lock() needs the lock. */
#ifndef DECANT_REGDB_H
#define DECANT_REGDB_H

#include <stdint.h>
#include "windef.h"

typedef struct sqlite3_stmt sqlite3_stmt;

/* Root key ids. */
#define REGDB_HKLM 1
#define REGDB_HKU 2
#define REGDB_HKCU 3
#define REGDB_HKCC 4
#define REGDB_ROOTS 4

/* Opens the store on first use; -1 (lock not held) if it cannot. */
int regdb_lock(void);
void regdb_unlock(void);
void regdb_begin(void);
void regdb_commit(void);

const char *regdb_root_name(int id);
char *regdb_fold(const char *name); /* upper-cased copy, malloc'ed */
int64_t regdb_child(int64_t parent, const char *name, int create);
int64_t regdb_walk(int64_t from, const char *path, int create, int *created);
int regdb_set_value(int64_t key, const char *name, DWORD type, const void *data, DWORD len);

/* Runs sql binding args by `types` ("t" text, "i" int64, "b" blob + int
 * length), calling row() per result row (non-zero stops); rows or -1. */
int regdb_run(const char *sql, int (*row)(sqlite3_stmt *, void *), void *ctx,
              const char *types, ...);
int64_t regdb_col_int(sqlite3_stmt *st, int i);
const char *regdb_col_text(sqlite3_stmt *st, int i);
const void *regdb_col_blob(sqlite3_stmt *st, int i);
int regdb_col_bytes(sqlite3_stmt *st, int i);

#endif
