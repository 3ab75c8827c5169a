/* Frame-based exception handlers (the language-specific handler named in
 * a function's unwind info) as the x64 dispatcher calls them: after the
 * vectored handlers, innermost frame first, then the unhandled-exception
 * filter.  The DISPATCHER_CONTEXT describes the frame: ControlPc (the
 * return address inside the function), ImageBase, FunctionEntry,
 * EstablisherFrame (the same value as the handler's second argument),
 * HandlerData (the data after the handler's RVA in the unwind info).
 * A handler returning ExceptionContinueExecution resumes with the CONTEXT
 * it was given, changes included. */
#include <windows.h>
#include <stdio.h>
#include "sehframe.h"

#define CODE 0xE0000020

struct frame { const char *name; int resume; };

extern int load(int *p);
__asm__(".text\n"
        ".globl load\nload:\n"
        ".globl load_insn\nload_insn:\n"
        "  movl (%rcx), %eax\n"
        ".globl load_done\nload_done:\n"
        "  ret\n");
extern char load_insn[], load_done[];

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    DWORD c = ep->ExceptionRecord->ExceptionCode;
    if (c == CODE || c == EXCEPTION_ACCESS_VIOLATION)
        printf("veh %#lx\n", c);
    return EXCEPTION_CONTINUE_SEARCH;
}

static LONG WINAPI filter(EXCEPTION_POINTERS *ep)
{
    printf("filter %#lx\n", ep->ExceptionRecord->ExceptionCode);
    return EXCEPTION_CONTINUE_EXECUTION;
}

EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    struct frame *f = seh_frame_arg(frame);
    MEMORY_BASIC_INFORMATION mbi;

    if (rec->ExceptionFlags & EXCEPTION_UNWINDING)
        return ExceptionContinueSearch;
    printf("%s: %#lx\n", f->name, rec->ExceptionCode);
    printf("  EstablisherFrame matches: %s\n", dc->EstablisherFrame == (ULONG64)frame ? "yes" : "no");
    printf("  ControlPc is seh_call's return address: %s\n", dc->ControlPc == (ULONG64)seh_call_after ? "yes" : "no");
    printf("  ImageBase is the exe: %s\n", dc->ImageBase == (ULONG64)GetModuleHandleW(NULL) ? "yes" : "no");
    printf("  FunctionEntry is seh_call's: %s\n",
           dc->FunctionEntry && dc->ImageBase + dc->FunctionEntry->BeginAddress == (ULONG64)seh_call ? "yes" : "no");
    printf("  HandlerData: %s\n", dc->HandlerData && *(DWORD *)dc->HandlerData == 0 ? "the word after the handler" : "wrong");
    printf("  LanguageHandler is this function: %s\n", (void *)dc->LanguageHandler == (void *)seh_frame_handler ? "yes" : "no");
    VirtualQuery(dc->ContextRecord, &mbi, sizeof(mbi));
    printf("  ContextRecord on the stack: %s\n", mbi.Type == MEM_PRIVATE ? "yes" : "no");
    printf("  exception context Rip: %s\n",
           ctx->Rip == (DWORD64)load_insn ? "at the load" : rec->ExceptionAddress == (void *)ctx->Rip ? "ExceptionAddress" : "elsewhere");
    if (f->resume && rec->ExceptionCode == EXCEPTION_ACCESS_VIOLATION) {
        ctx->Rax = 1234;
        ctx->Rip = (DWORD64)load_done;
        printf("  resuming\n");
        return ExceptionContinueExecution;
    }
    return ExceptionContinueSearch;
}

static ULONG_PTR raise(void *arg)
{
    RaiseException(CODE, 0, 0, NULL);
    printf("RaiseException returned\n");
    return 1;
}

static ULONG_PTR fault(void *arg)
{
    printf("load returned %d\n", load((int *)0x18));
    return 2;
}

static ULONG_PTR nested_raise(void *arg)
{
    static struct frame inner = { "inner", 0 };
    return seh_call(raise, &inner);
}

static ULONG_PTR nested_fault(void *arg)
{
    static struct frame inner = { "inner", 1 };
    return seh_call(fault, &inner);
}

int main(void)
{
    struct frame outer = { "outer", 0 };
    void *h = AddVectoredExceptionHandler(1, veh);
    ULONG_PTR r;

    SetUnhandledExceptionFilter(filter);
    printf("-- raise, nobody handles it\n");
    r = seh_call(nested_raise, &outer);
    printf("seh_call returned %lu\n", (unsigned long)r);

    printf("-- fault, the inner frame resumes\n");
    r = seh_call(nested_fault, &outer);
    printf("seh_call returned %lu\n", (unsigned long)r);

    RemoveVectoredExceptionHandler(h);
    return 0;
}
