/* File objects: a Linux fd behind a HANDLE, with the Windows access,
 * sharing and options it was opened with. */
#ifndef DECANT_FILE_H
#define DECANT_FILE_H

#include <sys/types.h>
#include "object.h"
#include "win32.h"

struct share_entry;
struct dirscan;
struct stat;

struct file {
    struct object obj;
    int fd;
    DWORD access;   /* FILE_READ_DATA | FILE_WRITE_DATA | ... after mapping */
    DWORD share;
    DWORD options;  /* FILE_FLAG_* */
    char *unix_path;
    int is_dir;
    int kind;       /* FILE_TYPE_DISK / CHAR / PIPE */
    struct share_entry *share_entry;
    struct object *port;  /* completion port the file is associated with */
    ULONG_PTR port_key;
    int skip_port_on_success;
    /* anonymous pipes made by NtCreateNamedPipeFile (ntdll/file.c) */
    int npfs_root;  /* the pipe file system's root (\??\PIPE\) */
    int has_peer;   /* a pipe's other end, not opened yet: peer_fd */
    int peer_fd;
    /* a directory's NtQueryDirectoryFile cursor, made by its first query
     * (with that query's mask) and kept until the handle closes */
    struct dirscan *dir_scan;
};

/* The serial number of the volume a file is on (GetVolumeInformation,
 * GetFileInformationByHandle): the same for every file of a device. */
DWORD file_volume_serial(dev_t dev);

/* GENERIC_* to specific rights, as the file object's generic mapping. */
DWORD file_map_access(DWORD access);

void file_init_std_handles(HANDLE *in, HANDLE *out, HANDLE *err);
HANDLE file_handle_from_fd(int fd, DWORD access, BOOL inherit);
struct file *file_ref(HANDLE h); /* object_put() when done */
/* Marks the file for deletion when its last handle closes, or takes the
 * mark back (needs DELETE access); file_delete_pending() reports it. */
NTSTATUS file_set_delete_pending(struct file *f, BOOL delete);
int file_delete_pending(struct file *f);
/* Is the file at (st_dev, st_ino) marked for deletion by an open handle? */
int file_delete_pending_at(const struct stat *st);

/* NtCreateFile's core, shared with CreateFileW: `name` is a DOS path
 * (\\?\ and \\.\ forms included); access, attributes, share mode,
 * disposition (FILE_OPEN...) and options (FILE_DIRECTORY_FILE...) are
 * NT's (ntfile.h). *info (may be NULL) gets IO_STATUS_BLOCK.Information
 * on success: FILE_CREATED, FILE_OPENED, FILE_OVERWRITTEN... */
NTSTATUS file_create(const WCHAR *name, DWORD access, DWORD attrs, DWORD share,
                     DWORD disposition, DWORD options, BOOL inherit, HANDLE *out,
                     ULONG_PTR *info);
NTSTATUS file_read(struct file *f, void *buf, DWORD len, DWORD *done,
                   const LARGE_INTEGER *offset);
NTSTATUS file_write(struct file *f, const void *buf, DWORD len, DWORD *done,
                    const LARGE_INTEGER *offset);

/* Asynchronous I/O kept outside this layer (ws2_32's sockets): kernel32's
 * CancelIoEx and CancelIo ask the registered canceller, which completes
 * the matching operations with STATUS_CANCELLED and returns how many it
 * found. ov NULL = all of the file's; issuer non-NULL = only those that
 * thread started (CancelIo). */
struct thread;
typedef int (*file_cancel_fn)(struct file *f, OVERLAPPED *ov, struct thread *issuer);
void file_set_cancel_hook(file_cancel_fn fn);
int file_cancel_async(struct file *f, OVERLAPPED *ov, struct thread *issuer);

/* stat -> Windows attributes and times */
struct stat;
/* `path` is the Linux path, for the stored DOS attributes. */
DWORD file_attributes(const struct stat *st, const char *path);
void file_store_attributes(const char *path, DWORD attrs);
/* STATUS_SHARING_VIOLATION when a handle open on the file `st` (an lstat:
 * deleting a link deletes only the link) does not share delete access
 * (deleting, renaming); `self` (may be NULL), the handle doing it, does
 * not count. */
NTSTATUS file_check_delete_sharing(const struct stat *st, struct file *self);
void file_time_from_timespec(FILETIME *ft, time_t sec, long nsec);
void file_timespec_from_time(const FILETIME *ft, struct timespec *ts);

/* ---- by name (filename.c) ---- */

/* The Linux path of a DOS name for the by-name functions: devices are
 * /dev/null, no trailing slash. NULL with *status set on a bad name. */
char *file_unix_name(const WCHAR *name, NTSTATUS *status);
/* The status for errno after a failed call on `path`: a missing file
 * or a missing directory (Windows' errors 2 and 3). */
NTSTATUS file_stat_status(const char *path);
/* A name's times, sizes and attributes, the name itself for a link
 * (GetFileAttributesEx, NtQueryFullAttributesFile). */
typedef struct FILE_NETWORK_OPEN_INFORMATION FILE_NETWORK_OPEN_INFORMATION;
NTSTATUS file_query_name(const WCHAR *name, FILE_NETWORK_OPEN_INFORMATION *info);
/* SetFileAttributes: READONLY is the write bits, HIDDEN, SYSTEM and
 * ARCHIVE are stored beside the file (file_store_attributes). */
NTSTATUS file_set_attributes(const char *path, DWORD attrs);
/* DeleteFile: a file or link by DOS name; not a directory, a read-only
 * file or one open without FILE_SHARE_DELETE. */
NTSTATUS file_delete_name(const WCHAR *name);
/* Renames the Linux path `from` to the DOS name `to` (MoveFileEx without
 * the copy, FileRenameInformation); *to_unix (malloc'ed, may be set on
 * failure too) is the new Linux path. `self`: as for
 * file_check_delete_sharing. */
NTSTATUS file_rename(const char *from, const WCHAR *to, BOOL replace, struct file *self,
                     char **to_unix);

#endif
