/* ntdll's processes: NtQueryInformationProcess for this process and the
 * children kernel32's CreateProcess made, NtTerminateProcess. Tests:
 * tests/programs/ntdll/process.c, terminate.c. */
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEBUG_CHANNEL process
#include "debug.h"
#include "ntapi.h"
#include "ntdll_private.h"
#include "path.h"
#include "process.h"
#include "status.h"
#include "thread.h"
#include "wstr.h"

/* The process a handle names: this one (*child NULL) or a child. */
static NTSTATUS process_of(HANDLE h, struct process **child)
{
    *child = NULL;
    if (h == CURRENT_PROCESS_HANDLE)
        return STATUS_SUCCESS;
    struct object *o = handle_ref(h, OBJ_PROCESS);
    if (!o)
        return handle_status(h);
    if (o == process_self_object())
        object_put(o);
    else
        *child = (struct process *)o;
    return STATUS_SUCCESS;
}

static ULONG_PTR affinity_mask(void)
{
    cpu_set_t set;
    ULONG_PTR mask = 0;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        for (int i = 0; i < 64; i++)
            if (CPU_ISSET(i, &set))
                mask |= (ULONG_PTR)1 << i;
    }
    return mask ? mask : 1;
}

static void basic_info(struct process *child, PROCESS_BASIC_INFORMATION *b)
{
    memset(b, 0, sizeof *b);
    b->AffinityMask = affinity_mask();
    b->BasePriority = 8; /* NORMAL_PRIORITY_CLASS */
    if (!child) {
        b->ExitStatus = STILL_ACTIVE;
        b->PebBaseAddress = nt_peb();
        b->UniqueProcessId = getpid();
        b->InheritedFromUniqueProcessId = getppid();
        return;
    }
    pthread_mutex_lock(&sync_lock);
    b->ExitStatus = child->exited ? child->exit_code : STILL_ACTIVE;
    sync_unlock();
    b->PebBaseAddress = NULL; /* in the child's address space: not known here */
    b->UniqueProcessId = child->pid;
    b->InheritedFromUniqueProcessId = getpid();
}

/* ProcessImageFileName(Win32): a UNICODE_STRING followed by its text,
 * with a NUL; the NT form names the volume's device. */
static NTSTATUS image_name(int nt, void *buf, ULONG len, ULONG *need)
{
    const UNICODE_STRING *img = &nt_peb()->ProcessParameters->ImagePathName;
    WCHAR *dos = malloc(img->Length + sizeof(WCHAR));
    memcpy(dos, img->Buffer, img->Length);
    dos[img->Length / sizeof(WCHAR)] = 0;
    WCHAR *name = nt ? path_dos_to_nt_device(dos) : NULL;
    const WCHAR *s = name ? name : dos;
    size_t bytes = wstr_len(s) * sizeof(WCHAR);
    *need = sizeof(UNICODE_STRING) + bytes + sizeof(WCHAR);
    NTSTATUS st = STATUS_INFO_LENGTH_MISMATCH;
    if (len >= *need) {
        UNICODE_STRING *us = buf;
        us->Buffer = (WCHAR *)(us + 1);
        us->Length = (USHORT)bytes;
        us->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
        memcpy(us->Buffer, s, bytes + sizeof(WCHAR));
        st = STATUS_SUCCESS;
    }
    free(name);
    free(dos);
    return st;
}

/* Each fixed-size class wants exactly its size; *ret_len gets the size
 * needed either way. */
static NTSTATUS query(struct process *child, int cls, void *buf, ULONG len, ULONG *need)
{
#define FIXED(type)                             \
    do {                                        \
        *need = sizeof(type);                   \
        if (len != sizeof(type))                \
            return STATUS_INFO_LENGTH_MISMATCH; \
    } while (0)
    switch (cls) {
    case ProcessBasicInformation:
        FIXED(PROCESS_BASIC_INFORMATION);
        basic_info(child, buf);
        return STATUS_SUCCESS;
    case ProcessDebugPort:
    case ProcessWow64Information:
        /* no debugger; a 64-bit process */
        FIXED(ULONG_PTR);
        *(ULONG_PTR *)buf = 0;
        return STATUS_SUCCESS;
    case ProcessDebugObjectHandle:
        FIXED(HANDLE);
        *(HANDLE *)buf = NULL;
        return STATUS_PORT_NOT_SET;
    case ProcessDebugFlags:
        FIXED(ULONG);
        *(ULONG *)buf = 1; /* PROCESS_DEBUG_INHERIT: not being debugged */
        return STATUS_SUCCESS;
    case ProcessImageFileName:
    case ProcessImageFileNameWin32:
        if (child) {
            FIXME("image name of a child process");
            return STATUS_NOT_IMPLEMENTED;
        }
        return image_name(cls == ProcessImageFileName, buf, len, need);
    default:
        FIXME("process information class %d", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
#undef FIXED
}

/* NtQueryInformationProcess (ntdll) */
NTSTATUS WINAPI NtQueryInformationProcess(HANDLE h, int cls, void *buf, ULONG len,
                                          ULONG *ret_len)
{
    struct process *child;
    NTSTATUS st = process_of(h, &child);
    if (st)
        return st;
    ULONG need = 0;
    st = query(child, cls, buf, len, &need);
    if (child)
        object_put(&child->obj);
    if (ret_len)
        *ret_len = need;
    return st;
}

/* NtTerminateProcess (ntdll): this process ends at once, without DLL
 * detach (ExitProcess does that first); a child is killed. A NULL handle
 * ends every thread but the caller's, which returns: ExitProcess's first
 * step, before the DLLs detach. */
NTSTATUS WINAPI NtTerminateProcess(HANDLE h, NTSTATUS status)
{
    if (!h) {
        FIXME("the other threads keep running");
        return STATUS_SUCCESS;
    }
    struct process *child;
    NTSTATUS st = process_of(h, &child);
    if (st)
        return st;
    if (!child)
        process_terminate(status);
    BOOL killed = process_kill(child, status);
    object_put(&child->obj);
    return killed ? STATUS_SUCCESS : STATUS_PROCESS_IS_TERMINATING;
}
