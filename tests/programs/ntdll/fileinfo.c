/* ntdll's file information by GetProcAddress: NtSetInformationFile
 * (position, end of file, times and attributes, renames by NT name,
 * with and without replacing, deletion), NtQueryAttributesFile and
 * NtQueryFullAttributesFile by NT name, NtQueryVolumeInformationFile
 * (volume, attribute and size classes for a file, the device of a pipe
 * and of NUL), NtFlushBuffersFile. What Wine 8 does otherwise (access
 * checks, allocation, short buffers, a file's device, a file pending
 * deletion): fileinfo_windows.c. */
#include <stdio.h>
#include <string.h>
#include "nt.h"

NT(NtSetInformationFile, (HANDLE, IO_STATUS_BLOCK *, void *, ULONG, ULONG))
NT(NtQueryInformationFile, (HANDLE, IO_STATUS_BLOCK *, void *, ULONG, ULONG))
NT(NtQueryAttributesFile, (OBJECT_ATTRIBUTES *, FILE_BASIC_INFORMATION *))
NT(NtQueryFullAttributesFile, (OBJECT_ATTRIBUTES *, FILE_NETWORK_OPEN_INFORMATION *))
NT(NtQueryVolumeInformationFile, (HANDLE, IO_STATUS_BLOCK *, void *, ULONG, ULONG))
NT(NtFlushBuffersFile, (HANDLE, IO_STATUS_BLOCK *))

#define FileBasic 4
#define FileRename 10
#define FileDisposition 13
#define FilePosition 14
#define FileEndOfFile 20
#define FsVolume 1
#define FsSize 3
#define FsDevice 4
#define FsAttribute 5
#define FsFullSize 7

static WCHAR cwd[MAX_PATH];
static IO_STATUS_BLOCK io;

static HANDLE open_file(const WCHAR *name, DWORD access, DWORD disposition)
{
    return CreateFileW(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                       NULL, disposition, 0, NULL);
}

static NTSTATUS set(HANDLE h, ULONG cls, void *buf, ULONG len)
{
    io.Status = 0x1234;
    io.Information = 0xdead;
    return p_NtSetInformationFile(h, &io, buf, len, cls);
}

static NTSTATUS set_size(HANDLE h, ULONG cls, LONGLONG size)
{
    LARGE_INTEGER li;
    li.QuadPart = size;
    return set(h, cls, &li, sizeof li);
}

static LONGLONG file_size(HANDLE h)
{
    LARGE_INTEGER li;
    GetFileSizeEx(h, &li);
    return li.QuadPart;
}

/* OBJECT_ATTRIBUTES for "\??\<cwd>\<name>" */
static OBJECT_ATTRIBUTES *nt_name(const WCHAR *name)
{
    static WCHAR buf[MAX_PATH + 64];
    static UNICODE_STRING us;
    static OBJECT_ATTRIBUTES oa;
    swprintf(buf, MAX_PATH + 64, L"\\??\\%ls\\%ls", cwd, name);
    us.Buffer = buf;
    us.Length = us.MaximumLength = wcslen(buf) * sizeof(WCHAR);
    InitializeObjectAttributes(&oa, &us, OBJ_CASE_INSENSITIVE, NULL, NULL);
    return &oa;
}

static NTSTATUS rename_to(HANDLE h, const WCHAR *name, BOOLEAN replace)
{
    union {
        FILE_RENAME_INFORMATION r;
        BYTE bytes[sizeof(FILE_RENAME_INFORMATION) + 2 * MAX_PATH + 128];
    } u;
    OBJECT_ATTRIBUTES *oa = nt_name(name);
    memset(&u, 0, sizeof u);
    u.r.ReplaceIfExists = replace;
    u.r.FileNameLength = oa->ObjectName->Length;
    memcpy(u.r.FileName, oa->ObjectName->Buffer, oa->ObjectName->Length);
    return set(h, FileRename, &u.r, sizeof u);
}

static void volume_classes(const char *what, HANDLE h)
{
    union {
        FILE_FS_DEVICE_INFORMATION dev;
        FILE_FS_VOLUME_INFORMATION vol;
        FILE_FS_ATTRIBUTE_INFORMATION attr;
        FILE_FS_SIZE_INFORMATION size;
        FILE_FS_FULL_SIZE_INFORMATION full;
        BYTE bytes[512];
    } u;
    NTSTATUS st;
    DWORD serial;

    if (strcmp(what, "file")) {
        st = p_NtQueryVolumeInformationFile(h, &io, &u, sizeof u, FsDevice);
        printf("%s: device %#lx, type %#lx, characteristics %#lx, information %lu\n", what,
               ST(st), u.dev.DeviceType, u.dev.Characteristics, (unsigned long)io.Information);
        return;
    }
    st = p_NtQueryVolumeInformationFile(h, &io, &u, sizeof u, FsVolume);
    GetVolumeInformationByHandleW(h, NULL, 0, &serial, NULL, NULL, NULL, 0);
    printf("%s: volume %#lx, serial as GetVolumeInformationByHandle's %d, information %d\n",
           what, ST(st), u.vol.VolumeSerialNumber == serial,
           (unsigned long)io.Information == offsetof(FILE_FS_VOLUME_INFORMATION, VolumeLabel) +
                                                u.vol.VolumeLabelLength);
    st = p_NtQueryVolumeInformationFile(h, &io, &u, 16, FsVolume);
    printf("%s: volume in 16 bytes %#lx\n", what, ST(st));
    st = p_NtQueryVolumeInformationFile(h, &io, &u, sizeof u, FsAttribute);
    printf("%s: attribute %#lx, component %ld\n", what, ST(st),
           u.attr.MaximumComponentNameLength);
    st = p_NtQueryVolumeInformationFile(h, &io, &u, sizeof u, FsSize);
    printf("%s: size %#lx, sector %lu, information %lu\n", what, ST(st), u.size.BytesPerSector,
           (unsigned long)io.Information);
    ok(u.size.TotalAllocationUnits.QuadPart > 0 && u.size.SectorsPerAllocationUnit > 0,
       "sizes");
    st = p_NtQueryVolumeInformationFile(h, &io, &u, sizeof u, FsFullSize);
    printf("%s: full size %#lx, information %lu\n", what, ST(st),
           (unsigned long)io.Information);
    ok(u.full.CallerAvailableAllocationUnits.QuadPart <= u.full.TotalAllocationUnits.QuadPart,
       "available");
}

int main(void)
{
    HANDLE h, ro, other, rd, wr;
    FILE_BASIC_INFORMATION basic;
    FILE_NETWORK_OPEN_INFORMATION full;
    LARGE_INTEGER pos;
    BOOLEAN del = TRUE;
    NTSTATUS st;
    DWORD n;
    char buf[32];

    LOAD(NtSetInformationFile);
    LOAD(NtQueryInformationFile);
    LOAD(NtQueryAttributesFile);
    LOAD(NtQueryFullAttributesFile);
    LOAD(NtQueryVolumeInformationFile);
    LOAD(NtFlushBuffersFile);
    GetCurrentDirectoryW(MAX_PATH, cwd);

    h = open_file(L"a.txt", GENERIC_READ | GENERIC_WRITE | DELETE, CREATE_NEW);
    WriteFile(h, "hello world", 11, &n, NULL);
    ro = open_file(L"a.txt", GENERIC_READ, OPEN_EXISTING);

    /* position, end of file */
    st = set_size(h, FilePosition, 6);
    printf("position 6: %#lx, status block %#lx %lu\n", ST(st), ST(io.Status),
           (unsigned long)io.Information);
    memset(buf, 0, sizeof buf);
    ReadFile(h, buf, sizeof buf - 1, &n, NULL);
    p_NtQueryInformationFile(h, &io, &pos, sizeof pos, FilePosition);
    printf("read [%s], position now %lld\n", buf, pos.QuadPart);
    printf("position -1: %#lx\n", ST(set_size(h, FilePosition, -1)));
    st = set_size(h, FileEndOfFile, 5);
    printf("end of file 5: %#lx, size %lld\n", ST(st), file_size(h));
    st = set_size(h, FileEndOfFile, 8);
    printf("end of file 8: %#lx, size %lld\n", ST(st), file_size(h));
    printf("end of file -1: %#lx\n", ST(set_size(h, FileEndOfFile, -1)));

    /* times and attributes */
    memset(&basic, 0, sizeof basic);
    basic.LastWriteTime.QuadPart = 126227808000000000ll; /* 2001-01-01 */
    st = set(h, FileBasic, &basic, sizeof basic);
    memset(&basic, 0, sizeof basic);
    p_NtQueryInformationFile(h, &io, &basic, sizeof basic, FileBasic);
    printf("set the write time: %#lx, now %lld\n", ST(st), basic.LastWriteTime.QuadPart);
    memset(&basic, 0, sizeof basic);
    basic.FileAttributes = FILE_ATTRIBUTE_READONLY;
    st = set(h, FileBasic, &basic, sizeof basic);
    printf("read-only: %#lx, read-only now %lu\n", ST(st),
           GetFileAttributesW(L"a.txt") & FILE_ATTRIBUTE_READONLY);
    basic.FileAttributes = FILE_ATTRIBUTE_NORMAL;
    st = set(h, FileBasic, &basic, sizeof basic);
    printf("normal: %#lx, read-only now %lu\n", ST(st),
           GetFileAttributesW(L"a.txt") & FILE_ATTRIBUTE_READONLY);

    /* by name */
    basic.FileAttributes = 0xdead;
    st = p_NtQueryAttributesFile(nt_name(L"a.txt"), &basic);
    printf("NtQueryAttributesFile: %#lx, a file %d, write time %lld\n", ST(st),
           !(basic.FileAttributes & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_READONLY)),
           basic.LastWriteTime.QuadPart);
    st = p_NtQueryFullAttributesFile(nt_name(L"a.txt"), &full);
    printf("NtQueryFullAttributesFile: %#lx, size %lld\n", ST(st), full.EndOfFile.QuadPart);
    CreateDirectoryW(L"sub", NULL);
    st = p_NtQueryAttributesFile(nt_name(L"sub"), &basic);
    printf("a directory: %#lx, a directory %lu\n", ST(st),
           basic.FileAttributes & FILE_ATTRIBUTE_DIRECTORY);
    printf("a name ending in \\.: %#lx\n", ST(p_NtQueryAttributesFile(nt_name(L"sub\\."), &basic)));
    printf("missing file: %#lx\n", ST(p_NtQueryAttributesFile(nt_name(L"none.txt"), &basic)));
    printf("missing directory: %#lx\n",
           ST(p_NtQueryAttributesFile(nt_name(L"none\\a.txt"), &basic)));

    /* volumes */
    volume_classes("file", h);
    CreatePipe(&rd, &wr, NULL, 0);
    volume_classes("pipe", rd);
    CloseHandle(rd);
    CloseHandle(wr);
    other = CreateFileW(L"NUL", GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    volume_classes("NUL", other);
    CloseHandle(other);

    /* flushing */
    st = p_NtFlushBuffersFile(h, &io);
    printf("flush: %#lx, status block %#lx\n", ST(st), ST(io.Status));
    printf("flush a reader: %#lx\n", ST(p_NtFlushBuffersFile(ro, &io)));
    CloseHandle(ro);

    /* renames */
    other = open_file(L"b.txt", GENERIC_WRITE, CREATE_NEW);
    CloseHandle(other);
    st = rename_to(h, L"b.txt", FALSE);
    printf("rename onto b.txt: %#lx\n", ST(st));
    st = rename_to(h, L"c.txt", FALSE);
    printf("rename to c.txt: %#lx, a.txt there %d, c.txt there %d\n", ST(st),
           GetFileAttributesW(L"a.txt") != INVALID_FILE_ATTRIBUTES,
           GetFileAttributesW(L"c.txt") != INVALID_FILE_ATTRIBUTES);
    st = rename_to(h, L"b.txt", TRUE);
    printf("rename onto b.txt, replacing: %#lx, c.txt there %d, size of b.txt %lld\n", ST(st),
           GetFileAttributesW(L"c.txt") != INVALID_FILE_ATTRIBUTES, file_size(h));

    /* deletion: when the last handle closes */
    st = set(h, FileDisposition, &del, sizeof del);
    printf("delete: %#lx\n", ST(st));
    CloseHandle(h);
    printf("after close: %#lx\n", GetFileAttributesW(L"b.txt"));
    printf("a bad handle: %#lx\n", ST(set_size((HANDLE)(ULONG_PTR)0x1230, FilePosition, 0)));
    return test_summary();
}
