/* NtClose and NtDuplicateObject by GetProcAddress: a closed handle is
 * gone; a duplicate is the same object (setting one sets the other),
 * inheritable with OBJ_INHERIT, DUPLICATE_CLOSE_SOURCE closes the
 * original, the pseudo-handles of this process and thread duplicate to
 * real handles, bad handles fail. DUPLICATE_SAME_ATTRIBUTES:
 * handles_attrs.c. */
#include <stdio.h>
#include "nt.h"

NT(NtClose, (HANDLE))
NT(NtDuplicateObject, (HANDLE, HANDLE, HANDLE, HANDLE *, ACCESS_MASK, ULONG, ULONG))

#define DUP(src, dst, attrs, opts) \
    p_NtDuplicateObject(GetCurrentProcess(), src, GetCurrentProcess(), dst, 0, attrs, opts)

static DWORD flags_of(HANDLE h)
{
    DWORD f = 0xdead;
    GetHandleInformation(h, &f);
    return f;
}

int main(void)
{
    HANDLE ev, dup, dup2;
    NTSTATUS st;

    LOAD(NtClose);
    LOAD(NtDuplicateObject);

    ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    st = DUP(ev, &dup, 0, DUPLICATE_SAME_ACCESS);
    printf("duplicate: %#lx, a new handle %d\n", ST(st), dup && dup != ev);
    SetEvent(dup);
    printf("setting the duplicate sets the original: %lu\n", WaitForSingleObject(ev, 0));
    printf("not inherited: %lu\n", flags_of(dup));
    st = p_NtClose(dup);
    printf("close the duplicate: %#lx, again: %#lx\n", ST(st), ST(p_NtClose(dup)));

    st = DUP(ev, &dup, OBJ_INHERIT, DUPLICATE_SAME_ACCESS);
    printf("with OBJ_INHERIT: %#lx, inherited %lu\n", ST(st), flags_of(dup));
    st = DUP(dup, &dup2, 0, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
    printf("DUPLICATE_CLOSE_SOURCE: %#lx, the copy works: %d\n", ST(st),
           ResetEvent(dup2) && WaitForSingleObject(ev, 0) == WAIT_TIMEOUT);
    /* the copy may reuse the closed source's value (Wine's does) */
    ok(dup2 == dup || GetHandleInformation(dup, &(DWORD){0}) == FALSE, "source still open");
    p_NtClose(dup2);

    st = DUP(GetCurrentProcess(), &dup, 0, DUPLICATE_SAME_ACCESS);
    printf("this process's pseudo-handle: %#lx, real %d, its id %d\n", ST(st),
           dup != GetCurrentProcess(), GetProcessId(dup) == GetCurrentProcessId());
    p_NtClose(dup);
    st = DUP(GetCurrentThread(), &dup, 0, DUPLICATE_SAME_ACCESS);
    printf("this thread's pseudo-handle: %#lx, its id %d\n", ST(st),
           GetThreadId(dup) == GetCurrentThreadId());
    p_NtClose(dup);

    dup = (HANDLE)(ULONG_PTR)0x4444;
    st = DUP((HANDLE)(ULONG_PTR)0x1230, &dup, 0, DUPLICATE_SAME_ACCESS);
    printf("duplicate a bad handle: %#lx\n", ST(st));
    st = p_NtDuplicateObject((HANDLE)(ULONG_PTR)0x1230, ev, GetCurrentProcess(), &dup, 0, 0,
                             DUPLICATE_SAME_ACCESS);
    printf("from a bad process handle: %#lx\n", ST(st));
    printf("NtClose of a bad handle: %#lx\n", ST(p_NtClose((HANDLE)(ULONG_PTR)0x1230)));
    printf("NtClose: %#lx\n", ST(p_NtClose(ev)));
    return test_summary();
}
