// build: -lntdll
/* NtCreateFile/NtOpenFile with NT paths (\??\C:\...), every create
 * disposition and the IO_STATUS_BLOCK.Information it reports, directory
 * options, names relative to a directory handle; NtReadFile/NtWriteFile
 * with byte offsets, the current position of a synchronous handle,
 * end of file, the special offsets, an event, an APC, and an
 * asynchronous handle's need for an offset. */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

NTSTATUS NTAPI NtReadFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, PVOID,
                          ULONG, PLARGE_INTEGER, PULONG);
NTSTATUS NTAPI NtWriteFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK,
                           const void *, ULONG, PLARGE_INTEGER, PULONG);

#define FILE_SUPERSEDE 0
#define FILE_OPEN 1
#define FILE_CREATE 2
#define FILE_OPEN_IF 3
#define FILE_OVERWRITE 4
#define FILE_OVERWRITE_IF 5
#define FILE_DIRECTORY_FILE 0x1
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20
#define FILE_NON_DIRECTORY_FILE 0x40
#define FILE_DELETE_ON_CLOSE 0x1000

static WCHAR cwd[MAX_PATH];

/* "\??\<cwd>\<name>" */
static void nt_name(UNICODE_STRING *us, WCHAR *buf, const WCHAR *name)
{
    swprintf(buf, 600, L"\\??\\%ls\\%ls", cwd, name);
    us->Buffer = buf;
    us->Length = wcslen(buf) * sizeof(WCHAR);
    us->MaximumLength = us->Length + sizeof(WCHAR);
}

static NTSTATUS create(HANDLE *h, HANDLE root, const WCHAR *name, ACCESS_MASK access,
                       ULONG disposition, ULONG options, ULONG_PTR *info)
{
    WCHAR buf[600];
    UNICODE_STRING us;
    if (root) {
        wcscpy(buf, name);
        us.Buffer = buf;
        us.Length = wcslen(buf) * sizeof(WCHAR);
        us.MaximumLength = us.Length + 2;
    } else if (name[0] == '\\' || name[0] == '.') {
        wcscpy(buf, name[0] == '.' ? name + 1 : name); /* raw NT name; "." marks a relative one */
        us.Buffer = buf;
        us.Length = wcslen(buf) * sizeof(WCHAR);
        us.MaximumLength = us.Length + 2;
    } else {
        nt_name(&us, buf, name);
    }
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &us, OBJ_CASE_INSENSITIVE, root, NULL);
    IO_STATUS_BLOCK io;
    io.Status = 0x1234;
    io.Information = 0xdead;
    *h = NULL;
    NTSTATUS st = NtCreateFile(h, access | SYNCHRONIZE, &oa, &io, NULL, FILE_ATTRIBUTE_NORMAL,
                               FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                               disposition, options, NULL, 0);
    if (info)
        *info = st ? 0xdead : io.Information;
    return st;
}

static void show_create(const char *what, const WCHAR *name, ACCESS_MASK access,
                        ULONG disposition, ULONG options)
{
    HANDLE h;
    ULONG_PTR info;
    NTSTATUS st = create(&h, NULL, name, access, disposition, options, &info);
    if (st)
        printf("%s: %#lx\n", what, st);
    else
        printf("%s: ok, information %lu\n", what, (unsigned long)info);
    if (!st)
        CloseHandle(h);
}

static int apc_calls;
static void *apc_ctx;
static IO_STATUS_BLOCK *apc_io;
static void NTAPI apc(PVOID ctx, PIO_STATUS_BLOCK io, ULONG reserved)
{
    apc_calls++;
    apc_ctx = ctx;
    apc_io = io;
}

int main(void)
{
    HANDLE h, d;
    ULONG_PTR info;
    IO_STATUS_BLOCK io;
    LARGE_INTEGER off;
    char buf[64];
    NTSTATUS st;
    GetCurrentDirectoryW(MAX_PATH, cwd);
    if (cwd[wcslen(cwd) - 1] == '\\')
        cwd[wcslen(cwd) - 1] = 0;

    /* dispositions */
    show_create("open missing", L"f.txt", GENERIC_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("overwrite missing", L"f.txt", GENERIC_WRITE, FILE_OVERWRITE, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("create", L"f.txt", GENERIC_WRITE, FILE_CREATE, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("create again", L"f.txt", GENERIC_WRITE, FILE_CREATE, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("open", L"f.txt", GENERIC_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("open_if existing", L"f.txt", GENERIC_READ, FILE_OPEN_IF, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("open_if new", L"g.txt", GENERIC_READ, FILE_OPEN_IF, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("overwrite", L"f.txt", GENERIC_WRITE, FILE_OVERWRITE, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("overwrite_if existing", L"f.txt", GENERIC_WRITE, FILE_OVERWRITE_IF, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("overwrite_if new", L"h.txt", GENERIC_WRITE, FILE_OVERWRITE_IF, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("supersede existing", L"f.txt", GENERIC_WRITE, FILE_SUPERSEDE, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("supersede new", L"i.txt", GENERIC_WRITE, FILE_SUPERSEDE, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("missing directory", L"nodir\\f.txt", GENERIC_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("bad disposition", L"f.txt", GENERIC_READ, 6, FILE_SYNCHRONOUS_IO_NONALERT);

    /* directories */
    show_create("mkdir", L"dir", GENERIC_READ, FILE_CREATE, FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    printf("dir attributes: %#lx\n", GetFileAttributesW(L"dir") & FILE_ATTRIBUTE_DIRECTORY);
    show_create("mkdir again", L"dir", GENERIC_READ, FILE_CREATE, FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("open_if directory", L"dir", GENERIC_READ, FILE_OPEN_IF, FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("directory file on a file", L"f.txt", GENERIC_READ, FILE_OPEN, FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("non-directory file on a directory", L"dir", GENERIC_READ, FILE_OPEN, FILE_NON_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("directory, overwrite_if", L"dir2", GENERIC_READ, FILE_OVERWRITE_IF, FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("plain open of a directory", L"dir", GENERIC_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT);

    /* names */
    show_create("relative name, no root", L".f.txt", GENERIC_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("\\??\\NUL", L"\\??\\NUL", GENERIC_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT);
    show_create("\\Device\\Null", L"\\Device\\Null", GENERIC_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT);
    st = create(&d, NULL, L"dir", GENERIC_READ, FILE_OPEN, FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT, NULL);
    ok(!st, "open dir: %#lx", st);
    st = create(&h, d, L"inner.txt", GENERIC_WRITE, FILE_CREATE, FILE_SYNCHRONOUS_IO_NONALERT, &info);
    printf("relative to a directory handle: %#lx, information %lu, exists %d\n", st,
           (unsigned long)info, GetFileAttributesW(L"dir\\inner.txt") != INVALID_FILE_ATTRIBUTES);
    CloseHandle(h);
    st = create(&h, d, L"\\inner.txt", GENERIC_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT, &info);
    printf("absolute name with a root: %#lx\n", st);
    CloseHandle(d);

    /* synchronous reads and writes */
    st = create(&h, NULL, L"data.txt", GENERIC_READ | GENERIC_WRITE, FILE_CREATE,
                FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE, NULL);
    ok(!st, "create data.txt: %#lx", st);
    st = NtWriteFile(h, NULL, NULL, NULL, &io, "hello world", 11, NULL, NULL);
    printf("write: %#lx, %lu bytes\n", st, (unsigned long)io.Information);
    off.QuadPart = 6;
    st = NtWriteFile(h, NULL, NULL, NULL, &io, "WORLD", 5, &off, NULL);
    printf("write at 6: %#lx, %lu bytes\n", st, (unsigned long)io.Information);
    off.HighPart = -1;
    off.LowPart = 0xffffffff; /* FILE_WRITE_TO_END_OF_FILE */
    st = NtWriteFile(h, NULL, NULL, NULL, &io, "!", 1, &off, NULL);
    printf("write at end of file: %#lx, %lu bytes\n", st, (unsigned long)io.Information);
    off.QuadPart = 0;
    memset(buf, 0, sizeof buf);
    st = NtReadFile(h, NULL, NULL, NULL, &io, buf, 5, &off, NULL);
    printf("read 5 at 0: %#lx, %lu bytes [%s]\n", st, (unsigned long)io.Information, buf);
    memset(buf, 0, sizeof buf);
    st = NtReadFile(h, NULL, NULL, NULL, &io, buf, 3, NULL, NULL);
    printf("read 3 at the current position: %#lx [%s]\n", st, buf);
    off.HighPart = -1;
    off.LowPart = 0xfffffffe; /* FILE_USE_FILE_POINTER_POSITION */
    memset(buf, 0, sizeof buf);
    st = NtReadFile(h, NULL, NULL, NULL, &io, buf, 100, &off, NULL);
    printf("read the rest: %#lx, %lu bytes [%s]\n", st, (unsigned long)io.Information, buf);
    io.Information = 99;
    st = NtReadFile(h, NULL, NULL, NULL, &io, buf, 100, NULL, NULL);
    printf("read at end of file: %#lx, status block %#lx, %lu bytes\n", st, io.Status,
           (unsigned long)io.Information);
    off.QuadPart = 1000;
    st = NtReadFile(h, NULL, NULL, NULL, &io, buf, 100, &off, NULL);
    printf("read past end of file: %#lx\n", st);
    st = NtReadFile(h, NULL, NULL, NULL, &io, buf, 0, NULL, NULL);
    printf("read 0 bytes at end of file: %#lx\n", st);
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    off.QuadPart = 0;
    st = NtReadFile(h, ev, NULL, NULL, &io, buf, 4, &off, NULL);
    printf("read with an event: %#lx, signalled %d\n", st, WaitForSingleObject(ev, 0) == WAIT_OBJECT_0);
    CloseHandle(h);

    /* an asynchronous handle (no FILE_SYNCHRONOUS_IO_*) */
    st = create(&h, NULL, L"data.txt", GENERIC_READ, FILE_OPEN, FILE_NON_DIRECTORY_FILE, NULL);
    ok(!st, "open asynchronous: %#lx", st);
    st = NtReadFile(h, NULL, NULL, NULL, &io, buf, 4, NULL, NULL);
    printf("asynchronous read without an offset: %#lx\n", st);
    ResetEvent(ev);
    memset(buf, 0, sizeof buf);
    off.QuadPart = 6;
    st = NtReadFile(h, ev, NULL, NULL, &io, buf, 5, &off, NULL);
    if (st == STATUS_PENDING)
        WaitForSingleObject(ev, INFINITE);
    printf("asynchronous read: %s, status block %#lx, %lu bytes [%s], signalled %d\n",
           st == STATUS_PENDING || st == 0 ? "started" : "failed", io.Status,
           (unsigned long)io.Information, buf, WaitForSingleObject(ev, 0) == WAIT_OBJECT_0);
    off.QuadPart = 0;
    st = NtReadFile(h, NULL, apc, (void *)0x1234, &io, buf, 5, &off, NULL);
    printf("read with an APC: %s, calls before an alertable wait %d\n",
           st == STATUS_PENDING || st == 0 ? "started" : "failed", apc_calls);
    SleepEx(st == STATUS_PENDING ? 1000 : 0, TRUE);
    printf("after SleepEx: calls %d, context %p, status block %s\n", apc_calls, apc_ctx,
           apc_io == &io ? "ours" : "other");
    off.QuadPart = 100;
    st = NtReadFile(h, NULL, NULL, NULL, &io, buf, 5, &off, NULL);
    if (st == STATUS_PENDING) {
        WaitForSingleObject(h, INFINITE);
        st = io.Status;
    }
    printf("asynchronous read past end of file: %#lx\n", st);
    CloseHandle(h);

    st = NtReadFile((HANDLE)(ULONG_PTR)0xdead0, NULL, NULL, NULL, &io, buf, 4, NULL, NULL);
    printf("bad handle: %#lx\n", st);
    st = NtReadFile(ev, NULL, NULL, NULL, &io, buf, 4, NULL, NULL);
    printf("an event handle: %#lx\n", st);

    /* pipes: the end of a pipe is STATUS_PIPE_BROKEN */
    HANDLE r, w;
    CreatePipe(&r, &w, NULL, 0);
    st = NtWriteFile(w, NULL, NULL, NULL, &io, "pipe", 4, NULL, NULL);
    printf("pipe write: %#lx, %lu bytes\n", st, (unsigned long)io.Information);
    CloseHandle(w);
    memset(buf, 0, sizeof buf);
    st = NtReadFile(r, NULL, NULL, NULL, &io, buf, 64, NULL, NULL);
    printf("pipe read: %#lx, %lu bytes [%s]\n", st, (unsigned long)io.Information, buf);
    st = NtReadFile(r, NULL, NULL, NULL, &io, buf, 64, NULL, NULL);
    printf("pipe read after the writer closed: %#lx\n", st);
    CloseHandle(r);

    /* delete on close */
    st = create(&h, NULL, L"temp.txt", GENERIC_WRITE | DELETE, FILE_CREATE,
                FILE_SYNCHRONOUS_IO_NONALERT | FILE_DELETE_ON_CLOSE, NULL);
    printf("delete on close: %#lx, exists %d", st, GetFileAttributesW(L"temp.txt") != INVALID_FILE_ATTRIBUTES);
    CloseHandle(h);
    printf(", after close %d\n", GetFileAttributesW(L"temp.txt") != INVALID_FILE_ATTRIBUTES);
    show_create("delete on close without DELETE", L"temp.txt", GENERIC_WRITE, FILE_CREATE,
                FILE_SYNCHRONOUS_IO_NONALERT | FILE_DELETE_ON_CLOSE);
    return test_summary();
}
