/* DOS attributes that Linux has no bit for (hidden, system, archive) live
 * in the extended attribute Wine and Samba use, as a hex string. Without
 * one, a file is ARCHIVE and a dot file HIDDEN, as in Wine.
 *
 * Reading the attribute walks the path a second time after the lstat and
 * costs as much, so what was read is remembered per file, keyed by device,
 * inode and change time: writing an extended attribute moves the change
 * time, so a file changed since is read again, and decant's own writes
 * forget everything. Change times move in clock ticks, so a change within
 * the tick of the one seen would keep it: a file changed in the last
 * moments is not remembered (git's "racily clean" rule). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>

#include "file.h"

#define DOSATTRIB_XATTR "user.DOSATTRIB"
#define STORED_ATTRS (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_ARCHIVE)

/* One 64-bit word per slot, read and written whole: the key's fingerprint
 * in the high 48 bits, then KNOWN, NONE (no attribute stored) and the
 * stored attributes. */
#define MEMO_SLOTS 16384
#define KNOWN 0x8000
#define NONE 0x4000
static uint64_t *memo;
static uint32_t generation; /* bumped by every write: forgets the memo */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 29);
}

static uint64_t memo_key(const struct stat *st, uint32_t gen)
{
    uint64_t h = mix(st->st_dev, st->st_ino);
    h = mix(h, (uint64_t)st->st_ctim.tv_sec);
    h = mix(h, (uint64_t)st->st_ctim.tv_nsec << 32 | gen);
    return h;
}

/* Whether `st` changed long enough ago that a change from now on would
 * show as a different change time. */
static int settled(const struct stat *st)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    int64_t changed = st->st_ctim.tv_sec * 1000000000ll + st->st_ctim.tv_nsec;
    return changed + 100000000 < now.tv_sec * 1000000000ll + now.tv_nsec; /* 0.1 s */
}

/* The stored attributes of `path` (-1: none), read or remembered. */
static int stored_attributes(const struct stat *st, const char *path)
{
    uint32_t gen = __atomic_load_n(&generation, __ATOMIC_ACQUIRE);
    uint64_t key = memo_key(st, gen), *slot = NULL;
    if (!memo) {
        uint64_t *m = calloc(MEMO_SLOTS, sizeof *m), *none = NULL;
        if (m && !__atomic_compare_exchange_n(&memo, &none, m, 0, __ATOMIC_ACQ_REL,
                                              __ATOMIC_ACQUIRE))
            free(m);
    }
    if (memo) {
        /* by inode: a directory's files have neighbouring numbers */
        slot = &memo[(st->st_ino + st->st_dev * 0x9e3779b1u) % MEMO_SLOTS];
        uint64_t v = __atomic_load_n(slot, __ATOMIC_RELAXED);
        if ((v & KNOWN) && (v >> 16) == (key >> 16))
            return v & NONE ? -1 : (int)(v & STORED_ATTRS);
    }
    char buf[32];
    ssize_t n = getxattr(path, DOSATTRIB_XATTR, buf, sizeof buf - 1);
    int a = -1;
    if (n > 0) {
        buf[n] = 0;
        a = strtoul(buf, NULL, 16) & STORED_ATTRS;
    }
    if (slot && settled(st))
        __atomic_store_n(slot, (key & ~0xffffull) | KNOWN | (a < 0 ? NONE : (unsigned)a),
                         __ATOMIC_RELAXED);
    return a;
}

DWORD file_attributes(const struct stat *st, const char *path)
{
    if (S_ISLNK(st->st_mode)) {
        /* A symbolic link (an lstat) is a reparse point; Linux cannot keep
         * its DOS attributes (no user xattrs on links), and whether it is a
         * directory link is read from the target, ARCHIVE for a file link
         * as Windows reports one (tests/programs/file/symlink.c). */
        struct stat t;
        if (path && stat(path, &t) == 0 && S_ISDIR(t.st_mode))
            return FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT;
        return FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_REPARSE_POINT;
    }
    int stored = path ? stored_attributes(st, path) : -1;
    DWORD a;
    if (stored >= 0) {
        a = stored;
    } else {
        a = S_ISDIR(st->st_mode) ? 0 : FILE_ATTRIBUTE_ARCHIVE;
        const char *b = path ? strrchr(path, '/') : NULL;
        b = b ? b + 1 : path;
        if (b && b[0] == '.' && b[1] && strcmp(b, ".."))
            a |= FILE_ATTRIBUTE_HIDDEN;
    }
    if (S_ISDIR(st->st_mode))
        a |= FILE_ATTRIBUTE_DIRECTORY;
    if (!(st->st_mode & 0222))
        a |= FILE_ATTRIBUTE_READONLY;
    return a ? a : FILE_ATTRIBUTE_NORMAL;
}

void file_store_attributes(const char *path, DWORD attrs)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "0x%x", attrs & STORED_ATTRS);
    setxattr(path, DOSATTRIB_XATTR, buf, n, 0); /* not every file system can */
    __atomic_add_fetch(&generation, 1, __ATOMIC_RELEASE);
}
