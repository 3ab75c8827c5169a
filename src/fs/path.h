/* Drive mapping and path translation (DESIGN.md §7).
 * C: is $PREFIX/drive_c, Z: is /, other letters are $PREFIX/dosdevices/x:
 * symlinks as in Wine. Lookups try the exact Linux path first and fall
 * back to a case-insensitive walk only when that fails. */
#ifndef DECANT_PATH_H
#define DECANT_PATH_H

#include "windef.h"

enum path_device {
    DEV_NONE = 0,
    DEV_NUL,
    DEV_CON,     /* CON: input or output, by access */
    DEV_CONIN,   /* CONIN$ */
    DEV_CONOUT,  /* CONOUT$ */
};

/* GetFullPathNameW's rules, without touching the file system: a full,
 * normalised DOS path (malloc'ed). */
WCHAR *path_full_dos(const WCHAR *name);

/* A DOS path (relative, absolute, \\?\...) to a Linux path (malloc'ed),
 * resolving case. *device is set for NUL/CON/... names (the result is then
 * NULL). Returns NULL with *status set on a bad path or unknown drive. */
char *path_dos_to_unix(const WCHAR *name, enum path_device *device,
                       NTSTATUS *status);
/* The same, also handing back the lstat the translation made of the name
 * when it found it as given (*lst_ok = 1), so a caller that wants the
 * file's status need not ask Linux twice. */
struct stat;
char *path_dos_to_unix_lstat(const WCHAR *name, enum path_device *device,
                             NTSTATUS *status, struct stat *lst, int *lst_ok);
char *path_dos_to_unix_utf8(const char *name);

/* A Linux path to its DOS form: C:\... under the prefix, else Z:\... */
WCHAR *path_unix_to_dos(const char *unix_path);
/* "X:\rest" as the NT device path "\Device\HarddiskVolumeN\rest", N the
 * drive's number from A: = 1; NULL without a drive letter. Malloc'ed. */
WCHAR *path_dos_to_nt_device(const WCHAR *dos);

/* `dir`/<entry matching name case-insensitively>, or NULL. */
char *path_find_case(const char *dir, const char *name);
/* decant created `path` (a Unix path): keeps the name cache behind
 * path_find_case current without reading the directory again. */
void path_note_created(const char *path);

/* ENOENT on `unix_path`: STATUS_OBJECT_NAME_NOT_FOUND if its directory
 * exists, else STATUS_OBJECT_PATH_NOT_FOUND (Windows' errors 2 vs 3). */
NTSTATUS path_enoent_status(const char *unix_path);

/* The prefix directory (created on first use). */
const char *path_prefix(void);

/* Current directory: DOS form with a trailing backslash. */
const WCHAR *path_get_cwd(void);
NTSTATUS path_set_cwd(const WCHAR *dos);
void path_init_cwd(void);

#endif
