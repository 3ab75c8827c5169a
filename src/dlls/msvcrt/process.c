/* Child processes: system, the _spawn/_exec families and _cwait, over
 * CreateProcessW. As in msvcrt, _spawn joins the arguments with single
 * spaces and quotes nothing (callers quote), a name without extension is
 * tried with .com/.exe/.bat/.cmd, and the p forms search PATH.
 *
 * system() runs "%ComSpec% /c command" when a command interpreter exists.
 * decant has none by default, so otherwise the command line is started
 * directly: right for the plain program invocations programs use it for
 * ("tool.exe args"); shell syntax (pipes, redirections, built-ins) then
 * does not work, which a FIXME says. system(NULL) reports an interpreter
 * because commands can be run either way. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"
#include "wstr.h"

#define P_WAIT 0
#define P_NOWAIT 1
#define P_OVERLAY 2
#define P_NOWAITO 3
#define P_DETACH 4
#define CREATE_UNICODE_ENVIRONMENT 0x400

static int file_exists(const WCHAR *p)
{
    DWORD a = GetFileAttributesW(p);
    return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

static WCHAR *concat(const WCHAR *a, size_t an, const WCHAR *b)
{
    size_t bn = b ? wstr_len(b) : 0;
    WCHAR *r = msvcrt_malloc((an + bn + 2) * sizeof(WCHAR));
    if (!r)
        return NULL;
    memcpy(r, a, an * sizeof(WCHAR));
    if (bn)
        memcpy(r + an, b, bn * sizeof(WCHAR));
    r[an + bn] = 0;
    return r;
}

/* path, or path + .com/.exe/.bat/.cmd when it has no extension. */
static WCHAR *try_extensions(const WCHAR *path, size_t n)
{
    static const WCHAR exts[4][5] = {{'.', 'c', 'o', 'm', 0}, {'.', 'e', 'x', 'e', 0},
                                     {'.', 'b', 'a', 't', 0}, {'.', 'c', 'm', 'd', 0}};
    size_t i = n;
    while (i > 0 && path[i - 1] != '.' && path[i - 1] != '\\' && path[i - 1] != '/')
        i--;
    if (i > 0 && path[i - 1] == '.') {
        WCHAR *r = concat(path, n, NULL);
        if (r && file_exists(r))
            return r;
        msvcrt_free(r);
        return NULL;
    }
    for (int k = 0; k < 4; k++) {
        WCHAR *r = concat(path, n, exts[k]);
        if (r && file_exists(r))
            return r;
        msvcrt_free(r);
    }
    return NULL;
}

static WCHAR *resolve(const WCHAR *path, int use_path)
{
    WCHAR *r = try_extensions(path, wstr_len(path));
    if (r || !use_path)
        return r;
    for (const WCHAR *p = path; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            return NULL;
    char *a = crt_getenv("PATH");
    if (!a)
        return NULL;
    WCHAR *list = crt_acp_to_wcs(a);
    for (WCHAR *d = list; d && *d;) {
        WCHAR *end = d;
        while (*end && *end != ';')
            end++;
        size_t n = end - d;
        if (n) {
            WCHAR *dir = msvcrt_malloc((n + wstr_len(path) + 2) * sizeof(WCHAR));
            if (dir) {
                memcpy(dir, d, n * sizeof(WCHAR));
                if (dir[n - 1] != '\\' && dir[n - 1] != '/')
                    dir[n++] = '\\';
                memcpy(dir + n, path, (wstr_len(path) + 1) * sizeof(WCHAR));
                r = try_extensions(dir, wstr_len(dir));
                msvcrt_free(dir);
                if (r)
                    break;
            }
        }
        d = *end ? end + 1 : end;
    }
    msvcrt_free(list);
    return r;
}

/* The arguments joined by spaces, unquoted (msvcrt's behaviour). */
static WCHAR *join_args(const WCHAR *const *argv)
{
    size_t total = 1;
    for (int i = 0; argv && argv[i]; i++)
        total += wstr_len(argv[i]) + 1;
    WCHAR *cl = msvcrt_malloc(total * sizeof(WCHAR));
    if (!cl)
        return NULL;
    size_t n = 0;
    for (int i = 0; argv && argv[i]; i++) {
        if (i)
            cl[n++] = ' ';
        size_t l = wstr_len(argv[i]);
        memcpy(cl + n, argv[i], l * sizeof(WCHAR));
        n += l;
    }
    cl[n] = 0;
    return cl;
}

static WCHAR *env_block(const WCHAR *const *envp)
{
    size_t total = 2;
    for (int i = 0; envp[i]; i++)
        total += wstr_len(envp[i]) + 1;
    WCHAR *b = msvcrt_malloc(total * sizeof(WCHAR));
    if (!b)
        return NULL;
    size_t n = 0;
    for (int i = 0; envp[i]; i++) {
        size_t l = wstr_len(envp[i]) + 1;
        memcpy(b + n, envp[i], l * sizeof(WCHAR));
        n += l;
    }
    b[n++] = 0;
    if (n == 1)
        b[n++] = 0;
    return b;
}

/* Starts and, for _P_WAIT, waits; the result as the mode wants it. */
static INT_PTR run(int mode, const WCHAR *app, WCHAR *cmdline, const WCHAR *env)
{
    STARTUPINFOW si = {sizeof si};
    PROCESS_INFORMATION pi;
    crt_flush_all(1);
    if (!CreateProcessW(app, cmdline, NULL, NULL, TRUE,
                        env ? CREATE_UNICODE_ENVIRONMENT : 0, (void *)env, NULL,
                        &si, &pi)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    CloseHandle(pi.hThread);
    DWORD code = 0;
    switch (mode) {
    case P_WAIT:
        WaitForSingleObject(pi.hProcess, INFINITE);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        return (int)code;
    case P_OVERLAY:
        /* exec: the child carries on, this process ends */
        msvcrt__exit(0);
    case P_NOWAITO:
    case P_DETACH:
        CloseHandle(pi.hProcess);
        return 0;
    default:
        return (INT_PTR)pi.hProcess;
    }
}

static INT_PTR spawn_w(int mode, const WCHAR *path, const WCHAR *const *argv,
                       const WCHAR *const *envp, int use_path)
{
    crt_init();
    if (!path || !argv || mode < 0 || mode > P_DETACH) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    WCHAR *app = resolve(path, use_path);
    if (!app) {
        crt_set_errno(M_ENOENT);
        return -1;
    }
    WCHAR *cl = join_args(argv);
    WCHAR *env = envp ? env_block(envp) : NULL;
    INT_PTR r = cl ? run(mode, app, cl, env) : -1;
    msvcrt_free(app);
    msvcrt_free(cl);
    msvcrt_free(env);
    return r;
}

/* Narrow argument vectors become wide ones for spawn_w. */
static WCHAR **widen_vector(const char *const *v)
{
    int n = 0;
    while (v && v[n])
        n++;
    WCHAR **w = msvcrt_calloc(n + 1, sizeof(WCHAR *));
    for (int i = 0; w && i < n; i++)
        w[i] = crt_acp_to_wcs(v[i]);
    return w;
}

static void free_vector(WCHAR **w)
{
    for (int i = 0; w && w[i]; i++)
        msvcrt_free(w[i]);
    msvcrt_free(w);
}

static INT_PTR spawn_a(int mode, const char *path, const char *const *argv,
                       const char *const *envp, int use_path)
{
    if (!path || !argv) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    WCHAR *wp = crt_acp_to_wcs(path);
    WCHAR **wa = widen_vector(argv), **we = envp ? widen_vector(envp) : NULL;
    INT_PTR r = wp && wa ? spawn_w(mode, wp, (const WCHAR *const *)wa,
                                   (const WCHAR *const *)we, use_path)
                         : -1;
    msvcrt_free(wp);
    free_vector(wa);
    free_vector(we);
    return r;
}

/* _spawnv _spawnve _spawnvp _spawnvpe and the wide forms (msvcrt) */
INT_PTR CDECL msvcrt__spawnv(int m, const char *p, const char *const *a) { return spawn_a(m, p, a, NULL, 0); }
INT_PTR CDECL msvcrt__spawnve(int m, const char *p, const char *const *a, const char *const *e) { return spawn_a(m, p, a, e, 0); }
INT_PTR CDECL msvcrt__spawnvp(int m, const char *p, const char *const *a) { return spawn_a(m, p, a, NULL, 1); }
INT_PTR CDECL msvcrt__spawnvpe(int m, const char *p, const char *const *a, const char *const *e) { return spawn_a(m, p, a, e, 1); }
INT_PTR CDECL msvcrt__wspawnv(int m, const WCHAR *p, const WCHAR *const *a) { return spawn_w(m, p, a, NULL, 0); }
INT_PTR CDECL msvcrt__wspawnve(int m, const WCHAR *p, const WCHAR *const *a, const WCHAR *const *e) { return spawn_w(m, p, a, e, 0); }
INT_PTR CDECL msvcrt__wspawnvp(int m, const WCHAR *p, const WCHAR *const *a) { return spawn_w(m, p, a, NULL, 1); }
INT_PTR CDECL msvcrt__wspawnvpe(int m, const WCHAR *p, const WCHAR *const *a, const WCHAR *const *e) { return spawn_w(m, p, a, e, 1); }

/* _execv _execve _execvp _execvpe (msvcrt) */
INT_PTR CDECL msvcrt__execv(const char *p, const char *const *a) { return spawn_a(P_OVERLAY, p, a, NULL, 0); }
INT_PTR CDECL msvcrt__execve(const char *p, const char *const *a, const char *const *e) { return spawn_a(P_OVERLAY, p, a, e, 0); }
INT_PTR CDECL msvcrt__execvp(const char *p, const char *const *a) { return spawn_a(P_OVERLAY, p, a, NULL, 1); }
INT_PTR CDECL msvcrt__execvpe(const char *p, const char *const *a, const char *const *e) { return spawn_a(P_OVERLAY, p, a, e, 1); }

/* The l forms collect their variadic arguments (and, for the e forms, the
 * environment after the terminating NULL). */
#define MAX_LIST_ARGS 1024
static INT_PTR spawn_list(int mode, const char *path, const char *arg0,
                          WIN_VA_LIST ap, int with_env, int use_path)
{
    const char *argv[MAX_LIST_ARGS + 1];
    int n = 0;
    for (const char *a = arg0; a && n < MAX_LIST_ARGS; a = __builtin_va_arg(ap, const char *))
        argv[n++] = a;
    argv[n] = NULL;
    const char *const *envp = with_env ? __builtin_va_arg(ap, const char *const *) : NULL;
    return spawn_a(mode, path, argv, envp, use_path);
}

#define SPAWNL(name, mode_expr, env, usep, ...)                             \
    INT_PTR CDECL msvcrt_##name(__VA_ARGS__, const char *path,              \
                                const char *arg0, ...)                      \
    {                                                                       \
        WIN_VA_LIST ap;                                                     \
        win_va_start(ap, arg0);                                             \
        INT_PTR r = spawn_list(mode_expr, path, arg0, ap, env, usep);       \
        win_va_end(ap);                                                     \
        return r;                                                           \
    }
#define EXECL(name, env, usep)                                              \
    INT_PTR CDECL msvcrt_##name(const char *path, const char *arg0, ...)    \
    {                                                                       \
        WIN_VA_LIST ap;                                                     \
        win_va_start(ap, arg0);                                             \
        INT_PTR r = spawn_list(P_OVERLAY, path, arg0, ap, env, usep);       \
        win_va_end(ap);                                                     \
        return r;                                                           \
    }

/* _spawnl _spawnle _spawnlp _spawnlpe _execl _execle _execlp _execlpe */
SPAWNL(_spawnl, mode, 0, 0, int mode)
SPAWNL(_spawnle, mode, 1, 0, int mode)
SPAWNL(_spawnlp, mode, 0, 1, int mode)
SPAWNL(_spawnlpe, mode, 1, 1, int mode)
EXECL(_execl, 0, 0)
EXECL(_execle, 1, 0)
EXECL(_execlp, 0, 1)
EXECL(_execlpe, 1, 1)

/* _cwait (msvcrt): the handle back, status = exit code. */
INT_PTR CDECL msvcrt__cwait(int *status, INT_PTR h, int action)
{
    if (WaitForSingleObject((HANDLE)h, INFINITE) == WAIT_FAILED) {
        crt_dosmaperr(GetLastError());
        if (crt_thread()->err == M_EBADF)
            crt_set_errno(M_ECHILD);
        return -1;
    }
    DWORD code = 0;
    GetExitCodeProcess((HANDLE)h, &code);
    if (status)
        *status = (int)code;
    CloseHandle((HANDLE)h);
    return h;
}

static WCHAR *find_comspec(void)
{
    char *cs = crt_getenv("ComSpec");
    if (cs && *cs) {
        WCHAR *w = crt_acp_to_wcs(cs);
        if (w && file_exists(w))
            return w;
        msvcrt_free(w);
    }
    static const char def[] = "C:\\windows\\system32\\cmd.exe";
    WCHAR *w = crt_acp_to_wcs(def);
    if (w && file_exists(w))
        return w;
    msvcrt_free(w);
    return NULL;
}

static int has_shell_syntax(const WCHAR *s)
{
    for (; *s; s++)
        if (*s == '|' || *s == '<' || *s == '>' || *s == '&' || *s == '^')
            return 1;
    return 0;
}

/* _wsystem (msvcrt) */
int CDECL msvcrt__wsystem(const WCHAR *cmd)
{
    crt_init();
    WCHAR *comspec = find_comspec();
    if (!cmd) {
        msvcrt_free(comspec);
        return 1;
    }
    WCHAR *cl;
    INT_PTR r;
    if (comspec) {
        static const WCHAR c_opt[] = {' ', '/', 'c', ' ', 0};
        size_t n = wstr_len(comspec);
        WCHAR *head = concat(comspec, n, c_opt);
        cl = head ? concat(head, wstr_len(head), cmd) : NULL;
        msvcrt_free(head);
        r = cl ? run(P_WAIT, comspec, cl, NULL) : -1;
    } else {
        if (has_shell_syntax(cmd))
            FIXME("no command interpreter: shell syntax in the command is not interpreted");
        cl = crt_wcsdup(cmd);
        r = cl ? run(P_WAIT, NULL, cl, NULL) : -1;
        if (r == -1 && crt_thread()->err == M_EINVAL)
            crt_set_errno(M_ENOENT);
    }
    msvcrt_free(cl);
    msvcrt_free(comspec);
    return (int)r;
}

/* system (msvcrt) */
int CDECL msvcrt_system(const char *cmd)
{
    if (!cmd)
        return msvcrt__wsystem(NULL);
    WCHAR *w = crt_acp_to_wcs(cmd);
    int r = w ? msvcrt__wsystem(w) : -1;
    msvcrt_free(w);
    return r;
}
