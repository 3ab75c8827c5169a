/* DLL_THREAD_ATTACH/DETACH go to a loaded DLL for threads created after
 * it was loaded, called in the new thread; FreeLibrary gives
 * PROCESS_DETACH with lpReserved NULL.  (DisableThreadLibraryCalls is not
 * tested: it is documented to fail for DLLs with static TLS, and every
 * mingw DLL has a TLS directory.) */
#include "say.h"

static DWORD WINAPI worker(void *arg)
{
    say("worker running");
    return 0;
}

static void run_thread(void)
{
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    say("worker joined");
}

int main(void)
{
    HMODULE h = LoadLibraryA("dlla.dll");
    void (*trace)(int) = h ? (void (*)(int))GetProcAddress(h, "dlla_trace_threads") : NULL;
    if (!trace)
        return 1;
    trace(1);
    run_thread();
    run_thread();
    trace(0);
    FreeLibrary(h);
    say("end of main");
    return 0;
}
