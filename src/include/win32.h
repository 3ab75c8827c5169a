/* Prototypes of the kernel32/ntdll exports that other builtin DLLs call
 * directly (msvcrt sits on kernel32 as it does on Windows). Signatures are
 * Windows' own; every one is WINAPI (ms_abi). */
#ifndef DECANT_WIN32_H
#define DECANT_WIN32_H

#include "windef.h"

/* CreateFile */
#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define GENERIC_EXECUTE 0x20000000u
#define GENERIC_ALL 0x10000000u
#define FILE_READ_DATA 0x0001
#define FILE_LIST_DIRECTORY 0x0001
#define FILE_WRITE_DATA 0x0002
#define FILE_APPEND_DATA 0x0004
#define FILE_READ_ATTRIBUTES 0x0080
#define FILE_WRITE_ATTRIBUTES 0x0100
#define DELETE 0x00010000
#define SYNCHRONIZE 0x00100000
#define FILE_SHARE_READ 1
#define FILE_SHARE_WRITE 2
#define FILE_SHARE_DELETE 4
#define CREATE_NEW 1
#define CREATE_ALWAYS 2
#define OPEN_EXISTING 3
#define OPEN_ALWAYS 4
#define TRUNCATE_EXISTING 5
#define FILE_ATTRIBUTE_READONLY 0x1
#define FILE_ATTRIBUTE_HIDDEN 0x2
#define FILE_ATTRIBUTE_SYSTEM 0x4
#define FILE_ATTRIBUTE_DIRECTORY 0x10
#define FILE_ATTRIBUTE_ARCHIVE 0x20
#define FILE_ATTRIBUTE_NORMAL 0x80
#define FILE_ATTRIBUTE_REPARSE_POINT 0x400
#define IO_REPARSE_TAG_SYMLINK 0xA000000Cu
#define INVALID_FILE_ATTRIBUTES 0xffffffffu
#define FILE_FLAG_WRITE_THROUGH 0x80000000u
#define FILE_FLAG_OVERLAPPED 0x40000000u
#define FILE_FLAG_NO_BUFFERING 0x20000000u
#define FILE_FLAG_DELETE_ON_CLOSE 0x04000000u
#define FILE_FLAG_BACKUP_SEMANTICS 0x02000000u
#define FILE_FLAG_OPEN_REPARSE_POINT 0x00200000u
#define FILE_BEGIN 0
#define FILE_CURRENT 1
#define FILE_END 2
#define INVALID_SET_FILE_POINTER 0xffffffffu
#define FILE_TYPE_UNKNOWN 0
#define FILE_TYPE_DISK 1
#define FILE_TYPE_CHAR 2
#define FILE_TYPE_PIPE 3
#define STD_INPUT_HANDLE ((DWORD)-10)
#define STD_OUTPUT_HANDLE ((DWORD)-11)
#define STD_ERROR_HANDLE ((DWORD)-12)
#define MOVEFILE_REPLACE_EXISTING 1
#define MOVEFILE_COPY_ALLOWED 2
#define MOVEFILE_WRITE_THROUGH 8

/* Memory */
#define MEM_COMMIT 0x1000
#define MEM_RESERVE 0x2000
#define MEM_DECOMMIT 0x4000
#define MEM_RELEASE 0x8000
#define MEM_FREE 0x10000
#define MEM_PRIVATE 0x20000
#define MEM_MAPPED 0x40000
#define MEM_RESET 0x80000
#define MEM_TOP_DOWN 0x100000
#define MEM_IMAGE 0x1000000
#define PAGE_NOACCESS 0x01
#define PAGE_READONLY 0x02
#define PAGE_READWRITE 0x04
#define PAGE_WRITECOPY 0x08
#define PAGE_EXECUTE 0x10
#define PAGE_EXECUTE_READ 0x20
#define PAGE_EXECUTE_READWRITE 0x40
#define PAGE_EXECUTE_WRITECOPY 0x80
#define PAGE_GUARD 0x100
#define HEAP_NO_SERIALIZE 0x1
#define HEAP_GENERATE_EXCEPTIONS 0x4
#define HEAP_ZERO_MEMORY 0x8
#define HEAP_REALLOC_IN_PLACE_ONLY 0x10

/* Waits */
#define WAIT_OBJECT_0 0
#define WAIT_ABANDONED 0x80
#define WAIT_ABANDONED_0 WAIT_ABANDONED
#define WAIT_IO_COMPLETION 0xc0
#define WAIT_TIMEOUT 258
#define WAIT_FAILED 0xffffffffu
#define STILL_ACTIVE 259

/* Code pages */
#define CP_ACP 0
#define CP_OEMCP 1
#define CP_THREAD_ACP 3
#define CP_UTF7 65000
#define CP_UTF8 65001
#define MB_PRECOMPOSED 1
#define MB_ERR_INVALID_CHARS 8
#define WC_NO_BEST_FIT_CHARS 0x400

typedef struct {
    PVOID DebugInfo;
    LONG LockCount;
    LONG RecursionCount;
    HANDLE OwningThread;
    HANDLE LockSemaphore;
    ULONG_PTR SpinCount;
} CRITICAL_SECTION;

typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime;
    FILETIME ftLastAccessTime;
    FILETIME ftLastWriteTime;
    DWORD nFileSizeHigh;
    DWORD nFileSizeLow;
    DWORD dwReserved0;
    DWORD dwReserved1;
    WCHAR cFileName[MAX_PATH];
    WCHAR cAlternateFileName[14];
} WIN32_FIND_DATAW;

typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime;
    FILETIME ftLastAccessTime;
    FILETIME ftLastWriteTime;
    DWORD nFileSizeHigh;
    DWORD nFileSizeLow;
} WIN32_FILE_ATTRIBUTE_DATA;

typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime;
    FILETIME ftLastAccessTime;
    FILETIME ftLastWriteTime;
    DWORD dwVolumeSerialNumber;
    DWORD nFileSizeHigh;
    DWORD nFileSizeLow;
    DWORD nNumberOfLinks;
    DWORD nFileIndexHigh;
    DWORD nFileIndexLow;
} BY_HANDLE_FILE_INFORMATION;

typedef struct {
    DWORD cb;
    LPWSTR lpReserved, lpDesktop, lpTitle;
    DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars;
    DWORD dwFillAttribute, dwFlags;
    WORD wShowWindow, cbReserved2;
    BYTE *lpReserved2;
    HANDLE hStdInput, hStdOutput, hStdError;
} STARTUPINFOW;

typedef struct {
    DWORD cb;
    LPSTR lpReserved, lpDesktop, lpTitle;
    DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars;
    DWORD dwFillAttribute, dwFlags;
    WORD wShowWindow, cbReserved2;
    BYTE *lpReserved2;
    HANDLE hStdInput, hStdOutput, hStdError;
} STARTUPINFOA;

#define STARTF_USESTDHANDLES 0x100

typedef struct {
    HANDLE hProcess, hThread;
    DWORD dwProcessId, dwThreadId;
} PROCESS_INFORMATION;

typedef struct {
    LONG Bias;
    WCHAR StandardName[32];
    SYSTEMTIME StandardDate;
    LONG StandardBias;
    WCHAR DaylightName[32];
    SYSTEMTIME DaylightDate;
    LONG DaylightBias;
} TIME_ZONE_INFORMATION;
#define TIME_ZONE_ID_UNKNOWN 0
#define TIME_ZONE_ID_STANDARD 1
#define TIME_ZONE_ID_DAYLIGHT 2

typedef struct {
    PVOID BaseAddress, AllocationBase;
    DWORD AllocationProtect;
    WORD PartitionId;
    SIZE_T RegionSize;
    DWORD State, Protect, Type;
} MEMORY_BASIC_INFORMATION;

typedef DWORD(WINAPI *LPTHREAD_START_ROUTINE)(LPVOID);

/* errhandlingapi / handleapi */
DWORD WINAPI GetLastError(void);
void WINAPI SetLastError(DWORD);
BOOL WINAPI CloseHandle(HANDLE);
BOOL WINAPI DuplicateHandle(HANDLE, HANDLE, HANDLE, HANDLE *, DWORD, BOOL, DWORD);
void WINAPI RaiseException(DWORD, DWORD, DWORD, const ULONG_PTR *);

/* fileapi */
HANDLE WINAPI CreateFileW(LPCWSTR, DWORD, DWORD, SECURITY_ATTRIBUTES *, DWORD,
                          DWORD, HANDLE);
HANDLE WINAPI CreateFileA(LPCSTR, DWORD, DWORD, SECURITY_ATTRIBUTES *, DWORD,
                          DWORD, HANDLE);
BOOL WINAPI ReadFile(HANDLE, LPVOID, DWORD, LPDWORD, OVERLAPPED *);
BOOL WINAPI WriteFile(HANDLE, LPCVOID, DWORD, LPDWORD, OVERLAPPED *);
BOOL WINAPI SetFilePointerEx(HANDLE, LARGE_INTEGER, LARGE_INTEGER *, DWORD);
DWORD WINAPI SetFilePointer(HANDLE, LONG, LONG *, DWORD);
BOOL WINAPI SetEndOfFile(HANDLE);
BOOL WINAPI FlushFileBuffers(HANDLE);
DWORD WINAPI GetFileType(HANDLE);
DWORD WINAPI GetFileSize(HANDLE, LPDWORD);
BOOL WINAPI GetFileSizeEx(HANDLE, LARGE_INTEGER *);
BOOL WINAPI GetFileTime(HANDLE, FILETIME *, FILETIME *, FILETIME *);
BOOL WINAPI SetFileTime(HANDLE, const FILETIME *, const FILETIME *, const FILETIME *);
BOOL WINAPI GetFileInformationByHandle(HANDLE, BY_HANDLE_FILE_INFORMATION *);
DWORD WINAPI GetFileAttributesW(LPCWSTR);
BOOL WINAPI GetFileAttributesExW(LPCWSTR, int, LPVOID);
BOOL WINAPI SetFileAttributesW(LPCWSTR, DWORD);
HANDLE WINAPI FindFirstFileW(LPCWSTR, WIN32_FIND_DATAW *);
BOOL WINAPI FindNextFileW(HANDLE, WIN32_FIND_DATAW *);
BOOL WINAPI FindClose(HANDLE);
BOOL WINAPI CreateDirectoryW(LPCWSTR, SECURITY_ATTRIBUTES *);
BOOL WINAPI RemoveDirectoryW(LPCWSTR);
BOOL WINAPI DeleteFileW(LPCWSTR);
BOOL WINAPI MoveFileExW(LPCWSTR, LPCWSTR, DWORD);
BOOL WINAPI CopyFileW(LPCWSTR, LPCWSTR, BOOL);
DWORD WINAPI GetFullPathNameW(LPCWSTR, DWORD, LPWSTR, LPWSTR *);
DWORD WINAPI GetCurrentDirectoryW(DWORD, LPWSTR);
BOOL WINAPI SetCurrentDirectoryW(LPCWSTR);
DWORD WINAPI GetTempPathW(DWORD, LPWSTR);
DWORD WINAPI GetLogicalDrives(void);
DWORD WINAPI ExpandEnvironmentStringsW(LPCWSTR, LPWSTR, DWORD);
BOOL WINAPI CreatePipe(HANDLE *, HANDLE *, SECURITY_ATTRIBUTES *, DWORD);
BOOL WINAPI PeekNamedPipe(HANDLE, LPVOID, DWORD, LPDWORD, LPDWORD, LPDWORD);
BOOL WINAPI LockFileEx(HANDLE, DWORD, DWORD, DWORD, DWORD, OVERLAPPED *);
BOOL WINAPI UnlockFileEx(HANDLE, DWORD, DWORD, DWORD, OVERLAPPED *);

HANDLE WINAPI LocalAlloc(UINT flags, SIZE_T size);
HANDLE WINAPI LocalFree(HANDLE mem);

/* processenv / console */
HANDLE WINAPI GetStdHandle(DWORD);
BOOL WINAPI SetStdHandle(DWORD, HANDLE);
LPSTR WINAPI GetCommandLineA(void);
LPWSTR WINAPI GetCommandLineW(void);
LPWSTR WINAPI GetEnvironmentStringsW(void);
BOOL WINAPI FreeEnvironmentStringsW(LPWSTR);
DWORD WINAPI GetEnvironmentVariableW(LPCWSTR, LPWSTR, DWORD);
BOOL WINAPI SetEnvironmentVariableW(LPCWSTR, LPCWSTR);
BOOL WINAPI GetConsoleMode(HANDLE, LPDWORD);
BOOL WINAPI WriteConsoleW(HANDLE, const void *, DWORD, LPDWORD, LPVOID);
UINT WINAPI GetACP(void);
UINT WINAPI GetOEMCP(void);
UINT WINAPI GetConsoleOutputCP(void);

/* heapapi / memoryapi */
HANDLE WINAPI GetProcessHeap(void);
HANDLE WINAPI HeapCreate(DWORD, SIZE_T, SIZE_T);
BOOL WINAPI HeapDestroy(HANDLE);
LPVOID WINAPI HeapAlloc(HANDLE, DWORD, SIZE_T);
LPVOID WINAPI HeapReAlloc(HANDLE, DWORD, LPVOID, SIZE_T);
BOOL WINAPI HeapFree(HANDLE, DWORD, LPVOID);
SIZE_T WINAPI HeapSize(HANDLE, DWORD, LPCVOID);
LPVOID WINAPI VirtualAlloc(LPVOID, SIZE_T, DWORD, DWORD);
BOOL WINAPI VirtualFree(LPVOID, SIZE_T, DWORD);
BOOL WINAPI VirtualProtect(LPVOID, SIZE_T, DWORD, LPDWORD);
SIZE_T WINAPI VirtualQuery(LPCVOID, MEMORY_BASIC_INFORMATION *, SIZE_T);

/* processthreadsapi / synchapi */
HANDLE WINAPI GetCurrentProcess(void);
HANDLE WINAPI GetCurrentThread(void);
DWORD WINAPI GetCurrentProcessId(void);
DWORD WINAPI GetCurrentThreadId(void);
void WINAPI ExitProcess(UINT) __attribute__((noreturn));
BOOL WINAPI TerminateProcess(HANDLE, UINT);
void WINAPI ExitThread(DWORD) __attribute__((noreturn));
HANDLE WINAPI CreateThread(SECURITY_ATTRIBUTES *, SIZE_T, LPTHREAD_START_ROUTINE,
                           LPVOID, DWORD, LPDWORD);
BOOL WINAPI CreateProcessW(LPCWSTR, LPWSTR, SECURITY_ATTRIBUTES *,
                           SECURITY_ATTRIBUTES *, BOOL, DWORD, LPVOID, LPCWSTR,
                           STARTUPINFOW *, PROCESS_INFORMATION *);
BOOL WINAPI GetExitCodeProcess(HANDLE, LPDWORD);
BOOL WINAPI GetExitCodeThread(HANDLE, LPDWORD);
DWORD WINAPI WaitForSingleObject(HANDLE, DWORD);
DWORD WINAPI WaitForSingleObjectEx(HANDLE, DWORD, BOOL);
DWORD WINAPI SleepEx(DWORD, BOOL);
DWORD WINAPI WaitForMultipleObjects(DWORD, const HANDLE *, BOOL, DWORD);
void WINAPI Sleep(DWORD);
DWORD WINAPI TlsAlloc(void);
BOOL WINAPI TlsFree(DWORD);
LPVOID WINAPI TlsGetValue(DWORD);
BOOL WINAPI TlsSetValue(DWORD, LPVOID);
void WINAPI InitializeCriticalSection(CRITICAL_SECTION *);
BOOL WINAPI InitializeCriticalSectionAndSpinCount(CRITICAL_SECTION *, DWORD);
void WINAPI DeleteCriticalSection(CRITICAL_SECTION *);
void WINAPI EnterCriticalSection(CRITICAL_SECTION *);
BOOL WINAPI TryEnterCriticalSection(CRITICAL_SECTION *);
void WINAPI LeaveCriticalSection(CRITICAL_SECTION *);
HANDLE WINAPI CreateEventW(SECURITY_ATTRIBUTES *, BOOL, BOOL, LPCWSTR);
BOOL WINAPI SetEvent(HANDLE);
BOOL WINAPI ResetEvent(HANDLE);

/* libloaderapi */
HMODULE WINAPI GetModuleHandleW(LPCWSTR);
HMODULE WINAPI GetModuleHandleA(LPCSTR);
DWORD WINAPI GetModuleFileNameW(HMODULE, LPWSTR, DWORD);
DWORD WINAPI GetModuleFileNameA(HMODULE, LPSTR, DWORD);
HMODULE WINAPI LoadLibraryW(LPCWSTR);
HMODULE WINAPI LoadLibraryA(LPCSTR);
FARPROC WINAPI GetProcAddress(HMODULE, LPCSTR);
BOOL WINAPI FreeLibrary(HMODULE);

/* stringapiset / time */
int WINAPI MultiByteToWideChar(UINT, DWORD, LPCSTR, int, LPWSTR, int);
int WINAPI WideCharToMultiByte(UINT, DWORD, LPCWSTR, int, LPSTR, int, LPCSTR,
                               BOOL *);
void WINAPI GetSystemTimeAsFileTime(FILETIME *);
void WINAPI GetSystemTime(SYSTEMTIME *);
void WINAPI GetLocalTime(SYSTEMTIME *);
BOOL WINAPI FileTimeToSystemTime(const FILETIME *, SYSTEMTIME *);
BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME *, FILETIME *);
BOOL WINAPI FileTimeToLocalFileTime(const FILETIME *, FILETIME *);
BOOL WINAPI LocalFileTimeToFileTime(const FILETIME *, FILETIME *);
DWORD WINAPI GetTimeZoneInformation(TIME_ZONE_INFORMATION *);
BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *);
BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *);
DWORD WINAPI GetTickCount(void);
ULONGLONG WINAPI GetTickCount64(void);

#endif
