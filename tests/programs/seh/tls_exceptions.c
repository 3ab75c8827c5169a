/* Thread-local storage and exceptions: a vectored handler runs on the
 * faulting thread, so __thread variables and TlsGetValue give that
 * thread's values, and a change the handler makes is what the thread
 * sees after resuming.  Exceptions raised inside a TLS callback
 * (DLL_THREAD_ATTACH / DLL_THREAD_DETACH of a new thread) are dispatched
 * normally there and do not disturb the thread's start or end. */
#include <windows.h>
#include "test.h"

static __thread int tls_var = 5;
static DWORD slot;
static volatile LONG seen_var, seen_slot, handler_tid, calls;
static volatile LONG attach_raised, detach_raised, attach_caught, detach_caught;
static volatile LONG raise_in_callbacks;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    switch (ep->ExceptionRecord->ExceptionCode) {
    case 0xE0000200:
        calls++;
        seen_var = tls_var;
        seen_slot = (LONG)(INT_PTR)TlsGetValue(slot);
        handler_tid = GetCurrentThreadId();
        tls_var += 100;
        TlsSetValue(slot, (void *)(INT_PTR)(seen_slot + 1000));
        return EXCEPTION_CONTINUE_EXECUTION;
    case 0xE0000201:
        attach_caught++;
        return EXCEPTION_CONTINUE_EXECUTION;
    case 0xE0000202:
        detach_caught++;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static void NTAPI tls_callback(void *module, DWORD reason, void *reserved)
{
    if (!raise_in_callbacks)
        return;
    if (reason == DLL_THREAD_ATTACH) {
        attach_raised++;
        RaiseException(0xE0000201, 0, 0, NULL);
    } else if (reason == DLL_THREAD_DETACH) {
        detach_raised++;
        RaiseException(0xE0000202, 0, 0, NULL);
    }
}
__attribute__((used, section(".CRT$XLB"))) PIMAGE_TLS_CALLBACK tls_callback_ptr = tls_callback;

static DWORD WINAPI thread(void *arg)
{
    int mine = (int)(INT_PTR)arg;
    DWORD tid = GetCurrentThreadId();
    tls_var = mine;
    TlsSetValue(slot, (void *)(INT_PTR)(mine * 2));
    RaiseException(0xE0000200, 0, 0, NULL);
    if (handler_tid != (LONG)tid || seen_var != mine || seen_slot != mine * 2)
        return 1;
    if (tls_var != mine + 100 || (INT_PTR)TlsGetValue(slot) != mine * 2 + 1000)
        return 2;
    return 0;
}

int main(void)
{
    HANDLE t;
    DWORD code;
    void *h;

    slot = TlsAlloc();
    h = AddVectoredExceptionHandler(1, veh);

    TlsSetValue(slot, (void *)3);
    RaiseException(0xE0000200, 0, 0, NULL);
    ok(calls == 1 && seen_var == 5 && seen_slot == 3, "main thread: handler sees __thread %ld, slot %ld", seen_var,
       seen_slot);
    ok(tls_var == 105 && (INT_PTR)TlsGetValue(slot) == 1003, "main thread sees the handler's changes");

    t = CreateThread(NULL, 0, thread, (void *)7, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    ok(GetExitCodeThread(t, &code) && code == 0, "second thread: its own values (%lu)", code);
    CloseHandle(t);
    ok(tls_var == 105, "main thread's __thread untouched: %d", tls_var);

    raise_in_callbacks = 1;
    t = CreateThread(NULL, 0, thread, (void *)9, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    raise_in_callbacks = 0;
    ok(GetExitCodeThread(t, &code) && code == 0, "thread with raising TLS callbacks ran normally (%lu)", code);
    CloseHandle(t);
    ok(attach_raised == 1 && attach_caught == 1, "exception in DLL_THREAD_ATTACH callback handled: %ld %ld",
       attach_raised, attach_caught);
    ok(detach_raised == 1 && detach_caught == 1, "exception in DLL_THREAD_DETACH callback handled: %ld %ld",
       detach_raised, detach_caught);

    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
