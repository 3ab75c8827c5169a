/* FindFirstFile/FindNextFile: a directory listing (src/fs/dirscan.c, the
 * one NtQueryDirectoryFile reads too) with FindFirstFile's patterns as
 * Windows hands them to the file system. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "dirscan.h"
#include "file.h"
#include "kernel32_private.h"
#include "object.h"
#include "path.h"

struct find {
    struct object obj;
    struct dirscan *scan;
};

static void find_destroy(struct object *o)
{
    struct find *f = (struct find *)o;
    dirscan_free(f->scan);
    free(f);
}

static const struct object_ops find_ops = {find_destroy, NULL, NULL};

/* The mask Windows makes of a pattern: "*.*" is "*"; a '?' is DOS_QM
 * ('>'), a '*' before a dot is DOS_STAR ('<'), and a dot before a
 * wildcard or at the end is DOS_DOT ('"'), so that "*." finds names
 * without an extension and "a.*" finds "a" too. In place. */
static void dos_mask(WCHAR *p)
{
    if (!wstr_cmp(p, u"*.*")) {
        p[1] = 0;
        return;
    }
    size_t i = 0;
    for (; p[i]; i++) {
        if (i && p[i] == '.' && p[i - 1] == '*')
            p[i - 1] = '<';
        if (p[i] == '?' || p[i] == '*') {
            if (i && p[i - 1] == '.')
                p[i - 1] = '"';
            if (p[i] == '?')
                p[i] = '>';
        }
    }
    if (i && p[i - 1] == '.')
        p[i - 1] = '"';
}

/* Did making the path full drop the pattern's final dot ("*." is "*"
 * as a path)? Windows puts it back, for "*." to mean "no extension". */
static int eaten_dot(const WCHAR *name, const WCHAR *pattern)
{
    size_t n = wstr_len(name), pl = wstr_len(pattern);
    if (!n || name[n - 1] != '.' || (pl && pattern[pl - 1] == '.'))
        return 0;
    for (size_t i = n; i-- && name[i] != '\\' && name[i] != '/';)
        if (name[i] == '*' || name[i] == '?')
            return 1;
    return 0;
}

static void fill(WIN32_FIND_DATAW *d, struct dirscan *s, const struct dirscan_entry *e)
{
    memset(d, 0, sizeof *d);
    struct stat st;
    if (dirscan_stat(s, e, &st, &d->dwFileAttributes) == 0) {
        file_time_from_timespec(&d->ftCreationTime, st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
        file_time_from_timespec(&d->ftLastAccessTime, st.st_atim.tv_sec, st.st_atim.tv_nsec);
        file_time_from_timespec(&d->ftLastWriteTime, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
        if (d->dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT)
            d->dwReserved0 = IO_REPARSE_TAG_SYMLINK;
        if (!S_ISDIR(st.st_mode)) {
            d->nFileSizeHigh = (uint64_t)st.st_size >> 32;
            d->nFileSizeLow = (DWORD)st.st_size;
        }
    }
    size_t n = e->wlen < MAX_PATH - 1 ? e->wlen : MAX_PATH - 1;
    memcpy(d->cFileName, e->wname, n * sizeof(WCHAR));
    d->cFileName[n] = 0;
}

static BOOL next_entry(struct find *f, WIN32_FIND_DATAW *d)
{
    const struct dirscan_entry *e = dirscan_next(f->scan);
    if (e)
        fill(d, f->scan, e);
    return e != NULL;
}

/* FindFirstFileExW (kernel32) */
HANDLE WINAPI FindFirstFileExW(LPCWSTR name, int level, LPVOID data, int search,
                               LPVOID filter, DWORD flags)
{
    if (!name || !*name) {
        set_last_error(ERROR_PATH_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    WCHAR *full = path_full_dos(name);
    size_t n = wstr_len(full);
    if (n && full[n - 1] == '\\') { /* "dir\" lists nothing: Windows fails */
        free(full);
        set_last_error(ERROR_FILE_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    WCHAR *slash = full;
    for (WCHAR *s = full; *s; s++)
        if (*s == '\\')
            slash = s;
    WCHAR *pattern = wstr_dup(slash + 1);
    slash[1] = 0; /* keep "C:\" for the root */
    if (eaten_dot(name, pattern)) {
        size_t pl = wstr_len(pattern);
        WCHAR *p = realloc(pattern, (pl + 2) * sizeof(WCHAR));
        if (p) {
            p[pl] = '.';
            p[pl + 1] = 0;
            pattern = p;
        }
    }
    enum path_device dev;
    NTSTATUS st;
    char *dir = path_dos_to_unix(full, &dev, &st);
    int is_root = wstr_len(full) <= 3;
    free(full);
    if (!dir) {
        free(pattern);
        set_ntstatus(st ? st : STATUS_OBJECT_PATH_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    size_t dl = strlen(dir);
    if (dl > 1 && dir[dl - 1] == '/')
        dir[dl - 1] = 0;
    dos_mask(pattern);
    int fd = open(*dir ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC), err = errno;
    struct dirscan *scan = NULL;
    if (fd >= 0)
        scan = dirscan_open(fd, dir, pattern, wstr_len(pattern), !is_root, &err);
    free(dir);
    free(pattern);
    if (!scan) {
        set_ntstatus(err == ENOENT || err == ENOTDIR ? STATUS_OBJECT_PATH_NOT_FOUND
                                                     : errno_to_status(err));
        return INVALID_HANDLE_VALUE;
    }
    struct find *f = calloc(1, sizeof *f);
    object_init(&f->obj, OBJ_FIND, &find_ops);
    f->scan = scan;
    if (!next_entry(f, data)) {
        object_put(&f->obj);
        set_last_error(ERROR_FILE_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    HANDLE h = handle_alloc(&f->obj, FALSE);
    object_put(&f->obj);
    return h;
}

/* FindFirstFileW (kernel32) */
HANDLE WINAPI FindFirstFileW(LPCWSTR name, WIN32_FIND_DATAW *data)
{
    return FindFirstFileExW(name, 0, data, 0, NULL, 0);
}

/* FindNextFileW (kernel32) */
BOOL WINAPI FindNextFileW(HANDLE h, WIN32_FIND_DATAW *data)
{
    struct find *f = (struct find *)handle_ref(h, OBJ_FIND);
    if (!f)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    BOOL r = next_entry(f, data);
    object_put(&f->obj);
    if (!r)
        set_last_error(ERROR_NO_MORE_FILES);
    return r;
}

/* FindClose (kernel32) */
BOOL WINAPI FindClose(HANDLE h)
{
    struct object *o = handle_ref(h, OBJ_FIND);
    if (!o)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    object_put(o);
    return CloseHandle(h);
}

typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
    DWORD nFileSizeHigh, nFileSizeLow, dwReserved0, dwReserved1;
    CHAR cFileName[MAX_PATH];
    CHAR cAlternateFileName[14];
} WIN32_FIND_DATAA;

static void to_a(const WIN32_FIND_DATAW *w, WIN32_FIND_DATAA *a)
{
    memcpy(a, w, offsetof(WIN32_FIND_DATAA, cFileName));
    wstr_to_utf8(w->cFileName, -1, a->cFileName, MAX_PATH);
    a->cAlternateFileName[0] = 0;
}

/* FindFirstFileA (kernel32) */
HANDLE WINAPI FindFirstFileA(LPCSTR name, WIN32_FIND_DATAA *data)
{
    WCHAR *w = a_to_w(name);
    WIN32_FIND_DATAW wd;
    HANDLE h = FindFirstFileW(w, &wd);
    free(w);
    if (h != INVALID_HANDLE_VALUE)
        to_a(&wd, data);
    return h;
}

/* FindFirstFileExA (kernel32) */
HANDLE WINAPI FindFirstFileExA(LPCSTR name, int level, LPVOID data, int search,
                               LPVOID filter, DWORD flags)
{
    return FindFirstFileA(name, data);
}

/* FindNextFileA (kernel32) */
BOOL WINAPI FindNextFileA(HANDLE h, WIN32_FIND_DATAA *data)
{
    WIN32_FIND_DATAW wd;
    if (!FindNextFileW(h, &wd))
        return FALSE;
    to_a(&wd, data);
    return TRUE;
}
