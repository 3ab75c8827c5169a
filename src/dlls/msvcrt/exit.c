/* Process exit: the atexit/_onexit list (one list, run last-in first-out),
 * exit/_exit/_cexit/_c_exit, __dllonexit for DLL-local tables, and the
 * runtime's fatal paths (_amsg_exit, abort). */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

typedef int(CDECL *onexit_fn)(void);

static onexit_fn *exit_table;
static int exit_count, exit_size;
static CRITICAL_SECTION exit_lock;
static int exit_lock_ready;

static void lock_exit(void)
{
    if (!__atomic_exchange_n(&exit_lock_ready, 1, __ATOMIC_ACQ_REL))
        InitializeCriticalSection(&exit_lock);
    EnterCriticalSection(&exit_lock);
}

/* _onexit (msvcrt): returns func, or NULL when out of memory. */
onexit_fn CDECL msvcrt__onexit(onexit_fn func)
{
    if (!func)
        return NULL;
    crt_init();
    lock_exit();
    if (exit_count == exit_size) {
        int n = exit_size ? exit_size * 2 : 32;
        onexit_fn *t = msvcrt_realloc(exit_table, n * sizeof *t);
        if (!t) {
            LeaveCriticalSection(&exit_lock);
            return NULL;
        }
        exit_table = t;
        exit_size = n;
    }
    exit_table[exit_count++] = func;
    LeaveCriticalSection(&exit_lock);
    return func;
}

/* atexit (msvcrt): a void(void) handler on the same list. Calling it as
 * int(void) is harmless on x64: the result is ignored. */
int CDECL msvcrt_atexit(void(CDECL *func)(void))
{
    return msvcrt__onexit((onexit_fn)func) ? 0 : -1;
}

/* __dllonexit (msvcrt): appends to a table the caller (a DLL's CRT) owns,
 * growing it on the msvcrt heap. */
onexit_fn CDECL msvcrt___dllonexit(onexit_fn func, onexit_fn **start,
                                   onexit_fn **end)
{
    if (!start || !end)
        return NULL;
    size_t len = *start ? (size_t)(*end - *start) : 0;
    onexit_fn *t = msvcrt_realloc(*start, (len + 1) * sizeof *t);
    if (!t)
        return NULL;
    t[len] = func;
    *start = t;
    *end = t + len + 1;
    return func;
}

/* Handlers registered while running are run too; each runs once. */
void crt_run_atexit(void)
{
    for (;;) {
        lock_exit();
        if (!exit_count) {
            LeaveCriticalSection(&exit_lock);
            return;
        }
        onexit_fn f = exit_table[--exit_count];
        LeaveCriticalSection(&exit_lock);
        if (f)
            f();
    }
}

static void full_cleanup(void)
{
    crt_run_atexit();
    crt_flush_all(0);
}

/* Set by exit/_exit: the CRT's termination is done (or deliberately
 * skipped), so process detach has nothing left to do. */
static int termination_done;

/* Process detach after a bare ExitProcess: buffered output is written, as
 * msvcrt's DllMain does (tests/programs/console/exit_thread_exitprocess.c),
 * but not after _exit, which discards it (crt/exit_underscore_noflush.c).
 * atexit handlers are not run here (Wine does not either). */
void crt_process_detach(void)
{
    if (crt_initialized && !termination_done)
        crt_flush_all(1);
}

/* exit (msvcrt) */
__attribute__((noreturn)) void CDECL msvcrt_exit(int code)
{
    TRACE("%d", code);
    crt_init();
    full_cleanup();
    termination_done = 1;
    ExitProcess(code);
}

/* _exit (msvcrt): no handlers, no flushing. */
__attribute__((noreturn)) void CDECL msvcrt__exit(int code)
{
    TRACE("%d", code);
    termination_done = 1;
    ExitProcess(code);
}

/* _cexit (msvcrt): exit's cleanup without exiting. */
void CDECL msvcrt__cexit(void)
{
    crt_init();
    full_cleanup();
}

/* _c_exit (msvcrt): the quick variant does nothing that exit would. */
void CDECL msvcrt__c_exit(void) {}

/* msvcrt's run-time error texts, by R60nn number */
static const struct {
    int num;
    const char *text;
} rt_messages[] = {
    {2, "floating point support not loaded"},
    {8, "not enough space for arguments"},
    {9, "not enough space for environment"},
    {10, "abnormal program termination"},
    {16, "not enough space for thread data"},
    {17, "unexpected multithread lock error"},
    {18, "unexpected heap error"},
    {19, "unable to open console device"},
    {24, "pure virtual function call"},
    {25, "not enough space for lowio initialization"},
    {26, "not enough space for stdio initialization"},
    {27, "not enough space for _onexit/atexit table"},
    {28, "unable to initialize heap"},
    {32, "not enough space for locale information"},
    {33, "Attempt to use MSIL code from this assembly during native code initialization"},
};

static void write_stderr(const char *s)
{
    DWORD w;
    HANDLE h = GetStdHandle(STD_ERROR_HANDLE);
    if (h && h != INVALID_HANDLE_VALUE)
        WriteFile(h, s, strlen(s), &w, NULL);
}

/* _amsg_exit (msvcrt): "runtime error R60nn" and exit status 255. */
__attribute__((noreturn)) void CDECL msvcrt__amsg_exit(int num)
{
    char buf[160];
    const char *text = "";
    for (size_t i = 0; i < ARRAY_SIZE(rt_messages); i++)
        if (rt_messages[i].num == num)
            text = rt_messages[i].text;
    int n = 0;
    memcpy(buf, "\r\nruntime error R60", 19);
    n = 19;
    buf[n++] = '0' + (num / 10) % 10;
    buf[n++] = '0' + num % 10;
    memcpy(buf + n, "\r\n- ", 4);
    n += 4;
    size_t tl = strlen(text);
    if (tl > sizeof buf - n - 3)
        tl = sizeof buf - n - 3;
    memcpy(buf + n, text, tl);
    n += tl;
    memcpy(buf + n, "\r\n", 3);
    write_stderr(buf);
    msvcrt__exit(255);
}

void crt_fatal(const char *msg)
{
    write_stderr(msg);
    msvcrt__exit(255);
}

static unsigned abort_behavior = 1; /* _WRITE_ABORT_MSG */

/* _set_abort_behavior (msvcrt) */
unsigned CDECL msvcrt__set_abort_behavior(unsigned flags, unsigned mask)
{
    unsigned old = abort_behavior;
    abort_behavior = (abort_behavior & ~mask) | (flags & mask);
    return old;
}

/* abort (msvcrt): the message, then SIGABRT's handler (which may longjmp
 * away), then exit status 3. */
__attribute__((noreturn)) void CDECL msvcrt_abort(void)
{
    if (abort_behavior & 1)
        write_stderr("\nabnormal program termination\n");
    msvcrt_raise(22 /* SIGABRT */);
    msvcrt__exit(3);
}
