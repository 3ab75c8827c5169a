/* Exceptions in several threads at once.  Vectored handlers are
 * process-wide but each call runs on the faulting thread, with that
 * thread's CONTEXT and TLS; frame-based handlers are found on the
 * faulting thread's own stack.  Four threads each take 2000 faults
 * (handled by a vectored handler that skips the instruction) and 200
 * raised exceptions (caught by their own frame handler through
 * RtlUnwindEx), concurrently. */
#include <windows.h>
#include "test.h"
#include "sehframe.h"

#define THREADS 4
#define FAULTS 2000
#define RAISES 200

extern int load(int *p);
__asm__(".text\n"
        ".globl load\nload:\n"
        ".globl load_insn\nload_insn:\n"
        "  movl (%rcx), %eax\n"
        ".globl load_done\nload_done:\n"
        "  ret\n");
extern char load_insn[], load_done[];

static DWORD slot;
static LONG faults[THREADS], wrong[THREADS], caught[THREADS];

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    int idx;
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION ||
        ep->ContextRecord->Rip != (DWORD64)load_insn)
        return EXCEPTION_CONTINUE_SEARCH;
    idx = (int)(INT_PTR)TlsGetValue(slot) - 1;
    if (idx < 0 || idx >= THREADS)
        return EXCEPTION_CONTINUE_SEARCH;
    faults[idx]++;
    /* the faulting address encodes the thread: it must match this thread's TLS */
    if (ep->ExceptionRecord->ExceptionInformation[1] != (ULONG_PTR)(0x100 + idx * 8))
        wrong[idx]++;
    ep->ContextRecord->Rax = idx;
    ep->ContextRecord->Rip = (DWORD64)load_done;
    return EXCEPTION_CONTINUE_EXECUTION;
}

EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    int idx = (int)(INT_PTR)seh_frame_arg(frame);
    if ((rec->ExceptionFlags & EXCEPTION_UNWINDING) || rec->ExceptionCode != 0xE0000100 + (DWORD)idx)
        return ExceptionContinueSearch;
    RtlUnwindEx(frame, seh_call_landing, rec, (void *)(ULONG_PTR)(1000 + idx), ctx, dc->HistoryTable);
    return ExceptionContinueSearch;
}

static ULONG_PTR raise(void *arg)
{
    RaiseException(0xE0000100 + (DWORD)(INT_PTR)arg, 0, 0, NULL);
    return 0;
}

static DWORD WINAPI thread(void *arg)
{
    int idx = (int)(INT_PTR)arg, i;
    TlsSetValue(slot, (void *)(INT_PTR)(idx + 1));
    for (i = 0; i < FAULTS; i++)
        if (load((int *)(ULONG_PTR)(0x100 + idx * 8)) != idx)
            wrong[idx]++;
    for (i = 0; i < RAISES; i++)
        if (seh_call(raise, (void *)(INT_PTR)idx) == 1000 + (ULONG_PTR)idx)
            caught[idx]++;
    return 7 + idx;
}

int main(void)
{
    HANDLE t[THREADS];
    DWORD code;
    int i;
    void *h;

    slot = TlsAlloc();
    h = AddVectoredExceptionHandler(1, veh);
    for (i = 0; i < THREADS; i++)
        t[i] = CreateThread(NULL, 0, thread, (void *)(INT_PTR)i, 0, NULL);
    ok(WaitForMultipleObjects(THREADS, t, TRUE, 30000) == WAIT_OBJECT_0, "threads finish");
    for (i = 0; i < THREADS; i++) {
        ok(faults[i] == FAULTS, "thread %d: %ld faults", i, faults[i]);
        ok(wrong[i] == 0, "thread %d: %ld mismatches", i, wrong[i]);
        ok(caught[i] == RAISES, "thread %d: %ld caught", i, caught[i]);
        ok(GetExitCodeThread(t[i], &code) && code == 7 + (DWORD)i, "thread %d exit code %lu", i, code);
        CloseHandle(t[i]);
    }
    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
