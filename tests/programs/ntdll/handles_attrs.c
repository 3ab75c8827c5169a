// wine: skip Wine 8's NtDuplicateObject ignores DUPLICATE_SAME_ATTRIBUTES; Windows copies the source handle's attributes (ZwDuplicateObject documentation)
/* NtDuplicateObject with DUPLICATE_SAME_ATTRIBUTES: the copy takes the
 * source handle's inheritance, not the attributes argument's. */
#include <stdio.h>
#include "nt.h"

NT(NtDuplicateObject, (HANDLE, HANDLE, HANDLE, HANDLE *, ACCESS_MASK, ULONG, ULONG))

#define DUPLICATE_SAME_ATTRIBUTES 0x4

static DWORD flags_of(HANDLE h)
{
    DWORD f = 0xdead;
    GetHandleInformation(h, &f);
    return f;
}

int main(void)
{
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
    HANDLE inherited = CreateEventW(&sa, TRUE, FALSE, NULL), plain = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE dup;
    NTSTATUS st;

    LOAD(NtDuplicateObject);
    st = p_NtDuplicateObject(GetCurrentProcess(), inherited, GetCurrentProcess(), &dup, 0, 0,
                             DUPLICATE_SAME_ACCESS | DUPLICATE_SAME_ATTRIBUTES);
    printf("an inheritable handle: %#lx, the copy inherited %lu\n", ST(st), flags_of(dup));
    CloseHandle(dup);
    st = p_NtDuplicateObject(GetCurrentProcess(), plain, GetCurrentProcess(), &dup, 0,
                             OBJ_INHERIT, DUPLICATE_SAME_ACCESS | DUPLICATE_SAME_ATTRIBUTES);
    printf("a plain handle, OBJ_INHERIT asked: %#lx, the copy inherited %lu\n", ST(st),
           flags_of(dup));
    CloseHandle(dup);
    return test_summary();
}
