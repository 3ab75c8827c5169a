// wine: skip Wine 8's NtSetInformationFile checks no access rights for times, sizes and renames, has no FileAllocationInformation and answers short buffers with STATUS_INVALID_PARAMETER_3; its files are FILE_DEVICE_DISK_FILE_SYSTEM and stay visible while deletion is pending. Windows: the I/O manager's checks (ZwSetInformationFile documentation)
/* NtSetInformationFile as Windows' I/O manager checks it: the access
 * right each class needs (FILE_WRITE_ATTRIBUTES for times and
 * attributes, FILE_WRITE_DATA for sizes, DELETE for renames), each
 * class's minimum length (STATUS_INFO_LENGTH_MISMATCH), a class that
 * cannot be set (STATUS_INVALID_INFO_CLASS); a smaller allocation cuts
 * the file, a larger one leaves its size. A file on a disk is on a
 * FILE_DEVICE_DISK; a file pending deletion cannot be opened, so
 * GetFileAttributes fails with ERROR_ACCESS_DENIED. */
#include <stdio.h>
#include <string.h>
#include "nt.h"

NT(NtSetInformationFile, (HANDLE, IO_STATUS_BLOCK *, void *, ULONG, ULONG))
NT(NtQueryVolumeInformationFile, (HANDLE, IO_STATUS_BLOCK *, void *, ULONG, ULONG))

static IO_STATUS_BLOCK io;

static HANDLE open_file(const WCHAR *name, DWORD access, DWORD disposition)
{
    return CreateFileW(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                       NULL, disposition, 0, NULL);
}

static NTSTATUS set_size(HANDLE h, ULONG cls, LONGLONG size)
{
    LARGE_INTEGER li;
    li.QuadPart = size;
    return p_NtSetInformationFile(h, &io, &li, sizeof li, cls);
}

static LONGLONG file_size(HANDLE h)
{
    LARGE_INTEGER li;
    GetFileSizeEx(h, &li);
    return li.QuadPart;
}

int main(void)
{
    HANDLE h, ro;
    FILE_BASIC_INFORMATION basic;
    FILE_FS_DEVICE_INFORMATION dev;
    union {
        FILE_RENAME_INFORMATION r;
        BYTE bytes[sizeof(FILE_RENAME_INFORMATION) + 64];
    } u;
    BOOLEAN del = TRUE;
    NTSTATUS st;
    DWORD n;

    LOAD(NtSetInformationFile);
    LOAD(NtQueryVolumeInformationFile);
    h = open_file(L"a.txt", GENERIC_READ | GENERIC_WRITE | DELETE, CREATE_NEW);
    WriteFile(h, "hello world", 11, &n, NULL);
    ro = open_file(L"a.txt", GENERIC_READ, OPEN_EXISTING);

    memset(&basic, 0, sizeof basic);
    basic.FileAttributes = FILE_ATTRIBUTE_NORMAL;
    printf("times and attributes by a reader: %#lx\n",
           ST(p_NtSetInformationFile(ro, &io, &basic, sizeof basic, 4 /* FileBasicInformation */)));
    printf("end of file by a reader: %#lx\n", ST(set_size(ro, 20 /* FileEndOfFileInformation */, 2)));
    memset(&u, 0, sizeof u);
    u.r.FileNameLength = 10;
    memcpy(u.r.FileName, L"b.txt", 10);
    printf("rename by a reader: %#lx\n",
           ST(p_NtSetInformationFile(ro, &io, &u, sizeof u, 10 /* FileRenameInformation */)));
    CloseHandle(ro);

    printf("times and attributes in 8 bytes: %#lx\n",
           ST(p_NtSetInformationFile(h, &io, &basic, 8, 4)));
    printf("end of file in 4 bytes: %#lx\n", ST(p_NtSetInformationFile(h, &io, &basic, 4, 20)));
    printf("standard information: %#lx\n",
           ST(p_NtSetInformationFile(h, &io, &basic, sizeof basic, 5 /* FileStandardInformation */)));

    st = set_size(h, 19 /* FileAllocationInformation */, 4);
    printf("allocation 4: %#lx, size %lld\n", ST(st), file_size(h));
    st = set_size(h, 19, 65536);
    printf("allocation 64 KiB: %#lx, size %lld\n", ST(st), file_size(h));

    st = p_NtQueryVolumeInformationFile(h, &io, &dev, sizeof dev, 4 /* FileFsDeviceInformation */);
    printf("a file's device: %#lx, type %#lx, characteristics %#lx\n", ST(st), dev.DeviceType,
           dev.Characteristics);

    st = p_NtSetInformationFile(h, &io, &del, sizeof del, 13 /* FileDispositionInformation */);
    SetLastError(0);
    n = GetFileAttributesW(L"a.txt");
    printf("pending deletion: %#lx, attributes %#lx, last error %lu\n", ST(st), n, GetLastError());
    CloseHandle(h);
    printf("after close: %#lx\n", GetFileAttributesW(L"a.txt"));
    return test_summary();
}
