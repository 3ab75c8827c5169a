// wine: skip Wine 8's ntdll stubs call its own dispatcher; a raw syscall from program code reaches Linux (see raw.h)
/* The raw system calls of raw_main.c on threads: every form on a thread
 * made with CreateThread, then on the main thread after that thread ended,
 * then two threads at once, each through a different raw form, making the
 * calls a hundred times. */
#include "raw.h"

static DWORD WINAPI one_thread(void *arg)
{
    run_all("thread: ", *(BOOL *)arg);
    return 0;
}

#define ROUNDS 100

static DWORD WINAPI busy_thread(void *arg)
{
    const struct form *f = arg;
    DWORD failed = 0;
    int i;
    for (i = 0; i < ROUNDS; i++) {
        LARGE_INTEGER now = {0};
        void *base = NULL;
        SIZE_T size = 0x1000;
        HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
        failed += sys(f, S_TIME, (ULONG_PTR)&now, 0, 0, 0, 0, 0, 0, 0, 0) != 0 || !now.QuadPart;
        failed += sys(f, S_ALLOC, (ULONG_PTR)GetCurrentProcess(), (ULONG_PTR)&base, 0,
                      (ULONG_PTR)&size, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE, 0, 0, 0) != 0 ||
                  !base;
        if (base) {
            *(volatile DWORD *)base = i;
            failed += !VirtualFree(base, 0, MEM_RELEASE);
        }
        failed += !ev || nt_close(f, ev) != 0;
    }
    return failed;
}

int main(int argc, char **argv)
{
    BOOL through_ntdll = through_ntdll_arg(argc, argv);
    HANDLE t[2];
    DWORD failed[2] = {~0u, ~0u};
    int i;
    if (!setup_forms(through_ntdll))
        return test_summary();

    t[0] = CreateThread(NULL, 0, one_thread, &through_ntdll, 0, NULL);
    ok(t[0] != NULL, "CreateThread: error %lu", GetLastError());
    WaitForSingleObject(t[0], INFINITE);
    CloseHandle(t[0]);

    run_all("main after: ", through_ntdll);

    t[0] = CreateThread(NULL, 0, busy_thread, &forms[1], 0, NULL);
    t[1] = CreateThread(NULL, 0, busy_thread, &forms[3], 0, NULL);
    WaitForMultipleObjects(2, t, TRUE, INFINITE);
    for (i = 0; i < 2; i++) {
        GetExitCodeThread(t[i], &failed[i]);
        CloseHandle(t[i]);
    }
    printf("two threads at once, %d rounds each, failed calls: %s %lu, %s %lu\n", ROUNDS,
           forms[1].name, failed[0], forms[3].name, failed[1]);
    ok(!failed[0] && !failed[1], "two threads at once");
    return test_summary();
}
