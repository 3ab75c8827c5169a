/* SuspendThread never stops a thread in the middle of a system service.
 * Go's preemptM suspends a thread, reads its context, then calls SetEvent
 * (unlock(&suspendLock)) before ResumeThread: if the suspended thread had
 * been stopped half-way through its own SetEvent, holding whatever the
 * system keeps events under, the suspender would wait for it forever. On
 * Windows the kernel finishes the service first, so this never blocks.
 * Here a thread spins on SetEvent/ResetEvent, CreateEvent/CloseHandle and
 * HeapAlloc/HeapFree while the main thread suspends it and makes the same
 * calls before resuming it, each time once the spinner has been round its
 * loop again.
 *
 * A thread blocked in a wait, in EnterCriticalSection, in ReadFile on an
 * empty pipe or in Sleep is suspended at once, and stays suspended when
 * what it waits for arrives. A thread that suspends itself stays so until
 * resumed, and its context can be read meanwhile.
 *
 * A watchdog thread ends the test if it has not finished in 20 s, with
 * exit status 100 + the number of the phase it was stuck in (below). It
 * waits on a condition variable and prints nothing, since whatever the
 * stuck threads hold could be needed for that. */
#include <windows.h>
#include <string.h>
#include "test.h"

#ifndef ROUNDS
#define ROUNDS 200
#endif

enum { SPINNER = 1, WAIT, CRITSEC, PIPE, SLEEP, SELF, END };
static volatile LONG phase;

static HANDLE ev_a, ev_b;
static volatile LONG stop, progress;

static CRITICAL_SECTION watch_cs;
static CONDITION_VARIABLE watch_cv = CONDITION_VARIABLE_INIT;
static int finished;

static DWORD WINAPI watchdog(void *arg)
{
    DWORD start = GetTickCount();
    EnterCriticalSection(&watch_cs);
    while (!finished && GetTickCount() - start < 20000)
        SleepConditionVariableCS(&watch_cv, &watch_cs, 1000);
    if (!finished)
        TerminateProcess(GetCurrentProcess(), 100 + phase);
    LeaveCriticalSection(&watch_cs);
    return 0;
}

static DWORD WINAPI spinner(void *arg)
{
    while (!stop) {
        SetEvent(ev_a);
        ResetEvent(ev_a);
        HANDLE h = CreateEventW(NULL, FALSE, FALSE, NULL);
        CloseHandle(h);
        void *p = HeapAlloc(GetProcessHeap(), 0, 100);
        HeapFree(GetProcessHeap(), 0, p);
        InterlockedIncrement(&progress);
    }
    return 0;
}

/* Until the spinner has been round its loop again. */
static void let_run(void)
{
    LONG seen = progress;
    while (progress == seen)
        SwitchToThread();
}

/* The blocked threads: each counts once it got through. */
static HANDLE block_ev, pipe_r, pipe_w;
static CRITICAL_SECTION block_cs;

static DWORD WINAPI wait_event(void *arg)
{
    WaitForSingleObject(block_ev, INFINITE);
    InterlockedIncrement(&progress);
    return 0;
}

static DWORD WINAPI enter_cs(void *arg)
{
    EnterCriticalSection(&block_cs);
    InterlockedIncrement(&progress);
    LeaveCriticalSection(&block_cs);
    return 0;
}

static DWORD WINAPI read_pipe(void *arg)
{
    char c;
    DWORD n;
    if (ReadFile(pipe_r, &c, 1, &n, NULL) && n == 1)
        InterlockedIncrement(&progress);
    return 0;
}

static DWORD WINAPI sleeper(void *arg)
{
    while (!stop) {
        Sleep(1);
        InterlockedIncrement(&progress);
    }
    return 0;
}

static volatile LONG self_ready;

static DWORD WINAPI self_suspend(void *arg)
{
    self_ready = 1;
    SuspendThread(GetCurrentThread());
    InterlockedIncrement(&progress);
    return 0;
}

/* Starts fn, lets it block, suspends it, calls release(), checks that it
 * stays stopped, resumes it and checks that it gets through. */
static void blocked(int n, const char *name, LPTHREAD_START_ROUTINE fn, void (*release)(void))
{
    CONTEXT ctx;
    HANDLE t;
    LONG before;

    phase = n;
    progress = 0;
    stop = 0;
    t = CreateThread(NULL, 0, fn, NULL, 0, NULL);
    Sleep(20);
    ok(SuspendThread(t) == 0, "%s: SuspendThread", name);
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_CONTROL;
    ok(GetThreadContext(t, &ctx), "%s: GetThreadContext", name);
    before = progress;
    if (release)
        release();
    Sleep(20);
    ok(progress == before, "%s: stays suspended (%ld, %ld)", name, progress, before);
    ok(ResumeThread(t) == 1, "%s: ResumeThread", name);
    if (!release) { /* the sleeper: let it count again */
        Sleep(20);
        ok(progress > before, "%s: runs again", name);
        stop = 1;
    }
    ok(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "%s: gets through", name);
    CloseHandle(t);
}

static void set_block_ev(void) { SetEvent(block_ev); }
static void leave_block_cs(void) { LeaveCriticalSection(&block_cs); }
static void write_pipe(void)
{
    DWORD n;
    WriteFile(pipe_w, "x", 1, &n, NULL);
}

int main(void)
{
    HANDLE t, w;
    CONTEXT ctx;
    int i, got_context = 0, counts_ok = 0;

    InitializeCriticalSection(&watch_cs);
    w = CreateThread(NULL, 0, watchdog, NULL, 0, NULL);

    phase = SPINNER;
    ev_a = CreateEventW(NULL, TRUE, FALSE, NULL);
    ev_b = CreateEventW(NULL, TRUE, FALSE, NULL);
    t = CreateThread(NULL, 0, spinner, NULL, 0, NULL);
    let_run();
    for (i = 0; i < ROUNDS; i++) {
        counts_ok += SuspendThread(t) == 0;
        memset(&ctx, 0, sizeof(ctx));
        ctx.ContextFlags = CONTEXT_CONTROL;
        got_context += !!GetThreadContext(t, &ctx);
        SetEvent(ev_b);
        ResetEvent(ev_b);
        CloseHandle(CreateEventW(NULL, FALSE, FALSE, NULL));
        HeapFree(GetProcessHeap(), 0, HeapAlloc(GetProcessHeap(), 0, 100));
        counts_ok += ResumeThread(t) == 1;
        let_run();
    }
    stop = 1;
    ok(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "spinner ends");
    ok(counts_ok == 2 * ROUNDS, "suspend counts 0 then 1: %d of %d", counts_ok, 2 * ROUNDS);
    ok(got_context == ROUNDS, "GetThreadContext: %d of %d", got_context, ROUNDS);
    CloseHandle(t);

    block_ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    blocked(WAIT, "WaitForSingleObject", wait_event, set_block_ev);
    InitializeCriticalSection(&block_cs);
    EnterCriticalSection(&block_cs);
    blocked(CRITSEC, "EnterCriticalSection", enter_cs, leave_block_cs);
    ok(CreatePipe(&pipe_r, &pipe_w, NULL, 0), "CreatePipe");
    blocked(PIPE, "ReadFile", read_pipe, write_pipe);
    blocked(SLEEP, "Sleep", sleeper, NULL);

    phase = SELF;
    progress = 0;
    t = CreateThread(NULL, 0, self_suspend, NULL, 0, NULL);
    while (!self_ready)
        Sleep(1);
    Sleep(20);
    ok(progress == 0, "self: suspended");
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_CONTROL;
    ok(GetThreadContext(t, &ctx), "self: GetThreadContext");
    ok(ResumeThread(t) == 1, "self: ResumeThread");
    ok(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "self: gets through");
    ok(progress == 1, "self: ran on");
    CloseHandle(t);

    phase = END;
    EnterCriticalSection(&watch_cs);
    finished = 1;
    LeaveCriticalSection(&watch_cs);
    WakeConditionVariable(&watch_cv);
    WaitForSingleObject(w, INFINITE);
    return test_summary();
}
