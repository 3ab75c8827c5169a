// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* Handle inheritance: without STARTF_USESTDHANDLES the child writes to
 * the same stdout as the parent; an inheritable file handle is usable in
 * the child under the same value; a non-inheritable one is not
 * (ERROR_INVALID_HANDLE 6, reported as 1006 by the child); bInheritHandles
 * FALSE passes none. */
#include <stdio.h>
#include <string.h>
#include "common.h"

static DWORD run(const WCHAR *args, BOOL inherit)
{
    WCHAR cmd[256];
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    swprintf(cmd, 256, L"child %ls", args);
    if (!CreateProcessW(child_exe(), cmd, NULL, NULL, inherit, 0, NULL, NULL, &si, &pi)) {
        printf("CreateProcessW failed, error %lu\n", GetLastError());
        return 0xfffffffe;
    }
    WaitForSingleObject(pi.hProcess, 10000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

int main(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    HANDLE f, g;
    WCHAR args[128];
    char buf[64];
    DWORD n, code;
    int i;

    /* Push our handle values up, so that the values passed to the child
     * are far above any handle the child has of its own. */
    for (i = 0; i < 300; i++)
        CreateEventW(NULL, FALSE, FALSE, NULL);

    printf("parent before\n");
    fflush(stdout);
    code = run(L"args shared stdout", TRUE);
    printf("parent after, child exit %lu\n", code);
    fflush(stdout);

    f = CreateFileW(L"shared.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, CREATE_ALWAYS, 0, NULL);
    swprintf(args, 128, L"writeh %Iu from-child", (ULONG_PTR)f);
    code = run(args, TRUE);
    printf("inheritable handle: child exit %lu\n", code);
    code = run(args, FALSE);
    printf("bInheritHandles FALSE: child exit %lu\n", code);
    CloseHandle(f);

    g = CreateFileW(L"private.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, 0, NULL);
    swprintf(args, 128, L"writeh %Iu should-fail", (ULONG_PTR)g);
    code = run(args, TRUE);
    printf("non-inheritable handle: child exit %lu\n", code);
    CloseHandle(g);

    f = CreateFileW(L"shared.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    n = 0;
    ReadFile(f, buf, sizeof buf - 1, &n, NULL);
    buf[n] = 0;
    printf("shared.txt: [%s]\n", buf);
    CloseHandle(f);
    return 0;
}
