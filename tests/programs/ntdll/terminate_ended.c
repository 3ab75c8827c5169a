// wine: skip Wine 8 terminates an ended process again without an error; Windows fails (TerminateProcess documentation: ERROR_ACCESS_DENIED once the process has terminated)
/* NtTerminateProcess of a child that has already ended fails, and
 * TerminateProcess with ERROR_ACCESS_DENIED; the exit code stays. */
#include <stdio.h>
#include "nt.h"

NT(NtTerminateProcess, (HANDLE, NTSTATUS))

int main(int argc, char **argv)
{
    char exe[MAX_PATH], cmd[MAX_PATH + 32];
    STARTUPINFOA si = {sizeof si};
    PROCESS_INFORMATION pi;
    NTSTATUS st;
    DWORD code;

    if (argc > 1)
        return 7;
    LOAD(NtTerminateProcess);
    GetModuleFileNameA(NULL, exe, sizeof exe);
    snprintf(cmd, sizeof cmd, "\"%s\" child", exe);
    ok(CreateProcessA(exe, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), "CreateProcess");
    WaitForSingleObject(pi.hProcess, INFINITE);
    st = p_NtTerminateProcess(pi.hProcess, 0x1234);
    printf("NtTerminateProcess of an ended child fails: %d\n", NT_ERROR(st));
    SetLastError(0);
    ok(!TerminateProcess(pi.hProcess, 0x1234), "TerminateProcess succeeded");
    printf("TerminateProcess: last error %lu\n", GetLastError());
    GetExitCodeProcess(pi.hProcess, &code);
    printf("exit code %lu\n", code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return test_summary();
}
