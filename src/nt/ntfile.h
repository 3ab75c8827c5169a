/* The NT file API's structures and constants (NtCreateFile, NtReadFile...),
 * shared by ntdll and the file core. */
#ifndef DECANT_NTFILE_H
#define DECANT_NTFILE_H

#include "windef.h"

typedef struct {
    union {
        NTSTATUS Status;
        PVOID Pointer;
    };
    ULONG_PTR Information;
} IO_STATUS_BLOCK;

typedef void(WINAPI *PIO_APC_ROUTINE)(PVOID ctx, IO_STATUS_BLOCK *io, ULONG reserved);

typedef struct {
    ULONG Length;
    HANDLE RootDirectory;
    UNICODE_STRING *ObjectName;
    ULONG Attributes;
    PVOID SecurityDescriptor;
    PVOID SecurityQualityOfService;
} OBJECT_ATTRIBUTES;

#define OBJ_INHERIT 0x2
#define OBJ_CASE_INSENSITIVE 0x40
#define OBJ_OPENIF 0x80

/* create dispositions */
#define FILE_SUPERSEDE 0
#define FILE_OPEN 1
#define FILE_CREATE 2
#define FILE_OPEN_IF 3
#define FILE_OVERWRITE 4
#define FILE_OVERWRITE_IF 5

/* create options */
#define FILE_DIRECTORY_FILE 0x1
#define FILE_WRITE_THROUGH 0x2
#define FILE_SEQUENTIAL_ONLY 0x4
#define FILE_NO_INTERMEDIATE_BUFFERING 0x8
#define FILE_SYNCHRONOUS_IO_ALERT 0x10
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20
#define FILE_NON_DIRECTORY_FILE 0x40
#define FILE_RANDOM_ACCESS 0x800
#define FILE_DELETE_ON_CLOSE 0x1000
#define FILE_OPEN_BY_FILE_ID 0x2000
#define FILE_OPEN_FOR_BACKUP_INTENT 0x4000
#define FILE_OPEN_REPARSE_POINT 0x200000

/* IO_STATUS_BLOCK.Information after a create */
#define FILE_SUPERSEDED 0
#define FILE_OPENED 1
#define FILE_CREATED 2
#define FILE_OVERWRITTEN 3
#define FILE_EXISTS 4
#define FILE_DOES_NOT_EXIST 5

/* special ByteOffset values (HighPart -1) */
#define FILE_WRITE_TO_END_OF_FILE 0xffffffffu
#define FILE_USE_FILE_POINTER_POSITION 0xfffffffeu

/* ntdll's exports, for kernel32's Win32 wrappers */
NTSTATUS WINAPI NtReadFile(HANDLE h, HANDLE event, PIO_APC_ROUTINE apc, PVOID ctx,
                           IO_STATUS_BLOCK *io, PVOID buf, ULONG len, LARGE_INTEGER *offset,
                           ULONG *key);
NTSTATUS WINAPI NtWriteFile(HANDLE h, HANDLE event, PIO_APC_ROUTINE apc, PVOID ctx,
                            IO_STATUS_BLOCK *io, const void *buf, ULONG len,
                            LARGE_INTEGER *offset, ULONG *key);
NTSTATUS WINAPI NtQueryInformationFile(HANDLE h, IO_STATUS_BLOCK *io, PVOID buf, ULONG len,
                                       int cls);
NTSTATUS WINAPI NtSetInformationFile(HANDLE h, IO_STATUS_BLOCK *io, void *buf, ULONG len,
                                     int cls);
NTSTATUS WINAPI NtFlushBuffersFile(HANDLE h, IO_STATUS_BLOCK *io);
NTSTATUS WINAPI NtQueryVolumeInformationFile(HANDLE h, IO_STATUS_BLOCK *io, void *buf,
                                             ULONG len, int cls);
NTSTATUS WINAPI NtQueryDirectoryFile(HANDLE h, HANDLE event, PIO_APC_ROUTINE apc, PVOID ctx,
                                     IO_STATUS_BLOCK *io, PVOID buf, ULONG len, int cls,
                                     BOOLEAN single, UNICODE_STRING *mask, BOOLEAN restart);

#endif
