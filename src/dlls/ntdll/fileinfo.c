/* ntdll's file and volume information: NtQuery/SetInformationFile over
 * the classes in src/nt/fileinfo.c (renames here: they take NT names),
 * NtQuery(Full)AttributesFile by name, NtQueryVolumeInformationFile,
 * NtFlushBuffersFile. Tests: tests/programs/ntdll/fileinfo.c. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "file.h"
#include "fileinfo.h"
#include "ntapi.h"
#include "ntdll_private.h"
#include "path.h"
#include "status.h"
#include "wstr.h"

/* Fills the status block as the operation completes (decant's all do). */
static NTSTATUS complete(IO_STATUS_BLOCK *io, NTSTATUS st, ULONG_PTR info)
{
    if (io) {
        io->Status = st;
        io->Information = info;
    }
    return st;
}

/* A query of a file handle through fn, which fills buf. */
static NTSTATUS query(HANDLE h, IO_STATUS_BLOCK *io, void *buf, ULONG len, int cls,
                      NTSTATUS (*fn)(struct file *, int, void *, ULONG, ULONG *))
{
    struct file *f = file_ref(h);
    if (!f)
        return handle_status(h);
    ULONG written;
    NTSTATUS st = fn(f, cls, buf, len, &written);
    object_put(&f->obj);
    return complete(io, st, written);
}

/* NtQueryInformationFile (ntdll) */
NTSTATUS WINAPI NtQueryInformationFile(HANDLE h, IO_STATUS_BLOCK *io, PVOID buf, ULONG len,
                                       int cls)
{
    return query(h, io, buf, len, cls, fileinfo_query);
}

/* ---- setting ---------------------------------------------------------------- */

typedef struct {
    union {
        BOOLEAN ReplaceIfExists; /* FileRenameInformation */
        ULONG Flags;             /* FileRenameInformationEx */
    };
    HANDLE RootDirectory;
    ULONG FileNameLength;
    WCHAR FileName[1];
} FILE_RENAME_INFORMATION;

#define FILE_RENAME_REPLACE_IF_EXISTS 0x1
#define FILE_RENAME_POSIX_SEMANTICS 0x2
#define FILE_RENAME_IGNORE_READONLY_ATTRIBUTE 0x40

/* The DOS name a rename goes to: an NT name, one relative to
 * RootDirectory, or, with neither, a bare name in the file's own
 * directory (FILE_RENAME_INFORMATION's documentation). */
static NTSTATUS rename_target(struct file *f, const FILE_RENAME_INFORMATION *r, WCHAR **out)
{
    UNICODE_STRING us;
    us.Buffer = (WCHAR *)r->FileName;
    us.Length = us.MaximumLength = (USHORT)r->FileNameLength;
    size_t n = r->FileNameLength / sizeof(WCHAR);
    int bare = !r->RootDirectory && n;
    for (size_t i = 0; bare && i < n; i++)
        bare = r->FileName[i] != '\\';
    if (bare) {
        WCHAR *dir = f->unix_path ? path_unix_to_dos(f->unix_path) : NULL;
        if (!dir)
            return STATUS_INVALID_PARAMETER;
        WCHAR *slash = dir;
        for (WCHAR *s = dir; *s; s++)
            if (*s == '\\')
                slash = s;
        size_t d = slash - dir + 1;
        WCHAR *dos = malloc((d + n + 1) * sizeof(WCHAR));
        memcpy(dos, dir, d * sizeof(WCHAR));
        memcpy(dos + d, r->FileName, n * sizeof(WCHAR));
        dos[d + n] = 0;
        free(dir);
        *out = dos;
        return STATUS_SUCCESS;
    }
    OBJECT_ATTRIBUTES attr = {sizeof attr, r->RootDirectory, &us, 0, NULL, NULL};
    return ntdll_nt_to_dos(&attr, out);
}

static NTSTATUS set_rename(struct file *f, const FILE_RENAME_INFORMATION *r, ULONG len,
                           int cls)
{
    if (len < sizeof *r ||
        len < offsetof(FILE_RENAME_INFORMATION, FileName) + (size_t)r->FileNameLength)
        return STATUS_INFO_LENGTH_MISMATCH;
    if (!(f->access & DELETE))
        return STATUS_ACCESS_DENIED;
    if (!f->unix_path)
        return STATUS_INVALID_PARAMETER;
    BOOL replace = cls == FileRenameInformationEx ? r->Flags & FILE_RENAME_REPLACE_IF_EXISTS
                                                  : r->ReplaceIfExists;
    if (cls == FileRenameInformationEx &&
        r->Flags & ~(FILE_RENAME_REPLACE_IF_EXISTS | FILE_RENAME_POSIX_SEMANTICS |
                     FILE_RENAME_IGNORE_READONLY_ATTRIBUTE))
        FIXME("rename flags %#x", r->Flags);
    WCHAR *to;
    NTSTATUS st = rename_target(f, r, &to);
    if (st)
        return st;
    char *to_unix;
    st = file_rename(f->unix_path, to, replace, f, &to_unix);
    free(to);
    if (!st) {
        free(f->unix_path);
        f->unix_path = to_unix;
    } else {
        free(to_unix);
    }
    return st;
}

/* NtSetInformationFile (ntdll) */
NTSTATUS WINAPI NtSetInformationFile(HANDLE h, IO_STATUS_BLOCK *io, void *buf, ULONG len,
                                     int cls)
{
    struct file *f = file_ref(h);
    if (!f)
        return handle_status(h);
    NTSTATUS st = cls == FileRenameInformation || cls == FileRenameInformationEx
                    ? set_rename(f, buf, len, cls)
                    : fileinfo_set(f, cls, buf, len);
    object_put(&f->obj);
    return complete(io, st, 0);
}

/* NtFlushBuffersFile (ntdll): a disk file's data reaches the disk; the
 * handle must be able to write (FlushFileBuffers' documentation). */
NTSTATUS WINAPI NtFlushBuffersFile(HANDLE h, IO_STATUS_BLOCK *io)
{
    struct file *f = file_ref(h);
    if (!f)
        return handle_status(h);
    NTSTATUS st = STATUS_SUCCESS;
    if (!(f->access & (FILE_WRITE_DATA | FILE_APPEND_DATA)))
        st = STATUS_ACCESS_DENIED;
    else if (f->kind == FILE_TYPE_DISK && fdatasync(f->fd) < 0 && errno != EINVAL)
        st = errno_to_status(errno);
    object_put(&f->obj);
    return complete(io, st, 0);
}

/* ---- by name ---------------------------------------------------------------- */

/* NtQueryFullAttributesFile (ntdll) */
NTSTATUS WINAPI NtQueryFullAttributesFile(const OBJECT_ATTRIBUTES *attr,
                                          FILE_NETWORK_OPEN_INFORMATION *info)
{
    if (!attr || !info)
        return STATUS_ACCESS_VIOLATION;
    WCHAR *dos;
    NTSTATUS st = ntdll_nt_to_dos(attr, &dos);
    if (st)
        return st;
    st = file_query_name(dos, info);
    free(dos);
    return st;
}

/* NtQueryAttributesFile (ntdll) */
NTSTATUS WINAPI NtQueryAttributesFile(const OBJECT_ATTRIBUTES *attr,
                                      FILE_BASIC_INFORMATION *info)
{
    FILE_NETWORK_OPEN_INFORMATION n;
    if (!info)
        return STATUS_ACCESS_VIOLATION;
    NTSTATUS st = NtQueryFullAttributesFile(attr, &n);
    if (st)
        return st;
    /* the same four times lead both structures */
    memcpy(info, &n, offsetof(FILE_BASIC_INFORMATION, FileAttributes));
    info->FileAttributes = n.FileAttributes;
    return STATUS_SUCCESS;
}

/* ---- volumes ---------------------------------------------------------------- */

enum {
    FileFsVolumeInformation = 1,
    FileFsSizeInformation = 3,
    FileFsDeviceInformation = 4,
    FileFsAttributeInformation = 5,
    FileFsFullSizeInformation = 7,
};

typedef struct {
    LARGE_INTEGER VolumeCreationTime;
    ULONG VolumeSerialNumber;
    ULONG VolumeLabelLength;
    BOOLEAN SupportsObjects;
    WCHAR VolumeLabel[1];
} FILE_FS_VOLUME_INFORMATION;

typedef struct {
    LARGE_INTEGER TotalAllocationUnits, AvailableAllocationUnits;
    ULONG SectorsPerAllocationUnit, BytesPerSector;
} FILE_FS_SIZE_INFORMATION;

typedef struct {
    LARGE_INTEGER TotalAllocationUnits, CallerAvailableAllocationUnits,
        ActualAvailableAllocationUnits;
    ULONG SectorsPerAllocationUnit, BytesPerSector;
} FILE_FS_FULL_SIZE_INFORMATION;

typedef struct {
    ULONG DeviceType;
    ULONG Characteristics;
} FILE_FS_DEVICE_INFORMATION;

typedef struct {
    ULONG FileSystemAttributes;
    LONG MaximumComponentNameLength;
    ULONG FileSystemNameLength;
    WCHAR FileSystemName[1];
} FILE_FS_ATTRIBUTE_INFORMATION;

#define FILE_DEVICE_DISK 0x07
#define FILE_DEVICE_NAMED_PIPE 0x11
#define FILE_DEVICE_NULL 0x15
#define FILE_DEVICE_UNKNOWN 0x22
#define FILE_DEVICE_CONSOLE 0x50
#define FILE_DEVICE_IS_MOUNTED 0x20
#define FILE_DEVICE_ALLOW_APPCONTAINER_TRAVERSAL 0x20000

/* What a volume reports: NTFS's name, no label, and the NTFS flags
 * decant keeps true: case-preserved Unicode names, ACLs, hard links.
 * Not FILE_SUPPORTS_OBJECT_IDS or FILE_SUPPORTS_OPEN_BY_FILE_ID: neither
 * works here (Go's os.ReadDir reads directories by FileFullDirectoryInfo
 * then). */
#define FILE_CASE_PRESERVED_NAMES 0x2
#define FILE_UNICODE_ON_DISK 0x4
#define FILE_PERSISTENT_ACLS 0x8
#define FILE_SUPPORTS_HARD_LINKS 0x400000
#define VOLUME_FLAGS (FILE_CASE_PRESERVED_NAMES | FILE_UNICODE_ON_DISK | FILE_PERSISTENT_ACLS | \
                      FILE_SUPPORTS_HARD_LINKS)
static const WCHAR fs_name[] = u"NTFS";

/* Sizes in clusters of the file system's fragment size, in 512-byte
 * sectors (FileFsSizeInformation is the first half less the actual
 * free clusters). */
static NTSTATUS volume_size(struct file *f, FILE_FS_FULL_SIZE_INFORMATION *z)
{
    struct statvfs sv;
    if (fstatvfs(f->fd, &sv) < 0)
        return errno_to_status(errno);
    ULONG unit = sv.f_frsize >= 512 ? sv.f_frsize : 512;
    z->TotalAllocationUnits.QuadPart = (ULONGLONG)sv.f_blocks * sv.f_frsize / unit;
    z->CallerAvailableAllocationUnits.QuadPart = (ULONGLONG)sv.f_bavail * sv.f_frsize / unit;
    z->ActualAvailableAllocationUnits.QuadPart = (ULONGLONG)sv.f_bfree * sv.f_frsize / unit;
    z->SectorsPerAllocationUnit = unit / 512;
    z->BytesPerSector = 512;
    return STATUS_SUCCESS;
}

static ULONG device_type(struct file *f, ULONG *characteristics)
{
    struct stat st;
    *characteristics = 0;
    if (f->kind == FILE_TYPE_PIPE) {
        *characteristics = FILE_DEVICE_ALLOW_APPCONTAINER_TRAVERSAL;
        return FILE_DEVICE_NAMED_PIPE;
    }
    if (f->kind == FILE_TYPE_CHAR) {
        if (isatty(f->fd))
            return FILE_DEVICE_CONSOLE;
        if (fstat(f->fd, &st) == 0 && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3)
            return FILE_DEVICE_NULL; /* /dev/null */
        return FILE_DEVICE_UNKNOWN;
    }
    *characteristics = FILE_DEVICE_IS_MOUNTED;
    return FILE_DEVICE_DISK;
}

/* A structure that ends in a name: the fixed part must fit, the name is
 * cut to what fits (STATUS_BUFFER_OVERFLOW). */
static NTSTATUS with_name(ULONG len, size_t fixed, const WCHAR *name, size_t bytes,
                          WCHAR *dst, ULONG *name_len, ULONG *written)
{
    size_t room = len - fixed;
    size_t n = bytes < room ? bytes : room & ~(size_t)1;
    memcpy(dst, name, n);
    *name_len = n;
    *written = fixed + n;
    return n < bytes ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

static NTSTATUS volume_query(struct file *f, int cls, void *buf, ULONG len, ULONG *written)
{
    struct stat st;
    NTSTATUS s;
    *written = 0;
    switch (cls) {
    case FileFsVolumeInformation: {
        FILE_FS_VOLUME_INFORMATION *v = buf;
        if (len < sizeof *v)
            return STATUS_INFO_LENGTH_MISMATCH;
        if (fstat(f->fd, &st) < 0)
            return errno_to_status(errno);
        v->VolumeCreationTime.QuadPart = 0;
        v->VolumeSerialNumber = file_volume_serial(st.st_dev);
        v->SupportsObjects = FALSE;
        return with_name(len, offsetof(FILE_FS_VOLUME_INFORMATION, VolumeLabel), u"", 0,
                         v->VolumeLabel, &v->VolumeLabelLength, written);
    }
    case FileFsAttributeInformation: {
        FILE_FS_ATTRIBUTE_INFORMATION *a = buf;
        if (len < sizeof *a)
            return STATUS_INFO_LENGTH_MISMATCH;
        a->FileSystemAttributes = VOLUME_FLAGS;
        a->MaximumComponentNameLength = 255;
        return with_name(len, offsetof(FILE_FS_ATTRIBUTE_INFORMATION, FileSystemName), fs_name,
                         sizeof fs_name - sizeof(WCHAR), a->FileSystemName,
                         &a->FileSystemNameLength, written);
    }
    case FileFsSizeInformation:
    case FileFsFullSizeInformation: {
        FILE_FS_FULL_SIZE_INFORMATION z;
        ULONG size = cls == FileFsSizeInformation ? sizeof(FILE_FS_SIZE_INFORMATION) : sizeof z;
        if (len < size)
            return STATUS_INFO_LENGTH_MISMATCH;
        if ((s = volume_size(f, &z)))
            return s;
        if (cls == FileFsSizeInformation) {
            FILE_FS_SIZE_INFORMATION *o = buf;
            o->TotalAllocationUnits = z.TotalAllocationUnits;
            o->AvailableAllocationUnits = z.CallerAvailableAllocationUnits;
            o->SectorsPerAllocationUnit = z.SectorsPerAllocationUnit;
            o->BytesPerSector = z.BytesPerSector;
        } else {
            memcpy(buf, &z, sizeof z);
        }
        *written = size;
        return STATUS_SUCCESS;
    }
    case FileFsDeviceInformation: {
        FILE_FS_DEVICE_INFORMATION *d = buf;
        if (len < sizeof *d)
            return STATUS_INFO_LENGTH_MISMATCH;
        d->DeviceType = device_type(f, &d->Characteristics);
        *written = sizeof *d;
        return STATUS_SUCCESS;
    }
    default:
        FIXME("volume information class %d", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
}

/* NtQueryVolumeInformationFile (ntdll) */
NTSTATUS WINAPI NtQueryVolumeInformationFile(HANDLE h, IO_STATUS_BLOCK *io, void *buf,
                                             ULONG len, int cls)
{
    return query(h, io, buf, len, cls, volume_query);
}
