/* Windows base types as Windows spells them, for Windows-facing code.
 * LONG is 32 bits and WCHAR 16 bits here: never pass these to glibc as
 * `long` or `wchar_t`. */
#ifndef DECANT_WINDEF_H
#define DECANT_WINDEF_H

#include <stddef.h>
#include <stdint.h>

#define WINAPI __attribute__((ms_abi))
#define CDECL __attribute__((ms_abi))
#define WIN_VA_LIST __builtin_ms_va_list
#define win_va_start __builtin_ms_va_start
#define win_va_end __builtin_ms_va_end
#define win_va_copy __builtin_ms_va_copy

typedef void VOID;
typedef uint8_t BYTE, UCHAR, BOOLEAN;
typedef uint16_t WORD, USHORT, WCHAR;
typedef int16_t SHORT;
typedef uint32_t DWORD, ULONG, UINT;
typedef int32_t LONG, INT, BOOL;
typedef int64_t LONGLONG, LONG64, INT_PTR, LONG_PTR, SSIZE_T;
typedef uint64_t ULONGLONG, ULONG64, DWORD64, UINT_PTR, ULONG_PTR, DWORD_PTR,
    SIZE_T;
typedef char CHAR;
typedef float FLOAT;
typedef void *PVOID, *LPVOID, *HANDLE, *HMODULE, *HINSTANCE, *FARPROC;
typedef const void *LPCVOID;
typedef CHAR *LPSTR;
typedef const CHAR *LPCSTR;
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;
typedef DWORD *LPDWORD;
typedef LONG NTSTATUS;
typedef DWORD ACCESS_MASK;
typedef uint16_t ATOM;

#define TRUE 1
#define FALSE 0
#define MAX_PATH 260
#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)
#define INFINITE 0xffffffffu

typedef union {
    struct {
        DWORD LowPart;
        LONG HighPart;
    };
    LONGLONG QuadPart;
} LARGE_INTEGER;

typedef union {
    struct {
        DWORD LowPart;
        DWORD HighPart;
    };
    ULONGLONG QuadPart;
} ULARGE_INTEGER;

typedef struct {
    DWORD dwLowDateTime;
    DWORD dwHighDateTime;
} FILETIME;

typedef struct LIST_ENTRY {
    struct LIST_ENTRY *Flink, *Blink;
} LIST_ENTRY;

typedef struct {
    USHORT Length;        /* bytes, without the terminator */
    USHORT MaximumLength; /* bytes */
    WCHAR *Buffer;
} UNICODE_STRING;

typedef struct {
    USHORT Length;
    USHORT MaximumLength;
    CHAR *Buffer;
} ANSI_STRING;

typedef struct {
    DWORD nLength;
    LPVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES;

typedef struct {
    WORD wYear, wMonth, wDayOfWeek, wDay, wHour, wMinute, wSecond,
        wMilliseconds;
} SYSTEMTIME;

typedef struct {
    ULONG_PTR Internal;
    ULONG_PTR InternalHigh;
    union {
        struct {
            DWORD Offset;
            DWORD OffsetHigh;
        };
        PVOID Pointer;
    };
    HANDLE hEvent;
} OVERLAPPED;

#define NT_SUCCESS(s) ((NTSTATUS)(s) >= 0)
#define NT_ERROR(s) ((ULONG)(s) >> 30 == 3)

#endif
