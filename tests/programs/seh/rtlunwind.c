/* RtlUnwindEx and RtlUnwind, as __except and longjmp use them.  A frame
 * handler that catches calls RtlUnwindEx(TargetFrame, TargetIp, rec,
 * ReturnValue, ctx, history): every frame handler below the target is
 * called again with EXCEPTION_UNWINDING, the target's with
 * EXCEPTION_UNWINDING | EXCEPTION_TARGET_UNWIND, then execution continues
 * at TargetIp in the target frame with Rax = ReturnValue and the
 * non-volatile registers as that frame had them.  Called with no
 * exception record, RtlUnwindEx makes one: STATUS_UNWIND (0xC0000027). */
#include <windows.h>
#include <stdio.h>
#include "sehframe.h"

#define CODE 0xE0000030

struct frame { const char *name; int catch_it; int direct; void *target; };

static const char *flags_str(DWORD f)
{
    static char buf[64];
    snprintf(buf, sizeof(buf), "%s%s%s%s", f & EXCEPTION_UNWINDING ? "UNWINDING " : "",
             f & EXCEPTION_TARGET_UNWIND ? "TARGET_UNWIND " : "", f & EXCEPTION_EXIT_UNWIND ? "EXIT_UNWIND " : "",
             f & EXCEPTION_NONCONTINUABLE ? "NONCONTINUABLE " : "");
    return buf;
}

EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    struct frame *f = seh_frame_arg(frame);

    printf("%s: code %#lx flags %s\n", f->name, rec->ExceptionCode, flags_str(rec->ExceptionFlags));
    if (rec->ExceptionFlags & EXCEPTION_UNWINDING) {
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
            printf("%s:   TargetIp is the landing: %s\n", f->name, dc->TargetIp == (ULONG64)seh_call_landing ? "yes" : "no");
        return ExceptionContinueSearch;
    }
    if (f->catch_it) {
        printf("%s: catching\n", f->name);
        RtlUnwindEx(frame, seh_call_landing, rec, (void *)(ULONG_PTR)0x1234, ctx, dc->HistoryTable);
        printf("not reached\n");
    }
    return ExceptionContinueSearch;
}

/* fn for seh_call that passes its own seh_call frame on: rdx = frame */
extern ULONG_PTR with_frame(void *arg);
ULONG_PTR with_frame_c(void *arg, void *frame);
__asm__(".text\n"
        ".globl with_frame\nwith_frame:\n"
        "  lea 8(%rsp), %rdx\n"
        "  jmp with_frame_c\n");

static void *outer_frame;
static volatile int kept_in_rbx;

static ULONG_PTR innermost(void *arg)
{
    struct frame *f = arg;
    if (f->direct == 1) {
        CONTEXT ctx;
        printf("RtlUnwindEx without a record\n");
        RtlUnwindEx(outer_frame, seh_call_landing, NULL, (void *)(ULONG_PTR)0x5678, &ctx, NULL);
    } else if (f->direct == 2) {
        printf("RtlUnwind without a record\n");
        RtlUnwind(outer_frame, seh_call_landing, NULL, (void *)(ULONG_PTR)0x9abc);
    } else {
        RaiseException(CODE, 0, 0, NULL);
    }
    printf("not reached\n");
    return 0;
}

ULONG_PTR with_frame_c(void *arg, void *frame)
{
    struct frame *f = arg;
    struct frame middle = { "middle", 0, f->direct };
    outer_frame = frame;
    return seh_call(innermost, &middle);
}

int main(void)
{
    struct frame outer = { "outer", 1, 0 };
    ULONG_PTR r;

    printf("-- exception caught by the outer frame\n");
    r = seh_call(with_frame, &outer);
    printf("returned %#lx\n", (unsigned long)r);

    printf("-- direct unwind\n");
    outer.catch_it = 0;
    outer.direct = 1;
    r = seh_call(with_frame, &outer);
    printf("returned %#lx\n", (unsigned long)r);

    printf("-- RtlUnwind\n");
    outer.direct = 2;
    r = seh_call(with_frame, &outer);
    printf("returned %#lx\n", (unsigned long)r);
    return 0;
}
