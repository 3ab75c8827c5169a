/* FindFirstFile/FindNextFile: a directory listing with DOS wildcards
 * matched case-insensitively, "." and ".." included as Windows lists them
 * (except at a drive's root). */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "file.h"
#include "kernel32_private.h"
#include "object.h"
#include "path.h"

struct find {
    struct object obj;
    DIR *dir;
    char *dirpath;
    WCHAR *pattern;
    int dots_done;  /* 0: "." next, 1: ".." next, 2: done */
    int is_root;
};

static void find_destroy(struct object *o)
{
    struct find *f = (struct find *)o;
    if (f->dir)
        closedir(f->dir);
    free(f->dirpath);
    free(f->pattern);
    free(f);
}

static const struct object_ops find_ops = {find_destroy, NULL, NULL};

/* DOS wildcard match: '*' any run, '?' one character; "*.*" matches
 * names without a dot too. */
static int wild_match(const WCHAR *p, const WCHAR *s)
{
    if (!wstr_cmp(p, u"*.*") || !wstr_cmp(p, u"*"))
        return 1;
    while (*p) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            if (!*p)
                return 1;
            for (; *s; s++)
                if (wild_match(p, s))
                    return 1;
            /* "*." at the end matches names without an extension */
            return (p[0] == '.' && !p[1]);
        }
        if (!*s) {
            /* trailing ".*" or "." match an empty extension */
            return (p[0] == '.' && (!p[1] || (p[1] == '*' && !p[2])));
        }
        if (*p != '?' && wstr_upper(*p) != wstr_upper(*s))
            return 0;
        p++;
        s++;
    }
    return !*s;
}


static void fill(WIN32_FIND_DATAW *d, const char *dir, const char *name)
{
    memset(d, 0, sizeof *d);
    char *full;
    if (asprintf(&full, "%s/%s", dir, name) < 0)
        return;
    struct stat st;
    if (stat(full, &st) == 0 || lstat(full, &st) == 0) {
        d->dwFileAttributes = file_attributes(&st, full);
        file_time_from_timespec(&d->ftCreationTime, st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
        file_time_from_timespec(&d->ftLastAccessTime, st.st_atim.tv_sec, st.st_atim.tv_nsec);
        file_time_from_timespec(&d->ftLastWriteTime, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
        if (!S_ISDIR(st.st_mode)) {
            d->nFileSizeHigh = (uint64_t)st.st_size >> 32;
            d->nFileSizeLow = (DWORD)st.st_size;
        }
    }
    free(full);
    utf8_to_wstr(name, -1, d->cFileName, MAX_PATH);
}

static BOOL next_entry(struct find *f, WIN32_FIND_DATAW *d)
{
    if (!f->is_root && f->dots_done < 2) {
        const char *dot = f->dots_done == 0 ? "." : "..";
        f->dots_done++;
        WCHAR wd[3];
        utf8_to_wstr(dot, -1, wd, 3);
        if (wild_match(f->pattern, wd)) {
            fill(d, f->dirpath, dot);
            return TRUE;
        }
    }
    struct dirent *e;
    while (f->dir && (e = readdir(f->dir))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        WCHAR w[MAX_PATH];
        utf8_to_wstr(e->d_name, -1, w, MAX_PATH);
        if (wild_match(f->pattern, w)) {
            fill(d, f->dirpath, e->d_name);
            return TRUE;
        }
    }
    return FALSE;
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
    struct find *f = calloc(1, sizeof *f);
    object_init(&f->obj, OBJ_FIND, &find_ops);
    f->dirpath = dir;
    f->pattern = pattern;
    f->is_root = is_root;
    f->dir = opendir(*dir ? dir : "/");
    if (!f->dir) {
        st = errno == ENOENT || errno == ENOTDIR ? STATUS_OBJECT_PATH_NOT_FOUND
                                                 : errno_to_status(errno);
        object_put(&f->obj);
        set_ntstatus(st);
        return INVALID_HANDLE_VALUE;
    }
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
