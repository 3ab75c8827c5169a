/* SetThreadStackGuarantee: *size comes back as the previous guarantee,
 * 0 only asks, a smaller value is ignored, one as large as the stack
 * fails with ERROR_INVALID_PARAMETER; each thread has its own, kept in
 * the TEB (GuaranteedStackBytes, offset 0x1748 on x64). IsThreadAFiber
 * is FALSE on a plain thread; FlushProcessWriteBuffers returns. */
#include <windows.h>
#include <stdio.h>
#include "test.h"

static ULONG teb_guarantee(void) { return *(ULONG *)((char *)NtCurrentTeb() + 0x1748); }

static ULONG guarantee(ULONG want, BOOL *ret)
{
    ULONG s = want;
    *ret = SetThreadStackGuarantee(&s);
    return s;
}

static DWORD WINAPI thread(void *arg)
{
    BOOL r;
    printf("new thread: %#lx\n", guarantee(0, &r));
    guarantee(0x4000, &r);
    printf("new thread after 0x4000: %#lx (TEB %#lx)\n", guarantee(0, &r), teb_guarantee());
    return 0;
}

int main(void)
{
    BOOL r;
    ULONG prev = guarantee(0, &r);
    printf("initial: %#lx, %d\n", prev, r);
    prev = guarantee(0x5000, &r);
    printf("set 0x5000: previous %#lx, %d\n", prev, r);
    prev = guarantee(0, &r);
    printf("now: %#lx (TEB %#lx)\n", prev, teb_guarantee());
    prev = guarantee(0x3000, &r);
    printf("set 0x3000: previous %#lx, %d; now %#lx\n", prev, r, guarantee(0, &r));
    SetLastError(0xdeadbeef);
    prev = guarantee(0x40000000, &r);
    printf("set 1 GiB: %d, error %lu, previous %#lx\n", r, GetLastError(), prev);

    HANDLE t = CreateThread(NULL, 0, thread, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    printf("main thread still: %#lx\n", guarantee(0, &r));

    printf("IsThreadAFiber: %d\n", IsThreadAFiber());
    FlushProcessWriteBuffers();
    printf("FlushProcessWriteBuffers returned\n");
    return 0;
}
