/* File mappings: a view of a file shares its pages with ReadFile/WriteFile
 * and with other views, views at 64 KiB-aligned offsets only, read-only and
 * copy-on-write views, FlushViewOfFile, UnmapViewOfFile, VirtualQuery of a
 * view, a mapping larger than its file, an empty file; and a named
 * pagefile-backed mapping opened with OpenFileMapping, here and from a
 * second process, gone once its last handle and view are. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

#define SIZE (128 * 1024)

static WCHAR shm_name[64];

/* Child mode: check the parent's message, answer at offset 100. */
static int child(const char *name)
{
    WCHAR w[64];
    MultiByteToWideChar(CP_ACP, 0, name, -1, w, 64);
    HANDLE m = OpenFileMappingW(FILE_MAP_ALL_ACCESS, FALSE, w);
    if (!m)
        return 10;
    char *p = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0);
    if (!p)
        return 11;
    if (strcmp(p, "from the parent"))
        return 12;
    strcpy(p + 100, "from the child");
    UnmapViewOfFile(p);
    CloseHandle(m);
    return 0;
}

static DWORD run_self(const char *args)
{
    char exe[MAX_PATH], cmd[2 * MAX_PATH];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    GetModuleFileNameA(NULL, exe, sizeof exe);
    snprintf(cmd, sizeof cmd, "\"%s\" %s", exe, args);
    fflush(stdout);
    if (!CreateProcessA(exe, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return code;
    WaitForSingleObject(pi.hProcess, 20000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

static void named_mapping(void)
{
    char arg[80];
    swprintf(shm_name, 64, L"Local\\decant-test-map-%lu", GetCurrentProcessId());
    SetLastError(0xdeadbeef);
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 65536, shm_name);
    ok(m != NULL && GetLastError() == 0, "named pagefile mapping: %lu", GetLastError());
    char *p = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0);
    ok(p != NULL, "map it");
    ok(p[0] == 0 && p[65535] == 0, "starts zeroed");
    strcpy(p, "from the parent");

    SetLastError(0xdeadbeef);
    HANDLE m2 = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 65536, shm_name);
    ok(m2 != NULL && m2 != m && GetLastError() == ERROR_ALREADY_EXISTS, "create again: %lu", GetLastError());
    CloseHandle(m2);
    m2 = OpenFileMappingW(FILE_MAP_READ, FALSE, shm_name);
    ok(m2 != NULL, "OpenFileMapping: %lu", GetLastError());
    char *q = MapViewOfFile(m2, FILE_MAP_READ, 0, 0, 0);
    ok(q && q != p && !strcmp(q, "from the parent"), "the opened mapping shares the memory");
    UnmapViewOfFile(q);
    CloseHandle(m2);

    snprintf(arg, sizeof arg, "child %ls", shm_name);
    ok(run_self(arg) == 0, "the child opened it and answered");
    ok(!strcmp(p + 100, "from the child"), "the child's answer: %s", p + 100);

    SetLastError(0xdeadbeef);
    ok(!OpenFileMappingW(FILE_MAP_READ, FALSE, L"Local\\decant-test-no-such-map") &&
       GetLastError() == ERROR_FILE_NOT_FOUND, "open a missing name: %lu", GetLastError());

    /* the last handle and view gone, so is the name */
    UnmapViewOfFile(p);
    CloseHandle(m);
    SetLastError(0xdeadbeef);
    m = OpenFileMappingW(FILE_MAP_READ, FALSE, shm_name);
    ok(!m && GetLastError() == ERROR_FILE_NOT_FOUND, "gone with its last handle: %p %lu", m, GetLastError());
    if (m)
        CloseHandle(m);
}

int main(int argc, char **argv)
{
    static char data[SIZE], buf[64];
    HANDLE f, m;
    DWORD n;
    int i;
    MEMORY_BASIC_INFORMATION mbi;

    if (argc == 3 && !strcmp(argv[1], "child"))
        return child(argv[2]);

    for (i = 0; i < SIZE; i++)
        data[i] = (char)(i % 251);
    f = CreateFileW(L"map.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ok(f != INVALID_HANDLE_VALUE, "create the file");
    ok(WriteFile(f, data, SIZE, &n, NULL) && n == SIZE, "fill it");

    SetLastError(0xdeadbeef);
    m = CreateFileMappingW(f, NULL, PAGE_READWRITE, 0, 0, NULL);
    ok(m != NULL && GetLastError() == 0, "CreateFileMapping, the file's size: %lu", GetLastError());
    char *v1 = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0);
    ok(v1 != NULL, "map the whole file");
    ok(v1 && !memcmp(v1, data, SIZE), "the view shows the file");
    ok(((ULONG_PTR)v1 & 0xffff) == 0, "the view is 64 KiB-aligned");
    ok(VirtualQuery(v1, &mbi, sizeof mbi) == sizeof mbi, "VirtualQuery");
    ok(mbi.Type == MEM_MAPPED && mbi.State == MEM_COMMIT && mbi.AllocationBase == v1 &&
       mbi.Protect == PAGE_READWRITE, "a committed read-write MEM_MAPPED region: %lx %lx %lx", mbi.Type,
       mbi.State, mbi.Protect);

    /* a write through the view is what ReadFile reads, and the other way */
    memcpy(v1 + 100, "through the view", 16);
    SetFilePointer(f, 100, NULL, FILE_BEGIN);
    ok(ReadFile(f, buf, 16, &n, NULL) && n == 16 && !memcmp(buf, "through the view", 16),
       "ReadFile sees the view's write");
    SetFilePointer(f, 5000, NULL, FILE_BEGIN);
    WriteFile(f, "through the file", 16, &n, NULL);
    ok(!memcmp(v1 + 5000, "through the file", 16), "the view sees WriteFile's write");

    /* two views of one mapping share memory */
    char *v2 = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 4096);
    ok(v2 && v2 != v1, "a second view");
    v1[7] = 'X';
    ok(v2 && v2[7] == 'X', "the second view sees the first's write");
    v2[8] = 'Y';
    ok(v1[8] == 'Y', "and the other way");
    char *v3 = MapViewOfFile(m, FILE_MAP_READ, 0, 65536, 4096);
    ok(v3 && !memcmp(v3, data + 65536, 4096), "a view at offset 64 KiB");
    ok(VirtualQuery(v3, &mbi, sizeof mbi) && mbi.Protect == PAGE_READONLY, "read-only view: %lx",
       mbi.Protect);
    SetLastError(0xdeadbeef);
    ok(!MapViewOfFile(m, FILE_MAP_READ, 0, 4096, 4096) && GetLastError() == ERROR_MAPPED_ALIGNMENT,
       "offset not a multiple of 64 KiB: %lu", GetLastError());
    ok(FlushViewOfFile(v1, 0), "FlushViewOfFile whole view");
    ok(FlushViewOfFile(v1 + 100, 16), "FlushViewOfFile part");

    /* copy-on-write: the file keeps its bytes */
    char *c = MapViewOfFile(m, FILE_MAP_COPY, 0, 0, 4096);
    ok(c != NULL, "copy-on-write view");
    if (c) {
        /* before the write: once written, a page is private, PAGE_READWRITE */
        ok(VirtualQuery(c, &mbi, sizeof mbi) && mbi.Protect == PAGE_WRITECOPY, "PAGE_WRITECOPY: %lx",
           mbi.Protect);
        c[0] = '!';
        ok(v1[0] == data[0] && c[0] == '!', "a private write is not shared");
        UnmapViewOfFile(c);
    }

    ok(UnmapViewOfFile(v2), "unmap the second view");
    ok(UnmapViewOfFile(v3), "unmap the third view");
    SetLastError(0xdeadbeef);
    ok(!UnmapViewOfFile(v2) && GetLastError() == ERROR_INVALID_ADDRESS, "unmap twice: %lu", GetLastError());
    /* the view outlives the handles */
    CloseHandle(m);
    CloseHandle(f);
    ok(v1[100] == 't' && v1[8] == 'Y', "the view outlives its handles");
    v1[0] = '#';
    ok(UnmapViewOfFile(v1), "unmap the first view");
    f = CreateFileW(L"map.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(ReadFile(f, buf, 9, &n, NULL) && buf[0] == '#' && buf[7] == 'X' && buf[8] == 'Y',
       "the file has the view's writes after unmapping");

    /* a mapping larger than the file grows it */
    m = CreateFileMappingW(f, NULL, PAGE_READWRITE, 0, SIZE + 10000, NULL);
    ok(m != NULL, "a mapping larger than the file");
    ok(GetFileSize(f, NULL) == SIZE + 10000, "the file grew to %lu", GetFileSize(f, NULL));
    CloseHandle(m);
    CloseHandle(f);
    DeleteFileW(L"map.bin");

    /* an empty file has nothing to map */
    f = CreateFileW(L"empty.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    SetLastError(0xdeadbeef);
    m = CreateFileMappingW(f, NULL, PAGE_READWRITE, 0, 0, NULL);
    ok(!m && GetLastError() == ERROR_FILE_INVALID, "empty file: %lu", GetLastError());
    CloseHandle(f);
    DeleteFileW(L"empty.bin");

    named_mapping();
    return test_summary();
}
