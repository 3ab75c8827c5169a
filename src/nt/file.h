/* File objects: a Linux fd behind a HANDLE, with the Windows access,
 * sharing and options it was opened with. */
#ifndef DECANT_FILE_H
#define DECANT_FILE_H

#include <sys/types.h>
#include "object.h"
#include "win32.h"

struct share_entry;

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
};

/* GENERIC_* to specific rights, as the file object's generic mapping. */
DWORD file_map_access(DWORD access);

void file_init_std_handles(HANDLE *in, HANDLE *out, HANDLE *err);
HANDLE file_handle_from_fd(int fd, DWORD access, BOOL inherit);
struct file *file_ref(HANDLE h); /* object_put() when done */

/* CreateFileW's core. *existed tells CREATE_ALWAYS/OPEN_ALWAYS callers to
 * report ERROR_ALREADY_EXISTS. */
NTSTATUS file_open(const WCHAR *name, DWORD access, DWORD share,
                   DWORD disposition, DWORD flags, BOOL inherit, HANDLE *out,
                   int *existed);
NTSTATUS file_read(struct file *f, void *buf, DWORD len, DWORD *done,
                   const LARGE_INTEGER *offset);
NTSTATUS file_write(struct file *f, const void *buf, DWORD len, DWORD *done,
                    const LARGE_INTEGER *offset);

/* stat -> Windows attributes and times */
struct stat;
/* `path` is the Linux path, for the stored DOS attributes. */
DWORD file_attributes(const struct stat *st, const char *path);
void file_store_attributes(const char *path, DWORD attrs);
/* STATUS_SHARING_VIOLATION when a handle open on the file does not share
 * delete access (deleting, renaming). */
NTSTATUS file_check_delete_sharing(const char *path);
void file_time_from_timespec(FILETIME *ft, time_t sec, long nsec);
void file_timespec_from_time(const FILETIME *ft, struct timespec *ts);

#endif
