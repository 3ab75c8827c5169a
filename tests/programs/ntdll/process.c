/* NtQueryInformationProcess and NtTerminateProcess by GetProcAddress:
 * this process's basic information (exit status STILL_ACTIVE, its PEB,
 * its id), the exact sizes the fixed classes want, the debug port, WOW64,
 * the image name in both forms; a child's id and exit status, a child
 * ended by NtTerminateProcess (once: terminate_ended.c);
 * NtTerminateProcess(NULL) returns to the caller (it ends the other
 * threads: ExitProcess's first step). */
#include <stdio.h>
#include <wchar.h>
#include "nt.h"

NT(NtQueryInformationProcess, (HANDLE, ULONG, void *, ULONG, ULONG *))
NT(NtTerminateProcess, (HANDLE, NTSTATUS))

#define ProcessBasicInformation 0
#define ProcessDebugPort 7
#define ProcessWow64Information 26
#define ProcessImageFileName 27
#define ProcessImageFileNameWin32 43

typedef struct {
    NTSTATUS ExitStatus;
    PVOID PebBaseAddress;
    ULONG_PTR AffinityMask;
    LONG BasePriority;
    ULONG_PTR UniqueProcessId;
    ULONG_PTR InheritedFromUniqueProcessId;
} BASIC;

static HANDLE start_child(const char *how, DWORD *pid)
{
    char exe[MAX_PATH], cmd[MAX_PATH + 32];
    STARTUPINFOA si = {sizeof si};
    PROCESS_INFORMATION pi;
    GetModuleFileNameA(NULL, exe, sizeof exe);
    snprintf(cmd, sizeof cmd, "\"%s\" %s", exe, how);
    if (!CreateProcessA(exe, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return NULL;
    CloseHandle(pi.hThread);
    *pid = pi.dwProcessId;
    return pi.hProcess;
}

/* Does the UNICODE_STRING end with the file name of `path`? */
static int ends_with_name(const UNICODE_STRING *us, const WCHAR *path)
{
    const WCHAR *name = wcsrchr(path, '\\') ? wcsrchr(path, '\\') + 1 : path;
    size_t n = wcslen(name), len = us->Length / sizeof(WCHAR);
    return len > n && us->Buffer[len - n - 1] == '\\' && !_wcsnicmp(us->Buffer + len - n, name, n);
}

int main(int argc, char **argv)
{
    union {
        BASIC basic;
        ULONG_PTR word;
        UNICODE_STRING name;
        BYTE bytes[1024];
    } u;
    WCHAR exe[MAX_PATH];
    ULONG len;
    NTSTATUS st;
    HANDLE child;
    DWORD pid, code;

    if (argc > 1 && !strcmp(argv[1], "exit7"))
        return 7;
    if (argc > 1 && !strcmp(argv[1], "sleep")) {
        Sleep(30000);
        return 1;
    }
    LOAD(NtQueryInformationProcess);
    LOAD(NtTerminateProcess);

    len = 0xdead;
    st = p_NtQueryInformationProcess(GetCurrentProcess(), ProcessBasicInformation, &u.basic,
                                     sizeof u.basic, &len);
    printf("basic information: %#lx, length %lu, exit status %#lx\n", ST(st), len,
           ST(u.basic.ExitStatus));
    ok(u.basic.PebBaseAddress == NtCurrentTeb()->ProcessEnvironmentBlock, "PEB %p",
       u.basic.PebBaseAddress);
    ok(u.basic.UniqueProcessId == GetCurrentProcessId(), "id %lu",
       (unsigned long)u.basic.UniqueProcessId);
    ok(u.basic.AffinityMask != 0, "affinity mask");
    st = p_NtQueryInformationProcess(GetCurrentProcess(), ProcessBasicInformation, &u.basic,
                                     sizeof u.basic - 1, &len);
    printf("one byte short: %#lx\n", ST(st));
    st = p_NtQueryInformationProcess(GetCurrentProcess(), ProcessBasicInformation, &u.basic,
                                     sizeof u.basic + 1, &len);
    printf("one byte more: %#lx\n", ST(st));

    u.word = 0xdead;
    st = p_NtQueryInformationProcess(GetCurrentProcess(), ProcessDebugPort, &u.word,
                                     sizeof u.word, &len);
    printf("debug port: %#lx, %lu, length %lu\n", ST(st), (unsigned long)u.word, len);
    u.word = 0xdead;
    st = p_NtQueryInformationProcess(GetCurrentProcess(), ProcessWow64Information, &u.word,
                                     sizeof u.word, &len);
    printf("WOW64: %#lx, %lu\n", ST(st), (unsigned long)u.word);

    GetModuleFileNameW(NULL, exe, MAX_PATH);
    st = p_NtQueryInformationProcess(GetCurrentProcess(), ProcessImageFileNameWin32, &u.name,
                                     sizeof u, &len);
    printf("Win32 image name: %#lx, GetModuleFileName's %d\n", ST(st),
           u.name.Length == wcslen(exe) * sizeof(WCHAR) &&
               !_wcsnicmp(u.name.Buffer, exe, wcslen(exe)));
    ok(len >= sizeof(UNICODE_STRING) + u.name.Length, "length %lu", len);
    st = p_NtQueryInformationProcess(GetCurrentProcess(), ProcessImageFileName, &u.name,
                                     sizeof u, &len);
    printf("NT image name: %#lx, a full path %d, the file's name %d\n", ST(st),
           u.name.Buffer[0] == '\\', ends_with_name(&u.name, exe));
    st = p_NtQueryInformationProcess(GetCurrentProcess(), ProcessImageFileNameWin32, &u.name,
                                     sizeof(UNICODE_STRING) + 2, &len);
    printf("Win32 image name, short buffer: %#lx\n", ST(st));
    ok(len > sizeof(UNICODE_STRING) + 2, "needed %lu", len);

    st = p_NtQueryInformationProcess(GetCurrentProcess(), 0x1234, &u, sizeof u, &len);
    printf("class 0x1234: %#lx\n", ST(st));
    st = p_NtQueryInformationProcess((HANDLE)(ULONG_PTR)0x1230, ProcessBasicInformation,
                                     &u.basic, sizeof u.basic, &len);
    printf("a bad handle: %#lx\n", ST(st));
    st = p_NtQueryInformationProcess(GetCurrentThread(), ProcessBasicInformation, &u.basic,
                                     sizeof u.basic, &len);
    printf("a thread handle: %#lx\n", ST(st));

    /* children */
    child = start_child("exit7", &pid);
    WaitForSingleObject(child, INFINITE);
    st = p_NtQueryInformationProcess(child, ProcessBasicInformation, &u.basic, sizeof u.basic,
                                     &len);
    printf("a child that exited: %#lx, exit status %lu, its id %d, my child %d\n", ST(st),
           ST(u.basic.ExitStatus), u.basic.UniqueProcessId == pid,
           u.basic.InheritedFromUniqueProcessId == GetCurrentProcessId());
    CloseHandle(child);
    child = start_child("sleep", &pid);
    st = p_NtQueryInformationProcess(child, ProcessBasicInformation, &u.basic, sizeof u.basic,
                                     &len);
    printf("a running child: %#lx, exit status %#lx\n", ST(st), ST(u.basic.ExitStatus));
    st = p_NtTerminateProcess(child, 0x1234);
    WaitForSingleObject(child, INFINITE);
    GetExitCodeProcess(child, &code);
    printf("NtTerminateProcess of the child: %#lx, its exit code %#lx\n", ST(st), code);
    CloseHandle(child);

    printf("NtTerminateProcess(NULL): %#lx\n", ST(p_NtTerminateProcess(NULL, 3)));
    return test_summary();
}
