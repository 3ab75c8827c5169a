/* _beginthread/_beginthreadex over CreateThread. A _beginthread thread
 * owns its handle and closes it when it ends (so the caller must not wait
 * on it after that); a _beginthreadex handle belongs to the caller. */
#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

typedef void(CDECL *thread_fn)(void *);
typedef unsigned(WINAPI *thread_ex_fn)(void *);

struct start_ctx {
    thread_fn fn;
    thread_ex_fn fn_ex;
    void *arg;
    HANDLE volatile handle; /* set by the creator; _beginthread only */
};

static __thread HANDLE own_handle;

static void free_thread_data(void)
{
    struct crt_thread *t = crt_thread();
    msvcrt_free(t->strerror_buf);
    msvcrt_free(t->asctime_buf);
    msvcrt_free(t->wasctime_buf);
    msvcrt_free(t->tm_buf);
    msvcrt_free(t->tmpnam_buf);
    msvcrt_free(t->efcvt_buf);
    t->strerror_buf = t->asctime_buf = t->tmpnam_buf = t->efcvt_buf = NULL;
    t->wasctime_buf = NULL;
    t->tm_buf = NULL;
}

/* _endthread (msvcrt) */
__attribute__((noreturn)) void CDECL msvcrt__endthread(void)
{
    free_thread_data();
    if (own_handle)
        CloseHandle(own_handle);
    ExitThread(0);
}

/* _endthreadex (msvcrt) */
__attribute__((noreturn)) void CDECL msvcrt__endthreadex(unsigned code)
{
    free_thread_data();
    ExitThread(code);
}

static DWORD WINAPI start_thread(void *p)
{
    struct start_ctx ctx = *(struct start_ctx *)p;
    while (!((struct start_ctx *)p)->handle)
        Sleep(0);
    own_handle = ((struct start_ctx *)p)->handle;
    msvcrt_free(p);
    ctx.fn(ctx.arg);
    msvcrt__endthread();
}

static DWORD WINAPI start_thread_ex(void *p)
{
    struct start_ctx ctx = *(struct start_ctx *)p;
    msvcrt_free(p);
    msvcrt__endthreadex(ctx.fn_ex(ctx.arg));
}

/* _beginthread (msvcrt): -1 on failure. */
UINT_PTR CDECL msvcrt__beginthread(thread_fn fn, unsigned stack, void *arg)
{
    crt_init();
    if (!fn) {
        crt_set_errno(M_EINVAL);
        return (UINT_PTR)-1;
    }
    struct start_ctx *ctx = msvcrt_calloc(1, sizeof *ctx);
    if (!ctx)
        return (UINT_PTR)-1;
    ctx->fn = fn;
    ctx->arg = arg;
    HANDLE h = CreateThread(NULL, stack, start_thread, ctx, 0, NULL);
    if (!h) {
        crt_dosmaperr(GetLastError());
        msvcrt_free(ctx);
        return (UINT_PTR)-1;
    }
    ctx->handle = h;
    return (UINT_PTR)h;
}

/* _beginthreadex (msvcrt): 0 on failure. */
UINT_PTR CDECL msvcrt__beginthreadex(SECURITY_ATTRIBUTES *sa, unsigned stack,
                                     thread_ex_fn fn, void *arg, unsigned flags,
                                     unsigned *id)
{
    crt_init();
    if (!fn) {
        crt_set_errno(M_EINVAL);
        return 0;
    }
    struct start_ctx *ctx = msvcrt_calloc(1, sizeof *ctx);
    if (!ctx)
        return 0;
    ctx->fn_ex = fn;
    ctx->arg = arg;
    DWORD tid;
    HANDLE h = CreateThread(sa, stack, start_thread_ex, ctx, flags, &tid);
    if (!h) {
        crt_dosmaperr(GetLastError());
        msvcrt_free(ctx);
        return 0;
    }
    if (id)
        *id = tid;
    return (UINT_PTR)h;
}

/* _getpid (msvcrt) */
int CDECL msvcrt__getpid(void) { return (int)GetCurrentProcessId(); }
