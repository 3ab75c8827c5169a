/* Path translation between DOS and Linux names. */
#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "path.h"
#include "status.h"
#include "wstr.h"

static WCHAR *cwd;           /* "Z:\home\me\" */
static pthread_mutex_t cwd_lock = PTHREAD_MUTEX_INITIALIZER;

/* Linux walks a relative name from the process's current directory, which
 * decant keeps at the program's (path_set_cwd): a name under it is looked
 * up relative, without the walk down to it (5 of 7 components for
 * /home/me/src/project/dir/file). cwd_seq is odd while the directory
 * changes; a lookup that saw it change walks the full name again. */
static char cwd_unix[4096]; /* "" when the walk would not be shorter */
static size_t cwd_unix_len;
static unsigned cwd_seq;

static void note_cwd_unix(const char *unix_dir)
{
    size_t n = strlen(unix_dir);
    if (n >= sizeof cwd_unix || !strcmp(unix_dir, "/"))
        n = 0;
    memcpy(cwd_unix, unix_dir, n);
    cwd_unix[n] = 0;
    cwd_unix_len = n;
}

/* Under cwd_lock: chdir, and the name lookups learn the new directory. */
static int chdir_locked(const char *unix_dir)
{
    __atomic_add_fetch(&cwd_seq, 1, __ATOMIC_ACQ_REL);
    int r = chdir(*unix_dir ? unix_dir : "/");
    int e = errno;
    note_cwd_unix(r < 0 ? "" : unix_dir);
    __atomic_add_fetch(&cwd_seq, 1, __ATOMIC_ACQ_REL);
    errno = e;
    return r;
}

/* fstatat of an absolute Linux name (flags: AT_SYMLINK_NOFOLLOW or 0),
 * walked from the current directory when it lies under it. */
static int stat_near(const char *full, struct stat *st, int flags)
{
    unsigned seq = __atomic_load_n(&cwd_seq, __ATOMIC_ACQUIRE);
    size_t n = cwd_unix_len;
    if (!(seq & 1) && n && !strncmp(full, cwd_unix, n) && (full[n] == '/' || !full[n])) {
        int r = fstatat(AT_FDCWD, full[n] && full[n + 1] ? full + n + 1 : ".", st, flags);
        if (__atomic_load_n(&cwd_seq, __ATOMIC_ACQUIRE) == seq)
            return r;
    }
    return fstatat(AT_FDCWD, full, st, flags);
}

static char *prefix;

static int is_sep(WCHAR c) { return c == '\\' || c == '/'; }
static int is_letter(WCHAR c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

const char *path_prefix(void)
{
    if (prefix)
        return prefix;
    const char *p = getenv("DECANT_PREFIX");
    char *built = NULL;
    if (p && *p) {
        built = strdup(p);
    } else if ((p = getenv("XDG_DATA_HOME")) && *p) {
        if (asprintf(&built, "%s/decant", p) < 0)
            built = NULL;
    } else {
        const char *home = getenv("HOME");
        if (asprintf(&built, "%s/.local/share/decant", home ? home : "/tmp") < 0)
            built = NULL;
    }
    prefix = built;
    return prefix;
}

/* The prefix's C: tree, created the first time something needs it. */
static const char *drive_c(void)
{
    static char *dir;
    if (dir)
        return dir;
    const char *pre = path_prefix();
    char *d;
    if (asprintf(&d, "%s/drive_c", pre) < 0)
        return NULL;
    struct stat st;
    if (stat(d, &st) < 0) {
        static const char *subdirs[] = {
            "", "/drive_c", "/drive_c/windows", "/drive_c/windows/system32",
            "/drive_c/windows/temp", "/drive_c/users",
            "/drive_c/users/Public", "/drive_c/Program Files",
            "/drive_c/ProgramData", "/dosdevices"};
        for (unsigned i = 0; i < sizeof subdirs / sizeof *subdirs; i++) {
            char *s;
            if (asprintf(&s, "%s%s", pre, subdirs[i]) >= 0) {
                if (mkdir(s, 0777) < 0 && errno == ENOENT) {
                    /* the prefix's parents, e.g. ~/.local/share */
                    char *cmd = strdup(s);
                    for (char *q = cmd + 1; *q; q++)
                        if (*q == '/') {
                            *q = 0;
                            mkdir(cmd, 0777);
                            *q = '/';
                        }
                    mkdir(s, 0777);
                    free(cmd);
                }
                free(s);
            }
        }
    }
    dir = d;
    return dir;
}

/* The C: directory's name, without creating anything. */
static const char *drive_c_path(void)
{
    static char *p;
    if (!p && asprintf(&p, "%s/drive_c", path_prefix()) < 0)
        p = NULL;
    return p;
}

/* Unix root of a drive letter, or NULL; *owned is what the caller frees
 * (Z: and C:, the drives of nearly every name, cost no copy). */
static const char *drive_root(WCHAR letter, char **owned)
{
    *owned = NULL;
    letter |= 32;
    if (letter == 'z')
        return "";
    if (letter == 'c')
        return drive_c();
    char *link, target[4096];
    if (asprintf(&link, "%s/dosdevices/%c:", path_prefix(), (char)letter) < 0)
        return NULL;
    ssize_t n = readlink(link, target, sizeof target - 1);
    free(link);
    if (n <= 0)
        return NULL;
    target[n] = 0;
    if (n > 1 && target[n - 1] == '/')
        target[n - 1] = 0;
    return *owned = strdup(target);
}

/* Where a name's last component starts (after its last separator or
 * colon). */
static const WCHAR *last_component(const WCHAR *full)
{
    const WCHAR *b = full;
    for (const WCHAR *s = full; *s; s++)
        if (is_sep(*s) || *s == ':')
            b = s + 1;
    return b;
}

/* The device a last component `b` names: the last component decides,
 * "C:\x\nul.txt" is NUL too, as on Windows 10. */
static enum path_device device_of(const WCHAR *b)
{
    if ((b[0] | 32) != 'n' && (b[0] | 32) != 'c')
        return DEV_NONE; /* the common case, quickly */
    WCHAR name[16];
    size_t n = 0;
    while (b[n] && b[n] != '.' && b[n] != ':' && n < 15) {
        name[n] = wstr_lower(b[n]);
        n++;
    }
    name[n] = 0;
    /* trailing spaces are ignored in device names */
    while (n && name[n - 1] == ' ')
        name[--n] = 0;
    if (!wstr_cmp(name, u"nul"))
        return DEV_NUL;
    if (!wstr_cmp(name, u"con") && (!b[3] || b[3] == '.' || b[3] == ':'))
        return DEV_CON;
    if (!wstr_icmp(b, u"conin$"))
        return DEV_CONIN;
    if (!wstr_icmp(b, u"conout$"))
        return DEV_CONOUT;
    return DEV_NONE;
}

static enum path_device device_name(const WCHAR *full)
{
    return device_of(last_component(full));
}

/* Collapse "." and ".." and separator runs in `p` after index `root`
 * (the part before root, e.g. "C:\", is kept). Unless `raw`, Win32's
 * trimming applies: a segment's single trailing period goes, and at the
 * very end all trailing periods and spaces go ("File path formats on
 * Windows systems", Microsoft). Returns where the result's last
 * component starts (as last_component would find it). */
static const WCHAR *normalise(WCHAR *p, size_t root, int raw)
{
    size_t n = wstr_len(p);
    WCHAR *out = p + root; /* in place: the output never overtakes the input */
    size_t o = 0;
    const WCHAR *in = p + root;
    int ends_with_sep = n > root && is_sep(p[n - 1]);
    size_t last = 0;
    while (*in) {
        while (is_sep(*in))
            in++;
        if (!*in)
            break;
        const WCHAR *start = in;
        while (*in && !is_sep(*in))
            in++;
        size_t len = in - start;
        if (len == 1 && start[0] == '.')
            continue;
        if (len == 2 && start[0] == '.' && start[1] == '.') {
            while (o > 0 && out[o - 1] != '\\')
                o--;
            if (o > 0)
                o--;
            continue;
        }
        if (!raw) {
            if (!*in && !ends_with_sep) {
                while (len && (start[len - 1] == '.' || start[len - 1] == ' '))
                    len--;
            } else if (len >= 2 && start[len - 1] == '.' && start[len - 2] != '.') {
                len--;
            }
            if (!len)
                continue;
        }
        if (o)
            out[o++] = '\\';
        last = o;
        if (out + o != start) /* the common name has nothing to collapse */
            memmove(out + o, start, len * sizeof(WCHAR));
        o += len;
    }
    if (ends_with_sep && o)
        out[o++] = '\\';
    out[o] = 0;
    return ends_with_sep && o ? out + o : last_component(out + last); /* a colon may follow */
}

WCHAR *path_dos_to_nt_device(const WCHAR *dos)
{
    if (!is_letter(dos[0]) || dos[1] != ':')
        return NULL;
    char prefix[32];
    int n = snprintf(prefix, sizeof prefix, "\\Device\\HarddiskVolume%d",
                     (dos[0] | 32) - 'a' + 1);
    size_t rest = wstr_len(dos + 2);
    WCHAR *out = malloc((n + rest + 1) * sizeof(WCHAR));
    for (int i = 0; i < n; i++)
        out[i] = (WCHAR)prefix[i];
    memcpy(out + n, dos + 2, (rest + 1) * sizeof(WCHAR));
    return out;
}

/* path_full_dos, and the device the full name's last component names
 * (for \\?\ and \\.\ names, DEV_NONE: their caller decides). */
static WCHAR *full_dos(const WCHAR *name, enum path_device *device)
{
    size_t n = wstr_len(name);
    WCHAR *res;
    *device = DEV_NONE;
    if (n >= 4 && is_sep(name[0]) && is_sep(name[1]) &&
        (name[2] == '?' || name[2] == '.') && is_sep(name[3])) {
        res = wstr_dup(name); /* \\?\ and \\.\ names pass unchanged */
        for (WCHAR *s = res; *s; s++)
            if (*s == '/' && name[2] == '.')
                *s = '\\';
        return res;
    }
    pthread_mutex_lock(&cwd_lock);
    const WCHAR *c = cwd ? cwd : u"C:\\";
    size_t clen = wstr_len(c);
    res = malloc((n + clen + 8) * sizeof(WCHAR));
    size_t root;
    if (n >= 2 && is_letter(name[0]) && name[1] == ':') {
        res[0] = wstr_upper(name[0]);
        res[1] = ':';
        res[2] = '\\';
        if (n >= 3 && is_sep(name[2])) {
            memcpy(res + 3, name + 3, (n - 2) * sizeof(WCHAR));
        } else if (wstr_upper(c[0]) == res[0]) {
            /* "C:foo" relative to C:'s current directory */
            memcpy(res, c, clen * sizeof(WCHAR));
            memcpy(res + clen, name + 2, (n - 1) * sizeof(WCHAR));
        } else {
            memcpy(res + 3, name + 2, (n - 1) * sizeof(WCHAR));
        }
        root = 3;
    } else if (n >= 2 && is_sep(name[0]) && is_sep(name[1])) {
        /* UNC: \\server\share\... */
        memcpy(res, name, (n + 1) * sizeof(WCHAR));
        res[0] = res[1] = '\\';
        root = 2;
    } else if (n >= 1 && is_sep(name[0])) {
        res[0] = c[0];
        res[1] = ':';
        memcpy(res + 2, name, (n + 1) * sizeof(WCHAR));
        root = 3;
    } else {
        memcpy(res, c, clen * sizeof(WCHAR));
        memcpy(res + clen, name, (n + 1) * sizeof(WCHAR));
        root = 3;
    }
    pthread_mutex_unlock(&cwd_lock);
    const WCHAR *b = res; /* the last component, found on the way */
    for (WCHAR *s = res; *s; s++) {
        if (*s == '/')
            *s = '\\';
        if (*s == '\\' || *s == ':')
            b = s + 1;
    }
    /* Devices are named before normalising ("nul\." is no device), and
     * their other spellings after ("conin$." is CONIN$) */
    enum path_device dev_given = device_of(b);
    if (dev_given == DEV_NUL || dev_given == DEV_CON) {
        /* Windows reports devices as \\.\NAME, spelled as given */
        WCHAR *dev = malloc((wstr_len(b) + 5) * sizeof(WCHAR));
        size_t k = 4;
        memcpy(dev, u"\\\\.\\", 4 * sizeof(WCHAR));
        while (*b && *b != '.' && *b != ' ')
            dev[k++] = *b++;
        dev[k] = 0;
        free(res);
        *device = dev_given;
        return dev;
    }
    *device = device_of(normalise(res, root, 0));
    return res;
}

WCHAR *path_full_dos(const WCHAR *name)
{
    enum path_device device;
    return full_dos(name, &device);
}

/* ---- case-insensitive lookups ------------------------------------------
 * Finding "Foo" when "foo" is asked for means reading the directory.
 * Creating many new files in one directory asks each time (a new name
 * exists in no case), so the last directory read is kept: its names,
 * valid while the directory's change time is the one seen when it was
 * read, and updated for the files decant itself creates there
 * (path_note_created). A hit is confirmed with lstat, since a change time
 * moves only once per clock tick; a name another process creates within
 * the same tick as decant's last read can be missed. */

struct name_cache {
    char *dir;
    dev_t dev;
    ino_t ino;
    struct timespec ctime;
    char **names;   /* as on disk */
    size_t count, cap;
    size_t non_ascii; /* how many names have a byte >= 0x80 */
    unsigned *slots; /* hash of the ASCII-folded names: index + 1, 0 = empty */
    size_t nslots;
};
static struct name_cache cache;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned fold_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)((*s >= 'A' && *s <= 'Z') ? *s + 32 : *s)) * 16777619u;
    return h;
}

static void cache_insert_slot(size_t index)
{
    size_t mask = cache.nslots - 1, i = fold_hash(cache.names[index]) & mask;
    while (cache.slots[i])
        i = (i + 1) & mask;
    cache.slots[i] = index + 1;
}

static void cache_add(const char *name)
{
    if (cache.count == cache.cap) {
        cache.cap = cache.cap ? cache.cap * 2 : 64;
        cache.names = realloc(cache.names, cache.cap * sizeof *cache.names);
    }
    cache.names[cache.count++] = strdup(name);
    for (const char *c = name; *c; c++)
        if (*c & 0x80) {
            cache.non_ascii++;
            break;
        }
    if (cache.count * 2 > cache.nslots) { /* grow and rehash */
        free(cache.slots);
        cache.nslots = cache.nslots ? cache.nslots * 2 : 128;
        while (cache.count * 2 > cache.nslots)
            cache.nslots *= 2;
        cache.slots = calloc(cache.nslots, sizeof *cache.slots);
        for (size_t i = 0; i < cache.count; i++)
            cache_insert_slot(i);
    } else {
        cache_insert_slot(cache.count - 1);
    }
}

static void cache_clear(void)
{
    for (size_t i = 0; i < cache.count; i++)
        free(cache.names[i]);
    free(cache.dir);
    free(cache.slots);
    free(cache.names);
    memset(&cache, 0, sizeof cache);
}

static int same_name(const char *disk, const char *name, const WCHAR *wname)
{
    if (!strcasecmp(disk, name))
        return 1;
    if (!wname) /* strcasecmp folds ASCII only; compare UTF-16 for the rest */
        return 0;
    WCHAR *we = utf8_to_wstr_alloc(disk);
    int same = !wstr_icmp(we, wname);
    free(we);
    return same;
}

/* The on-disk name matching `name` in the cached directory, or NULL. */
static const char *cache_find(const char *name, const WCHAR *wname)
{
    if (wname) { /* non-ASCII: Unicode folding, no hash */
        for (size_t i = 0; i < cache.count; i++)
            if (same_name(cache.names[i], name, wname))
                return cache.names[i];
        return NULL;
    }
    size_t mask = cache.nslots - 1;
    for (size_t i = fold_hash(name) & mask; cache.slots[i]; i = (i + 1) & mask)
        if (!strcasecmp(cache.names[cache.slots[i] - 1], name))
            return cache.names[cache.slots[i] - 1];
    /* ASCII query, but a non-ASCII name on disk may still fold to it
     * (the Kelvin sign folds to k) only in UTF-16; rare enough to scan,
     * and only directories that hold such names are scanned */
    for (size_t i = 0; cache.non_ascii && i < cache.count; i++)
        for (const char *c = cache.names[i]; *c; c++)
            if (*c & 0x80) {
                WCHAR *w = utf8_to_wstr_alloc(name);
                int same = same_name(cache.names[i], name, w);
                free(w);
                if (same)
                    return cache.names[i];
                break;
            }
    return NULL;
}

static int cache_load(const char *dir, const struct stat *st)
{
    DIR *d = opendir(*dir ? dir : "/");
    if (!d)
        return -1;
    cache_clear();
    cache.dir = strdup(dir);
    cache.dev = st->st_dev;
    cache.ino = st->st_ino;
    cache.ctime = st->st_ctim;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            cache_add(e->d_name);
    closedir(d);
    if (!cache.nslots) {
        cache.nslots = 128;
        cache.slots = calloc(cache.nslots, sizeof *cache.slots);
    }
    return 0;
}

static int cache_valid(const char *dir, const struct stat *st)
{
    return cache.dir && !strcmp(cache.dir, dir) && cache.dev == st->st_dev &&
           cache.ino == st->st_ino && cache.ctime.tv_sec == st->st_ctim.tv_sec &&
           cache.ctime.tv_nsec == st->st_ctim.tv_nsec;
}

/* path_find_case, given the directory's stat. */
static char *find_case_in(const char *dir, const struct stat *st, const char *name)
{
    WCHAR *wname = NULL;
    for (const char *c = name; *c; c++)
        if (*c & 0x80) {
            wname = utf8_to_wstr_alloc(name);
            break;
        }
    char *found = NULL;
    pthread_mutex_lock(&cache_lock);
    int fresh = !cache_valid(dir, st);
    for (int pass = 0; pass < 2; pass++) {
        if (fresh && cache_load(dir, st) < 0)
            break;
        const char *disk = cache_find(name, wname);
        if (disk && asprintf(&found, "%s/%s", dir, disk) < 0)
            found = NULL;
        /* a change time only moves once per clock tick: confirm a hit */
        struct stat fs;
        if (!found || fresh || lstat(found, &fs) == 0)
            break;
        free(found);
        found = NULL;
        fresh = 1;
    }
    pthread_mutex_unlock(&cache_lock);
    free(wname);
    return found;
}

char *path_find_case(const char *dir, const char *name)
{
    struct stat st;
    if (stat(*dir ? dir : "/", &st) < 0)
        return NULL;
    return find_case_in(dir, &st, name);
}

void path_note_created(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return;
    char *dir = strndup(path, slash - path);
    struct stat st;
    pthread_mutex_lock(&cache_lock);
    if (cache.dir && !strcmp(cache.dir, dir) && stat_near(*dir ? dir : "/", &st, 0) == 0 &&
        cache.dev == st.st_dev && cache.ino == st.st_ino) {
        cache_add(slash + 1);
        cache.ctime = st.st_ctim;
    }
    pthread_mutex_unlock(&cache_lock);
    free(dir);
}

static char *resolve_unix(char *full, size_t rl, struct stat *lst, int *lst_ok);

/* Append components of `rest` (backslash-separated, normalised) to the
 * Unix `root`, fixing case where the exact name does not exist. When the
 * exact name exists, its lstat goes to *lst (if lst) and *lst_ok is 1. */
static char *resolve_components(const char *root, const WCHAR *rest, struct stat *lst,
                                int *lst_ok)
{
    size_t rl = strlen(root), wl = wstr_len(rest);
    char *full = malloc(rl + 1 + wl * 3 + 1); /* root/rest, rest in UTF-8 */
    if (!full)
        return NULL;
    memcpy(full, root, rl);
    full[rl] = '/';
    char *tail = full + rl + 1;
    size_t tl = wstr_to_utf8(rest, wl, tail, wl * 3);
    tail[tl] = 0;
    for (char *s = tail; *s; s++)
        if (*s == '\\')
            *s = '/';
    if (tl && tail[tl - 1] == '/')
        tail[tl - 1] = 0;
    return resolve_unix(full, rl, lst, lst_ok);
}

/* resolve_components once the name is spelled the Linux way: `full` is
 * "root/tail" (malloc'd, given up), rl the length of root. */
static char *resolve_unix(char *full, size_t rl, struct stat *lst, int *lst_ok)
{
    char *tail = full + rl + 1;
    /* Fast path: the exact name exists, or at least its directory does
     * (then only the last component may need its case fixed). */
    struct stat st;
    if (!*tail || stat_near(full, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (*tail && lst) {
            *lst = st;
            *lst_ok = 1;
        }
        return full;
    }
    char *slash = strrchr(full, '/');
    if (slash) {
        *slash = 0;
        const char *dir = slash == full ? "/" : full;
        int dir_ok = stat_near(dir, &st, 0) == 0 && S_ISDIR(st.st_mode);
        char *fixed = dir_ok ? find_case_in(slash == full ? "" : full, &st, slash + 1)
                             : NULL;
        *slash = '/';
        if (dir_ok) {
            if (fixed) {
                free(full);
                return fixed;
            }
            return full;
        }
    }
    /* Slow path: walk from the root, fixing case per component. */
    tail = strdup(tail);
    full[rl] = 0;
    char *cur = full, *save = NULL; /* strtok_r: programs translate names in many threads */
    for (char *comp = strtok_r(tail, "/", &save); comp; comp = strtok_r(NULL, "/", &save)) {
        char *next;
        if (asprintf(&next, "%s/%s", cur, comp) < 0)
            break;
        if (lstat(next, &st) < 0) {
            char *fixed = path_find_case(cur, comp);
            if (fixed) {
                free(next);
                next = fixed;
            }
        }
        free(cur);
        cur = next;
    }
    free(tail);
    return cur;
}

/* The shape nearly every name a program passes has: printable ASCII
 * without <>:"|?*, components separated by one \\ or /, none of them
 * "." or ".." or ending in a period or space, no separator at either
 * end. Nothing in it to normalise or convert. Returns its length, or 0
 * for any other name; *last is where its last component starts. */
enum { SIMPLE_CHAR, SIMPLE_SEP, SIMPLE_END, SIMPLE_NOT };
static const unsigned char simple_class[128] = {
    [0] = SIMPLE_END, [1 ... 31] = SIMPLE_NOT, ['\\'] = SIMPLE_SEP, ['/'] = SIMPLE_SEP,
    ['<'] = SIMPLE_NOT, ['>'] = SIMPLE_NOT, [':'] = SIMPLE_NOT, ['"'] = SIMPLE_NOT,
    ['|'] = SIMPLE_NOT, ['?'] = SIMPLE_NOT, ['*'] = SIMPLE_NOT, [127] = SIMPLE_NOT,
};

static size_t simple_name(const WCHAR *name, const WCHAR **last)
{
    size_t i = 0, seg = 0;
    for (;; i++) {
        WCHAR c = name[i];
        if (c >= 128)
            return 0;
        unsigned k = simple_class[c];
        if (k == SIMPLE_CHAR)
            continue;
        if (k == SIMPLE_NOT || i == seg || name[i - 1] == '.' || name[i - 1] == ' ')
            return 0;
        if (k == SIMPLE_END)
            break;
        seg = i + 1;
    }
    *last = name + seg;
    return i;
}

/* path_dos_to_unix_lstat for a simple name (simple_name), relative to the
 * current directory or after a drive ("X:\\"): the Linux name is the
 * directory's or the drive root's, a slash and the name with slashes.
 * NULL for any other name: the general translation takes it. */
static char *simple_to_unix(const WCHAR *name, struct stat *lst, int *lst_ok)
{
    const WCHAR *last;
    int absolute = is_letter(name[0]) && name[1] == ':' && is_sep(name[2]);
    const WCHAR *rest = absolute ? name + 3 : name;
    size_t n = simple_name(rest, &last);
    if (!n || device_of(last) != DEV_NONE)
        return NULL;
    char *owned = NULL, *full;
    size_t rl;
    if (absolute) {
        const char *root = drive_root(name[0], &owned);
        if (!root)
            return NULL;
        rl = strlen(root);
        full = malloc(rl + 1 + n + 1);
        if (full)
            memcpy(full, root, rl);
        free(owned);
    } else {
        /* the directory decant keeps the process in: copied between two
         * reads of its sequence count, so not while it changes */
        unsigned seq = __atomic_load_n(&cwd_seq, __ATOMIC_ACQUIRE);
        rl = cwd_unix_len;
        if ((seq & 1) || !rl)
            return NULL;
        full = malloc(rl + 1 + n + 1);
        if (full)
            memcpy(full, cwd_unix, rl);
        if (full && __atomic_load_n(&cwd_seq, __ATOMIC_ACQUIRE) != seq) {
            free(full);
            return NULL;
        }
    }
    if (!full)
        return NULL;
    full[rl] = '/';
    char *tail = full + rl + 1;
    for (size_t i = 0; i < n; i++) /* ASCII: narrowing is the conversion */
        tail[i] = rest[i] == '\\' ? '/' : (char)rest[i];
    tail[n] = 0;
    return resolve_unix(full, rl, lst, lst_ok);
}

char *path_dos_to_unix(const WCHAR *name, enum path_device *device,
                       NTSTATUS *status)
{
    return path_dos_to_unix_lstat(name, device, status, NULL, NULL);
}

char *path_dos_to_unix_lstat(const WCHAR *name, enum path_device *device,
                             NTSTATUS *status, struct stat *lst, int *lst_ok)
{
    if (lst_ok)
        *lst_ok = 0;
    *device = DEV_NONE;
    *status = STATUS_SUCCESS;
    if (!name || !*name) {
        *status = STATUS_OBJECT_NAME_NOT_FOUND;
        return NULL;
    }
    char *simple = simple_to_unix(name, lst, lst_ok);
    if (simple)
        return simple;
    enum path_device dev;
    WCHAR *full = full_dos(name, &dev);
    const WCHAR *p = full;
    if (p[0] == '\\' && p[1] == '\\' && (p[2] == '?' || p[2] == '.') &&
        p[3] == '\\') {
        if (p[2] == '.') {
            *device = device_name(p + 4);
            if (*device) {
                free(full);
                return NULL;
            }
        }
        p += 4;
        if (!wstr_nicmp(p, u"UNC\\", 4)) {
            free(full);
            *status = STATUS_OBJECT_PATH_NOT_FOUND;
            return NULL;
        }
    } else if ((*device = dev) != DEV_NONE) {
        free(full);
        return NULL;
    }
    if (!(is_letter(p[0]) && p[1] == ':')) {
        free(full);
        *status = STATUS_OBJECT_PATH_NOT_FOUND; /* UNC shares: none here */
        return NULL;
    }
    /* characters no Win32 file name may contain */
    for (const WCHAR *s = p + 2; *s; s++)
        if (*s < 32 || *s == '<' || *s == '>' || *s == ':' || *s == '"' || *s == '|' ||
            *s == '?' || *s == '*') {
            free(full);
            *status = STATUS_OBJECT_NAME_INVALID;
            return NULL;
        }
    char *owned;
    const char *root = drive_root(p[0], &owned);
    if (!root) {
        free(full);
        *status = STATUS_OBJECT_PATH_NOT_FOUND;
        return NULL;
    }
    const WCHAR *rest = p + 2;
    while (is_sep(*rest))
        rest++;
    char *res;
    if (!*rest)
        res = strdup(*root ? root : "/");
    else
        res = resolve_components(root, rest, lst, lst_ok);
    free(owned);
    free(full);
    return res;
}

char *path_dos_to_unix_utf8(const char *name)
{
    WCHAR *w = utf8_to_wstr_alloc(name);
    enum path_device dev;
    NTSTATUS st;
    char *r = path_dos_to_unix(w, &dev, &st);
    free(w);
    return r;
}

WCHAR *path_unix_to_dos(const char *unix_path)
{
    char *abs = NULL;
    if (unix_path[0] != '/') {
        char buf[4096];
        if (!getcwd(buf, sizeof buf))
            strcpy(buf, "/");
        if (asprintf(&abs, "%s/%s", strcmp(buf, "/") ? buf : "", unix_path) < 0)
            return NULL;
    } else {
        abs = strdup(unix_path);
    }
    const char *c = drive_c_path();
    char *dos;
    size_t cl = c ? strlen(c) : 0;
    if (c && !strncmp(abs, c, cl) && (abs[cl] == '/' || !abs[cl])) {
        if (asprintf(&dos, "C:%s", abs[cl] ? abs + cl : "/") < 0)
            dos = NULL;
    } else {
        if (asprintf(&dos, "Z:%s", abs) < 0)
            dos = NULL;
    }
    free(abs);
    if (!dos)
        return NULL;
    for (char *s = dos; *s; s++)
        if (*s == '/')
            *s = '\\';
    WCHAR *w = utf8_to_wstr_alloc(dos);
    free(dos);
    /* collapse "." and ".." the way Windows would show the path */
    normalise(w, 3, 1);
    if (!w[3] && w[2] != '\\') {
        w[2] = '\\';
        w[3] = 0;
    }
    return w;
}

NTSTATUS path_enoent_status(const char *unix_path)
{
    char *dir = strdup(unix_path);
    char *slash = strrchr(dir, '/');
    NTSTATUS st = STATUS_OBJECT_NAME_NOT_FOUND;
    if (slash && slash != dir) {
        *slash = 0;
        struct stat s;
        if (stat(dir, &s) < 0 || !S_ISDIR(s.st_mode))
            st = STATUS_OBJECT_PATH_NOT_FOUND;
    }
    free(dir);
    return st;
}

const WCHAR *path_get_cwd(void) { return cwd; }

NTSTATUS path_set_cwd(const WCHAR *dos)
{
    enum path_device dev;
    NTSTATUS st;
    char *u = path_dos_to_unix(dos, &dev, &st);
    if (!u)
        return st ? st : STATUS_OBJECT_PATH_NOT_FOUND;
    struct stat s;
    if (stat(u, &s) < 0) {
        st = errno == ENOENT ? STATUS_OBJECT_NAME_NOT_FOUND : errno_to_status(errno);
        if (errno == ENOENT)
            st = path_enoent_status(u);
        free(u);
        return st;
    }
    if (!S_ISDIR(s.st_mode)) {
        free(u);
        return STATUS_NOT_A_DIRECTORY;
    }
    WCHAR *full = path_full_dos(dos);
    size_t n = wstr_len(full);
    WCHAR *c = malloc((n + 2) * sizeof(WCHAR));
    memcpy(c, full, n * sizeof(WCHAR));
    if (!n || c[n - 1] != '\\')
        c[n++] = '\\';
    c[n] = 0;
    free(full);
    pthread_mutex_lock(&cwd_lock);
    if (chdir_locked(u) < 0) {
        st = errno_to_status(errno);
        pthread_mutex_unlock(&cwd_lock);
        free(u);
        free(c);
        return st;
    }
    WCHAR *old = cwd;
    cwd = c;
    pthread_mutex_unlock(&cwd_lock);
    free(u);
    free(old); /* FIXME: a reader in another thread may still hold it */
    return STATUS_SUCCESS;
}

void path_init_cwd(void)
{
    char buf[4096];
    if (!getcwd(buf, sizeof buf))
        strcpy(buf, "/");
    note_cwd_unix(buf); /* before any other thread runs */
    WCHAR *d = path_unix_to_dos(buf);
    size_t n = wstr_len(d);
    cwd = malloc((n + 2) * sizeof(WCHAR));
    memcpy(cwd, d, n * sizeof(WCHAR));
    if (!n || cwd[n - 1] != '\\')
        cwd[n++] = '\\';
    cwd[n] = 0;
    free(d);
}
