/* A directory's listing as Windows' file systems give it, shared by
 * FindFirstFile (kernel32/find.c) and NtQueryDirectoryFile
 * (ntdll/directory.c): "." and ".." first (a drive's root has neither),
 * then the names that match a mask in NTFS's order (upcased UTF-16, unit
 * by unit). The names are read whole when a scan starts or restarts, so
 * a scan is a snapshot of the directory, as on Windows. */
#ifndef DECANT_DIRSCAN_H
#define DECANT_DIRSCAN_H

#include <pthread.h>
#include "windef.h"

struct stat;

struct dirscan_entry {
    char *name;   /* the Linux name */
    size_t wlen;  /* the Windows name's length in units */
    WCHAR wname[]; /* not NUL-terminated */
};

struct dirscan {
    pthread_mutex_t lock; /* for the callers: one query at a time */
    int fd;               /* the directory (owned), for fstatat */
    char *path;           /* its Linux path, for stored attributes */
    WCHAR *mask;          /* NULL: every name */
    size_t mask_len;
    int dots;             /* "." and ".." are listed */
    struct dirscan_entry **entries; /* in the listing's order */
    size_t count, next;
    char *arena; /* the entries themselves */
    size_t arena_len, arena_cap;
};

/* A scan of the directory open as `fd` (taken over, closed by
 * dirscan_free) at Linux path `path`, listing the names that match
 * `mask` (mask_len units; NULL or empty: all), with "." and ".." when
 * `dots`. NULL with *error (errno) when the directory cannot be read. */
struct dirscan *dirscan_open(int fd, const char *path, const WCHAR *mask, size_t mask_len,
                             int dots, int *error);
/* Reads the directory again, from its first entry. 0 or errno. */
int dirscan_restart(struct dirscan *s);
/* The next entry, or NULL at the end. */
const struct dirscan_entry *dirscan_next(struct dirscan *s);
/* Gives back the entry dirscan_next just returned (it did not fit). */
void dirscan_unread(struct dirscan *s);
void dirscan_free(struct dirscan *s);

/* An entry's stat (the target of a symbolic link that has one), its
 * Windows attributes in *attrs. -1 when it is gone. */
int dirscan_stat(const struct dirscan *s, const struct dirscan_entry *e, struct stat *st,
                 DWORD *attrs);

/* Does `name` match `mask` as FsRtlIsNameInExpression matches, ignoring
 * case? '*' any run, '?' one character, and the DOS wildcards that
 * FindFirstFile's patterns become: '<' (any run up to the name's last
 * dot), '>' (one character; nothing at a dot or the end), '"' (a dot, or
 * nothing at the end). "*" and "*.*" match every name, as FAT and NTFS
 * take them. */
int dirscan_match(const WCHAR *mask, size_t mask_len, const WCHAR *name, size_t name_len);

#endif
