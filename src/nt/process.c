/* The PEB, the process parameters, the environment block and
 * KUSER_SHARED_DATA: built once at start, in the layouts programs read. */
#include <ctype.h>
#include <signal.h>
#include <strings.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define DEBUG_CHANNEL process
#include "debug.h"
#include "clock.h"
#include "file.h"
#include "heap.h"
#include "path.h"
#include "process.h"
#include "status.h"
#include "thread.h"
#include "wstr.h"

/* Online CPUs, read once: glibc reads /sys for each sysconf() call. */
static long cpu_count(void)
{
    static long n;
    if (!n)
        n = sysconf(_SC_NPROCESSORS_ONLN);
    return n;
}

static PEB *peb;
static int exit_fd = -1;
static pthread_mutex_t env_lock = PTHREAD_MUTEX_INITIALIZER;
extern char **environ;

PEB *nt_peb(void) { return peb; }
UINT process_acp(void) { return 65001; }

static void set_ustr(UNICODE_STRING *u, WCHAR *s)
{
    u->Buffer = s;
    u->Length = s ? wstr_len(s) * sizeof(WCHAR) : 0;
    u->MaximumLength = s ? u->Length + sizeof(WCHAR) : 0;
}

/* Windows quoting: an argument with no blanks or quotes goes as it is;
 * otherwise it is quoted, with backslashes doubled before a quote and at
 * the end, so CommandLineToArgvW and the CRTs give it back unchanged. */
WCHAR *process_build_cmdline(char *const *argv)
{
    size_t cap = 64, len = 0;
    char *s = malloc(cap);
    for (int i = 0; argv[i]; i++) {
        const char *a = argv[i];
        size_t need = strlen(a) * 2 + 4;
        if (len + need + 1 > cap) {
            cap = (len + need + 1) * 2;
            s = realloc(s, cap);
        }
        if (i)
            s[len++] = ' ';
        int quote = !*a || strpbrk(a, " \t\n\v\"");
        if (!quote) {
            memcpy(s + len, a, strlen(a));
            len += strlen(a);
            continue;
        }
        s[len++] = '"';
        for (const char *p = a;; p++) {
            size_t bs = 0;
            while (*p == '\\') {
                bs++;
                p++;
            }
            if (!*p) {
                for (size_t k = 0; k < bs * 2; k++)
                    s[len++] = '\\';
                break;
            }
            if (*p == '"') {
                for (size_t k = 0; k < bs * 2 + 1; k++)
                    s[len++] = '\\';
            } else {
                for (size_t k = 0; k < bs; k++)
                    s[len++] = '\\';
            }
            s[len++] = *p;
        }
        s[len++] = '"';
    }
    s[len] = 0;
    WCHAR *w = utf8_to_wstr_alloc(s);
    free(s);
    return w;
}

/* ---- environment ------------------------------------------------------ */

/* The block: "NAME=value\0...\0\0", kept sorted case-insensitively as
 * Windows keeps it. */
static WCHAR *env_block;
static size_t env_len; /* units, including the final NUL */

static size_t entry_len(const WCHAR *e) { return wstr_len(e) + 1; }

/* Name length of an entry; a leading '=' belongs to the name ("=C:=..."). */
static size_t name_len(const WCHAR *e)
{
    const WCHAR *p = e + 1;
    while (*p && *p != '=')
        p++;
    return p - e;
}

static int name_cmp(const WCHAR *entry, const WCHAR *name, size_t nlen)
{
    size_t elen = name_len(entry);
    size_t n = elen < nlen ? elen : nlen;
    int c = wstr_nicmp(entry, name, n);
    if (c)
        return c;
    return (int)elen - (int)nlen;
}

WCHAR *process_getenv_w(const WCHAR *name)
{
    size_t nlen = wstr_len(name);
    WCHAR *res = NULL;
    pthread_mutex_lock(&env_lock);
    for (WCHAR *e = env_block; e && *e; e += entry_len(e))
        if (!name_cmp(e, name, nlen)) {
            res = wstr_dup(e + nlen + 1);
            break;
        }
    pthread_mutex_unlock(&env_lock);
    return res;
}

/* value NULL removes the variable */
int process_setenv_w(const WCHAR *name, const WCHAR *value)
{
    size_t nlen = wstr_len(name);
    if (!nlen || memchr(name + 1, '=', 0) || (nlen > 1 && wstr_len(name) &&
                                             name[0] != '=' && 0))
        return -1;
    for (size_t i = 1; i < nlen; i++)
        if (name[i] == '=')
            return -1;
    size_t vlen = value ? wstr_len(value) : 0;
    pthread_mutex_lock(&env_lock);
    WCHAR *e = env_block, *pos = NULL;
    while (*e) {
        int c = name_cmp(e, name, nlen);
        if (c >= 0) {
            pos = e;
            break;
        }
        e += entry_len(e);
    }
    if (!pos)
        pos = e;
    size_t off = pos - env_block;
    size_t old = (*pos && !name_cmp(pos, name, nlen)) ? entry_len(pos) : 0;
    size_t add = value ? nlen + 1 + vlen + 1 : 0;
    WCHAR *nb = malloc((env_len - old + add) * sizeof(WCHAR));
    memcpy(nb, env_block, off * sizeof(WCHAR));
    if (value) {
        memcpy(nb + off, name, nlen * sizeof(WCHAR));
        nb[off + nlen] = '=';
        memcpy(nb + off + nlen + 1, value, vlen * sizeof(WCHAR));
        nb[off + nlen + 1 + vlen] = 0;
    }
    memcpy(nb + off + add, env_block + off + old,
           (env_len - off - old) * sizeof(WCHAR));
    /* The old block stays allocated: GetEnvironmentStrings copies, but a
     * program may still hold a pointer from the PEB. */
    env_block = nb;
    env_len = env_len - old + add;
    if (peb && peb->ProcessParameters) {
        peb->ProcessParameters->Environment = env_block;
        peb->ProcessParameters->EnvironmentSize = env_len * sizeof(WCHAR);
    }
    pthread_mutex_unlock(&env_lock);
    return 0;
}

WCHAR *process_env_copy(size_t *units)
{
    pthread_mutex_lock(&env_lock);
    WCHAR *c = malloc(env_len * sizeof(WCHAR));
    memcpy(c, env_block, env_len * sizeof(WCHAR));
    if (units)
        *units = env_len;
    pthread_mutex_unlock(&env_lock);
    return c;
}

/* Start-up builds the block in one pass (entries collected, defaults
 * added where missing, one sort), not by repeated insertion. */
struct env_builder {
    char **entries; /* "NAME=value", UTF-8 */
    size_t n, cap;
};

static void env_add(struct env_builder *b, char *entry)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 128;
        b->entries = realloc(b->entries, b->cap * sizeof *b->entries);
    }
    b->entries[b->n++] = entry;
}

/* Windows keeps the block sorted by name, case-insensitively. */
static int env_cmp(const void *x, const void *y)
{
    const char *a = *(char *const *)x, *c = *(char *const *)y;
    for (;; a++, c++) {
        int ca = *a == '=' ? 0 : (unsigned char)*a, cc = *c == '=' ? 0 : (unsigned char)*c;
        ca -= ca >= 'a' && ca <= 'z' ? 32 : 0;
        cc -= cc >= 'a' && cc <= 'z' ? 32 : 0;
        if (ca != cc || !ca)
            return ca - cc;
    }
}

/* Defaults are looked up in the sorted Linux entries (the first `sorted`
 * of them) and appended when missing. */
static void setenv_default(struct env_builder *b, size_t sorted, const char *name,
                           const char *value)
{
    char key[64];
    snprintf(key, sizeof key, "%s=", name);
    const char *k = key;
    if (bsearch(&k, b->entries, sorted, sizeof *b->entries, env_cmp))
        return;
    char *e;
    if (asprintf(&e, "%s=%s", name, value) >= 0)
        env_add(b, e);
}

static char *unix_list_to_dos(const char *list)
{
    size_t cap = strlen(list) * 2 + 64;
    char *out = calloc(1, cap);
    char *copy = strdup(list);
    char *save = NULL;
    for (char *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save)) {
        if (*tok != '/')
            continue;
        WCHAR *w = path_unix_to_dos(tok);
        char *d = wstr_to_utf8_alloc(w);
        free(w);
        if (strlen(out) + strlen(d) + 2 > cap) {
            cap = (strlen(out) + strlen(d) + 2) * 2;
            out = realloc(out, cap);
        }
        if (*out)
            strcat(out, ";");
        strcat(out, d);
        free(d);
    }
    free(copy);
    return out;
}

static void env_init(void)
{
    struct env_builder b = {0};
    for (char **e = environ; *e; e++) {
        char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        if (eq - *e == 4 && !strncmp(*e, "PATH", 4) && !strchr(eq + 1, ';') &&
            !(eq[1] && eq[2] == ':')) {
            /* a Linux PATH; a PE parent already hands down a Windows one */
            char *dos = unix_list_to_dos(eq + 1), *full;
            if (asprintf(&full, "PATH=C:\\windows\\system32;C:\\windows%s%s",
                         *dos ? ";" : "", dos) >= 0)
                env_add(&b, full);
            free(dos);
        } else {
            env_add(&b, strdup(*e));
        }
    }
    qsort(b.entries, b.n, sizeof *b.entries, env_cmp);
    size_t sorted = b.n;
    const char *tmp = getenv("TMPDIR");
    WCHAR *wtmp = path_unix_to_dos(tmp && *tmp == '/' ? tmp : "/tmp");
    char *dtmp = wstr_to_utf8_alloc(wtmp);
    free(wtmp);
    setenv_default(&b, sorted, "TEMP", dtmp);
    setenv_default(&b, sorted, "TMP", dtmp);
    free(dtmp);
    const char *user = process_user_name();
    char buf[512], host[256] = "DECANT";
    gethostname(host, sizeof host);
    host[sizeof host - 1] = 0;
    for (char *p = host; *p; p++) {
        *p = toupper((unsigned char)*p);
        if (*p == '.') {
            *p = 0;
            break;
        }
    }
    setenv_default(&b, sorted, "ALLUSERSPROFILE", "C:\\ProgramData");
    snprintf(buf, sizeof buf, "C:\\users\\%s\\AppData\\Roaming", user);
    setenv_default(&b, sorted, "APPDATA", buf);
    setenv_default(&b, sorted, "CommonProgramFiles", "C:\\Program Files\\Common Files");
    setenv_default(&b, sorted, "COMPUTERNAME", host);
    setenv_default(&b, sorted, "ComSpec", "C:\\windows\\system32\\cmd.exe");
    setenv_default(&b, sorted, "HOMEDRIVE", "C:");
    snprintf(buf, sizeof buf, "\\users\\%s", user);
    setenv_default(&b, sorted, "HOMEPATH", buf);
    snprintf(buf, sizeof buf, "C:\\users\\%s\\AppData\\Local", user);
    setenv_default(&b, sorted, "LOCALAPPDATA", buf);
    snprintf(buf, sizeof buf, "%ld", cpu_count());
    setenv_default(&b, sorted, "NUMBER_OF_PROCESSORS", buf);
    setenv_default(&b, sorted, "OS", "Windows_NT");
    setenv_default(&b, sorted, "PATH", "C:\\windows\\system32;C:\\windows");
    setenv_default(&b, sorted, "PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.JS");
    setenv_default(&b, sorted, "PROCESSOR_ARCHITECTURE", "AMD64");
    setenv_default(&b, sorted, "ProgramData", "C:\\ProgramData");
    setenv_default(&b, sorted, "ProgramFiles", "C:\\Program Files");
    setenv_default(&b, sorted, "ProgramW6432", "C:\\Program Files");
    setenv_default(&b, sorted, "PUBLIC", "C:\\users\\Public");
    setenv_default(&b, sorted, "SystemDrive", "C:");
    setenv_default(&b, sorted, "SystemRoot", "C:\\windows");
    setenv_default(&b, sorted, "USERNAME", user);
    snprintf(buf, sizeof buf, "C:\\users\\%s", user);
    setenv_default(&b, sorted, "USERPROFILE", buf);
    setenv_default(&b, sorted, "windir", "C:\\windows");

    qsort(b.entries, b.n, sizeof *b.entries, env_cmp);
    size_t bytes = 1;
    for (size_t i = 0; i < b.n; i++)
        bytes += strlen(b.entries[i]) + 1;
    /* UTF-16 never needs more units than UTF-8 has bytes */
    env_block = malloc(bytes * sizeof(WCHAR));
    WCHAR *w = env_block;
    for (size_t i = 0; i < b.n; i++) {
        w += utf8_to_wstr(b.entries[i], -1, w, bytes - (w - env_block));
        free(b.entries[i]);
    }
    *w++ = 0;
    env_len = w - env_block;
    free(b.entries);
}

char **process_environ_utf8(void)
{
    pthread_mutex_lock(&env_lock);
    size_t n = 0;
    for (WCHAR *e = env_block; *e; e += entry_len(e))
        n++;
    char **envp = calloc(n + 1, sizeof *envp);
    size_t i = 0;
    for (WCHAR *e = env_block; *e; e += entry_len(e))
        if (*e != '=')
            envp[i++] = wstr_to_utf8_alloc(e);
    pthread_mutex_unlock(&env_lock);
    return envp;
}

/* ---- KUSER_SHARED_DATA ------------------------------------------------- */

/* The clocks in KUSER_SHARED_DATA move: Go's nanotime and walltime read
 * InterruptTime and SystemTime straight from the page, so a thread
 * updates them every millisecond through a writable alias of the
 * read-only page programs see. Until that thread starts, the page is a
 * private one: a program that never has a second thread makes no shared
 * memory for it. */
static int kuser_mapped;
static uint8_t *kuser_rw;

static void ksystem_time_store(uint8_t *p, uint64_t v)
{
    /* KSYSTEM_TIME: High2Time, LowPart, High1Time, in that order */
    __atomic_store_n((uint32_t *)(p + 8), (uint32_t)(v >> 32), __ATOMIC_RELEASE);
    __atomic_store_n((uint32_t *)(p + 0), (uint32_t)v, __ATOMIC_RELEASE);
    __atomic_store_n((uint32_t *)(p + 4), (uint32_t)(v >> 32), __ATOMIC_RELEASE);
}

static void kuser_update(uint8_t *page)
{
    uint64_t systime = (uint64_t)clock_system_time();
    uint64_t itime = (uint64_t)clock_ticks(CLOCK_MONOTONIC);
    ksystem_time_store(page + 0x008, itime);
    ksystem_time_store(page + 0x014, systime);
    ksystem_time_store(page + 0x320, itime / 10000);
}

static void *kuser_thread(void *arg)
{
    struct timespec ts = {0, 1000000};
    for (;;) {
        nanosleep(&ts, NULL);
        kuser_update(kuser_rw);
    }
    return NULL;
}

/* The page moves to shared memory with a writable alias: mapped over the
 * private page in one step (MAP_FIXED replaces it under the address
 * space's lock), so a program reading it never finds it missing. */
static void kuser_clock_start_once(void)
{
    if (!kuser_mapped)
        return;
    int mfd = memfd_create("kuser_shared_data", MFD_CLOEXEC);
    uint8_t *rw = mfd < 0 || ftruncate(mfd, 0x1000) < 0
                      ? MAP_FAILED
                      : mmap(NULL, 0x1000, PROT_READ | PROT_WRITE, MAP_SHARED, mfd, 0);
    if (rw != MAP_FAILED) {
        memcpy(rw, (void *)KUSER_SHARED_DATA_ADDR, 0x1000);
        kuser_update(rw);
        if (mmap((void *)KUSER_SHARED_DATA_ADDR, 0x1000, PROT_READ, MAP_SHARED | MAP_FIXED,
                 mfd, 0) == MAP_FAILED) {
            munmap(rw, 0x1000);
            rw = MAP_FAILED;
        }
    }
    if (mfd >= 0)
        close(mfd);
    if (rw == MAP_FAILED) {
        WARN("cannot share KUSER_SHARED_DATA: its clocks stand still");
        return;
    }
    kuser_rw = rw;
    thread_start_helper(kuser_thread, NULL, 64 * 1024);
}

static void kuser_shared_data_init(void)
{
    uint8_t *k = mmap((void *)KUSER_SHARED_DATA_ADDR, 0x1000, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (k != (uint8_t *)KUSER_SHARED_DATA_ADDR) {
        if (k != MAP_FAILED)
            munmap(k, 0x1000);
        WARN("cannot map KUSER_SHARED_DATA");
        return;
    }
    *(uint32_t *)(k + 0x004) = 0x0fa00000;            /* TickCountMultiplier */
    *(uint16_t *)(k + 0x02c) = 0x8664;                /* ImageNumberLow */
    *(uint16_t *)(k + 0x02e) = 0x8664;                /* ImageNumberHigh */
    utf8_to_wstr("C:\\windows", -1, (WCHAR *)(k + 0x030), 260);
    *(uint32_t *)(k + 0x260) = 19045;                 /* NtBuildNumber */
    *(uint32_t *)(k + 0x264) = 1;                     /* NtProductType: WinNt */
    *(uint8_t *)(k + 0x268) = 1;                      /* ProductTypeIsValid */
    *(uint32_t *)(k + 0x26c) = 10;                    /* NtMajorVersion */
    *(uint32_t *)(k + 0x270) = 0;                     /* NtMinorVersion */
    *(uint8_t *)(k + 0x274 + 6) = 1;   /* PF_XMMI_INSTRUCTIONS_AVAILABLE */
    *(uint8_t *)(k + 0x274 + 10) = 1;  /* PF_XMMI64_INSTRUCTIONS_AVAILABLE */
    *(uint8_t *)(k + 0x274 + 13) = 1;  /* PF_SSE3_INSTRUCTIONS_AVAILABLE */
    *(uint8_t *)(k + 0x274 + 8) = 1;   /* PF_RDTSC_INSTRUCTION_AVAILABLE */
    *(uint32_t *)(k + 0x2e8) = sysconf(_SC_PHYS_PAGES); /* NumberOfPhysicalPages */
    *(uint32_t *)(k + 0x3c0) = cpu_count(); /* ActiveProcessorCount */
    kuser_update(k);
    mprotect(k, 0x1000, PROT_READ);
    kuser_mapped = 1;
}

/* The clock thread starts with the program's second thread: the programs
 * that read the page's clocks directly (Go's runtime) are multi-threaded,
 * and a one-threaded tool should not pay for a thread at start-up. */
void kuser_start_clock(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, kuser_clock_start_once);
}

/* ---- start and end ------------------------------------------------------ */

const char *process_user_name(void)
{
    const char *user = getenv("USER");
    return user && *user ? user : "user";
}

void process_init(const struct process_start *s)
{
    exit_fd = s->exit_fd;
    peb = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
               -1, 0);
    PEB_LDR_DATA *ldr = calloc(1, sizeof *ldr);
    ldr->Length = sizeof *ldr;
    ldr->Initialized = TRUE;
    LIST_ENTRY *heads[] = {&ldr->InLoadOrderModuleList,
                           &ldr->InMemoryOrderModuleList,
                           &ldr->InInitializationOrderModuleList};
    for (int i = 0; i < 3; i++)
        heads[i]->Flink = heads[i]->Blink = heads[i];
    peb->Ldr = ldr;
    peb->ProcessHeap = heap_process();
    peb->NumberOfProcessors = cpu_count();
    peb->OSMajorVersion = 10;
    peb->OSMinorVersion = 0;
    peb->OSBuildNumber = 19045;
    peb->OSPlatformId = 2;
    peb->ImageSubsystem = 3;
    peb->ImageSubsystemMajorVersion = 6;
    peb->NumberOfHeaps = 1;
    peb->MaximumNumberOfHeaps = 16;
    static PVOID heap_array[16];
    heap_array[0] = heap_process();
    peb->ProcessHeaps = heap_array;
    peb->SessionId = 1;

    path_init_cwd();
    env_init();
    RTL_USER_PROCESS_PARAMETERS *pp = calloc(1, sizeof *pp);
    pp->MaximumLength = pp->Length = sizeof *pp;
    pp->Flags = 1; /* PROCESS_PARAMS_FLAG_NORMALIZED */
    WCHAR *cmdline = s->cmdline ? utf8_to_wstr_alloc(s->cmdline)
                                : process_build_cmdline(s->argv);
    set_ustr(&pp->CommandLine, cmdline);
    WCHAR *image = path_unix_to_dos(s->exe_unix_path);
    set_ustr(&pp->ImagePathName, image);
    set_ustr(&pp->WindowTitle, image);
    size_t cwdlen = wstr_len(path_get_cwd());
    WCHAR *cwd = malloc(520 * sizeof(WCHAR));
    memcpy(cwd, path_get_cwd(), (cwdlen + 1) * sizeof(WCHAR));
    pp->CurrentDirectory.DosPath.Buffer = cwd;
    pp->CurrentDirectory.DosPath.Length = cwdlen * sizeof(WCHAR);
    pp->CurrentDirectory.DosPath.MaximumLength = 520 * sizeof(WCHAR);
    pp->Environment = env_block;
    pp->EnvironmentSize = env_len * sizeof(WCHAR);
    peb->ProcessParameters = pp;
    file_init_std_handles(&pp->StandardInput, &pp->StandardOutput,
                          &pp->StandardError);
    kuser_shared_data_init();
}

static void (*exit_hook)(void);

void process_at_exit(void (*fn)(void)) { exit_hook = fn; }

BOOL process_kill(struct process *p, DWORD code)
{
    pthread_mutex_lock(&sync_lock);
    int done = p->exited;
    if (!done) {
        p->exit_code = code;
        p->exited = 1; /* the reaper keeps this code */
        sync_wake_locked(&p->obj);
    }
    sync_unlock();
    if (!done)
        kill(p->pid, SIGKILL);
    return !done;
}

void process_terminate(DWORD code)
{
    if (exit_hook)
        exit_hook();
    if (exit_fd >= 0) {
        ssize_t r = write(exit_fd, &code, sizeof code);
        (void)r;
    }
    syscall(SYS_exit_group, (int)code);
    __builtin_unreachable();
}
