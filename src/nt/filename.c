/* Files by name: the Linux path behind a DOS name, a name's attributes,
 * changing them, and renaming. Shared by kernel32's by-name functions
 * (GetFileAttributes, SetFileAttributes, MoveFileEx, DeleteFile...) and
 * ntdll's (NtQueryAttributesFile, NtSetInformationFile's renames). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "file.h"
#include "fileinfo.h"
#include "path.h"
#include "status.h"
#include "wstr.h"

/* file_unix_name, with the translation's lstat when it made one. */
static char *unix_name_lstat(const WCHAR *name, NTSTATUS *status, struct stat *lst,
                             int *lst_ok)
{
    enum path_device dev;
    if (lst_ok)
        *lst_ok = 0;
    if (!name) {
        *status = STATUS_OBJECT_PATH_NOT_FOUND;
        return NULL;
    }
    char *p = path_dos_to_unix_lstat(name, &dev, status, lst, lst_ok);
    if (dev) {
        free(p);
        p = strdup("/dev/null");
    }
    if (p) {
        size_t n = strlen(p);
        if (n > 1 && p[n - 1] == '/')
            p[n - 1] = 0;
    }
    return p;
}

char *file_unix_name(const WCHAR *name, NTSTATUS *status)
{
    return unix_name_lstat(name, status, NULL, NULL);
}

NTSTATUS file_stat_status(const char *path)
{
    return errno == ENOENT ? path_enoent_status(path)
         : errno == ENOTDIR ? STATUS_OBJECT_PATH_NOT_FOUND
                            : errno_to_status(errno);
}

/* The Linux path of an existing name and its lstat (the translation's
 * when it made one), or NULL and the status. */
static char *existing_name(const WCHAR *name, struct stat *sb, NTSTATUS *status)
{
    int have;
    char *p = unix_name_lstat(name, status, sb, &have);
    if (p && !have && lstat(p, sb) < 0) {
        *status = file_stat_status(p);
        free(p);
        return NULL;
    }
    return p;
}

NTSTATUS file_query_name(const WCHAR *name, FILE_NETWORK_OPEN_INFORMATION *info)
{
    NTSTATUS st;
    struct stat sb; /* a link is reported as itself: file_attributes */
    char *p = existing_name(name, &sb, &st);
    if (TRACE_ON()) {
        char *n = wstr_to_utf8_alloc(name);
        TRACE("L\"%s\" (%s) -> %#x", n, p ? p : "-", st);
        free(n);
    }
    if (!p)
        return st;
    if (file_delete_pending_at(&sb)) { /* it cannot be opened any more */
        free(p);
        return STATUS_DELETE_PENDING;
    }
    FILE_BASIC_INFORMATION b;
    fileinfo_basic(&sb, p, &b);
    free(p);
    int sized = !S_ISDIR(sb.st_mode) && !S_ISLNK(sb.st_mode);
    info->CreationTime = b.CreationTime;
    info->LastAccessTime = b.LastAccessTime;
    info->LastWriteTime = b.LastWriteTime;
    info->ChangeTime = b.ChangeTime;
    info->AllocationSize.QuadPart = sized ? (LONGLONG)sb.st_blocks * 512 : 0;
    info->EndOfFile.QuadPart = sized ? sb.st_size : 0;
    info->FileAttributes = b.FileAttributes;
    return STATUS_SUCCESS;
}

NTSTATUS file_delete_name(const WCHAR *name)
{
    NTSTATUS st;
    struct stat sb;
    char *p = existing_name(name, &sb, &st);
    if (!p)
        return st;
    if (S_ISDIR(sb.st_mode))
        st = STATUS_ACCESS_DENIED;
    else if (S_ISREG(sb.st_mode) && !(sb.st_mode & 0222))
        st = STATUS_ACCESS_DENIED; /* read-only: Windows refuses, root or not */
    else if (!(st = file_check_delete_sharing(&sb, NULL)) && unlink(p) < 0)
        st = file_stat_status(p);
    free(p);
    return st;
}

NTSTATUS file_set_attributes(const char *path, DWORD attrs)
{
    struct stat sb;
    if (stat(path, &sb) < 0)
        return file_stat_status(path);
    file_store_attributes(path, attrs);
    mode_t m = sb.st_mode & 07777;
    if (attrs & FILE_ATTRIBUTE_READONLY)
        m &= ~0222;
    else if (!(m & 0222))
        m |= 0200 | ((m & 0044) >> 1); /* give write back where read is */
    if (!S_ISDIR(sb.st_mode) && m != (sb.st_mode & 07777) && chmod(path, m) < 0)
        return errno_to_status(errno);
    return STATUS_SUCCESS;
}

/* `b`, the Linux path of the DOS name `to`, when the lookup resolved it
 * to `a` itself ("two.txt" -> "TWO.txt": a change of case): the new name
 * is the one given, spelled as given. */
static char *respell(char *b, const char *a, const WCHAR *to)
{
    struct stat sa, sb;
    if (lstat(a, &sa) < 0 || lstat(b, &sb) < 0 || sa.st_dev != sb.st_dev ||
        sa.st_ino != sb.st_ino || strcmp(a, b))
        return b;
    const WCHAR *last = to;
    for (const WCHAR *s = to; *s; s++)
        if (*s == '\\' || *s == '/')
            last = s + 1;
    char *name = wstr_to_utf8_alloc(last), *slash = strrchr(b, '/');
    char *nb;
    if (asprintf(&nb, "%.*s/%s", slash ? (int)(slash - b) : 0, b, name) >= 0) {
        free(b);
        b = nb;
    }
    free(name);
    return b;
}

NTSTATUS file_rename(const char *from, const WCHAR *to, BOOL replace, struct file *self,
                     char **to_unix)
{
    NTSTATUS st;
    *to_unix = NULL;
    char *b = file_unix_name(to, &st);
    if (!b)
        return st;
    b = respell(b, from, to);
    *to_unix = b;
    struct stat sa, sb;
    if (lstat(from, &sa) < 0)
        return file_stat_status(from);
    if ((st = file_check_delete_sharing(&sa, self)))
        return st;
    if (lstat(b, &sb) == 0 && !(sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino)) {
        if (!replace || S_ISDIR(sb.st_mode))
            return STATUS_OBJECT_NAME_COLLISION;
        if (S_ISDIR(sa.st_mode))
            return STATUS_ACCESS_DENIED;
    }
    if (rename(from, b) < 0)
        return errno == EXDEV ? STATUS_NOT_SAME_DEVICE : file_stat_status(b);
    TRACE("%s -> %s", from, b);
    return STATUS_SUCCESS;
}
