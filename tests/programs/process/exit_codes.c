/* Exit codes a Windows parent sees in full (32 bits, unlike Linux's 8):
 * return from main, ExitProcess, TerminateProcess; STILL_ACTIVE while
 * running; process handles are waitable; GetProcessId. */
#include "common.h"
#include "test.h"

static DWORD start(const WCHAR *args, PROCESS_INFORMATION *pi)
{
    WCHAR cmd[256];
    STARTUPINFOW si;
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    swprintf(cmd, 256, L"child %ls", args);
    return CreateProcessW(child_exe(), cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, pi);
}

static DWORD code_of(const WCHAR *args)
{
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    if (!start(args, &pi))
        return 0xfffffffe;
    WaitForSingleObject(pi.hProcess, 10000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

int main(void)
{
    PROCESS_INFORMATION pi;
    DWORD code;

    ok(code_of(L"exit 0") == 0, "exit 0");
    ok(code_of(L"exit 42") == 42, "return 42");
    ok(code_of(L"exit 0x1234") == 0x1234, "return 0x1234: %#lx", code_of(L"exit 0x1234"));
    ok(code_of(L"exit 300") == 300, "return 300 is not truncated");
    ok(code_of(L"exitprocess 0xC0000005") == 0xC0000005, "ExitProcess(0xC0000005)");
    ok(code_of(L"exitprocess 4294967295") == 0xffffffff, "ExitProcess(-1)");
    ok(code_of(L"nonsense") == 101, "unknown mode");

    ok(start(L"sleep 5000", &pi), "start sleeper");
    ok(pi.dwProcessId != 0 && pi.dwThreadId != 0 && pi.dwProcessId != GetCurrentProcessId(), "ids");
    ok(GetProcessId(pi.hProcess) == pi.dwProcessId, "GetProcessId");
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == STILL_ACTIVE, "STILL_ACTIVE: %lu", code);
    ok(WaitForSingleObject(pi.hProcess, 50) == WAIT_TIMEOUT, "still running");
    ok(TerminateProcess(pi.hProcess, 77), "TerminateProcess");
    ok(WaitForSingleObject(pi.hProcess, 5000) == WAIT_OBJECT_0, "terminated process is signaled");
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == 77, "terminated with 77: %lu", code);
    ok(WaitForSingleObject(pi.hThread, 5000) == WAIT_OBJECT_0, "its main thread is signaled too");
    ok(GetExitCodeThread(pi.hThread, &code) && code == 77, "thread exit code 77: %lu", code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);

    SetLastError(0xdeadbeef);
    {
        STARTUPINFOW si;
        WCHAR cmd[] = L"missing";
        memset(&si, 0, sizeof si);
        si.cb = sizeof si;
        ok(!CreateProcessW(L"definitely-missing.exe", cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi) &&
           GetLastError() == ERROR_FILE_NOT_FOUND, "missing exe: %lu", GetLastError());
    }
    return test_summary();
}
