/* The UCRT's run-time error paths and small process-wide switches: the
 * invalid-parameter handlers (global and per thread) and their merciless
 * default, terminate/unexpected, abort, and the floating-point and
 * stack-overflow odds and ends of api-ms-win-crt-runtime. */
#include <fenv.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "ucrt.h"

#define STATUS_STACK_BUFFER_OVERRUN 0xc0000409u

/* __fastfail(FAST_FAIL_INVALID_ARG / FATAL_APP_EXIT): Windows ends the
 * process at once, no handler sees it, and the status says
 * STATUS_STACK_BUFFER_OVERRUN whatever the reason. */
static __attribute__((noreturn)) void fastfail(const char *why)
{
    WARN("%s: terminating", why);
    TerminateProcess(GetCurrentProcess(), STATUS_STACK_BUFFER_OVERRUN);
    for (;;)
        ;
}

static __thread ucrt_invalid_param_fn thread_invalid_param_handler;

/* _set_thread_local_invalid_parameter_handler / _get_... (ucrtbase) */
ucrt_invalid_param_fn CDECL
ucrt__set_thread_local_invalid_parameter_handler(ucrt_invalid_param_fn f)
{
    ucrt_invalid_param_fn old = thread_invalid_param_handler;
    thread_invalid_param_handler = f;
    return old;
}
ucrt_invalid_param_fn CDECL ucrt__get_thread_local_invalid_parameter_handler(void)
{
    return thread_invalid_param_handler;
}

/* The UCRT's invalid-parameter path (declared in msvcrt.h for the shared
 * printf and scanf engines): this thread's handler, else the process's,
 * else _invoke_watson. msvcrt.dll's default, by contrast, does nothing. */
void crt_ucrt_invalid_parameter(void)
{
    ucrt_invalid_param_fn h = thread_invalid_param_handler;
    if (!h)
        h = msvcrt__get_invalid_parameter_handler();
    if (h) {
        h(NULL, NULL, NULL, 0, 0);
        return;
    }
    fastfail("invalid parameter passed to a C runtime function");
}

/* _invalid_parameter_noinfo (ucrtbase) */
void CDECL ucrt__invalid_parameter_noinfo(void) { crt_ucrt_invalid_parameter(); }

/* _invalid_parameter_noinfo_noreturn (ucrtbase): the handler may not
 * return the caller to its work: the process ends either way. */
__attribute__((noreturn)) void CDECL ucrt__invalid_parameter_noinfo_noreturn(void)
{
    crt_ucrt_invalid_parameter();
    fastfail("invalid parameter (noreturn)");
}

/* _invoke_watson (ucrtbase) */
__attribute__((noreturn)) void CDECL ucrt__invoke_watson(const WCHAR *expr,
                                                         const WCHAR *func,
                                                         const WCHAR *file,
                                                         unsigned line,
                                                         UINT_PTR reserved)
{
    fastfail("_invoke_watson");
}

#define M_SIGABRT 22
#define CALL_REPORTFAULT 2

/* The UCRT's release default adds _CALL_REPORTFAULT to msvcrt's
 * _WRITE_ABORT_MSG; the other bits are msvcrt's own state. */
static int abort_reportfault = 1;

/* _set_abort_behavior (ucrtbase) */
unsigned CDECL ucrt__set_abort_behavior(unsigned flags, unsigned mask)
{
    unsigned old = msvcrt__set_abort_behavior(flags, mask & ~CALL_REPORTFAULT);
    old = (old & ~CALL_REPORTFAULT) | (abort_reportfault ? CALL_REPORTFAULT : 0);
    if (mask & CALL_REPORTFAULT)
        abort_reportfault = (flags & CALL_REPORTFAULT) != 0;
    return old;
}

/* abort (ucrtbase): a SIGABRT handler runs if one is set (and may leave
 * with longjmp); then, release UCRT style, no message and a fast fail
 * (STATUS_STACK_BUFFER_OVERRUN) unless _set_abort_behavior cleared
 * _CALL_REPORTFAULT, in which case the exit status is 3. Wine prints
 * "abnormal program termination" and exits with 3 instead. */
__attribute__((noreturn)) void CDECL ucrt_abort(void)
{
    crt_sighandler h = msvcrt_signal(M_SIGABRT, (crt_sighandler)0);
    if (h != (crt_sighandler)0 && h != (crt_sighandler)-1) {
        msvcrt_signal(M_SIGABRT, h);
        msvcrt_raise(M_SIGABRT);
    }
    if (abort_reportfault)
        fastfail("abort()");
    msvcrt__exit(3);
}

typedef void(CDECL *terminate_fn)(void);
static terminate_fn terminate_handler, unexpected_handler;

/* terminate / set_terminate / _get_terminate (ucrtbase): std::terminate;
 * the default handler is abort. */
__attribute__((noreturn)) void CDECL ucrt_terminate(void)
{
    terminate_fn f = terminate_handler;
    if (f)
        f();
    ucrt_abort();
}
terminate_fn CDECL ucrt_set_terminate(terminate_fn f)
{
    return __atomic_exchange_n(&terminate_handler, f, __ATOMIC_ACQ_REL);
}
terminate_fn CDECL ucrt__get_terminate(void) { return terminate_handler; }

/* unexpected / set_unexpected / _get_unexpected (ucrtbase) */
void CDECL ucrt_unexpected(void)
{
    terminate_fn f = unexpected_handler;
    if (f)
        f();
    ucrt_terminate();
}
terminate_fn CDECL ucrt_set_unexpected(terminate_fn f)
{
    return __atomic_exchange_n(&unexpected_handler, f, __ATOMIC_ACQ_REL);
}
terminate_fn CDECL ucrt__get_unexpected(void) { return unexpected_handler; }

/* _crt_debugger_hook (ucrtbase): a breakpoint target for debuggers. */
void CDECL ucrt__crt_debugger_hook(int reserved) {}

static int fma3_enabled = 1;

/* _set_FMA3_enable / _get_FMA3_enable (ucrtbase): libm picks its own code. */
int CDECL ucrt__set_FMA3_enable(int on)
{
    int old = fma3_enabled;
    fma3_enabled = on;
    return old;
}
int CDECL ucrt__get_FMA3_enable(void) { return fma3_enabled; }

/* __fpe_flt_rounds (ucrtbase): FLT_ROUNDS from the SSE rounding mode. */
int CDECL ucrt___fpe_flt_rounds(void)
{
    switch (fegetround()) {
    case FE_TOWARDZERO: return 0;
    case FE_TONEAREST: return 1;
    case FE_UPWARD: return 2;
    case FE_DOWNWARD: return 3;
    }
    return -1;
}
