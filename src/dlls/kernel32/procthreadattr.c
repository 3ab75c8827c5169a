/* Process and thread attribute lists (STARTUPINFOEX's lpAttributeList).
 * The list is the caller's memory, laid out as Windows x64 lays it out
 * (a 24-byte header, then 24 bytes per attribute: the size query for one
 * attribute answers 48, tests/programs/process/attrlist.c), so a program
 * that sizes or copies it by hand still works. CreateProcessW reads the
 * handle list back through proc_attr_handle_list. */
#include <string.h>

#define DEBUG_CHANNEL process
#include "debug.h"
#include "kernel32_private.h"

#define ERROR_BAD_LENGTH 24
#define ERROR_OBJECT_NAME_EXISTS 5010

/* ProcThreadAttributeValue(number, thread, input, additive) */
#define ATTR_INPUT 0x20000
#define PROC_THREAD_ATTRIBUTE_PARENT_PROCESS (0 | ATTR_INPUT)
#define PROC_THREAD_ATTRIBUTE_HANDLE_LIST (2 | ATTR_INPUT)

struct proc_attr {
    DWORD_PTR attr;
    SIZE_T size;
    void *value;
};

struct proc_attr_list {
    DWORD mask;  /* bit per attribute number present */
    DWORD size;  /* capacity */
    DWORD count; /* used */
    DWORD pad;
    DWORD_PTR unused;
    struct proc_attr attrs[];
};

/* InitializeProcThreadAttributeList (kernel32) */
BOOL WINAPI InitializeProcThreadAttributeList(struct proc_attr_list *list, DWORD count,
                                              DWORD flags, SIZE_T *size)
{
    SIZE_T need = sizeof(struct proc_attr_list) + (SIZE_T)count * sizeof(struct proc_attr);
    if (flags) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!list || *size < need) {
        *size = need;
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    list->mask = 0;
    list->size = count;
    list->count = 0;
    list->pad = 0;
    list->unused = 0;
    *size = need;
    return TRUE;
}

/* UpdateProcThreadAttribute (kernel32) */
BOOL WINAPI UpdateProcThreadAttribute(struct proc_attr_list *list, DWORD flags,
                                      DWORD_PTR attr, void *value, SIZE_T size,
                                      void *prev, SIZE_T *ret_size)
{
    if (flags || !list) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (list->count >= list->size) {
        set_last_error(ERROR_GEN_FAILURE);
        return FALSE;
    }
    switch (attr) {
    case PROC_THREAD_ATTRIBUTE_PARENT_PROCESS:
        if (size != sizeof(HANDLE)) {
            set_last_error(ERROR_BAD_LENGTH);
            return FALSE;
        }
        break;
    case PROC_THREAD_ATTRIBUTE_HANDLE_LIST:
        if (!size || size % sizeof(HANDLE)) {
            set_last_error(ERROR_BAD_LENGTH);
            return FALSE;
        }
        break;
    default:
        FIXME("attribute %#lx", (unsigned long)attr);
        set_last_error(ERROR_NOT_SUPPORTED);
        return FALSE;
    }
    DWORD bit = 1u << (attr & 0xffff);
    if (list->mask & bit) {
        set_last_error(ERROR_OBJECT_NAME_EXISTS);
        return FALSE;
    }
    list->mask |= bit;
    struct proc_attr *a = &list->attrs[list->count++];
    a->attr = attr;
    a->size = size;
    a->value = value;
    return TRUE;
}

/* DeleteProcThreadAttributeList (kernel32): the memory is the caller's;
 * nothing in it is owned. */
void WINAPI DeleteProcThreadAttributeList(struct proc_attr_list *list)
{
    (void)list;
}

const HANDLE *proc_attr_handle_list(const void *attrs, size_t *count)
{
    const struct proc_attr_list *list = attrs;
    if (!list)
        return NULL;
    for (DWORD i = 0; i < list->count && i < list->size; i++)
        if (list->attrs[i].attr == PROC_THREAD_ATTRIBUTE_HANDLE_LIST) {
            *count = list->attrs[i].size / sizeof(HANDLE);
            return list->attrs[i].value;
        }
    return NULL;
}
