/* Unwind data for generated code (what JIT compilers register):
 * RtlAddFunctionTable and RtlInstallFunctionTableCallback make
 * RtlLookupFunctionEntry find RUNTIME_FUNCTIONs for code outside any
 * image, so exceptions unwind through it and its own language handler
 * is called; RtlDeleteFunctionTable removes them.
 * The generated function is
 *     push rbx; sub rsp, 32; mov rbx, 0x5a5a; call rcx; nop; add rsp, 32; pop rbx; ret
 *   landing: (target of RtlUnwindEx) add rsp, 32; pop rbx; ret
 * with UNWIND_INFO { push rbx at 1, alloc 32 at 5 } and, in the second
 * entry, a handler reached through a jump thunk in the same block.  The
 * nop after the call matters: a return address followed directly by
 * "add rsp; pop; ret" is taken for an epilogue, and frames in their
 * epilogue get no handler call (MSVC emits the same nop). */
#include <windows.h>
#include <string.h>
#include "test.h"
#include "sehframe.h"

#define CODE 0xE0000400

static BYTE *mem;
static RUNTIME_FUNCTION table[2];
static int jit_handler_calls, jit_handler_unwinds;

typedef ULONG_PTR (*jit_fn)(ULONG_PTR (*callee)(void));

static ULONG_PTR raiser(void)
{
    RaiseException(CODE, 0, 0, NULL);
    return 0;
}
static ULONG_PTR plain(void) { return 17; }

/* frame handler of the seh_call frames (program code): catch CODE */
EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    if (!(rec->ExceptionFlags & EXCEPTION_UNWINDING) && rec->ExceptionCode == CODE)
        RtlUnwindEx(frame, seh_call_landing, rec, (void *)0x77, ctx, dc->HistoryTable);
    return ExceptionContinueSearch;
}

/* language handler of the second generated function */
static EXCEPTION_DISPOSITION jit_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    if (rec->ExceptionFlags & EXCEPTION_UNWINDING) {
        jit_handler_unwinds++;
        return ExceptionContinueSearch;
    }
    jit_handler_calls++;
    if (dc->ImageBase == (DWORD64)mem && *(DWORD *)dc->HandlerData == 0xfeedf00d)
        RtlUnwindEx(frame, mem + 0x30 + 0x100, rec, (void *)0x99, ctx, dc->HistoryTable);
    return ExceptionContinueSearch;
}

static void emit(void)
{
    static const BYTE fn[] = {
        0x53,                                     /* 0: push rbx */
        0x48, 0x83, 0xec, 0x20,                   /* 1: sub rsp, 32 */
        0x48, 0xc7, 0xc3, 0x5a, 0x5a, 0, 0,       /* 5: mov rbx, 0x5a5a */
        0xff, 0xd1,                               /* 12: call rcx */
        0x90,                                     /* 14: nop */
        0x48, 0x83, 0xc4, 0x20,                   /* 15: add rsp, 32 */
        0x5b,                                     /* 19: pop rbx */
        0xc3,                                     /* 20: ret */
    };
    static const BYTE landing[] = { 0x48, 0x83, 0xc4, 0x20, 0x5b, 0xc3 };
    static const BYTE unwind[] = {
        1, 5, 2, 0,      /* version 1, no flags, prologue 5 bytes, 2 codes, no frame register */
        5, 0x32,         /* at 5: UWOP_ALLOC_SMALL, (32 / 8) - 1 = 3 */
        1, 0x30,         /* at 1: UWOP_PUSH_NONVOL rbx (3) */
    };
    void *handler = (void *)jit_handler;

    /* function 1 at 0x000, function 2 (same code plus a landing) at 0x100 */
    memcpy(mem, fn, sizeof(fn));
    memcpy(mem + 0x100, fn, sizeof(fn));
    memcpy(mem + 0x130, landing, sizeof(landing));
    /* handler thunk at 0x200: jmp [rip+0]; .quad jit_handler */
    mem[0x200] = 0xff; mem[0x201] = 0x25; memset(mem + 0x202, 0, 4);
    memcpy(mem + 0x206, &handler, 8);
    /* unwind info at 0x300 (no handler) and 0x340 (with handler) */
    memcpy(mem + 0x300, unwind, sizeof(unwind));
    memcpy(mem + 0x340, unwind, sizeof(unwind));
    mem[0x340] = 1 | ((UNW_FLAG_EHANDLER | UNW_FLAG_UHANDLER) << 3);
    *(DWORD *)(mem + 0x348) = 0x200;      /* handler RVA */
    *(DWORD *)(mem + 0x34c) = 0xfeedf00d; /* handler data */
    table[0].BeginAddress = 0;
    table[0].EndAddress = 0x15;
    table[0].UnwindData = 0x300;
    table[1].BeginAddress = 0x100;
    table[1].EndAddress = 0x136;
    table[1].UnwindData = 0x340;
}

static ULONG_PTR run_jit1(void *callee) { return ((jit_fn)mem)(callee); }
static ULONG_PTR run_jit2(void *callee) { return ((jit_fn)(mem + 0x100))(callee); }

static PRUNTIME_FUNCTION CALLBACK lookup(DWORD64 pc, void *context)
{
    if (context != (void *)0x1234)
        return NULL;
    if (pc >= (DWORD64)mem && pc < (DWORD64)mem + 0x15)
        return &table[0];
    if (pc >= (DWORD64)mem + 0x100 && pc < (DWORD64)mem + 0x136)
        return &table[1];
    return NULL;
}

int main(void)
{
    DWORD64 base;
    PRUNTIME_FUNCTION rf;

    mem = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    emit();

    ok(RtlLookupFunctionEntry((DWORD64)mem + 4, &base, NULL) == NULL, "nothing registered yet");
    ok(((jit_fn)mem)(plain) == 17, "generated code runs");

    ok(RtlAddFunctionTable(table, 2, (DWORD64)mem), "RtlAddFunctionTable");
    rf = RtlLookupFunctionEntry((DWORD64)mem + 12, &base, NULL);
    ok(rf == &table[0] && base == (DWORD64)mem, "lookup finds the entry, base is the block");
    rf = RtlLookupFunctionEntry((DWORD64)mem + 0x105, &base, NULL);
    ok(rf == &table[1], "second entry");
    ok(RtlLookupFunctionEntry((DWORD64)mem + 0x80, &base, NULL) == NULL, "gap between entries: none");

    ok(seh_call(run_jit1, raiser) == 0x77, "exception unwinds through generated code to the program's frame");
    ok(seh_call(run_jit1, plain) == 17, "and it still runs");
    jit_handler_calls = 0;
    ok(seh_call(run_jit2, raiser) == 0x99, "generated code's own handler catches (landing returns 0x99)");
    ok(jit_handler_calls == 1 && jit_handler_unwinds == 1, "handler called for dispatch and for the target unwind: %d %d",
       jit_handler_calls, jit_handler_unwinds);

    ok(RtlDeleteFunctionTable(table), "RtlDeleteFunctionTable");
    ok(RtlLookupFunctionEntry((DWORD64)mem + 12, &base, NULL) == NULL, "entry gone");
    ok(!RtlDeleteFunctionTable(table), "deleting again fails");

    ok(RtlInstallFunctionTableCallback((DWORD64)mem | 3, (DWORD64)mem, 0x400, lookup, (void *)0x1234, NULL),
       "RtlInstallFunctionTableCallback");
    rf = RtlLookupFunctionEntry((DWORD64)mem + 12, &base, NULL);
    ok(rf == &table[0] && base == (DWORD64)mem, "callback supplies the entry");
    jit_handler_calls = jit_handler_unwinds = 0;
    ok(seh_call(run_jit1, raiser) == 0x77, "unwinding with callback entries");
    ok(seh_call(run_jit2, raiser) == 0x99 && jit_handler_calls == 1, "handler through callback entries");
    ok(RtlDeleteFunctionTable((PRUNTIME_FUNCTION)((DWORD64)mem | 3)), "delete the callback table");
    ok(RtlLookupFunctionEntry((DWORD64)mem + 12, &base, NULL) == NULL, "callback gone");
    ok(!RtlInstallFunctionTableCallback((DWORD64)mem, (DWORD64)mem, 0x400, lookup, NULL, NULL),
       "table identifier without the low two bits set is refused");
    return test_summary();
}
