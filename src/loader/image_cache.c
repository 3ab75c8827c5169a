/* Big images, laid out once. PE files put their sections at 512-byte file
 * offsets, so a section can rarely be mapped from the file and the loader
 * reads every byte in: 80 MB for a Rust or Go program, tens of
 * milliseconds at each start (Windows does the same work once and shares
 * the result between processes; Wine repeats it). decant writes a big
 * image as laid out in memory, before relocations, to a cache file, and
 * later starts map that file privately: pages load when touched and come
 * from the page cache, shared with every other process running it.
 *
 * The cache file is named by the PE file's device, inode, size and
 * modification and change times, so a changed file gets a new entry. It is
 * written to a temporary name and renamed, so a reader sees it whole or
 * not at all. The directory keeps the most recently written entries, at
 * most MAX_ENTRIES of them and MAX_BYTES in all; anything in it can be
 * deleted at any time. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL loader
#include "debug.h"
#include "loader.h"

#define MAX_ENTRIES 32
#define MAX_BYTES ((unsigned long long)1 << 30)

/* $DECANT_IMAGE_CACHE ("off": none), else $XDG_CACHE_HOME/decant/images,
 * else ~/.cache/decant/images; NULL when there is none. */
static const char *cache_dir(void)
{
    static char *dir;
    static int done;
    if (done)
        return dir;
    done = 1;
    const char *e = getenv("DECANT_IMAGE_CACHE"), *x = getenv("XDG_CACHE_HOME"),
               *home = getenv("HOME");
    if (e && *e) {
        if (strcmp(e, "off"))
            dir = strdup(e);
    } else if (x && *x) {
        if (asprintf(&dir, "%s/decant/images", x) < 0)
            dir = NULL;
    } else if (home && *home) {
        if (asprintf(&dir, "%s/.cache/decant/images", home) < 0)
            dir = NULL;
    }
    return dir;
}

static char *entry_path(const struct stat *st)
{
    const char *dir = cache_dir();
    char *p;
    if (!dir || asprintf(&p, "%s/%llx-%llx-%llx-%llx.%09ld-%llx.%09ld.img", dir,
                         (unsigned long long)st->st_dev, (unsigned long long)st->st_ino,
                         (unsigned long long)st->st_size,
                         (unsigned long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec,
                         (unsigned long long)st->st_ctim.tv_sec, st->st_ctim.tv_nsec) < 0)
        return NULL;
    return p;
}

int image_cache_open(const struct stat *st, size_t size)
{
    char *p = entry_path(st);
    if (!p)
        return -1;
    int fd = open(p, O_RDONLY | O_CLOEXEC);
    struct stat cs;
    if (fd >= 0 && (fstat(fd, &cs) < 0 || (size_t)cs.st_size != size)) {
        close(fd); /* not what this file lays out: ignored, replaced later */
        fd = -1;
    }
    TRACE("%s: %s", p, fd >= 0 ? "mapped" : "none yet");
    free(p);
    return fd;
}

/* Makes the directory and its parents, as mkdir -p. */
static int make_dirs(const char *dir)
{
    char *d = strdup(dir);
    for (char *s = d + 1; s && *s; s++)
        if (*s == '/') {
            *s = 0;
            mkdir(d, 0700);
            *s = '/';
        }
    int r = mkdir(d, 0700) == 0 || errno == EEXIST ? 0 : -1;
    free(d);
    return r;
}

/* Drops the oldest entries until one more of `incoming` bytes fits. */
static void prune(const char *dir, size_t incoming)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct entry {
        char name[256];
        struct timespec mtime;
        unsigned long long bytes;
    } *list = NULL;
    size_t n = 0;
    unsigned long long total = incoming;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        struct stat st;
        if (len < 5 || len >= 256 || strcmp(e->d_name + len - 4, ".img") ||
            fstatat(dirfd(d), e->d_name, &st, 0) < 0)
            continue;
        struct entry *grown = realloc(list, (n + 1) * sizeof *list);
        if (!grown)
            break;
        list = grown;
        memcpy(list[n].name, e->d_name, len + 1);
        list[n].bytes = (unsigned long long)st.st_blocks * 512;
        total += list[n].bytes;
        list[n++].mtime = st.st_mtim;
    }
    while (n && (n >= MAX_ENTRIES || total > MAX_BYTES)) { /* drop the oldest */
        size_t old = 0;
        for (size_t i = 1; i < n; i++)
            if (list[i].mtime.tv_sec < list[old].mtime.tv_sec ||
                (list[i].mtime.tv_sec == list[old].mtime.tv_sec &&
                 list[i].mtime.tv_nsec < list[old].mtime.tv_nsec))
                old = i;
        unlinkat(dirfd(d), list[old].name, 0);
        total -= list[old].bytes;
        list[old] = list[--n];
    }
    free(list);
    closedir(d);
}

static int zero_page(const char *p)
{
    static const char zeros[4096];
    return !memcmp(p, zeros, sizeof zeros);
}

void image_cache_store(const struct stat *st, const void *image, size_t size)
{
    if (size > MAX_BYTES || size % 4096)
        return;
    char *p = entry_path(st), *tmp = NULL;
    const char *dir = cache_dir();
    if (!p || make_dirs(dir) < 0 || asprintf(&tmp, "%s.%d.tmp", p, (int)getpid()) < 0) {
        free(p);
        return;
    }
    prune(dir, size);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    int ok = fd >= 0 && ftruncate(fd, size) == 0;
    /* runs of pages with data; zero pages (uninitialised data) stay holes */
    const char *img = image;
    for (size_t at = 0; ok && at < size;) {
        while (at < size && zero_page(img + at))
            at += 4096;
        size_t end = at;
        while (end < size && !zero_page(img + end))
            end += 4096;
        while (ok && at < end) {
            ssize_t w = pwrite(fd, img + at, end - at, at);
            ok = w > 0 || (w < 0 && errno == EINTR);
            at += w > 0 ? (size_t)w : 0;
        }
    }
    if (fd >= 0)
        close(fd);
    if (!ok || rename(tmp, p) < 0) { /* a full disk or no right to write: no cache */
        unlink(tmp);
        TRACE("%s: not written (%s)", p, strerror(errno));
    } else {
        TRACE("%s: written, %zu bytes", p, size);
    }
    free(tmp);
    free(p);
}
