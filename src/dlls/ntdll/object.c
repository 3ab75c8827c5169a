/* ntdll's handles and object names: NtClose, NtDuplicateObject within
 * this process, and what an OBJECT_ATTRIBUTES name means to decant's
 * flat, per-process name table (src/nt/handle.c). decant has one process
 * per Linux process and no object directories. Tests:
 * tests/programs/ntdll/handles.c. */
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL sync
#include "debug.h"
#include "ntapi.h"
#include "ntdll_private.h"
#include "object.h"
#include "status.h"
#include "thread.h"
#include "wstr.h"

NTSTATUS ntdll_check_self(HANDLE process)
{
    if (process == CURRENT_PROCESS_HANDLE)
        return STATUS_SUCCESS;
    struct object *o = handle_ref(process, OBJ_PROCESS);
    if (!o)
        return handle_status(process);
    int self = o == process_self_object();
    object_put(o);
    if (self)
        return STATUS_SUCCESS;
    FIXME("another process's memory or handles");
    return STATUS_NOT_SUPPORTED;
}

/* kernel32 names an object "x" in its session's \Sessions\1\BaseNamedObjects,
 * "Global\x" in \BaseNamedObjects (CreateEventExW), and decant's name
 * table is keyed by the kernel32 spelling; other NT names key as
 * themselves. There are no directory objects to be relative to. */
NTSTATUS ntdll_object_name(const OBJECT_ATTRIBUTES *attr, WCHAR **out)
{
    *out = NULL;
    if (!attr || !attr->ObjectName || !attr->ObjectName->Length)
        return STATUS_SUCCESS;
    if (attr->RootDirectory) {
        FIXME("object names relative to a directory");
        return handle_status(attr->RootDirectory);
    }
    const WCHAR *s = attr->ObjectName->Buffer;
    size_t n = attr->ObjectName->Length / sizeof(WCHAR), k;
    if (s[0] != '\\')
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    const char *global = "";
    if ((k = ntdll_prefix(s, n, "\\Sessions\\"))) {
        size_t d = k;
        while (d < n && s[d] >= '0' && s[d] <= '9')
            d++;
        if (d > k && (k = ntdll_prefix(s + d, n - d, "\\BaseNamedObjects\\")))
            s += d + k, n -= d + k;
    } else if ((k = ntdll_prefix(s, n, "\\BaseNamedObjects\\"))) {
        s += k, n -= k;
        global = "Global\\";
    }
    if (!n)
        return STATUS_OBJECT_NAME_INVALID;
    size_t g = strlen(global);
    WCHAR *name = malloc((g + n + 1) * sizeof(WCHAR));
    for (size_t i = 0; i < g; i++)
        name[i] = (WCHAR)global[i];
    memcpy(name + g, s, n * sizeof(WCHAR));
    name[g + n] = 0;
    *out = name;
    return STATUS_SUCCESS;
}

/* NtClose (ntdll) */
NTSTATUS WINAPI NtClose(HANDLE h) { return handle_close(h); }

/* NtDuplicateObject (ntdll): within this process only. The copy has the
 * original's access. */
NTSTATUS WINAPI NtDuplicateObject(HANDLE src_process, HANDLE src, HANDLE dst_process,
                                  HANDLE *dst, ACCESS_MASK access, ULONG attributes,
                                  ULONG options)
{
    NTSTATUS st = ntdll_check_self(src_process);
    if (!st && dst)
        st = ntdll_check_self(dst_process);
    if (st)
        return st;
    struct object *o = handle_ref(src, 0);
    if (!o)
        return STATUS_INVALID_HANDLE;
    if (dst) {
        BOOL inherit = options & DUPLICATE_SAME_ATTRIBUTES ? handle_get_inherit(src)
                                                           : !!(attributes & OBJ_INHERIT);
        *dst = handle_alloc(o, inherit);
    }
    object_put(o);
    if (options & DUPLICATE_CLOSE_SOURCE)
        handle_close(src);
    return STATUS_SUCCESS;
}
