// wine: skip Wine 8 stores vectored continue handlers but never calls them
/* Vectored continue handlers (AddVectoredContinueHandler): when a
 * vectored handler, a frame-based handler or the unhandled-exception
 * filter resumes execution, the dispatcher then walks the continue
 * handlers (First=1 ones at the front) until one returns
 * EXCEPTION_CONTINUE_EXECUTION; a handler that unwinds never gets there.
 * The expected trace is not verified on Windows: it follows the Go
 * runtime, which relies on it (runtime/signal_windows.go: "Windows
 * searches ContinueHandler's list even if ExceptionHandler returns
 * EXCEPTION_CONTINUE_EXECUTION"; firstcontinuehandler stops the walk) and
 * ReactOS's RtlDispatchException. */
#include <windows.h>
#include <stdio.h>
#include "sehframe.h"

#define CODE 0xE0000001

static int veh_ret = EXCEPTION_CONTINUE_SEARCH;
static int frame_ret = ExceptionContinueSearch;
static int vch_b_ret = EXCEPTION_CONTINUE_SEARCH;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != CODE)
        return EXCEPTION_CONTINUE_SEARCH;
    printf("veh ");
    return veh_ret;
}
static LONG CALLBACK vch(const char *name, EXCEPTION_POINTERS *ep, LONG ret)
{
    if (ep->ExceptionRecord->ExceptionCode != CODE)
        return EXCEPTION_CONTINUE_SEARCH;
    printf("%s ", name);
    return ret;
}
static LONG CALLBACK vch_a(EXCEPTION_POINTERS *ep) { return vch("vch_a", ep, EXCEPTION_CONTINUE_SEARCH); }
static LONG CALLBACK vch_b(EXCEPTION_POINTERS *ep) { return vch("vch_b", ep, vch_b_ret); }
static LONG CALLBACK vch_c(EXCEPTION_POINTERS *ep) { return vch("vch_c", ep, EXCEPTION_CONTINUE_SEARCH); }

EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    if (rec->ExceptionCode != CODE || (rec->ExceptionFlags & EXCEPTION_UNWINDING))
        return ExceptionContinueSearch;
    printf("frame ");
    if (frame_ret == -1) {
        printf("unwind ");
        RtlUnwindEx(frame, seh_call_landing, rec, (void *)1, ctx, dc->HistoryTable);
    }
    return frame_ret;
}

static LONG WINAPI filter(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != CODE)
        return EXCEPTION_CONTINUE_SEARCH;
    printf("filter ");
    return EXCEPTION_CONTINUE_EXECUTION;
}

static ULONG_PTR raise(void *what)
{
    RaiseException(CODE, 0, 0, NULL);
    return 0;
}

static void run(const char *what)
{
    printf("%s: ", what);
    seh_call(raise, NULL);
    printf("\n");
}

int main(void)
{
    void *ha, *hb, *hc, *hv;

    SetUnhandledExceptionFilter(filter);
    hv = AddVectoredExceptionHandler(1, veh);
    ha = AddVectoredContinueHandler(0, vch_a);
    hb = AddVectoredContinueHandler(1, vch_b);
    hc = AddVectoredContinueHandler(0, vch_c);
    printf("handles: %s\n", ha && hb && hc ? "non-null" : "null");

    veh_ret = EXCEPTION_CONTINUE_EXECUTION;
    run("veh continues");

    veh_ret = EXCEPTION_CONTINUE_SEARCH;
    frame_ret = ExceptionContinueExecution;
    run("frame handler continues");

    frame_ret = ExceptionContinueSearch;
    run("filter continues");

    frame_ret = -1;
    run("frame handler unwinds");

    frame_ret = ExceptionContinueSearch;
    veh_ret = EXCEPTION_CONTINUE_EXECUTION;
    vch_b_ret = EXCEPTION_CONTINUE_EXECUTION;
    run("vch_b stops the walk");

    printf("remove b: %lu\n", RemoveVectoredContinueHandler(hb));
    printf("remove b again: %lu\n", RemoveVectoredContinueHandler(hb));
    run("without b");

    RemoveVectoredContinueHandler(ha);
    RemoveVectoredContinueHandler(hc);
    RemoveVectoredExceptionHandler(hv);
    return 0;
}
