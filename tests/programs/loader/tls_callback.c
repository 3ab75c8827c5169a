/* TLS callbacks of the executable (an entry in the TLS directory's
 * callback array, placed with mingw's .CRT$XLB section): called with
 * DLL_PROCESS_ATTACH before the CRT starts main, DLL_THREAD_ATTACH and
 * DLL_THREAD_DETACH in each new thread.  (DLL_PROCESS_DETACH at exit,
 * which Wine 8 does not deliver to the exe: tls_callback_exit.c.) */
#include "say.h"

static int main_started;

static void NTAPI tls_cb(PVOID module, DWORD reason, PVOID reserved)
{
    if (reason == DLL_PROCESS_DETACH)
        return;
    say("tls callback: %s, module is exe: %s, main started: %s", reason_name(reason),
        module == (PVOID)GetModuleHandleA(NULL) ? "yes" : "no", main_started ? "yes" : "no");
}

__attribute__((section(".CRT$XLB"), used)) PIMAGE_TLS_CALLBACK decant_tls_cb = tls_cb;

static DWORD WINAPI worker(void *arg)
{
    say("worker running");
    return 0;
}

int main(void)
{
    HANDLE t;
    main_started = 1;
    say("main");
    t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    say("main returning");
    return 0;
}
