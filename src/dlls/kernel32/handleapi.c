/* handleapi: closing and duplicating handles. */
#include "kernel32_private.h"
#include "ntapi.h"
#include "object.h"

#define HANDLE_FLAG_INHERIT 1

/* CloseHandle (kernel32) */
BOOL WINAPI CloseHandle(HANDLE h) { return set_ntstatus(NtClose(h)); }

/* DuplicateHandle (kernel32): within this process only. */
BOOL WINAPI DuplicateHandle(HANDLE src_process, HANDLE src, HANDLE dst_process,
                            HANDLE *dst, DWORD access, BOOL inherit,
                            DWORD options)
{
    return set_ntstatus(NtDuplicateObject(src_process, src, dst_process, dst, access,
                                          inherit ? OBJ_INHERIT : 0, options));
}

/* GetHandleInformation (kernel32) */
BOOL WINAPI GetHandleInformation(HANDLE h, LPDWORD flags)
{
    struct object *o = handle_ref(h, 0);
    if (!o)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    object_put(o);
    if (flags)
        *flags = handle_get_inherit(h) ? HANDLE_FLAG_INHERIT : 0;
    return TRUE;
}

/* SetHandleInformation (kernel32) */
BOOL WINAPI SetHandleInformation(HANDLE h, DWORD mask, DWORD flags)
{
    if (!(mask & HANDLE_FLAG_INHERIT))
        return TRUE;
    return set_ntstatus(handle_set_inherit(h, !!(flags & HANDLE_FLAG_INHERIT)));
}

/* CompareObjectHandles (kernel32) */
BOOL WINAPI CompareObjectHandles(HANDLE a, HANDLE b)
{
    struct object *x = handle_ref(a, 0), *y = handle_ref(b, 0);
    BOOL same = x && x == y;
    object_put(x);
    object_put(y);
    return same;
}
