/* ntdll's system services beyond files (ntfile.h): handles, events and
 * waits, virtual memory, processes, system information. Their structures
 * in Windows' layouts, and the prototypes kernel32's Win32 functions call
 * (src/dlls/ntdll). */
#ifndef DECANT_NTAPI_H
#define DECANT_NTAPI_H

#include "ntfile.h"
#include "windef.h"

/* ---- handles ---- */
#define DUPLICATE_CLOSE_SOURCE 0x1
#define DUPLICATE_SAME_ACCESS 0x2
#define DUPLICATE_SAME_ATTRIBUTES 0x4

NTSTATUS WINAPI NtClose(HANDLE h);
NTSTATUS WINAPI NtDuplicateObject(HANDLE src_process, HANDLE src, HANDLE dst_process,
                                  HANDLE *dst, ACCESS_MASK access, ULONG attributes,
                                  ULONG options);

/* ---- events and waits ---- */
typedef enum { NotificationEvent, SynchronizationEvent } EVENT_TYPE;
typedef enum { WaitAllObject, WaitAnyObject } WAIT_TYPE;
#define EVENT_ALL_ACCESS 0x1f0003
#define CREATE_EVENT_MANUAL_RESET 0x1
#define CREATE_EVENT_INITIAL_SET 0x2

NTSTATUS WINAPI NtCreateEvent(HANDLE *out, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                              EVENT_TYPE type, BOOLEAN initial);
NTSTATUS WINAPI NtSetEvent(HANDLE h, LONG *prev);
NTSTATUS WINAPI NtResetEvent(HANDLE h, LONG *prev);
NTSTATUS WINAPI NtClearEvent(HANDLE h);
NTSTATUS WINAPI NtWaitForSingleObject(HANDLE h, BOOLEAN alertable,
                                      const LARGE_INTEGER *timeout);
NTSTATUS WINAPI NtWaitForMultipleObjects(ULONG count, const HANDLE *handles, WAIT_TYPE type,
                                         BOOLEAN alertable, const LARGE_INTEGER *timeout);
NTSTATUS WINAPI NtDelayExecution(BOOLEAN alertable, const LARGE_INTEGER *timeout);
NTSTATUS WINAPI NtYieldExecution(void);

/* ---- virtual memory ---- */
NTSTATUS WINAPI NtAllocateVirtualMemory(HANDLE process, PVOID *addr, ULONG_PTR zero_bits,
                                        SIZE_T *size, ULONG type, ULONG prot);
NTSTATUS WINAPI NtFreeVirtualMemory(HANDLE process, PVOID *addr, SIZE_T *size, ULONG type);
NTSTATUS WINAPI NtProtectVirtualMemory(HANDLE process, PVOID *addr, SIZE_T *size,
                                       ULONG prot, ULONG *old);

/* ---- processes ---- */
enum {
    ProcessBasicInformation = 0,
    ProcessDebugPort = 7,
    ProcessWow64Information = 26,
    ProcessImageFileName = 27,
    ProcessDebugObjectHandle = 30,
    ProcessDebugFlags = 31,
    ProcessImageFileNameWin32 = 43,
};

typedef struct {
    NTSTATUS ExitStatus;
    PVOID PebBaseAddress;
    ULONG_PTR AffinityMask;
    LONG BasePriority;
    ULONG_PTR UniqueProcessId;
    ULONG_PTR InheritedFromUniqueProcessId;
} PROCESS_BASIC_INFORMATION;

NTSTATUS WINAPI NtQueryInformationProcess(HANDLE h, int cls, void *buf, ULONG len,
                                          ULONG *ret_len);
NTSTATUS WINAPI NtTerminateProcess(HANDLE h, NTSTATUS status);

/* ---- the system ---- */
enum {
    SystemBasicInformation = 0,
    SystemProcessorInformation = 1,
    SystemTimeOfDayInformation = 3,
};

typedef struct {
    ULONG Reserved;
    ULONG TimerResolution;
    ULONG PageSize;
    ULONG NumberOfPhysicalPages;
    ULONG LowestPhysicalPageNumber;
    ULONG HighestPhysicalPageNumber;
    ULONG AllocationGranularity;
    ULONG_PTR MinimumUserModeAddress;
    ULONG_PTR MaximumUserModeAddress;
    ULONG_PTR ActiveProcessorsAffinityMask;
    CHAR NumberOfProcessors;
} SYSTEM_BASIC_INFORMATION;

typedef struct {
    USHORT ProcessorArchitecture;
    USHORT ProcessorLevel;
    USHORT ProcessorRevision;
    USHORT MaximumProcessors;
    ULONG ProcessorFeatureBits;
} SYSTEM_PROCESSOR_INFORMATION;

typedef struct {
    LARGE_INTEGER BootTime;
    LARGE_INTEGER CurrentTime;
    LARGE_INTEGER TimeZoneBias;
    ULONG TimeZoneId;
    ULONG Reserved;
    ULONGLONG BootTimeBias;
    ULONGLONG SleepTimeBias;
} SYSTEM_TIMEOFDAY_INFORMATION;

NTSTATUS WINAPI NtQuerySystemInformation(int cls, void *buf, ULONG len, ULONG *ret_len);

#endif
