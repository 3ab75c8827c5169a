/* What the registry's exports share (registry.c, regenum.c): the Win32
 * registry constants, key handles and value rows. */
#ifndef DECANT_ADVAPI32_REGISTRY_H
#define DECANT_ADVAPI32_REGISTRY_H

#include "regdb.h"

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
#define ERROR_BADKEY 1010
#define ERROR_KEY_DELETED 1018
#define ERROR_DATATYPE_MISMATCH 1629

struct value {
    DWORD type;
    void *data;
    DWORD len;
    char *name;
    int found;
};

/* The store id of an opened or predefined key, under regdb_lock():
 * ERROR_INVALID_HANDLE, or ERROR_KEY_DELETED once its key is deleted. */
LONG reg_key_lookup(HKEY h, int64_t *id);
/* A (type, data, name) row into a struct value. */
int reg_value_row(sqlite3_stmt *st, void *ctx);
void reg_free_value(struct value *v);
int reg_is_string(DWORD type);
/* UTF-16 string data to ANSI (UTF-8), keeping embedded NULs. */
void reg_to_ansi(struct value *v);

#endif
