// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* Attribute lists: the size query (ERROR_INSUFFICIENT_BUFFER with the
 * size needed, 48 bytes for one attribute on x64), the errors of
 * UpdateProcThreadAttribute, and CreateProcessW with
 * EXTENDED_STARTUPINFO_PRESENT and PROC_THREAD_ATTRIBUTE_HANDLE_LIST: of
 * two inheritable handles only the listed one reaches the child (the other
 * is ERROR_INVALID_HANDLE 6 there, exit 1006). */
#include <stdio.h>
#include <string.h>
#include "common.h"

static DWORD run(const WCHAR *args, LPPROC_THREAD_ATTRIBUTE_LIST list)
{
    WCHAR cmd[256];
    STARTUPINFOEXW si;
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    memset(&si, 0, sizeof si);
    si.StartupInfo.cb = sizeof si;
    si.lpAttributeList = list;
    swprintf(cmd, 256, L"child %ls", args);
    if (!CreateProcessW(child_exe(), cmd, NULL, NULL, TRUE, EXTENDED_STARTUPINFO_PRESENT,
                        NULL, NULL, &si.StartupInfo, &pi)) {
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
    SIZE_T size = 0, size2;
    LPPROC_THREAD_ATTRIBUTE_LIST list;
    HANDLE f, g, pair[2], self = GetCurrentProcess();
    WCHAR args[128];
    BOOL r;
    int i;

    for (i = 0; i < 300; i++)
        CreateEventW(NULL, FALSE, FALSE, NULL);

    SetLastError(0);
    r = InitializeProcThreadAttributeList(NULL, 1, 0, &size);
    printf("size query: %d error %lu size %Iu\n", r, GetLastError(), size);
    size2 = 0;
    r = InitializeProcThreadAttributeList(NULL, 2, 0, &size2);
    printf("two attributes: %Iu more\n", size2 - size);

    list = HeapAlloc(GetProcessHeap(), 0, size);
    size2 = size - 1;
    SetLastError(0);
    r = InitializeProcThreadAttributeList(list, 1, 0, &size2);
    printf("short buffer: %d error %lu size %Iu\n", r, GetLastError(), size2);
    size2 = size;
    r = InitializeProcThreadAttributeList(list, 1, 0, &size2);
    printf("init: %d size %Iu\n", r, size2);

    r = UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_PARENT_PROCESS, &self, 4, NULL, NULL);
    printf("parent, 4 bytes: %d error %lu\n", r, GetLastError());
    r = UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, &self, 3, NULL, NULL);
    printf("handle list, 3 bytes: %d error %lu\n", r, GetLastError());
    r = UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_PARENT_PROCESS, &self, sizeof self, NULL, NULL);
    printf("parent: %d\n", r);
    r = UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, &self, sizeof self, NULL, NULL);
    printf("over capacity: %d error %lu\n", r, GetLastError());
    DeleteProcThreadAttributeList(list);

    f = CreateFileW(L"listed.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, CREATE_ALWAYS, 0, NULL);
    g = CreateFileW(L"unlisted.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, CREATE_ALWAYS, 0, NULL);
    size2 = size;
    InitializeProcThreadAttributeList(list, 1, 0, &size2);
    pair[0] = f;
    r = UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, pair, sizeof(HANDLE), NULL, NULL);
    printf("handle list: %d\n", r);
    swprintf(args, 128, L"writeh %Iu listed", (ULONG_PTR)f);
    printf("listed handle: child exit %lu\n", run(args, list));
    swprintf(args, 128, L"writeh %Iu unlisted", (ULONG_PTR)g);
    printf("unlisted handle: child exit %lu\n", run(args, list));
    DeleteProcThreadAttributeList(list);

    /* without a handle list both are inherited */
    size2 = size;
    InitializeProcThreadAttributeList(list, 1, 0, &size2);
    UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_PARENT_PROCESS, &self, sizeof self, NULL, NULL);
    printf("parent attribute, unlisted handle: child exit %lu\n", run(args, list));
    DeleteProcThreadAttributeList(list);
    HeapFree(GetProcessHeap(), 0, list);
    CloseHandle(f);
    CloseHandle(g);
    return 0;
}
