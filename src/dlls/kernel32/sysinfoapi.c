/* sysinfoapi: processor, memory, versions (Windows 10 22H2, build 19045),
 * system directories and the computer name. */
#include <string.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "kernel32_private.h"
#include "ntapi.h"

typedef struct {
    WORD wProcessorArchitecture, wReserved;
    DWORD dwPageSize;
    LPVOID lpMinimumApplicationAddress, lpMaximumApplicationAddress;
    DWORD_PTR dwActiveProcessorMask;
    DWORD dwNumberOfProcessors, dwProcessorType, dwAllocationGranularity;
    WORD wProcessorLevel, wProcessorRevision;
} SYSTEM_INFO;

/* GetSystemInfo (kernel32) */
void WINAPI GetSystemInfo(SYSTEM_INFO *si)
{
    SYSTEM_BASIC_INFORMATION b;
    SYSTEM_PROCESSOR_INFORMATION p;
    NtQuerySystemInformation(SystemBasicInformation, &b, sizeof b, NULL);
    NtQuerySystemInformation(SystemProcessorInformation, &p, sizeof p, NULL);
    memset(si, 0, sizeof *si);
    si->wProcessorArchitecture = p.ProcessorArchitecture;
    si->dwPageSize = b.PageSize;
    si->lpMinimumApplicationAddress = (LPVOID)b.MinimumUserModeAddress;
    si->lpMaximumApplicationAddress = (LPVOID)b.MaximumUserModeAddress;
    si->dwActiveProcessorMask = b.ActiveProcessorsAffinityMask;
    si->dwNumberOfProcessors = b.NumberOfProcessors;
    si->dwProcessorType = 8664; /* PROCESSOR_AMD_X8664 */
    si->dwAllocationGranularity = b.AllocationGranularity;
    si->wProcessorLevel = p.ProcessorLevel;
    si->wProcessorRevision = p.ProcessorRevision;
}

/* GetNativeSystemInfo (kernel32) */
void WINAPI GetNativeSystemInfo(SYSTEM_INFO *si) { GetSystemInfo(si); }

typedef struct {
    DWORD dwLength, dwMemoryLoad;
    ULONGLONG ullTotalPhys, ullAvailPhys, ullTotalPageFile, ullAvailPageFile,
        ullTotalVirtual, ullAvailVirtual, ullAvailExtendedVirtual;
} MEMORYSTATUSEX;

/* GlobalMemoryStatusEx (kernel32) */
BOOL WINAPI GlobalMemoryStatusEx(MEMORYSTATUSEX *m)
{
    if (m->dwLength != sizeof *m) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    struct sysinfo si;
    sysinfo(&si);
    ULONGLONG total = (ULONGLONG)si.totalram * si.mem_unit;
    ULONGLONG avail = ((ULONGLONG)si.freeram + si.bufferram) * si.mem_unit;
    m->dwMemoryLoad = total ? (DWORD)(100 - avail * 100 / total) : 0;
    m->ullTotalPhys = total;
    m->ullAvailPhys = avail;
    m->ullTotalPageFile = total + (ULONGLONG)si.totalswap * si.mem_unit;
    m->ullAvailPageFile = avail + (ULONGLONG)si.freeswap * si.mem_unit;
    m->ullTotalVirtual = 0x7ffffffe0000ull;
    m->ullAvailVirtual = 0x7ffffffe0000ull - 0x10000000ull;
    m->ullAvailExtendedVirtual = 0;
    return TRUE;
}

typedef struct {
    DWORD dwOSVersionInfoSize, dwMajorVersion, dwMinorVersion, dwBuildNumber,
        dwPlatformId;
    WCHAR szCSDVersion[128];
    WORD wServicePackMajor, wServicePackMinor, wSuiteMask;
    BYTE wProductType, wReserved;
} OSVERSIONINFOEXW;

typedef struct {
    DWORD dwOSVersionInfoSize, dwMajorVersion, dwMinorVersion, dwBuildNumber,
        dwPlatformId;
    CHAR szCSDVersion[128];
    WORD wServicePackMajor, wServicePackMinor, wSuiteMask;
    BYTE wProductType, wReserved;
} OSVERSIONINFOEXA;

/* GetVersionExW (kernel32): Windows 10 for every program, which is what a
 * program with a Windows 10 manifest sees. */
BOOL WINAPI GetVersionExW(OSVERSIONINFOEXW *v)
{
    if (v->dwOSVersionInfoSize != 276 && v->dwOSVersionInfoSize != sizeof *v) {
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    v->dwMajorVersion = 10;
    v->dwMinorVersion = 0;
    v->dwBuildNumber = 19045;
    v->dwPlatformId = 2;
    v->szCSDVersion[0] = 0;
    if (v->dwOSVersionInfoSize == sizeof *v) {
        v->wServicePackMajor = v->wServicePackMinor = 0;
        v->wSuiteMask = 0x100; /* VER_SUITE_SINGLEUSERTS */
        v->wProductType = 1;   /* VER_NT_WORKSTATION */
        v->wReserved = 0;
    }
    return TRUE;
}

/* GetVersionExA (kernel32) */
BOOL WINAPI GetVersionExA(OSVERSIONINFOEXA *v)
{
    if (v->dwOSVersionInfoSize != 148 && v->dwOSVersionInfoSize != sizeof *v) {
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    v->dwMajorVersion = 10;
    v->dwMinorVersion = 0;
    v->dwBuildNumber = 19045;
    v->dwPlatformId = 2;
    v->szCSDVersion[0] = 0;
    if (v->dwOSVersionInfoSize == sizeof *v) {
        v->wServicePackMajor = v->wServicePackMinor = 0;
        v->wSuiteMask = 0x100;
        v->wProductType = 1;
        v->wReserved = 0;
    }
    return TRUE;
}

/* GetVersion (kernel32): build << 16 | minor << 8 | major */
DWORD WINAPI GetVersion(void) { return (19045u << 16) | 10; }

static DWORD copy_dir(const char *s, LPWSTR buf, UINT size)
{
    WCHAR w[64];
    utf8_to_wstr(s, -1, w, 64);
    return w_result_to_w(w, buf, size);
}

/* GetWindowsDirectoryW (kernel32) */
UINT WINAPI GetWindowsDirectoryW(LPWSTR buf, UINT size)
{
    return copy_dir("C:\\windows", buf, size);
}

/* GetSystemWindowsDirectoryW (kernel32) */
UINT WINAPI GetSystemWindowsDirectoryW(LPWSTR buf, UINT size)
{
    return copy_dir("C:\\windows", buf, size);
}

/* GetSystemDirectoryW (kernel32) */
UINT WINAPI GetSystemDirectoryW(LPWSTR buf, UINT size)
{
    return copy_dir("C:\\windows\\system32", buf, size);
}

/* GetWindowsDirectoryA (kernel32) */
UINT WINAPI GetWindowsDirectoryA(LPSTR buf, UINT size)
{
    return w_result_to_a(u"C:\\windows", buf, size);
}

/* GetSystemDirectoryA (kernel32) */
UINT WINAPI GetSystemDirectoryA(LPSTR buf, UINT size)
{
    return w_result_to_a(u"C:\\windows\\system32", buf, size);
}

/* GetComputerNameW (kernel32): the host name, upper case, up to the dot. */
BOOL WINAPI GetComputerNameW(LPWSTR buf, LPDWORD size)
{
    WCHAR *v = process_getenv_w(u"COMPUTERNAME");
    DWORD n = v ? wstr_len(v) : 0;
    if (n + 1 > *size) {
        *size = n + 1;
        free(v);
        set_last_error(ERROR_BUFFER_OVERFLOW);
        return FALSE;
    }
    memcpy(buf, v ? v : u"", (n + 1) * sizeof(WCHAR));
    *size = n;
    free(v);
    return TRUE;
}

/* GetComputerNameA (kernel32) */
BOOL WINAPI GetComputerNameA(LPSTR buf, LPDWORD size)
{
    WCHAR w[256];
    DWORD n = 256;
    if (!GetComputerNameW(w, &n))
        return FALSE;
    DWORD need = wstr_to_utf8(w, -1, NULL, 0);
    if (need > *size) {
        *size = need;
        set_last_error(ERROR_BUFFER_OVERFLOW);
        return FALSE;
    }
    wstr_to_utf8(w, -1, buf, *size);
    *size = need - 1;
    return TRUE;
}

/* GetComputerNameExW (kernel32) */
BOOL WINAPI GetComputerNameExW(int type, LPWSTR buf, LPDWORD size)
{
    return GetComputerNameW(buf, size);
}
