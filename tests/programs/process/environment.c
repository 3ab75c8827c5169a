// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* The child inherits the parent's current environment (including
 * SetEnvironmentVariable and _putenv changes) when lpEnvironment is
 * NULL, or gets exactly the block given (CREATE_UNICODE_ENVIRONMENT);
 * lpCurrentDirectory sets its working directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

static void run(const WCHAR *args, void *env, DWORD flags, const WCHAR *dir)
{
    WCHAR cmd[256];
    char out[1024];
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    HANDLE rd, wr;
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    DWORD n, total = 0, code = 0;

    CreatePipe(&rd, &wr, &sa, 0);
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = wr;
    si.hStdError = wr;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    swprintf(cmd, 256, L"child %ls", args);
    if (!CreateProcessW(child_exe(), cmd, NULL, NULL, TRUE, flags, env, dir, &si, &pi)) {
        printf("%ls: CreateProcess failed %lu\n", args, GetLastError());
        CloseHandle(rd);
        CloseHandle(wr);
        return;
    }
    CloseHandle(wr);
    while (total < sizeof out - 1 && ReadFile(rd, out + total, sizeof out - 1 - total, &n, NULL) && n)
        total += n;
    out[total] = 0;
    CloseHandle(rd);
    if (total >= 2 && out[total - 2] == '\r')
        strcpy(out + total - 2, "\n");
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    printf("%ls -> %s", args, out);
}

int main(void)
{
    static WCHAR block[] = L"DECANT_ONLY=in-block\0Path=C:\\windows\0SystemRoot=C:\\windows\0";

    SetEnvironmentVariableW(L"DECANT_SET", L"by-SetEnvironmentVariable");
    _putenv("DECANT_PUT=by-_putenv");
    run(L"env DECANT_SET", NULL, 0, NULL);
    run(L"env DECANT_PUT", NULL, 0, NULL);
    run(L"env DECANT_ONLY", NULL, 0, NULL);
    run(L"env DECANT_ONLY", block, CREATE_UNICODE_ENVIRONMENT, NULL);
    run(L"env DECANT_SET", block, CREATE_UNICODE_ENVIRONMENT, NULL);
    SetEnvironmentVariableW(L"DECANT_SET", NULL);
    run(L"env DECANT_SET", NULL, 0, NULL);

    CreateDirectoryW(L"workdir", NULL);
    run(L"cwd", NULL, 0, L"workdir");
    SetCurrentDirectoryW(L"workdir");
    run(L"cwd", NULL, 0, NULL);
    return 0;
}
