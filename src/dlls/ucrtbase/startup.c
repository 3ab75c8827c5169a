/* The UCRT's start-up and termination protocol. A Visual C++ 2015+
 * program's own start-up code (vcstartup, or mingw-w64's crt) drives it:
 * _configure_narrow_argv, _initialize_narrow_environment, the module's
 * onexit table (_initialize_onexit_table, _register_onexit_function,
 * _execute_onexit_table for DLLs), _crt_atexit for the exe, then exit.
 * argv, the environment and the exe's atexit list are msvcrt's own, so a
 * process that loads both CRTs sees one set. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "ucrt.h"


typedef int(CDECL *onexit_fn)(void);
onexit_fn CDECL msvcrt__onexit(onexit_fn func);
void CDECL msvcrt_exit(int code) __attribute__((noreturn));
void CDECL msvcrt__cexit(void);

/* _configure_narrow_argv / _configure_wide_argv (ucrtbase): argv is split
 * at initialisation (msvcrt's rules); mode 2 would expand wildcards. */
int CDECL ucrt__configure_narrow_argv(int mode)
{
    crt_init();
    if (mode == 2)
        FIXME("wildcard expansion of arguments not done");
    return 0;
}
int CDECL ucrt__configure_wide_argv(int mode)
{
    return ucrt__configure_narrow_argv(mode);
}

/* _initialize_narrow_environment / _initialize_wide_environment
 * (ucrtbase): both tables exist from initialisation on. */
int CDECL ucrt__initialize_narrow_environment(void)
{
    crt_init();
    return 0;
}
int CDECL ucrt__initialize_wide_environment(void)
{
    crt_init();
    return 0;
}

/* _get_initial_narrow_environment / _get_initial_wide_environment
 * (ucrtbase): the envp that main receives. */
char **CDECL ucrt__get_initial_narrow_environment(void)
{
    crt_init();
    return msvcrt__environ;
}
WCHAR **CDECL ucrt__get_initial_wide_environment(void)
{
    crt_init();
    return msvcrt__wenviron;
}

/* The command line past the program name and the blanks after it, for
 * WinMain's lpCmdLine: the program name ends at its closing quote if it
 * starts with one, else at a blank (the rule of the UCRT's winmain). */
#define WINMAIN_ARGS(T, p)                                                      do {                                                                            int inquote = 0;                                                            while (*p > ' ' || (*p && inquote)) {                                           if (*p == '"')                                                                  inquote = !inquote;                                                     p++;                                                                    }                                                                           while (*p && *p <= ' ')                                                         p++;                                                                } while (0)

/* _get_narrow_winmain_command_line / _get_wide_winmain_command_line */
char *CDECL ucrt__get_narrow_winmain_command_line(void)
{
    crt_init();
    char *p = msvcrt__acmdln ? msvcrt__acmdln : "";
    WINMAIN_ARGS(char, p);
    return p;
}
WCHAR *CDECL ucrt__get_wide_winmain_command_line(void)
{
    static WCHAR empty[1];
    crt_init();
    WCHAR *p = msvcrt__wcmdln ? msvcrt__wcmdln : empty;
    WINMAIN_ARGS(WCHAR, p);
    return p;
}

static CRITICAL_SECTION onexit_lock;
static int onexit_lock_ready;

static void lock_onexit(void)
{
    if (!__atomic_exchange_n(&onexit_lock_ready, 1, __ATOMIC_ACQ_REL))
        InitializeCriticalSection(&onexit_lock);
    EnterCriticalSection(&onexit_lock);
}

/* _initialize_onexit_table (ucrtbase): an empty table; one already in
 * use is left alone. */
int CDECL ucrt__initialize_onexit_table(ucrt_onexit_table *t)
{
    if (!t)
        return -1;
    if (t->first == t->end)
        t->first = t->last = t->end = NULL;
    return 0;
}

/* _register_onexit_function (ucrtbase): appends, growing the table on
 * the CRT heap. */
int CDECL ucrt__register_onexit_function(ucrt_onexit_table *t, ucrt_onexit_fn f)
{
    if (!t)
        return -1;
    lock_onexit();
    if (t->last == t->end) {
        size_t n = t->first ? (size_t)(t->end - t->first) : 0;
        size_t grow = n ? n * 2 : 32;
        ucrt_onexit_fn *p = msvcrt_realloc(t->first, grow * sizeof *p);
        if (!p) {
            LeaveCriticalSection(&onexit_lock);
            return -1;
        }
        t->last = p + (t->first ? t->last - t->first : 0);
        t->first = p;
        t->end = p + grow;
    }
    *t->last++ = f;
    LeaveCriticalSection(&onexit_lock);
    return 0;
}

/* _execute_onexit_table (ucrtbase): runs the functions last first and
 * empties the table; functions they register run too. */
int CDECL ucrt__execute_onexit_table(ucrt_onexit_table *t)
{
    if (!t)
        return -1;
    for (;;) {
        lock_onexit();
        ucrt_onexit_fn *first = t->first, *last = t->last;
        t->first = t->last = t->end = NULL;
        LeaveCriticalSection(&onexit_lock);
        if (!first)
            return 0;
        while (last > first)
            if (*--last)
                (*last)();
        msvcrt_free(first);
    }
}

/* _crt_atexit (ucrtbase): the exe's atexit list, which exit runs. */
int CDECL ucrt__crt_atexit(ucrt_vfv f)
{
    return msvcrt__onexit((onexit_fn)f) ? 0 : -1;
}

static ucrt_onexit_table quick_exit_table;

/* _crt_at_quick_exit / quick_exit (ucrtbase) */
int CDECL ucrt__crt_at_quick_exit(ucrt_vfv f)
{
    return ucrt__register_onexit_function(&quick_exit_table, (ucrt_onexit_fn)f);
}
__attribute__((noreturn)) void CDECL ucrt_quick_exit(int code)
{
    ucrt__execute_onexit_table(&quick_exit_table);
    msvcrt__exit(code);
}

typedef void(WINAPI *tls_callback_fn)(void *, DWORD, void *);
static tls_callback_fn tls_exit_callback;

/* _register_thread_local_exe_atexit_callback (ucrtbase): the exe's
 * thread_local destructors, run first by exit. */
void CDECL ucrt__register_thread_local_exe_atexit_callback(tls_callback_fn f)
{
    tls_exit_callback = f;
}

static void run_tls_exit_callback(void)
{
    tls_callback_fn f = __atomic_exchange_n(&tls_exit_callback, NULL, __ATOMIC_ACQ_REL);
    if (f)
        f(NULL, 0 /* DLL_PROCESS_DETACH */, NULL);
}

/* exit (ucrtbase): thread_local destructors, the atexit list, stdio
 * flushed, then ExitProcess (msvcrt's exit does the last three). */
__attribute__((noreturn)) void CDECL ucrt_exit(int code)
{
    crt_init();
    run_tls_exit_callback();
    msvcrt_exit(code);
}

/* _cexit (ucrtbase): exit's clean-up without exiting. */
void CDECL ucrt__cexit(void)
{
    run_tls_exit_callback();
    msvcrt__cexit();
}

/* _seh_filter_exe / _seh_filter_dll (ucrtbase): the filter around main;
 * it would turn an exception into the signal() handler's call. Nothing is
 * mapped (as msvcrt's _XcptFilter here): the search goes on. */
int CDECL ucrt__seh_filter_exe(DWORD code, void *pointers)
{
    return msvcrt__XcptFilter(code, pointers);
}
int CDECL ucrt__seh_filter_dll(DWORD code, void *pointers)
{
    if (code == 0xe06d7363) /* a C++ exception: leave it to C++ */
        return 0;
    return msvcrt__XcptFilter(code, pointers);
}

static int app_type;

/* _set_app_type / _query_app_type (ucrtbase): 1 console, 2 GUI. */
void CDECL ucrt__set_app_type(int type) { app_type = type; }
int CDECL ucrt__query_app_type(void) { return app_type; }
