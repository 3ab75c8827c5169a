/* EXCEPTION_NONCONTINUABLE: when a frame-based handler returns
 * ExceptionContinueExecution for a non-continuable exception, the
 * dispatcher raises STATUS_NONCONTINUABLE_EXCEPTION (0xC0000025), itself
 * non-continuable, which goes through the vectored handlers and the frames
 * again; here the same frame handler catches it by unwinding.  A vectored
 * handler's EXCEPTION_CONTINUE_EXECUTION is not checked against the flag:
 * RaiseException returns.  (The chained ExceptionRecord: noncontinuable_chain.c) */
#include <windows.h>
#include <stdio.h>
#include "sehframe.h"

#define CODE 0xE0000010

static int veh_continue;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *r = ep->ExceptionRecord;
    if (r->ExceptionCode == CODE || r->ExceptionCode == STATUS_NONCONTINUABLE_EXCEPTION) {
        printf("veh: %#lx noncontinuable=%d\n", r->ExceptionCode, (int)(r->ExceptionFlags & EXCEPTION_NONCONTINUABLE));
        if (veh_continue && r->ExceptionCode == CODE)
            return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *r, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    if (r->ExceptionFlags & EXCEPTION_UNWINDING)
        return ExceptionContinueSearch;
    printf("frame: %#lx noncontinuable=%d\n", r->ExceptionCode, (int)(r->ExceptionFlags & EXCEPTION_NONCONTINUABLE));
    if (r->ExceptionCode == CODE)
        return ExceptionContinueExecution;
    if (r->ExceptionCode == STATUS_NONCONTINUABLE_EXCEPTION) {
        printf("frame: parameters=%lu\n", r->NumberParameters);
        RtlUnwindEx(frame, seh_call_landing, r, (void *)0x25, ctx, dc->HistoryTable);
    }
    return ExceptionContinueSearch;
}

static ULONG_PTR raise(void *arg)
{
    ULONG_PTR p = 42;
    RaiseException(CODE, EXCEPTION_NONCONTINUABLE, 1, &p);
    printf("raise returned\n");
    return 1;
}

int main(void)
{
    ULONG_PTR r;
    void *h = AddVectoredExceptionHandler(1, veh);

    r = seh_call(raise, NULL);
    printf("seh_call returned %#lx\n", (unsigned long)r);

    printf("-- vectored handler continues\n");
    veh_continue = 1;
    r = seh_call(raise, NULL);
    printf("seh_call returned %#lx\n", (unsigned long)r);

    RemoveVectoredExceptionHandler(h);
    return 0;
}
