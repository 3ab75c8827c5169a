/* ntdll's file information services over the file objects kernel32 uses. */
#include <string.h>

#include "file.h"
#include "fileinfo.h"
#include "status.h"

typedef struct {
    union {
        NTSTATUS Status;
        PVOID Pointer;
    };
    ULONG_PTR Information;
} IO_STATUS_BLOCK;

/* NtQueryInformationFile (ntdll) */
NTSTATUS WINAPI NtQueryInformationFile(HANDLE h, IO_STATUS_BLOCK *io, PVOID buf, ULONG len,
                                       int cls)
{
    struct file *f = file_ref(h);
    if (!f)
        return STATUS_INVALID_HANDLE;
    ULONG written;
    NTSTATUS st = fileinfo_query(f, cls, buf, len, &written);
    object_put(&f->obj);
    if (io) {
        io->Status = st;
        io->Information = written;
    }
    return st;
}

/* ZwQueryInformationFile (ntdll) */
NTSTATUS WINAPI ZwQueryInformationFile(HANDLE h, IO_STATUS_BLOCK *io, PVOID buf, ULONG len,
                                       int cls)
{
    return NtQueryInformationFile(h, io, buf, len, cls);
}
