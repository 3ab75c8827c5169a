// wine: skip GetCurrentThreadId() is not the Linux thread id, and Wine opens files in wineserver
/* The raw way through Z:\proc\<tid>\maps, where <tid> is
 * GetCurrentThreadId(): the Linux thread id in decant, so the path names
 * this process's own map, on the main thread and on a thread the program
 * created (Linux code runs on its stack, with its %fs). */
#include "raw.h"

static DWORD WINAPI thread(void *arg)
{
    char path[64];
    snprintf(path, sizeof path, "Z:\\proc\\%lu\\maps", GetCurrentThreadId());
    run_raw(path, arg);
    return 0;
}

int main(void)
{
    HANDLE t;
    thread("main thread: Z:\\proc\\<tid>\\maps");
    t = CreateThread(NULL, 0, thread, "new thread: Z:\\proc\\<tid>\\maps", 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    return test_summary();
}
