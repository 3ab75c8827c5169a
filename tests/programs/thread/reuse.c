/* Many short threads, one after another: each one's id is known when
 * CreateThread returns (lpThreadId, GetThreadId) and is the id the thread
 * sees itself, whether it has already ended by then or waits created
 * suspended; threads alive together have distinct ids; every thread
 * starts with a fresh TEB (TLS slots NULL, last error 0) and a stack of
 * its own, whatever the threads before it left behind. */
#include <windows.h>
#include "test.h"

#define ROUNDS 200

static DWORD slot;

struct seen {
    DWORD id;
    void *tls;
    DWORD last_error;
    BOOL stack_ok;
};

static DWORD WINAPI worker(void *arg)
{
    struct seen *s = arg;
    NT_TIB *tib = (NT_TIB *)NtCurrentTeb();
    volatile char local = 0;
    s->id = GetCurrentThreadId();
    s->tls = TlsGetValue(slot);
    s->last_error = GetLastError();
    s->stack_ok = (char *)&local < (char *)tib->StackBase &&
                  (char *)&local > (char *)tib->StackLimit;
    /* leave something behind for the next thread to not see */
    TlsSetValue(slot, (void *)0xdead);
    SetLastError(1234);
    return s->id;
}

static DWORD WINAPI blocker(void *arg)
{
    WaitForSingleObject((HANDLE)arg, INFINITE);
    return GetCurrentThreadId();
}

int main(void)
{
    int bad_id = 0, bad_getid = 0, bad_code = 0, bad_tls = 0, bad_error = 0, bad_stack = 0;
    HANDLE go, held[8];
    DWORD held_id[8];
    int i, j, same = 0, zero = 0;

    slot = TlsAlloc();
    ok(slot != TLS_OUT_OF_INDEXES, "TlsAlloc");
    for (i = 0; i < ROUNDS; i++) {
        struct seen s = {0};
        DWORD tid = 0, code = 0;
        BOOL suspended = i % 4 == 3;
        HANDLE h = CreateThread(NULL, 0, worker, &s, suspended ? CREATE_SUSPENDED : 0, &tid);
        if (!h) {
            ok(0, "CreateThread %d: error %lu", i, GetLastError());
            break;
        }
        if (GetThreadId(h) != tid)
            bad_getid++;
        if (suspended)
            ResumeThread(h);
        WaitForSingleObject(h, INFINITE);
        GetExitCodeThread(h, &code);
        CloseHandle(h);
        bad_id += s.id != tid || tid == 0;
        bad_code += code != tid;
        bad_tls += s.tls != NULL;
        bad_error += s.last_error != 0;
        bad_stack += !s.stack_ok;
    }
    ok(!bad_id, "lpThreadId is the thread's own id: %d of %d wrong", bad_id, ROUNDS);
    ok(!bad_getid, "GetThreadId right after CreateThread: %d wrong", bad_getid);
    ok(!bad_code, "exit codes: %d wrong", bad_code);
    ok(!bad_tls, "TLS slot NULL in each new thread: %d not", bad_tls);
    ok(!bad_error, "last error 0 in each new thread: %d not", bad_error);
    ok(!bad_stack, "locals between StackLimit and StackBase: %d not", bad_stack);

    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    for (i = 0; i < 8; i++)
        held[i] = CreateThread(NULL, 0, blocker, go, 0, &held_id[i]);
    for (i = 0; i < 8; i++) {
        zero += held_id[i] == 0 || held_id[i] == GetCurrentThreadId();
        for (j = 0; j < i; j++)
            same += held_id[i] == held_id[j];
    }
    ok(!zero && !same, "ids of threads alive together are distinct: %d zero or own, %d repeated", zero, same);
    SetEvent(go);
    for (i = 0; i < 8; i++) {
        DWORD code = 0;
        WaitForSingleObject(held[i], INFINITE);
        GetExitCodeThread(held[i], &code);
        ok(code == held_id[i], "thread %d saw id %lu, CreateThread said %lu", i, code, held_id[i]);
        CloseHandle(held[i]);
    }
    return test_summary();
}
