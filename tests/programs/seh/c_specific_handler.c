/* __C_specific_handler, the handler MSVC names for every function with
 * __try (mingw C has no __try, so the scope tables are written by hand).
 * Scope table entries: { BeginAddress, EndAddress, HandlerAddress,
 * JumpTarget } as RVAs.  __except: HandlerAddress is a filter
 * LONG filter(EXCEPTION_POINTERS *, ULONG64 frame) or the constant 1;
 * when it returns EXCEPTION_EXECUTE_HANDLER, RtlUnwindEx continues at
 * JumpTarget (here: returns 0xEE, or 0xEF for the constant filter).  __finally: JumpTarget 0,
 * HandlerAddress is void fin(BOOLEAN abnormal, ULONG64 frame), called
 * while unwinding. */
#include <windows.h>
#include <stdio.h>

/* try_except(fn): __try { return fn(); } __except (except_filter(...)) { return code; } */
extern LONG_PTR try_except(LONG_PTR (*fn)(void));
/* try_except_all(fn): same with the constant filter 1 (EXCEPTION_EXECUTE_HANDLER) */
extern LONG_PTR try_except_all(LONG_PTR (*fn)(void));
/* try_finally(fn): __try { return fn(); } __finally { finally_block(); } (abnormal exit only) */
extern LONG_PTR try_finally(LONG_PTR (*fn)(void));
__asm__(".text\n"
        ".globl try_except\n.def try_except; .scl 2; .type 32; .endef\n"
        ".seh_proc try_except\ntry_except:\n"
        "  sub $40, %rsp\n  .seh_stackalloc 40\n  .seh_endprologue\n"
        "te_begin:\n  call *%rcx\n  nop\nte_end:\n"
        "  add $40, %rsp\n  ret\n"
        "te_handler:\n  mov $0xee, %eax\n  add $40, %rsp\n  ret\n"
        "  .seh_handler __C_specific_handler, @except, @unwind\n"
        "  .seh_handlerdata\n"
        "  .long 1\n  .rva te_begin, te_end, except_filter, te_handler\n"
        "  .text\n.seh_endproc\n"

        ".globl try_except_all\n.def try_except_all; .scl 2; .type 32; .endef\n"
        ".seh_proc try_except_all\ntry_except_all:\n"
        "  sub $40, %rsp\n  .seh_stackalloc 40\n  .seh_endprologue\n"
        "tea_begin:\n  call *%rcx\n  nop\ntea_end:\n"
        "  add $40, %rsp\n  ret\n"
        "tea_handler:\n  mov $0xef, %eax\n  add $40, %rsp\n  ret\n"
        "  .seh_handler __C_specific_handler, @except, @unwind\n"
        "  .seh_handlerdata\n"
        "  .long 1\n  .rva tea_begin, tea_end\n  .long 1\n  .rva tea_handler\n"
        "  .text\n.seh_endproc\n"

        ".globl try_finally\n.def try_finally; .scl 2; .type 32; .endef\n"
        ".seh_proc try_finally\ntry_finally:\n"
        "  sub $40, %rsp\n  .seh_stackalloc 40\n  .seh_endprologue\n"
        "tf_begin:\n  call *%rcx\n  nop\ntf_end:\n"
        "  add $40, %rsp\n  ret\n"
        "  .seh_handler __C_specific_handler, @except, @unwind\n"
        "  .seh_handlerdata\n"
        "  .long 1\n  .rva tf_begin, tf_end, finally_block\n  .long 0\n"
        "  .text\n.seh_endproc\n");

static LONG filter_result = EXCEPTION_EXECUTE_HANDLER;

LONG except_filter(EXCEPTION_POINTERS *ep, ULONG64 frame)
{
    printf("filter: code %#lx, frame %s\n", ep->ExceptionRecord->ExceptionCode, frame ? "set" : "null");
    if (filter_result == EXCEPTION_CONTINUE_EXECUTION)
        ep->ContextRecord->Rax = 5; /* RaiseException returns; fn checks nothing */
    return filter_result;
}

void finally_block(BOOLEAN abnormal, ULONG64 frame)
{
    printf("finally: abnormal=%d\n", abnormal);
}

static LONG_PTR ret7(void) { return 7; }
static LONG_PTR raise_e1(void)
{
    RaiseException(0xE0000501, 0, 0, NULL);
    printf("RaiseException returned\n");
    return 8;
}
static LONG_PTR fault(void)
{
    return *(volatile int *)0x30;
}
static LONG_PTR finally_then_raise(void) { return try_finally(raise_e1); }
static LONG_PTR nested_except(void) { return try_except(raise_e1); }

int main(void)
{
    printf("normal: %ld\n", (long)try_except(ret7));
    printf("raise: %#lx\n", (unsigned long)try_except(raise_e1));
    printf("fault: %#lx\n", (unsigned long)try_except(fault));
    printf("constant filter: %#lx\n", (unsigned long)try_except_all(fault));

    printf("-- filter continues execution\n");
    filter_result = EXCEPTION_CONTINUE_EXECUTION;
    printf("raise: %ld\n", (long)try_except(raise_e1));

    printf("-- filter continues the search, outer __except catches\n");
    filter_result = EXCEPTION_CONTINUE_SEARCH;
    printf("result: %#lx\n", (unsigned long)try_except_all(nested_except));

    printf("-- __finally inside __except\n");
    filter_result = EXCEPTION_EXECUTE_HANDLER;
    printf("result: %#lx\n", (unsigned long)try_except(finally_then_raise));
    printf("no exception: %ld\n", (long)try_finally(ret7));
    return 0;
}
