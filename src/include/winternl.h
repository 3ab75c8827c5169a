/* The Windows x64 process and thread structures that programs read directly
 * through GS: only the fields decant fills are named, the rest is padding,
 * and every named offset is asserted against the documented layout. */
#ifndef DECANT_WINTERNL_H
#define DECANT_WINTERNL_H

#include "windef.h"

#define OFFSET_CHECK(type, field, off) \
    _Static_assert(offsetof(type, field) == (off), #type "." #field)

typedef struct {
    PVOID ExceptionList;
    PVOID StackBase;
    PVOID StackLimit;
    PVOID SubSystemTib;
    PVOID FiberData;
    PVOID ArbitraryUserPointer;
    PVOID Self;
} NT_TIB;

typedef struct {
    HANDLE UniqueProcess;
    HANDLE UniqueThread;
} CLIENT_ID;

struct PEB;

typedef struct TEB {
    NT_TIB Tib;                              /* 0x000 */
    PVOID EnvironmentPointer;                /* 0x038 */
    CLIENT_ID ClientId;                      /* 0x040 */
    PVOID ActiveRpcHandle;                   /* 0x050 */
    PVOID ThreadLocalStoragePointer;         /* 0x058 */
    struct PEB *Peb;                         /* 0x060 */
    ULONG LastErrorValue;                    /* 0x068 */
    ULONG CountOfOwnedCriticalSections;      /* 0x06c */
    BYTE pad1[0x108 - 0x70];
    ULONG CurrentLocale;                     /* 0x108 */
    BYTE pad2[0x2c0 - 0x10c];
    LONG ExceptionCode;                      /* 0x2c0 */
    PVOID ActivationContextStackPointer;     /* 0x2c8 */
    BYTE pad3[0x1250 - 0x2d0];
    ULONG LastStatusValue;                   /* 0x1250 */
    BYTE pad4[0x1478 - 0x1254];
    PVOID DeallocationStack;                 /* 0x1478 */
    PVOID TlsSlots[64];                      /* 0x1480 */
    LIST_ENTRY TlsLinks;                     /* 0x1680 */
    BYTE pad5[0x1748 - 0x1690];
    ULONG GuaranteedStackBytes;              /* 0x1748: SetThreadStackGuarantee */
    BYTE pad5b[0x1780 - 0x174c];
    PVOID *TlsExpansionSlots;                /* 0x1780 */
    BYTE pad6[0x17c8 - 0x1788];
    PVOID FlsData;                           /* 0x17c8 */
    BYTE pad7[0x17ee - 0x17d0];
    USHORT SameTebFlags;                     /* 0x17ee: 0x4 HasFiberData */
    BYTE pad8[0x1838 - 0x17f0];
    /* decant's own per-thread state lives after the Windows part, in the
     * same allocation, so finding it costs one GS-relative load. */
    struct thread *decant_thread;            /* 0x1838 */
} TEB;

OFFSET_CHECK(TEB, Tib.Self, 0x30);
OFFSET_CHECK(TEB, ThreadLocalStoragePointer, 0x58);
OFFSET_CHECK(TEB, Peb, 0x60);
OFFSET_CHECK(TEB, LastErrorValue, 0x68);
OFFSET_CHECK(TEB, DeallocationStack, 0x1478);
OFFSET_CHECK(TEB, TlsSlots, 0x1480);
OFFSET_CHECK(TEB, TlsExpansionSlots, 0x1780);
OFFSET_CHECK(TEB, GuaranteedStackBytes, 0x1748);
OFFSET_CHECK(TEB, SameTebFlags, 0x17ee);

typedef struct {
    ULONG Length;
    BOOLEAN Initialized;
    PVOID SsHandle;
    LIST_ENTRY InLoadOrderModuleList;           /* 0x10 */
    LIST_ENTRY InMemoryOrderModuleList;         /* 0x20 */
    LIST_ENTRY InInitializationOrderModuleList; /* 0x30 */
    PVOID EntryInProgress;
    BOOLEAN ShutdownInProgress;
    HANDLE ShutdownThreadId;
} PEB_LDR_DATA;

OFFSET_CHECK(PEB_LDR_DATA, InMemoryOrderModuleList, 0x20);

typedef struct {
    LIST_ENTRY InLoadOrderLinks;           /* 0x00 */
    LIST_ENTRY InMemoryOrderLinks;         /* 0x10 */
    LIST_ENTRY InInitializationOrderLinks; /* 0x20 */
    PVOID DllBase;                         /* 0x30 */
    PVOID EntryPoint;                      /* 0x38 */
    ULONG SizeOfImage;                     /* 0x40 */
    UNICODE_STRING FullDllName;            /* 0x48 */
    UNICODE_STRING BaseDllName;            /* 0x58 */
    ULONG Flags;                           /* 0x68 */
    USHORT LoadCount;                      /* 0x6c */
    USHORT TlsIndex;                       /* 0x6e */
    LIST_ENTRY HashLinks;                  /* 0x70 */
    ULONG TimeDateStamp;                   /* 0x80 */
    BYTE pad[0x120 - 0x84];
} LDR_DATA_TABLE_ENTRY;

OFFSET_CHECK(LDR_DATA_TABLE_ENTRY, DllBase, 0x30);
OFFSET_CHECK(LDR_DATA_TABLE_ENTRY, BaseDllName, 0x58);
OFFSET_CHECK(LDR_DATA_TABLE_ENTRY, TimeDateStamp, 0x80);

typedef struct {
    UNICODE_STRING DosPath;
    HANDLE Handle;
} CURDIR;

typedef struct {
    ULONG MaximumLength;            /* 0x00 */
    ULONG Length;                   /* 0x04 */
    ULONG Flags;                    /* 0x08 */
    ULONG DebugFlags;               /* 0x0c */
    HANDLE ConsoleHandle;           /* 0x10 */
    ULONG ConsoleFlags;             /* 0x18 */
    HANDLE StandardInput;           /* 0x20 */
    HANDLE StandardOutput;          /* 0x28 */
    HANDLE StandardError;           /* 0x30 */
    CURDIR CurrentDirectory;        /* 0x38 */
    UNICODE_STRING DllPath;         /* 0x50 */
    UNICODE_STRING ImagePathName;   /* 0x60 */
    UNICODE_STRING CommandLine;     /* 0x70 */
    WCHAR *Environment;             /* 0x80 */
    ULONG StartingX, StartingY, CountX, CountY, CountCharsX, CountCharsY;
    ULONG FillAttribute;            /* 0xa0 */
    ULONG WindowFlags;              /* 0xa4 */
    ULONG ShowWindowFlags;          /* 0xa8 */
    UNICODE_STRING WindowTitle;     /* 0xb0 */
    UNICODE_STRING DesktopInfo;     /* 0xc0 */
    UNICODE_STRING ShellInfo;       /* 0xd0 */
    UNICODE_STRING RuntimeData;     /* 0xe0 */
    BYTE CurrentDirectories[32 * 0x18]; /* 0xf0 */
    ULONG_PTR EnvironmentSize;      /* 0x3f0 */
    ULONG_PTR EnvironmentVersion;   /* 0x3f8 */
} RTL_USER_PROCESS_PARAMETERS;

OFFSET_CHECK(RTL_USER_PROCESS_PARAMETERS, CommandLine, 0x70);
OFFSET_CHECK(RTL_USER_PROCESS_PARAMETERS, Environment, 0x80);
OFFSET_CHECK(RTL_USER_PROCESS_PARAMETERS, WindowTitle, 0xb0);
OFFSET_CHECK(RTL_USER_PROCESS_PARAMETERS, EnvironmentSize, 0x3f0);

typedef struct PEB {
    BOOLEAN InheritedAddressSpace;          /* 0x000 */
    BOOLEAN ReadImageFileExecOptions;
    BOOLEAN BeingDebugged;                  /* 0x002 */
    BOOLEAN BitField;
    BYTE pad0[4];
    HANDLE Mutant;                          /* 0x008 */
    PVOID ImageBaseAddress;                 /* 0x010 */
    PEB_LDR_DATA *Ldr;                      /* 0x018 */
    RTL_USER_PROCESS_PARAMETERS *ProcessParameters; /* 0x020 */
    PVOID SubSystemData;                    /* 0x028 */
    HANDLE ProcessHeap;                     /* 0x030 */
    PVOID FastPebLock;                      /* 0x038 */
    BYTE pad1[0xb8 - 0x40];
    ULONG NumberOfProcessors;               /* 0x0b8 */
    ULONG NtGlobalFlag;                     /* 0x0bc */
    BYTE pad2[0xe8 - 0xc0];
    ULONG NumberOfHeaps;                    /* 0x0e8 */
    ULONG MaximumNumberOfHeaps;             /* 0x0ec */
    PVOID *ProcessHeaps;                    /* 0x0f0 */
    BYTE pad3[0x118 - 0xf8];
    ULONG OSMajorVersion;                   /* 0x118 */
    ULONG OSMinorVersion;                   /* 0x11c */
    USHORT OSBuildNumber;                   /* 0x120 */
    USHORT OSCSDVersion;                    /* 0x122 */
    ULONG OSPlatformId;                     /* 0x124 */
    ULONG ImageSubsystem;                   /* 0x128 */
    ULONG ImageSubsystemMajorVersion;       /* 0x12c */
    ULONG ImageSubsystemMinorVersion;       /* 0x130 */
    BYTE pad4[0x2c0 - 0x134];
    ULONG SessionId;                        /* 0x2c0 */
    BYTE pad5[0x7c8 - 0x2c4];
} PEB;

OFFSET_CHECK(PEB, Ldr, 0x18);
OFFSET_CHECK(PEB, ProcessHeap, 0x30);
OFFSET_CHECK(PEB, NumberOfProcessors, 0xb8);
OFFSET_CHECK(PEB, OSMajorVersion, 0x118);
OFFSET_CHECK(PEB, ImageSubsystem, 0x128);
OFFSET_CHECK(PEB, SessionId, 0x2c0);

#define KUSER_SHARED_DATA_ADDR 0x7ffe0000ul

#endif
