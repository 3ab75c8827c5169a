/* Shared by the process tests: find helpers/child.exe next to the test
 * program, and run it with a command line, capturing its stdout. */
#include <windows.h>
#include <wchar.h>

static WCHAR child_path[MAX_PATH];

__attribute__((unused)) static const WCHAR *child_exe(void)
{
    WCHAR *slash;
    GetModuleFileNameW(NULL, child_path, MAX_PATH);
    slash = wcsrchr(child_path, L'\\');
    wcscpy(slash + 1, L"child.exe");
    return child_path;
}

/* Runs child.exe with command line `cmdline` (not including the program;
 * argv[0] is given as "child"), stdout captured into out (NUL-terminated).
 * Returns the exit code, or 0xffffffff if it could not start. */
__attribute__((unused)) static DWORD run_child(const WCHAR *args, char *out, DWORD outsize)
{
    WCHAR cmd[2048];
    HANDLE rd, wr;
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    DWORD n, total = 0, code;

    swprintf(cmd, 2048, L"child %ls", args);
    if (!CreatePipe(&rd, &wr, &sa, 0))
        return 0xffffffff;
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = wr;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    if (!CreateProcessW(child_exe(), cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        CloseHandle(rd);
        CloseHandle(wr);
        return 0xffffffff;
    }
    CloseHandle(wr);
    while (total + 1 < outsize && ReadFile(rd, out + total, outsize - 1 - total, &n, NULL) && n)
        total += n;
    out[total] = 0;
    CloseHandle(rd);
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}
