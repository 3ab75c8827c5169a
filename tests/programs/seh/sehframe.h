/* A frame-based exception handler for mingw C, which has no __try.
 * seh_call(fn, arg) calls fn(arg) inside a frame whose unwind info names
 * seh_frame_handler (defined by the test) as its language-specific handler
 * for both dispatch and unwind (.seh_handler ..., @except, @unwind).
 *
 * The handler gets the EstablisherFrame of that seh_call; seh_frame_arg()
 * gives back the arg passed to it.  To catch, a handler calls
 *   RtlUnwindEx(frame, seh_call_landing, rec, (void *)value, ctx, dc->HistoryTable);
 * and seh_call returns value, as __C_specific_handler does for __except.
 * Without an exception seh_call returns fn's result. */
#ifndef SEHFRAME_H
#define SEHFRAME_H
#include <windows.h>

EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                        DISPATCHER_CONTEXT *dc);
extern ULONG_PTR seh_call(ULONG_PTR (*fn)(void *), void *arg);
extern char seh_call_landing[], seh_call_after[];

/* Frame layout: push rbx; sub $48 -> EstablisherFrame = rsp after the
 * prologue; arg saved at frame+32 (above the callee's home area). */
static inline void *seh_frame_arg(void *frame)
{
    return *(void **)((char *)frame + 32);
}

__asm__(".text\n"
        ".globl seh_call\n"
        ".def seh_call; .scl 2; .type 32; .endef\n"
        ".seh_proc seh_call\n"
        "seh_call:\n"
        "  push %rbx\n"
        "  .seh_pushreg %rbx\n"
        "  sub $48, %rsp\n"
        "  .seh_stackalloc 48\n"
        "  .seh_endprologue\n"
        "  mov %rdx, 32(%rsp)\n"
        "  mov %rcx, %rax\n"
        "  mov %rdx, %rcx\n"
        "  call *%rax\n"
        ".globl seh_call_after\n"
        "seh_call_after:\n"
        "  nop\n"
        ".globl seh_call_landing\n"
        "seh_call_landing:\n"
        "  add $48, %rsp\n"
        "  pop %rbx\n"
        "  ret\n"
        "  .seh_handler seh_frame_handler, @except, @unwind\n"
        "  .seh_handlerdata\n"
        "  .long 0\n"
        "  .text\n"
        ".seh_endproc\n");
#endif
