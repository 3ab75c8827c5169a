/* CRT start-up: lazy initialisation (builtins get no DllMain, so the first
 * export that needs state runs it), the command line split into argv with
 * msvcrt's rules, __getmainargs, _initterm and the start-up globals that
 * programs read as data. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

/* Exported data (see exports.h). */
char *msvcrt__acmdln;
WCHAR *msvcrt__wcmdln;
int msvcrt___argc;
char **msvcrt___argv;
WCHAR **msvcrt___wargv;
char **msvcrt___initenv;
WCHAR **msvcrt___winitenv;
int msvcrt__fmode;   /* 0: text unless _O_BINARY is set here */
int msvcrt__commode;
char *msvcrt__pgmptr;
WCHAR *msvcrt__wpgmptr;
static int app_type;
unsigned msvcrt__osver = 19041;
unsigned msvcrt__winver = 0x0a00;
unsigned msvcrt__winmajor = 10;
unsigned msvcrt__winminor = 0;
unsigned msvcrt__osplatform = 2; /* VER_PLATFORM_WIN32_NT */

int crt_initialized;
int crt_init_state; /* 0 none, 1 running, 2 done */
static volatile DWORD init_thread;

static void init_cmdline(void);

void CDECL crt_init_run(void)
{
    int expected = 0;
    if (!__atomic_compare_exchange_n(&crt_init_state, &expected, 1, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        if (expected == 2)
            return;
        /* running: on this thread it is a nested call, on another wait */
        if (init_thread == GetCurrentThreadId())
            return;
        while (__atomic_load_n(&crt_init_state, __ATOMIC_ACQUIRE) != 2)
            Sleep(0);
        return;
    }
    init_thread = GetCurrentThreadId();
    crt_time_init();
    crt_locale_init();
    crt_io_init();
    crt_stdio_init();
    crt_env_init();
    init_cmdline();
    crt_initialized = 1;
    __atomic_store_n(&crt_init_state, 2, __ATOMIC_RELEASE);
    TRACE("initialised");
}

/* DLL_ATTACH of msvcrt and ucrtbase (dll.c) */
void crt_process_attach(void) { crt_init(); }

static int is_blank(WCHAR c) { return c == ' ' || c == '\t'; }

/* Splits a command line as msvcrt.dll does (the rules of its stdargv.c,
 * which predate the 2008 change):
 *   - argv[0] ends at the next quote if it starts with one, else at a
 *     blank; no backslash processing;
 *   - 2n backslashes + quote: n backslashes, quote toggles quoting;
 *     2n+1 backslashes + quote: n backslashes and a literal quote;
 *     backslashes not before a quote are literal;
 *   - "" inside quotes: a literal quote, and quoting ends. (Wine, and
 *     the post-2008 MSVC runtimes, stay in quotes; Wine also lets argv[0]
 *     continue past its closing quote.)
 * Writes into args (may be NULL for counting) and returns the argument
 * count; *nchars gets the units needed including terminators. */
static int split_cmdline(const WCHAR *p, WCHAR **argv, WCHAR *args,
                         size_t *nchars)
{
    int argc = 0;
    size_t n = 0;
#define PUT(c) (args ? (void)(args[n] = (c)) : (void)0, n++)

    /* argv[0] */
    if (argv)
        argv[argc] = args + n;
    argc++;
    if (*p == '"') {
        while (*++p && *p != '"')
            PUT(*p);
        if (*p == '"')
            p++;
    } else {
        while (*p && !is_blank(*p))
            PUT(*p), p++;
    }
    PUT(0);

    int inquote = 0;
    for (;;) {
        while (is_blank(*p))
            p++;
        if (!*p)
            break;
        if (argv)
            argv[argc] = args + n;
        argc++;
        for (;;) {
            int copy = 1;
            unsigned slashes = 0;
            while (*p == '\\')
                p++, slashes++;
            if (*p == '"') {
                if (!(slashes & 1)) {
                    if (inquote && p[1] == '"')
                        p++; /* "" in quotes: copy one quote */
                    else
                        copy = 0;
                    inquote = !inquote;
                }
                slashes /= 2;
            }
            while (slashes--)
                PUT('\\');
            if (!*p || (!inquote && is_blank(*p)))
                break;
            if (copy)
                PUT(*p);
            p++;
        }
        PUT(0);
    }
#undef PUT
    *nchars = n;
    return argc;
}

static WCHAR **build_wargv(const WCHAR *cmdline, int *argc)
{
    size_t nchars;
    int n = split_cmdline(cmdline, NULL, NULL, &nchars);
    WCHAR **argv = msvcrt_malloc((n + 1) * sizeof(WCHAR *) + nchars * sizeof(WCHAR));
    if (!argv)
        return NULL;
    split_cmdline(cmdline, argv, (WCHAR *)(argv + n + 1), &nchars);
    argv[n] = NULL;
    *argc = n;
    return argv;
}

/* The narrow argv is the wide one in the ANSI code page (UTF-8): quotes
 * and backslashes are ASCII, so splitting first gives the same words. */
static char **narrow_argv(WCHAR **wargv, int argc)
{
    size_t total = 0;
    for (int i = 0; i < argc; i++)
        total += WideCharToMultiByte(crt_acp, 0, wargv[i], -1, NULL, 0, NULL, NULL);
    char **argv = msvcrt_malloc((argc + 1) * sizeof(char *) + total);
    if (!argv)
        return NULL;
    char *s = (char *)(argv + argc + 1);
    for (int i = 0; i < argc; i++) {
        argv[i] = s;
        s += WideCharToMultiByte(crt_acp, 0, wargv[i], -1, s, (int)total, NULL, NULL);
    }
    argv[argc] = NULL;
    return argv;
}

static void init_cmdline(void)
{
    const WCHAR *cl = GetCommandLineW();
    static const WCHAR empty[1];
    if (!cl)
        cl = empty;
    msvcrt__wcmdln = crt_wcsdup(cl);
    msvcrt__acmdln = crt_wcs_to_acp(cl);
    msvcrt___wargv = build_wargv(cl, &msvcrt___argc);
    msvcrt___argv = msvcrt___wargv ? narrow_argv(msvcrt___wargv, msvcrt___argc)
                                   : NULL;
    WCHAR path[MAX_PATH * 2];
    DWORD n = GetModuleFileNameW(NULL, path, ARRAY_SIZE(path));
    if (n && n < ARRAY_SIZE(path)) {
        msvcrt__wpgmptr = crt_wcsdup(path);
        msvcrt__pgmptr = crt_wcs_to_acp(path);
    }
}

struct startupinfo {
    int newmode;
};

int CDECL msvcrt__set_new_mode(int mode);

/* __getmainargs (msvcrt). Wildcard expansion (_dowildcard) is not done. */
int CDECL msvcrt___getmainargs(int *argc, char ***argv, char ***envp,
                               int expand_wildcards, struct startupinfo *si)
{
    crt_init();
    if (expand_wildcards)
        FIXME("wildcard expansion of arguments not done");
    if (si)
        msvcrt__set_new_mode(si->newmode);
    *argc = msvcrt___argc;
    *argv = msvcrt___argv;
    *envp = msvcrt__environ;
    msvcrt___initenv = msvcrt__environ;
    return msvcrt___argv ? 0 : -1;
}

/* __wgetmainargs (msvcrt) */
int CDECL msvcrt___wgetmainargs(int *argc, WCHAR ***wargv, WCHAR ***wenvp,
                                int expand_wildcards, struct startupinfo *si)
{
    crt_init();
    if (expand_wildcards)
        FIXME("wildcard expansion of arguments not done");
    if (si)
        msvcrt__set_new_mode(si->newmode);
    *argc = msvcrt___argc;
    *wargv = msvcrt___wargv;
    *wenvp = msvcrt__wenviron;
    msvcrt___winitenv = msvcrt__wenviron;
    return msvcrt___wargv ? 0 : -1;
}

typedef void(CDECL *crt_pvfv)(void);
typedef int(CDECL *crt_pifv)(void);

/* _initterm (msvcrt): calls each non-NULL entry of [start, end). */
void CDECL msvcrt__initterm(crt_pvfv *start, crt_pvfv *end)
{
    crt_init();
    for (; start < end; start++)
        if (*start)
            (*start)();
}

/* _initterm_e (msvcrt): stops at the first nonzero result. */
int CDECL msvcrt__initterm_e(crt_pifv *start, crt_pifv *end)
{
    crt_init();
    for (; start < end; start++) {
        if (*start) {
            int r = (*start)();
            if (r)
                return r;
        }
    }
    return 0;
}

/* __set_app_type (msvcrt) */
void CDECL msvcrt___set_app_type(int type)
{
    crt_init();
    app_type = type;
}

/* __p__* accessors (msvcrt) */
int *CDECL msvcrt___p__fmode(void) { return &msvcrt__fmode; }
int *CDECL msvcrt___p__commode(void) { return &msvcrt__commode; }
int *CDECL msvcrt___p___argc(void) { crt_init(); return &msvcrt___argc; }
char ***CDECL msvcrt___p___argv(void) { crt_init(); return &msvcrt___argv; }
WCHAR ***CDECL msvcrt___p___wargv(void) { crt_init(); return &msvcrt___wargv; }
char **CDECL msvcrt___p__acmdln(void) { crt_init(); return &msvcrt__acmdln; }
WCHAR **CDECL msvcrt___p__wcmdln(void) { crt_init(); return &msvcrt__wcmdln; }
char ***CDECL msvcrt___p___initenv(void) { return &msvcrt___initenv; }
WCHAR ***CDECL msvcrt___p___winitenv(void) { return &msvcrt___winitenv; }
char **CDECL msvcrt___p__pgmptr(void) { crt_init(); return &msvcrt__pgmptr; }
WCHAR **CDECL msvcrt___p__wpgmptr(void) { crt_init(); return &msvcrt__wpgmptr; }

/* _get_pgmptr / _get_wpgmptr / _set_fmode / _get_fmode (msvcrt) */
int CDECL msvcrt__get_pgmptr(char **p)
{
    crt_init();
    if (!p)
        return M_EINVAL;
    *p = msvcrt__pgmptr;
    return 0;
}
int CDECL msvcrt__get_wpgmptr(WCHAR **p)
{
    crt_init();
    if (!p)
        return M_EINVAL;
    *p = msvcrt__wpgmptr;
    return 0;
}
int CDECL msvcrt__set_fmode(int mode)
{
    if (mode != M_O_TEXT && mode != M_O_BINARY && mode != 0) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    msvcrt__fmode = mode;
    return 0;
}
int CDECL msvcrt__get_fmode(int *mode)
{
    if (!mode)
        return M_EINVAL;
    *mode = msvcrt__fmode;
    return 0;
}

/* _XcptFilter (msvcrt): would map an exception to a signal() handler. */
int CDECL msvcrt__XcptFilter(ULONG code, void *pointers)
{
    FIXME("exception %#x not mapped to a signal handler", code);
    return 0; /* EXCEPTION_CONTINUE_SEARCH */
}
