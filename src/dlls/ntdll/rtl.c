/* ntdll's run-time library basics: heaps, versions, strings, errors. */
#include <string.h>
#include <time.h>

#include "clock.h"
#include "heap.h"
#include "process.h"
#include "status.h"
#include "wstr.h"

/* RtlAllocateHeap (ntdll) */
PVOID WINAPI RtlAllocateHeap(HANDLE heap, ULONG flags, SIZE_T size)
{
    return heap_alloc(heap, flags, size);
}

/* RtlFreeHeap (ntdll) */
BOOLEAN WINAPI RtlFreeHeap(HANDLE heap, ULONG flags, PVOID p)
{
    return heap_free(heap, flags, p);
}

/* RtlReAllocateHeap (ntdll) */
PVOID WINAPI RtlReAllocateHeap(HANDLE heap, ULONG flags, PVOID p, SIZE_T size)
{
    return heap_realloc(heap, flags, p, size);
}

/* RtlSizeHeap (ntdll) */
SIZE_T WINAPI RtlSizeHeap(HANDLE heap, ULONG flags, const void *p)
{
    return heap_size(heap, flags, p);
}

/* RtlCreateHeap (ntdll) */
HANDLE WINAPI RtlCreateHeap(ULONG flags, PVOID base, SIZE_T reserve,
                            SIZE_T commit, PVOID lock, PVOID params)
{
    return heap_create(flags, commit, reserve);
}

/* RtlDestroyHeap (ntdll): NULL on success. */
HANDLE WINAPI RtlDestroyHeap(HANDLE heap)
{
    return heap_destroy(heap) ? NULL : heap;
}

/* RtlGetProcessHeaps (ntdll) */
ULONG WINAPI RtlGetProcessHeaps(ULONG count, HANDLE *heaps)
{
    return heap_list(count, heaps);
}

typedef struct {
    ULONG dwOSVersionInfoSize, dwMajorVersion, dwMinorVersion, dwBuildNumber,
        dwPlatformId;
    WCHAR szCSDVersion[128];
    USHORT wServicePackMajor, wServicePackMinor, wSuiteMask;
    UCHAR wProductType, wReserved;
} RTL_OSVERSIONINFOEXW;

/* RtlGetVersion (ntdll): the true version, whatever the manifest says. */
NTSTATUS WINAPI RtlGetVersion(RTL_OSVERSIONINFOEXW *v)
{
    v->dwMajorVersion = 10;
    v->dwMinorVersion = 0;
    v->dwBuildNumber = 19045;
    v->dwPlatformId = 2;
    v->szCSDVersion[0] = 0;
    if (v->dwOSVersionInfoSize >= sizeof *v) {
        v->wServicePackMajor = v->wServicePackMinor = 0;
        v->wSuiteMask = 0x100;
        v->wProductType = 1;
        v->wReserved = 0;
    }
    return STATUS_SUCCESS;
}

/* RtlGetNtVersionNumbers (ntdll) */
void WINAPI RtlGetNtVersionNumbers(ULONG *major, ULONG *minor, ULONG *build)
{
    if (major)
        *major = 10;
    if (minor)
        *minor = 0;
    if (build)
        *build = 0xf0000000u | 19045;
}

/* RtlNtStatusToDosError (ntdll) */
ULONG WINAPI RtlNtStatusToDosError(NTSTATUS s) { return status_to_win32(s); }

/* RtlGetLastWin32Error (ntdll) */
ULONG WINAPI RtlGetLastWin32Error(void) { return nt_current_teb()->LastErrorValue; }

/* RtlSetLastWin32Error (ntdll) */
void WINAPI RtlSetLastWin32Error(ULONG e) { nt_current_teb()->LastErrorValue = e; }

/* RtlGetCurrentPeb (ntdll) */
PEB *WINAPI RtlGetCurrentPeb(void) { return nt_peb(); }

/* NtCurrentTeb (ntdll) */
TEB *WINAPI NtCurrentTeb(void) { return nt_current_teb(); }

/* RtlInitUnicodeString (ntdll) */
void WINAPI RtlInitUnicodeString(UNICODE_STRING *u, const WCHAR *s)
{
    u->Buffer = (WCHAR *)s;
    u->Length = s ? wstr_len(s) * sizeof(WCHAR) : 0;
    u->MaximumLength = s ? u->Length + sizeof(WCHAR) : 0;
}

/* RtlInitAnsiString (ntdll) */
void WINAPI RtlInitAnsiString(ANSI_STRING *a, const char *s)
{
    a->Buffer = (char *)s;
    a->Length = s ? strlen(s) : 0;
    a->MaximumLength = s ? a->Length + 1 : 0;
}

/* NtQuerySystemTime (ntdll) */
NTSTATUS WINAPI NtQuerySystemTime(LARGE_INTEGER *t)
{
    t->QuadPart = clock_system_time();
    return STATUS_SUCCESS;
}

/* NtQueryPerformanceCounter (ntdll) */
NTSTATUS WINAPI NtQueryPerformanceCounter(LARGE_INTEGER *c, LARGE_INTEGER *f)
{
    c->QuadPart = clock_ticks(CLOCK_MONOTONIC);
    if (f)
        f->QuadPart = 10000000;
    return STATUS_SUCCESS;
}

/* RtlQueryPerformanceCounter (ntdll) */
BOOLEAN WINAPI RtlQueryPerformanceCounter(LARGE_INTEGER *c)
{
    return NtQueryPerformanceCounter(c, NULL) == STATUS_SUCCESS;
}

/* RtlQueryPerformanceFrequency (ntdll) */
BOOLEAN WINAPI RtlQueryPerformanceFrequency(LARGE_INTEGER *f)
{
    f->QuadPart = 10000000;
    return TRUE;
}
