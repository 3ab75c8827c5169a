/* FILE_INFORMATION_CLASS structures and their filling (fileinfo.c). */
#ifndef DECANT_FILEINFO_H
#define DECANT_FILEINFO_H

#include "windef.h"

struct file;
struct stat;

enum {
    FileDirectoryInformation = 1,
    FileFullDirectoryInformation = 2,
    FileBothDirectoryInformation = 3,
    FileBasicInformation = 4,
    FileStandardInformation = 5,
    FileInternalInformation = 6,
    FileEaInformation = 7,
    FileAccessInformation = 8,
    FileNameInformation = 9,
    FileRenameInformation = 10,
    FileLinkInformation = 11,
    FileNamesInformation = 12,
    FileDispositionInformation = 13,
    FilePositionInformation = 14,
    FileModeInformation = 16,
    FileAlignmentInformation = 17,
    FileAllInformation = 18,
    FileAllocationInformation = 19,
    FileEndOfFileInformation = 20,
    FileNetworkOpenInformation = 34,
    FileAttributeTagInformation = 35,
    FileIdBothDirectoryInformation = 37,
    FileIdFullDirectoryInformation = 38,
    FileIdInformation = 59,
    FileIdExtdDirectoryInformation = 60,
    FileDispositionInformationEx = 64,
    FileRenameInformationEx = 65,
};

typedef struct {
    LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
    ULONG FileAttributes;
} FILE_BASIC_INFORMATION;

typedef struct {
    LARGE_INTEGER AllocationSize, EndOfFile;
    ULONG NumberOfLinks;
    BOOLEAN DeletePending, Directory;
} FILE_STANDARD_INFORMATION;

typedef struct {
    ULONG FileNameLength;
    WCHAR FileName[1];
} FILE_NAME_INFORMATION;

struct FILE_NETWORK_OPEN_INFORMATION {
    LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
    LARGE_INTEGER AllocationSize, EndOfFile;
    ULONG FileAttributes;
};
typedef struct FILE_NETWORK_OPEN_INFORMATION FILE_NETWORK_OPEN_INFORMATION;

typedef struct {
    ULONG FileAttributes;
    ULONG ReparseTag;
} FILE_ATTRIBUTE_TAG_INFORMATION;

typedef struct {
    ULONGLONG VolumeSerialNumber;
    BYTE FileId[16];
} FILE_ID_INFORMATION;

typedef struct {
    FILE_BASIC_INFORMATION BasicInformation;
    FILE_STANDARD_INFORMATION StandardInformation;
    LARGE_INTEGER InternalInformation;
    ULONG EaInformation;
    ULONG AccessInformation;
    LARGE_INTEGER PositionInformation;
    ULONG ModeInformation;
    ULONG AlignmentInformation;
    FILE_NAME_INFORMATION NameInformation;
} FILE_ALL_INFORMATION;

void fileinfo_basic(const struct stat *st, const char *path, FILE_BASIC_INFORMATION *b);
void fileinfo_standard(struct file *f, const struct stat *st, FILE_STANDARD_INFORMATION *s);
/* NtQueryInformationFile's core; *written bytes filled. */
NTSTATUS fileinfo_query(struct file *f, int cls, void *buf, ULONG len, ULONG *written);
/* NtSetInformationFile's core for times and attributes, deletion,
 * position and sizes (renames need NT names: ntdll/fileinfo.c). */
NTSTATUS fileinfo_set(struct file *f, int cls, const void *buf, ULONG len);

#endif
