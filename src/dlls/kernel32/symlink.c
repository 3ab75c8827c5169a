/* Symbolic links: a Windows symlink is a Linux symlink. A relative target
 * stays relative (with '/' for '\'), so the link keeps working when its
 * tree moves, as on Windows; an absolute DOS target becomes the Linux path
 * of that file. Links are reported as reparse points by file_attributes
 * (tests/programs/file/symlink.c). */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "file.h"
#include "kernel32_private.h"
#include "path.h"

#define SYMBOLIC_LINK_FLAG_DIRECTORY 0x1
#define SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE 0x2

/* "C:\x", "\x", "\\?\C:\x", "\\server\x": resolved through the drives;
 * anything else is relative to the link's directory. */
static int is_absolute(const WCHAR *t)
{
    return t[0] == '\\' || t[0] == '/' || (t[0] && t[1] == ':');
}

static char *link_target(const WCHAR *target, NTSTATUS *st)
{
    if (is_absolute(target)) {
        enum path_device dev;
        char *p = path_dos_to_unix(target, &dev, st);
        if (dev) {
            free(p);
            *st = STATUS_INVALID_PARAMETER;
            return NULL;
        }
        return p;
    }
    char *p = wstr_to_utf8_alloc(target);
    for (char *c = p; *c; c++)
        if (*c == '\\')
            *c = '/';
    return p;
}

/* CreateSymbolicLinkW (kernel32): Windows returns a BOOLEAN. */
BOOLEAN WINAPI CreateSymbolicLinkW(LPCWSTR link, LPCWSTR target, DWORD flags)
{
    if (!link || !target || !*target ||
        flags & ~(SYMBOLIC_LINK_FLAG_DIRECTORY | SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE))
        return set_ntstatus(STATUS_INVALID_PARAMETER);
    enum path_device dev;
    NTSTATUS st;
    char *path = path_dos_to_unix(link, &dev, &st);
    if (dev) {
        free(path);
        return set_ntstatus(STATUS_ACCESS_DENIED);
    }
    if (!path)
        return set_ntstatus(st);
    size_t n = strlen(path);
    if (n > 1 && path[n - 1] == '/')
        path[n - 1] = 0;
    char *to = link_target(target, &st);
    if (!to) {
        free(path);
        return set_ntstatus(st);
    }
    /* SYMBOLIC_LINK_FLAG_DIRECTORY has no Linux counterpart: whether a
     * link is a directory link is read from its target. */
    TRACE("%s -> %s flags %#x", path, to, flags);
    if (symlink(to, path) < 0) {
        int e = errno;
        st = e == EEXIST ? STATUS_OBJECT_NAME_COLLISION
           : e == ENOENT || e == ENOTDIR ? STATUS_OBJECT_PATH_NOT_FOUND
                                          : errno_to_status(e);
    } else {
        st = STATUS_SUCCESS;
    }
    free(to);
    free(path);
    return set_ntstatus(st);
}

/* CreateSymbolicLinkA (kernel32) */
BOOLEAN WINAPI CreateSymbolicLinkA(LPCSTR link, LPCSTR target, DWORD flags)
{
    WCHAR *l = a_to_w(link), *t = a_to_w(target);
    BOOLEAN r = CreateSymbolicLinkW(l, t, flags);
    free(l);
    free(t);
    return r;
}
