// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* Parent and child connected by anonymous pipes: the parent writes the
 * child's stdin and reads its stdout; the child's text-mode stdout
 * turns "\n" into "\r\n" on the pipe; PeekNamedPipe; reading a pipe
 * whose writer is gone fails with ERROR_BROKEN_PIPE (109). */
#include <stdio.h>
#include <string.h>
#include "common.h"

int main(void)
{
    HANDLE in_rd, in_wr, out_rd, out_wr;
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    WCHAR cmd[] = L"child upper";
    char buf[256];
    DWORD n, total = 0, avail = 0, code;
    BOOL r;

    CreatePipe(&in_rd, &in_wr, &sa, 0);
    CreatePipe(&out_rd, &out_wr, &sa, 0);
    SetHandleInformation(in_wr, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(out_rd, HANDLE_FLAG_INHERIT, 0);
    printf("pipe file type: %lu\n", GetFileType(out_rd));

    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in_rd;
    si.hStdOutput = out_wr;
    si.hStdError = out_wr;
    r = CreateProcessW(child_exe(), cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
    printf("CreateProcessW: %d\n", r);
    CloseHandle(in_rd);
    CloseHandle(out_wr);

    WriteFile(in_wr, "hello\nworld\n", 12, &n, NULL);
    printf("wrote %lu bytes\n", n);
    CloseHandle(in_wr);

    WaitForSingleObject(pi.hProcess, 10000);
    r = PeekNamedPipe(out_rd, NULL, 0, NULL, &avail, NULL);
    printf("PeekNamedPipe: %d, %lu bytes available\n", r, avail);
    while (ReadFile(out_rd, buf + total, sizeof buf - 1 - total, &n, NULL) && n)
        total += n;
    printf("last ReadFile error: %lu\n", GetLastError());
    buf[total] = 0;
    printf("child output (%lu bytes):", total);
    for (n = 0; n < total; n++)
        printf(buf[n] == '\r' ? " \\r" : buf[n] == '\n' ? " \\n" : " %c", buf[n]);
    printf("\n");
    GetExitCodeProcess(pi.hProcess, &code);
    printf("exit code %lu\n", code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(out_rd);
    return 0;
}
