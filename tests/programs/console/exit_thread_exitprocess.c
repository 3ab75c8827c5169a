// exit: 77
// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* ExitProcess called from a second thread ends the whole process (the
 * main thread is blocked forever) with that exit code; msvcrt flushes
 * stdout's buffer when it is detached during ExitProcess. */
#include <windows.h>
#include <stdio.h>

static DWORD WINAPI killer(void *arg)
{
    printf("thread: calling ExitProcess(77)\n");
    ExitProcess(77);
    return 0;
}

int main(void)
{
    printf("main: starting thread\n");
    fflush(stdout);
    CreateThread(NULL, 0, killer, NULL, 0, NULL);
    Sleep(INFINITE);
    printf("not reached\n");
    return 0;
}
