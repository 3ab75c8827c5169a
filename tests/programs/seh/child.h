/* Run this test's own .exe again with one argument and return its exit
 * code, the full 32 bits as GetExitCodeProcess gives them (Linux would
 * see only the low 8).  The child inherits stdout; the parent flushes its
 * own first so the output stays in order. */
#ifndef SEH_CHILD_H
#define SEH_CHILD_H
#include <windows.h>
#include <stdio.h>

static DWORD run_child(const char *arg)
{
    char exe[MAX_PATH], cmd[MAX_PATH + 64];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0xDEADBEEF;

    fflush(stdout);
    GetModuleFileNameA(NULL, exe, sizeof(exe));
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", exe, arg);
    if (!CreateProcessA(exe, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        printf("CreateProcess failed: %lu\n", GetLastError());
        return code;
    }
    if (WaitForSingleObject(pi.hProcess, 20000) != WAIT_OBJECT_0) {
        printf("%s: child still running, killed\n", arg);
        TerminateProcess(pi.hProcess, 1);
        WaitForSingleObject(pi.hProcess, INFINITE);
    }
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}
#endif
