/* Directory listings in Windows' order with Windows' masks: see dirscan.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dirscan.h"
#include "file.h"
#include "wstr.h"

#define DOS_STAR '<'
#define DOS_QM '>'
#define DOS_DOT '"'

/* ---- masks ------------------------------------------------------------------
 * The mask runs as a set of reachable positions in the name, one mask
 * character at a time, so no mask costs more than length x length. */

/* "*" and "*.*" match every name, dotted or not (FAT's and NTFS's rule). */
static int dirscan_match_all(const WCHAR *mask, size_t n)
{
    return !mask || !n || (n == 1 && mask[0] == '*') ||
           (n == 3 && mask[0] == '*' && mask[1] == '.' && mask[2] == '*');
}

int dirscan_match(const WCHAR *mask, size_t mask_len, const WCHAR *name, size_t n)
{
    if (dirscan_match_all(mask, mask_len))
        return 1;
    unsigned char a[1026], b[1026], *cur = a, *next = b;
    if (n > 1024)
        return 0;
    size_t last_dot = n; /* n: none */
    for (size_t i = 0; i < n; i++)
        if (name[i] == '.')
            last_dot = i;
    memset(cur, 0, n + 1);
    cur[0] = 1;
    for (size_t m = 0; m < mask_len; m++) {
        WCHAR c = mask[m];
        int any = 0;
        memset(next, 0, n + 1);
        for (size_t k = 0; k <= n; k++) {
            if (!cur[k])
                continue;
            switch (c) {
            case '*': /* everything from the first position reached */
                memset(next + k, 1, n + 1 - k);
                k = n;
                break;
            case DOS_STAR: { /* up to the last dot, not past it */
                size_t end = last_dot < n && k <= last_dot ? last_dot : n;
                for (size_t j = k; j <= end; j++)
                    next[j] = 1;
                break;
            }
            case '?':
                if (k < n)
                    next[k + 1] = 1;
                break;
            case DOS_QM:
                if (k == n || name[k] == '.')
                    next[k] = 1;
                else
                    next[k + 1] = 1;
                break;
            case DOS_DOT:
                if (k == n)
                    next[k] = 1;
                else if (name[k] == '.')
                    next[k + 1] = 1;
                break;
            default:
                if (k < n && wstr_upper(name[k]) == wstr_upper(c))
                    next[k + 1] = 1;
                break;
            }
        }
        for (size_t k = 0; k <= n && !any; k++)
            any = next[k];
        if (!any)
            return 0;
        unsigned char *t = cur;
        cur = next;
        next = t;
    }
    return cur[n];
}

/* ---- reading ------------------------------------------------------------------ */

/* A Linux name is at most NAME_MAX (255) bytes: as many UTF-16 units at most. */
#define MAX_UNITS 256

/* wstr_upper, with ASCII inline: sorting calls it for every unit compared. */
static inline WCHAR upper(WCHAR c)
{
    return c < 0x80 ? (WCHAR)(c - ((unsigned)(c - 'a') < 26 ? 32 : 0)) : wstr_upper(c);
}

/* NTFS's collation: upcased units, then the shorter name first. Each
 * entry keeps its name upcased and big-endian after its name (its sort
 * key), so memcmp compares whole units. */
static const BYTE *key_of(const struct dirscan_entry *e)
{
    return (const BYTE *)(e->wname + e->wlen);
}

static int entry_cmp(const void *pa, const void *pb)
{
    const struct dirscan_entry *a = *(struct dirscan_entry *const *)pa;
    const struct dirscan_entry *b = *(struct dirscan_entry *const *)pb;
    size_t n = a->wlen < b->wlen ? a->wlen : b->wlen;
    int r = memcmp(key_of(a), key_of(b), n * sizeof(WCHAR));
    if (r)
        return r;
    if (a->wlen != b->wlen)
        return a->wlen < b->wlen ? -1 : 1;
    return memcmp(a->wname, b->wname, n * sizeof(WCHAR)); /* "a" and "A" both on Linux */
}

/* The entries live in one block (s->arena); while the directory is read
 * it may move, so s->entries holds offsets into it until the end. */
static void clear(struct dirscan *s)
{
    free(s->arena);
    free(s->entries);
    s->arena = NULL;
    s->arena_len = s->arena_cap = 0;
    s->entries = NULL;
    s->count = s->next = 0;
}

static int add(struct dirscan *s, size_t *cap, const char *name)
{
    WCHAR w[MAX_UNITS];
    size_t len = strlen(name), units = utf8_to_wstr(name, len, w, MAX_UNITS);
    if (units > MAX_UNITS || !dirscan_match(s->mask, s->mask_len, w, units))
        return 0;
    if (s->count == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        struct dirscan_entry **n = realloc(s->entries, c * sizeof *n);
        if (!n)
            return ENOMEM;
        s->entries = n;
        *cap = c;
    }
    size_t size = (sizeof(struct dirscan_entry) + 2 * units * sizeof(WCHAR) + len + 1 + 7) &
                  ~(size_t)7;
    if (s->arena_len + size > s->arena_cap) {
        size_t c = s->arena_cap ? s->arena_cap * 2 : 4096;
        while (c < s->arena_len + size)
            c *= 2;
        char *a = realloc(s->arena, c);
        if (!a)
            return ENOMEM;
        s->arena = a;
        s->arena_cap = c;
    }
    struct dirscan_entry *e = (struct dirscan_entry *)(s->arena + s->arena_len);
    memcpy(e->wname, w, units * sizeof(WCHAR));
    e->wlen = units;
    BYTE *key = (BYTE *)(e->wname + units);
    for (size_t i = 0; i < units; i++) {
        WCHAR u = upper(w[i]);
        key[2 * i] = u >> 8;
        key[2 * i + 1] = (BYTE)u;
    }
    memcpy((char *)(e->wname + 2 * units), name, len + 1);
    s->entries[s->count++] = (struct dirscan_entry *)(uintptr_t)s->arena_len;
    s->arena_len += size;
    return 0;
}

int dirscan_restart(struct dirscan *s)
{
    clear(s);
    int fd = openat(s->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return e;
    }
    size_t cap = 0, first = 0;
    int err = 0;
    if (s->dots) {
        if ((err = add(s, &cap, ".")) || (err = add(s, &cap, "..")))
            goto done;
        first = s->count;
    }
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(d);
        if (!de) {
            err = errno;
            break;
        }
        if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
            continue;
        if ((err = add(s, &cap, de->d_name)))
            break;
    }
    for (size_t i = 0; !err && i < s->count; i++) { /* offsets to pointers */
        struct dirscan_entry *e = (struct dirscan_entry *)(s->arena + (uintptr_t)s->entries[i]);
        e->name = (char *)(e->wname + 2 * e->wlen);
        s->entries[i] = e;
    }
    if (!err && s->count > first)
        qsort(s->entries + first, s->count - first, sizeof *s->entries, entry_cmp);
done:
    closedir(d);
    if (err)
        clear(s);
    return err;
}

struct dirscan *dirscan_open(int fd, const char *path, const WCHAR *mask, size_t mask_len,
                             int dots, int *error)
{
    struct dirscan *s = calloc(1, sizeof *s);
    if (!s) {
        close(fd);
        *error = ENOMEM;
        return NULL;
    }
    pthread_mutex_init(&s->lock, NULL);
    s->fd = fd;
    s->path = strdup(path);
    s->dots = dots;
    if (!dirscan_match_all(mask, mask_len)) {
        s->mask = malloc(mask_len * sizeof(WCHAR));
        memcpy(s->mask, mask, mask_len * sizeof(WCHAR));
        s->mask_len = mask_len;
    }
    if ((*error = dirscan_restart(s))) {
        dirscan_free(s);
        return NULL;
    }
    return s;
}

const struct dirscan_entry *dirscan_next(struct dirscan *s)
{
    return s->next < s->count ? s->entries[s->next++] : NULL;
}

void dirscan_unread(struct dirscan *s)
{
    if (s->next)
        s->next--;
}

void dirscan_free(struct dirscan *s)
{
    if (!s)
        return;
    clear(s);
    if (s->fd >= 0)
        close(s->fd);
    pthread_mutex_destroy(&s->lock);
    free(s->mask);
    free(s->path);
    free(s);
}

int dirscan_stat(const struct dirscan *s, const struct dirscan_entry *e, struct stat *st,
                 DWORD *attrs)
{
    /* a symbolic link is listed as itself, a reparse point
     * (file_attributes), with no size, as Windows lists it */
    if (fstatat(s->fd, e->name, st, AT_SYMLINK_NOFOLLOW) < 0)
        return -1;
    if (S_ISLNK(st->st_mode))
        st->st_size = 0;
    if (attrs) {
        /* the path, for the DOS attributes stored with the file */
        size_t pl = strlen(s->path), nl = strlen(e->name);
        char buf[4096], *full = pl + nl + 2 <= sizeof buf ? buf : malloc(pl + nl + 2);
        memcpy(full, s->path, pl);
        full[pl] = '/';
        memcpy(full + pl + 1, e->name, nl + 1);
        *attrs = file_attributes(st, full);
        if (full != buf)
            free(full);
    }
    return 0;
}
