/* CreateProcess and process objects. A PE child runs under decant again
 * (/proc/self/exe) with the exact command line and a pipe that carries its
 * full 32-bit exit code back; an ELF child runs directly. A reaper thread
 * per child waits for it and signals the process object. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEBUG_CHANNEL process
#include "debug.h"
#include "file.h"
#include "kernel32_private.h"
#include "ntapi.h"
#include "object.h"
#include "path.h"
#include "thread.h"

#define CREATE_UNICODE_ENVIRONMENT 0x400
#define EXTENDED_STARTUPINFO_PRESENT 0x80000

typedef struct {
    STARTUPINFOW StartupInfo;
    void *lpAttributeList;
} STARTUPINFOEXW;

static void process_destroy(struct object *o)
{
    struct process *p = (struct process *)o;
    if (p->job)
        object_put(p->job);
    if (p->exit_pipe >= 0)
        close(p->exit_pipe);
    free(p);
}

static int process_signaled(struct object *o, struct thread *t)
{
    return ((struct process *)o)->exited;
}

static int process_acquire(struct object *o, struct thread *t) { return 0; }

static const struct object_ops process_ops = {process_destroy, process_signaled,
                                              process_acquire};

/* Windows reports a crash as its exception code; map the signals that
 * kill a Linux child the same way. */
static DWORD code_from_status(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    switch (WTERMSIG(status)) {
    case SIGSEGV:
    case SIGBUS: return 0xc0000005;
    case SIGILL: return 0xc000001d;
    case SIGFPE: return 0xc0000094;
    case SIGINT: return 0xc000013a; /* STATUS_CONTROL_C_EXIT */
    default: return 128 + WTERMSIG(status);
    }
}

static void *reaper(void *arg)
{
    struct process *p = arg;
    int status;
    while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
        ;
    DWORD code = code_from_status(status);
    if (p->exit_pipe >= 0) {
        DWORD full;
        if (read(p->exit_pipe, &full, sizeof full) == sizeof full)
            code = full;
    }
    pthread_mutex_lock(&sync_lock);
    if (!p->exited) {
        p->exit_code = code;
        p->exited = 1;
    }
    sync_wake_locked(&p->obj);
    sync_unlock();
    object_put(&p->obj);
    return NULL;
}

static int is_space(WCHAR c) { return c == ' ' || c == '\t'; }

/* The program token of a command line: quoted, or up to the first blank. */
static WCHAR *first_token(const WCHAR *cmd)
{
    while (is_space(*cmd))
        cmd++;
    const WCHAR *start = cmd, *end;
    if (*cmd == '"') {
        start = ++cmd;
        while (*cmd && *cmd != '"')
            cmd++;
        end = cmd;
    } else {
        while (*cmd && !is_space(*cmd))
            cmd++;
        end = cmd;
    }
    WCHAR *t = malloc((end - start + 1) * sizeof(WCHAR));
    memcpy(t, start, (end - start) * sizeof(WCHAR));
    t[end - start] = 0;
    return t;
}

static int wcs_has_dot(const WCHAR *s)
{
    for (; *s; s++)
        if (*s == '.')
            return 1;
    return 0;
}

static int is_file(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static char *try_name(const WCHAR *dir, const WCHAR *name, int add_exe)
{
    size_t dl = dir ? wstr_len(dir) : 0, nl = wstr_len(name);
    WCHAR *full = malloc((dl + nl + 8) * sizeof(WCHAR));
    size_t k = 0;
    if (dl) {
        memcpy(full, dir, dl * sizeof(WCHAR));
        k = dl;
        if (full[k - 1] != '\\' && full[k - 1] != '/')
            full[k++] = '\\';
    }
    memcpy(full + k, name, nl * sizeof(WCHAR));
    k += nl;
    if (add_exe) {
        memcpy(full + k, u".exe", 4 * sizeof(WCHAR));
        k += 4;
    }
    full[k] = 0;
    enum path_device dev;
    NTSTATUS st;
    char *u = path_dos_to_unix(full, &dev, &st);
    free(full);
    if (is_file(u))
        return u;
    free(u);
    return NULL;
}

/* CreateProcess's search: the name as given (".exe" added when it has no
 * extension), in the parent's directory, the current directory, the
 * system directory, then PATH. */
static char *find_executable(const WCHAR *name, int search)
{
    const WCHAR *base = name;
    for (const WCHAR *s = name; *s; s++)
        if (*s == '\\' || *s == '/')
            base = s + 1;
    int add_exe = !wcs_has_dot(base);
    char *u;
    if ((u = try_name(NULL, name, 0)) || (add_exe && (u = try_name(NULL, name, 1))))
        return u;
    if (!search || base != name)
        return NULL;
    WCHAR *exe_dir = wstr_dup(nt_peb()->ProcessParameters->ImagePathName.Buffer);
    WCHAR *slash = exe_dir;
    for (WCHAR *s = exe_dir; *s; s++)
        if (*s == '\\')
            slash = s;
    *slash = 0;
    const WCHAR *dirs[] = {exe_dir, u"C:\\windows\\system32", u"C:\\windows"};
    for (int i = 0; i < 3; i++)
        if ((u = try_name(dirs[i], name, 0)) ||
            (add_exe && (u = try_name(dirs[i], name, 1)))) {
            free(exe_dir);
            return u;
        }
    free(exe_dir);
    WCHAR *path = process_getenv_w(u"PATH");
    for (WCHAR *tok = path, *next; tok && *tok; tok = next) {
        next = tok;
        while (*next && *next != ';')
            next++;
        if (*next)
            *next++ = 0;
        if (!*tok)
            continue;
        if ((u = try_name(tok, name, 0)) || (add_exe && (u = try_name(tok, name, 1))))
            break;
    }
    free(path);
    return u;
}

/* Windows argv rules (CommandLineToArgvW) for an ELF child. */
static char **split_cmdline(const WCHAR *cmd)
{
    char *s = wstr_to_utf8_alloc(cmd);
    size_t n = strlen(s), argc = 0;
    char **argv = calloc(n + 2, sizeof *argv);
    char *out = malloc(n + 1), *o = out;
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        argv[argc++] = o;
        int inq = 0;
        while (*p && (inq || (*p != ' ' && *p != '\t'))) {
            size_t bs = 0;
            while (*p == '\\') {
                bs++;
                p++;
            }
            if (*p == '"') {
                for (size_t i = 0; i < bs / 2; i++)
                    *o++ = '\\';
                if (bs % 2) {
                    *o++ = '"';
                    p++;
                } else if (inq && p[1] == '"') {
                    *o++ = '"';
                    p += 2;
                } else {
                    inq = !inq;
                    p++;
                }
            } else {
                for (size_t i = 0; i < bs; i++)
                    *o++ = '\\';
                if (*p && (inq || (*p != ' ' && *p != '\t')))
                    *o++ = *p++;
            }
        }
        *o++ = 0;
    }
    free(s);
    return argv;
}

static int fd_of(HANDLE h, int fallback)
{
    struct file *f = file_ref(h);
    if (!f)
        return fallback;
    int fd = f->fd;
    object_put(&f->obj);
    return fd;
}

static char **env_from_block(const void *block, int unicode)
{
    size_t n = 0;
    if (unicode) {
        for (const WCHAR *e = block; *e; e += wstr_len(e) + 1)
            n++;
    } else {
        for (const char *e = block; *e; e += strlen(e) + 1)
            n++;
    }
    char **envp = calloc(n + 1, sizeof *envp);
    size_t i = 0;
    if (unicode) {
        for (const WCHAR *e = block; *e; e += wstr_len(e) + 1)
            if (*e != '=')
                envp[i++] = wstr_to_utf8_alloc(e);
    } else {
        for (const char *e = block; *e; e += strlen(e) + 1)
            if (*e != '=')
                envp[i++] = strdup(e);
    }
    return envp;
}

/* A Windows PATH back to Linux form for an ELF child. */
static void unix_path_var(char **envp)
{
    for (char **e = envp; *e; e++) {
        if (strncasecmp(*e, "PATH=", 5))
            continue;
        char *list = strdup(*e + 5), *out = calloc(1, strlen(*e) * 2 + 16);
        strcpy(out, "PATH=");
        char *save = NULL;
        for (char *tok = strtok_r(list, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
            char *u = path_dos_to_unix_utf8(tok);
            if (!u || !strncmp(u, path_prefix(), strlen(path_prefix()))) {
                free(u);
                continue;
            }
            if (out[5])
                strcat(out, ":");
            strcat(out, u);
            free(u);
        }
        free(list);
        free(*e);
        *e = out;
    }
}

static int read_magic(const char *path, char *buf, size_t n)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t r = read(fd, buf, n);
    close(fd);
    return (int)r;
}

/* CreateProcessW (kernel32) */
BOOL WINAPI CreateProcessW(LPCWSTR app, LPWSTR cmdline, SECURITY_ATTRIBUTES *psa,
                           SECURITY_ATTRIBUTES *tsa, BOOL inherit, DWORD flags,
                           LPVOID env, LPCWSTR cwd, STARTUPINFOW *si,
                           PROCESS_INFORMATION *pi)
{
    if (!app && !cmdline) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!job_may_create(flags))
        return FALSE;
    WCHAR *name = app ? wstr_dup(app) : first_token(cmdline);
    char *exe = find_executable(name, !app);
    free(name);
    if (!exe) {
        set_last_error(ERROR_FILE_NOT_FOUND);
        return FALSE;
    }
    /* PROC_THREAD_ATTRIBUTE_HANDLE_LIST: only the listed handles are
     * inherited, and each must be inheritable (tests/programs/process/attrlist.c) */
    const HANDLE *only = NULL;
    size_t nonly = 0;
    if ((flags & EXTENDED_STARTUPINFO_PRESENT) && si && si->cb >= sizeof(STARTUPINFOEXW))
        only = proc_attr_handle_list(((STARTUPINFOEXW *)si)->lpAttributeList, &nonly);
    for (size_t i = 0; only && i < nonly; i++)
        if (!handle_get_inherit(only[i])) {
            free(exe);
            set_last_error(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
    const WCHAR *cmd = cmdline ? cmdline : app;
    char magic[4] = {0};
    int n = read_magic(exe, magic, 4);
    int is_pe = n >= 2 && magic[0] == 'M' && magic[1] == 'Z';
    int is_elf = n >= 4 && !memcmp(magic, "\x7f" "ELF", 4);
    if (!is_pe && !is_elf && !(n >= 2 && magic[0] == '#' && magic[1] == '!')) {
        free(exe);
        set_last_error(ERROR_BAD_EXE_FORMAT);
        return FALSE;
    }

    char **envp = env ? env_from_block(env, flags & CREATE_UNICODE_ENVIRONMENT)
                      : process_environ_utf8();
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    RTL_USER_PROCESS_PARAMETERS *pp = nt_peb()->ProcessParameters;
    HANDLE std[3] = {pp->StandardInput, pp->StandardOutput, pp->StandardError};
    if (si && (si->dwFlags & STARTF_USESTDHANDLES)) {
        std[0] = si->hStdInput;
        std[1] = si->hStdOutput;
        std[2] = si->hStdError;
    }
    /* dup the chosen fds above the std range first, then into place, so
     * that swapping (stdout <-> stderr) works */
    int tmpfds[3];
    for (int i = 0; i < 3; i++) {
        int fd = fd_of(std[i], -1);
        tmpfds[i] = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 10) : -1;
        if (tmpfds[i] >= 0)
            posix_spawn_file_actions_adddup2(&fa, tmpfds[i], i);
        else
            posix_spawn_file_actions_addopen(&fa, i, "/dev/null", O_RDWR, 0);
    }
    char *ucwd = NULL;
    if (cwd) {
        enum path_device dev;
        NTSTATUS st;
        ucwd = path_dos_to_unix(cwd, &dev, &st);
        if (!ucwd) {
            set_last_error(ERROR_DIRECTORY);
            goto fail;
        }
        posix_spawn_file_actions_addchdir_np(&fa, ucwd);
    }
    int pipefd[2] = {-1, -1};
    char **argv;
    char *cmd_opt = NULL, exit_opt[32], *inherit_opt = NULL;
    /* Inheritable file handles: their fds go to the child from fd 100 on,
     * and a PE child recreates them under the same handle values. */
    HANDLE inh[64];
    struct object *inh_objs[64];
    size_t ninh = inherit ? handle_inheritable(OBJ_FILE, inh, inh_objs, 64) : 0;
    int inh_fds[64], ninh_fds = 0;
    if (ninh) {
        size_t cap = 32 + ninh * 24;
        inherit_opt = malloc(cap);
        strcpy(inherit_opt, "--inherit=");
        for (size_t i = 0; i < ninh; i++) {
            struct file *f = (struct file *)inh_objs[i];
            int listed = !only;
            for (size_t k = 0; !listed && k < nonly; k++)
                listed = ((uintptr_t)only[k] & ~(uintptr_t)3) == (uintptr_t)inh[i];
            if (listed && inh[i] != pp->StandardInput && inh[i] != pp->StandardOutput &&
                inh[i] != pp->StandardError && f->fd >= 0) {
                int tmp = fcntl(f->fd, F_DUPFD_CLOEXEC, 10);
                if (tmp >= 0) {
                    inh_fds[ninh_fds] = tmp;
                    posix_spawn_file_actions_adddup2(&fa, tmp, 100 + ninh_fds);
                    char item[32];
                    snprintf(item, sizeof item, "%s%lx:%d", ninh_fds ? "," : "",
                             (unsigned long)(uintptr_t)inh[i], 100 + ninh_fds);
                    strcat(inherit_opt, item);
                    ninh_fds++;
                }
            }
            object_put(inh_objs[i]);
        }
        if (!ninh_fds) {
            free(inherit_opt);
            inherit_opt = NULL;
        }
    }
    if (is_pe) {
        if (pipe2(pipefd, O_CLOEXEC) == 0) {
            int w = fcntl(pipefd[1], F_DUPFD_CLOEXEC, 10);
            close(pipefd[1]);
            pipefd[1] = w;
            posix_spawn_file_actions_adddup2(&fa, pipefd[1], 3);
        }
        char *c8 = wstr_to_utf8_alloc(cmd);
        if (asprintf(&cmd_opt, "--cmdline=%s", c8) < 0)
            cmd_opt = NULL;
        free(c8);
        snprintf(exit_opt, sizeof exit_opt, "--exit-fd=%d", pipefd[1] >= 0 ? 3 : -1);
        argv = calloc(7, sizeof *argv);
        int k = 0;
        argv[k++] = "decant";
        argv[k++] = cmd_opt;
        argv[k++] = exit_opt;
        if (inherit_opt)
            argv[k++] = inherit_opt;
        argv[k++] = "--";
        argv[k++] = exe;
    } else {
        argv = split_cmdline(cmd);
        if (!argv[0])
            argv[0] = exe;
        unix_path_var(envp);
    }
    pid_t pid;
    int err = posix_spawn(&pid, is_pe ? "/proc/self/exe" : exe, &fa, NULL, argv, envp);
    if (!is_pe)
        free(argv[0] == exe ? NULL : argv[0]); /* one block of strings */
    free(argv);
    free(cmd_opt);
    free(inherit_opt);
    for (int i = 0; i < ninh_fds; i++)
        close(inh_fds[i]);
    if (pipefd[1] >= 0)
        close(pipefd[1]);
    if (err) {
        if (pipefd[0] >= 0)
            close(pipefd[0]);
        set_ntstatus(errno_to_status(err));
        goto fail;
    }
    struct process *p = calloc(1, sizeof *p);
    object_init(&p->obj, OBJ_PROCESS, &process_ops);
    p->pid = pid;
    p->exit_pipe = pipefd[0];
    p->exit_code = STILL_ACTIVE;
    job_adopt_child(p, flags);
    object_ref(&p->obj); /* the reaper's */
    thread_start_helper(reaper, p, 64 * 1024);
    
    pi->hProcess = handle_alloc(&p->obj, psa && psa->bInheritHandle);
    pi->hThread = handle_alloc(&p->obj, tsa && tsa->bInheritHandle);
    pi->dwProcessId = pi->dwThreadId = pid;
    object_put(&p->obj);
    TRACE("started %s as %d", exe, pid);
    for (int i = 0; i < 3; i++)
        if (tmpfds[i] >= 0)
            close(tmpfds[i]);
    posix_spawn_file_actions_destroy(&fa);
    for (char **e = envp; *e; e++)
        free(*e);
    free(envp);
    free(ucwd);
    free(exe);
    return TRUE;
fail:
    for (int i = 0; i < 3; i++)
        if (tmpfds[i] >= 0)
            close(tmpfds[i]);
    posix_spawn_file_actions_destroy(&fa);
    for (char **e = envp; *e; e++)
        free(*e);
    free(envp);
    free(ucwd);
    free(exe);
    return FALSE;
}

/* CreateProcessA (kernel32) */
BOOL WINAPI CreateProcessA(LPCSTR app, LPSTR cmdline, SECURITY_ATTRIBUTES *psa,
                           SECURITY_ATTRIBUTES *tsa, BOOL inherit, DWORD flags,
                           LPVOID env, LPCSTR cwd, STARTUPINFOA *si,
                           PROCESS_INFORMATION *pi)
{
    WCHAR *wapp = a_to_w(app), *wcmd = a_to_w(cmdline), *wcwd = a_to_w(cwd);
    STARTUPINFOW siw;
    memset(&siw, 0, sizeof siw);
    if (si) {
        siw.cb = sizeof siw;
        siw.dwFlags = si->dwFlags;
        siw.wShowWindow = si->wShowWindow;
        siw.hStdInput = si->hStdInput;
        siw.hStdOutput = si->hStdOutput;
        siw.hStdError = si->hStdError;
    }
    BOOL r = CreateProcessW(wapp, wcmd, psa, tsa, inherit,
                            flags & ~CREATE_UNICODE_ENVIRONMENT, env, wcwd,
                            si ? &siw : NULL, pi);
    free(wapp);
    free(wcmd);
    free(wcwd);
    return r;
}

/* GetExitCodeProcess (kernel32) */
BOOL WINAPI GetExitCodeProcess(HANDLE h, LPDWORD code)
{
    PROCESS_BASIC_INFORMATION pbi;
    NTSTATUS st = NtQueryInformationProcess(h, ProcessBasicInformation, &pbi, sizeof pbi, NULL);
    if (!st)
        *code = pbi.ExitStatus;
    return set_ntstatus(st);
}

/* TerminateProcess (kernel32): NtTerminateProcess, save that a NULL
 * handle is no handle here (NtTerminateProcess would end the other
 * threads). */
BOOL WINAPI TerminateProcess(HANDLE h, UINT code)
{
    if (!h)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    return set_ntstatus(NtTerminateProcess(h, code));
}

/* GetProcessId (kernel32) */
DWORD WINAPI GetProcessId(HANDLE h)
{
    PROCESS_BASIC_INFORMATION pbi;
    NTSTATUS st = NtQueryInformationProcess(h, ProcessBasicInformation, &pbi, sizeof pbi, NULL);
    return set_ntstatus(st) ? (DWORD)pbi.UniqueProcessId : 0;
}

/* OpenProcess (kernel32): this process only, for now. */
HANDLE WINAPI OpenProcess(DWORD access, BOOL inherit, DWORD pid)
{
    if (pid == (DWORD)getpid())
        return handle_alloc(process_self_object(), inherit);
    FIXME("OpenProcess of another process (%u)", pid);
    set_last_error(ERROR_INVALID_PARAMETER);
    return NULL;
}
