/* processthreadsapi: threads, TLS and FLS slots, this process's identity
 * and exit. Creating other processes is in process.c. */
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#define DEBUG_CHANNEL thread
#include "debug.h"
#include "kernel32_private.h"
#include "exception.h"
#include "loader.h"
#include "signal_handling.h"
#include "thread.h"

/* GetCurrentProcess (kernel32) */
HANDLE WINAPI GetCurrentProcess(void) { return CURRENT_PROCESS_HANDLE; }

/* GetCurrentThread (kernel32) */
HANDLE WINAPI GetCurrentThread(void) { return CURRENT_THREAD_HANDLE; }

/* GetCurrentProcessId (kernel32): the Linux pid (DESIGN.md §1). */
DWORD WINAPI GetCurrentProcessId(void)
{
    return (DWORD)(uintptr_t)nt_current_teb()->ClientId.UniqueProcess;
}

/* GetCurrentThreadId (kernel32): the Linux tid. */
DWORD WINAPI GetCurrentThreadId(void)
{
    return (DWORD)(uintptr_t)nt_current_teb()->ClientId.UniqueThread;
}

/* CreateThread (kernel32) */
HANDLE WINAPI CreateThread(SECURITY_ATTRIBUTES *sa, SIZE_T stack,
                           LPTHREAD_START_ROUTINE start, LPVOID param,
                           DWORD flags, LPDWORD tid)
{
    NTSTATUS st;
    struct thread *t = thread_create(start, param, stack, flags, &st);
    if (!t) {
        set_ntstatus(st);
        return NULL;
    }
    HANDLE h = handle_alloc(&t->obj, sa && sa->bInheritHandle);
    if (tid)
        *tid = t->tid;
    object_put(&t->obj);
    return h;
}

/* CreateRemoteThread (kernel32): only into this process. */
HANDLE WINAPI CreateRemoteThread(HANDLE process, SECURITY_ATTRIBUTES *sa,
                                 SIZE_T stack, LPTHREAD_START_ROUTINE start,
                                 LPVOID param, DWORD flags, LPDWORD tid)
{
    if (process != CURRENT_PROCESS_HANDLE) {
        set_last_error(ERROR_ACCESS_DENIED);
        return NULL;
    }
    return CreateThread(sa, stack, start, param, flags, tid);
}

/* ExitThread (kernel32) */
void WINAPI ExitThread(DWORD code) { thread_exit(code); }

/* ExitProcess (kernel32): DLLs get PROCESS_DETACH, then the process ends. */
void WINAPI ExitProcess(UINT code)
{
    ldr_process_detach();
    process_terminate(code);
}

static struct thread *thread_from(HANDLE h)
{
    return (struct thread *)handle_ref(h, OBJ_THREAD);
}

/* GetExitCodeThread (kernel32): a child process's main thread (its
 * hThread from CreateProcess) ends with the process and its code. */
BOOL WINAPI GetExitCodeThread(HANDLE h, LPDWORD code)
{
    struct thread *t = thread_from(h);
    if (!t) {
        struct object *p = handle_ref(h, OBJ_PROCESS);
        if (p) {
            object_put(p);
            return GetExitCodeProcess(h, code);
        }
        return set_ntstatus(STATUS_INVALID_HANDLE);
    }
    *code = t->exited ? t->exit_code : STILL_ACTIVE;
    object_put(&t->obj);
    return TRUE;
}

/* ResumeThread (kernel32) */
DWORD WINAPI ResumeThread(HANDLE h)
{
    struct object *o = handle_ref(h, 0);
    if (!o) {
        set_last_error(ERROR_INVALID_HANDLE);
        return (DWORD)-1;
    }
    DWORD r = 0; /* a process's main thread (CreateProcess) runs already */
    if (o->type == OBJ_THREAD)
        r = thread_resume((struct thread *)o);
    object_put(o);
    return r;
}

/* SuspendThread (kernel32) */
DWORD WINAPI SuspendThread(HANDLE h)
{
    struct thread *t = thread_from(h);
    if (!t) {
        set_last_error(ERROR_INVALID_HANDLE);
        return (DWORD)-1;
    }
    DWORD r = thread_suspend(t);
    object_put(&t->obj);
    if (r == (DWORD)-1)
        set_last_error(ERROR_CALL_NOT_IMPLEMENTED);
    return r;
}

/* TerminateThread (kernel32): only the calling thread can be ended here. */
BOOL WINAPI TerminateThread(HANDLE h, DWORD code)
{
    struct thread *t = thread_from(h);
    if (!t)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    int self = t == nt_current_thread();
    object_put(&t->obj);
    if (self)
        thread_exit(code);
    FIXME("TerminateThread of another thread");
    set_last_error(ERROR_ACCESS_DENIED);
    return FALSE;
}

/* GetThreadId (kernel32) */
DWORD WINAPI GetThreadId(HANDLE h)
{
    struct thread *t = thread_from(h);
    if (!t)
        return 0;
    DWORD id = t->tid;
    object_put(&t->obj);
    return id;
}

/* GetProcessIdOfThread (kernel32) */
DWORD WINAPI GetProcessIdOfThread(HANDLE h) { return GetCurrentProcessId(); }

/* GetThreadPriority (kernel32) */
int WINAPI GetThreadPriority(HANDLE h) { return 0; /* THREAD_PRIORITY_NORMAL */ }

/* SetThreadPriority (kernel32): accepted; Linux nice values are per
 * thread but lowering them cannot be undone without privileges. */
BOOL WINAPI SetThreadPriority(HANDLE h, int prio) { return TRUE; }

/* SetThreadPriorityBoost (kernel32) */
BOOL WINAPI SetThreadPriorityBoost(HANDLE h, BOOL disable) { return TRUE; }

/* GetPriorityClass (kernel32) */
DWORD WINAPI GetPriorityClass(HANDLE h) { return 0x20; /* NORMAL */ }

/* SetPriorityClass (kernel32) */
BOOL WINAPI SetPriorityClass(HANDLE h, DWORD cls) { return TRUE; }

/* SetThreadAffinityMask (kernel32) */
DWORD_PTR WINAPI SetThreadAffinityMask(HANDLE h, DWORD_PTR mask)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 64 ? ~(DWORD_PTR)0 : ((DWORD_PTR)1 << n) - 1;
}

/* GetProcessAffinityMask (kernel32) */
BOOL WINAPI GetProcessAffinityMask(HANDLE h, DWORD_PTR *proc, DWORD_PTR *sys)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    DWORD_PTR m = n >= 64 ? ~(DWORD_PTR)0 : ((DWORD_PTR)1 << n) - 1;
    if (proc)
        *proc = m;
    if (sys)
        *sys = m;
    return TRUE;
}

/* SetThreadDescription (kernel32): the Linux thread name too (15 chars). */
LONG WINAPI SetThreadDescription(HANDLE h, LPCWSTR desc)
{
    if (h == CURRENT_THREAD_HANDLE && desc) {
        char name[16];
        wstr_to_utf8(desc, -1, name, sizeof name);
        pthread_setname_np(pthread_self(), name);
    }
    return 0;
}

/* GetCurrentProcessorNumber (kernel32) */
DWORD WINAPI GetCurrentProcessorNumber(void)
{
    int c = sched_getcpu();
    return c < 0 ? 0 : c;
}

/* ---- TLS slots ------------------------------------------------------------ */

#define TLS_SLOTS 64
#define TLS_EXPANSION 1024
static uint8_t tls_used[TLS_SLOTS + TLS_EXPANSION];
static pthread_mutex_t tls_lock = PTHREAD_MUTEX_INITIALIZER;
#define TLS_OUT_OF_INDEXES 0xffffffffu

/* TlsAlloc (kernel32) */
DWORD WINAPI TlsAlloc(void)
{
    pthread_mutex_lock(&tls_lock);
    for (DWORD i = 0; i < TLS_SLOTS + TLS_EXPANSION; i++)
        if (!tls_used[i]) {
            tls_used[i] = 1;
            pthread_mutex_unlock(&tls_lock);
            TEB *teb = nt_current_teb();
            if (i < TLS_SLOTS)
                teb->TlsSlots[i] = NULL;
            else if (teb->TlsExpansionSlots)
                teb->TlsExpansionSlots[i - TLS_SLOTS] = NULL;
            return i;
        }
    pthread_mutex_unlock(&tls_lock);
    set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    return TLS_OUT_OF_INDEXES;
}

/* TlsFree (kernel32) */
BOOL WINAPI TlsFree(DWORD i)
{
    if (i >= TLS_SLOTS + TLS_EXPANSION || !tls_used[i]) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    tls_used[i] = 0;
    return TRUE;
}

/* TlsGetValue (kernel32): clears the last error on success, so NULL
 * values can be told from failures. */
LPVOID WINAPI TlsGetValue(DWORD i)
{
    TEB *teb = nt_current_teb();
    if (i < TLS_SLOTS) {
        teb->LastErrorValue = 0;
        return teb->TlsSlots[i];
    }
    if (i >= TLS_SLOTS + TLS_EXPANSION) {
        teb->LastErrorValue = ERROR_INVALID_PARAMETER;
        return NULL;
    }
    teb->LastErrorValue = 0;
    return teb->TlsExpansionSlots ? teb->TlsExpansionSlots[i - TLS_SLOTS] : NULL;
}

/* TlsSetValue (kernel32) */
BOOL WINAPI TlsSetValue(DWORD i, LPVOID v)
{
    TEB *teb = nt_current_teb();
    if (i < TLS_SLOTS) {
        teb->TlsSlots[i] = v;
        return TRUE;
    }
    if (i >= TLS_SLOTS + TLS_EXPANSION) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!teb->TlsExpansionSlots)
        teb->TlsExpansionSlots = calloc(TLS_EXPANSION, sizeof(PVOID));
    teb->TlsExpansionSlots[i - TLS_SLOTS] = v;
    return TRUE;
}

/* Fiber-local storage: without fibers, per-thread storage with a
 * destructor. FIXME: the callbacks do not run at thread exit yet. */
typedef void(WINAPI *PFLS_CALLBACK_FUNCTION)(PVOID);

/* FlsAlloc (kernel32) */
DWORD WINAPI FlsAlloc(PFLS_CALLBACK_FUNCTION cb) { return TlsAlloc(); }

/* FlsFree (kernel32) */
BOOL WINAPI FlsFree(DWORD i) { return TlsFree(i); }

/* FlsGetValue (kernel32) */
PVOID WINAPI FlsGetValue(DWORD i) { return TlsGetValue(i); }

/* FlsSetValue (kernel32) */
BOOL WINAPI FlsSetValue(DWORD i, PVOID v) { return TlsSetValue(i, v); }

/* IsThreadAFiber (kernel32): the TEB's HasFiberData bit, as on Windows.
 * decant has no ConvertThreadToFiber yet, so nothing sets it. */
BOOL WINAPI IsThreadAFiber(void)
{
    return (nt_current_teb()->SameTebFlags & 0x4) != 0;
}

/* SetThreadStackGuarantee (kernel32): the bytes a stack-overflow handler
 * may use, kept where Windows keeps it (TEB GuaranteedStackBytes). Page
 * rounded, at least two pages once set, never reduced; *size gets the
 * previous value. decant's soft guard below StackLimit is 64 KiB
 * (thread.c), which covers any guarantee below that. */
BOOL WINAPI SetThreadStackGuarantee(ULONG *size)
{
    TEB *teb = nt_current_teb();
    ULONG prev = teb->GuaranteedStackBytes;
    ULONG want = (ULONG)(((ULONGLONG)*size + 0xfff) & ~0xfffull);
    if (want && want < 0x2000)
        want = 0x2000;
    ULONG_PTR reserve = (ULONG_PTR)teb->Tib.StackBase - (ULONG_PTR)teb->DeallocationStack;
    *size = prev;
    if (want >= reserve) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (want > 0xf000)
        FIXME("stack guarantee %#x is larger than the 64 KiB overflow guard", want);
    if (want > prev)
        teb->GuaranteedStackBytes = want;
    return TRUE;
}

/* FlushProcessWriteBuffers (kernel32): a memory barrier on every CPU
 * running one of our threads, which membarrier(2) gives directly. */
void WINAPI FlushProcessWriteBuffers(void)
{
    enum { GLOBAL = 1, PRIVATE_EXPEDITED = 8, REGISTER_PRIVATE_EXPEDITED = 16 };
    static int mode; /* 0 unknown, 1 private expedited, 2 global, 3 none */
    int m = __atomic_load_n(&mode, __ATOMIC_ACQUIRE);
    if (!m) {
        m = syscall(SYS_membarrier, REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0 ? 1 : 2;
        __atomic_store_n(&mode, m, __ATOMIC_RELEASE);
    }
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (m == 1 && syscall(SYS_membarrier, PRIVATE_EXPEDITED, 0, 0) == 0)
        return;
    if (m != 3 && syscall(SYS_membarrier, GLOBAL, 0, 0) == 0)
        return;
    __atomic_store_n(&mode, 3, __ATOMIC_RELEASE);
    FIXME("no membarrier(2): a local fence only");
}

/* ---- this process ---------------------------------------------------------- */

/* GetCommandLineW (kernel32) */
LPWSTR WINAPI GetCommandLineW(void)
{
    return nt_peb()->ProcessParameters->CommandLine.Buffer;
}

/* GetCommandLineA (kernel32) */
LPSTR WINAPI GetCommandLineA(void)
{
    static char *a;
    if (!a)
        a = wstr_to_utf8_alloc(GetCommandLineW());
    return a;
}

static void fill_startup(STARTUPINFOW *si)
{
    RTL_USER_PROCESS_PARAMETERS *pp = nt_peb()->ProcessParameters;
    memset(si, 0, sizeof *si);
    si->cb = sizeof *si;
    si->lpTitle = pp->WindowTitle.Buffer;
    si->hStdInput = pp->StandardInput;
    si->hStdOutput = pp->StandardOutput;
    si->hStdError = pp->StandardError;
}

/* GetStartupInfoW (kernel32) */
void WINAPI GetStartupInfoW(STARTUPINFOW *si) { fill_startup(si); }

/* GetStartupInfoA (kernel32) */
void WINAPI GetStartupInfoA(STARTUPINFOA *si)
{
    static char *title;
    STARTUPINFOW w;
    fill_startup(&w);
    if (!title)
        title = wstr_to_utf8_alloc(w.lpTitle);
    memcpy(si, &w, sizeof *si); /* same layout, pointer fields replaced */
    si->lpReserved = si->lpDesktop = NULL;
    si->lpTitle = title;
}

/* GetProcessId (kernel32) */
DWORD WINAPI GetProcessId(HANDLE h);

/* IsProcessorFeaturePresent (kernel32) */
BOOL WINAPI IsProcessorFeaturePresent(DWORD feature)
{
    if (feature >= 64)
        return FALSE;
    return ((const uint8_t *)KUSER_SHARED_DATA_ADDR)[0x274 + feature];
}

/* IsWow64Process (kernel32) */
BOOL WINAPI IsWow64Process(HANDLE h, BOOL *wow64)
{
    *wow64 = FALSE;
    return TRUE;
}

static void filetime_from_timeval(FILETIME *ft, const struct timeval *tv)
{
    uint64_t t = (uint64_t)tv->tv_sec * 10000000 + tv->tv_usec * 10;
    ft->dwLowDateTime = (DWORD)t;
    ft->dwHighDateTime = (DWORD)(t >> 32);
}

/* GetProcessTimes (kernel32): this process only; creation time is when
 * decant started it. */
BOOL WINAPI GetProcessTimes(HANDLE h, FILETIME *create, FILETIME *exit_t,
                            FILETIME *kernel, FILETIME *user)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    if (kernel)
        filetime_from_timeval(kernel, &ru.ru_stime);
    if (user)
        filetime_from_timeval(user, &ru.ru_utime);
    if (create) {
        static FILETIME start;
        if (!start.dwHighDateTime)
            GetSystemTimeAsFileTime(&start);
        *create = start;
    }
    if (exit_t)
        memset(exit_t, 0, sizeof *exit_t);
    return TRUE;
}

/* GetThreadTimes (kernel32) */
BOOL WINAPI GetThreadTimes(HANDLE h, FILETIME *create, FILETIME *exit_t,
                           FILETIME *kernel, FILETIME *user)
{
    struct rusage ru;
    getrusage(RUSAGE_THREAD, &ru);
    if (kernel)
        filetime_from_timeval(kernel, &ru.ru_stime);
    if (user)
        filetime_from_timeval(user, &ru.ru_utime);
    if (create)
        GetSystemTimeAsFileTime(create);
    if (exit_t)
        memset(exit_t, 0, sizeof *exit_t);
    return TRUE;
}

/* GetThreadContext (kernel32): the thread must be suspended, or be the
 * caller (whose context is then this call's). */
BOOL WINAPI GetThreadContext(HANDLE h, CONTEXT *c)
{
    struct thread *t = thread_from(h);
    if (!t)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    BOOL ok = TRUE;
    if (t == nt_current_thread()) {
        DWORD flags = c->ContextFlags;
        RtlCaptureContext(c);
        c->ContextFlags = flags;
    } else if (t->parked && t->suspend_uc) {
        signal_get_context(t->suspend_uc, c);
    } else {
        ok = set_ntstatus(STATUS_UNSUCCESSFUL);
    }
    object_put(&t->obj);
    return ok;
}

/* SetThreadContext (kernel32): applied when the suspended thread resumes. */
BOOL WINAPI SetThreadContext(HANDLE h, const CONTEXT *c)
{
    struct thread *t = thread_from(h);
    if (!t)
        return set_ntstatus(STATUS_INVALID_HANDLE);
    BOOL ok = TRUE;
    if (t == nt_current_thread()) {
        object_put(&t->obj);
        RtlRestoreContext((CONTEXT *)c, NULL);
    } else if (t->parked && t->suspend_uc) {
        signal_set_context(t->suspend_uc, c);
    } else {
        ok = set_ntstatus(STATUS_UNSUCCESSFUL);
    }
    object_put(&t->obj);
    return ok;
}

/* QueueUserAPC (kernel32) */
DWORD WINAPI QueueUserAPC(PAPCFUNC fn, HANDLE h, ULONG_PTR arg)
{
    struct thread *t = thread_from(h);
    if (!t) {
        set_last_error(ERROR_INVALID_HANDLE);
        return 0;
    }
    NTSTATUS st = sync_queue_apc(t, fn, arg);
    object_put(&t->obj);
    return set_ntstatus(st);
}

/* SetProcessPriorityBoost (kernel32) */
BOOL WINAPI SetProcessPriorityBoost(HANDLE h, BOOL disable) { return TRUE; }

/* GetProcessPriorityBoost (kernel32) */
BOOL WINAPI GetProcessPriorityBoost(HANDLE h, BOOL *disabled)
{
    *disabled = FALSE;
    return TRUE;
}
