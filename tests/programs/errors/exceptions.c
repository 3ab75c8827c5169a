/* Exceptions as programs see them: RaiseException reaches a vectored
 * handler with its code, flags and parameters, which can continue
 * execution; hardware faults (divide by zero, access violation, int3,
 * illegal instruction) arrive with their Windows codes and a CONTEXT
 * whose Rip is the faulting instruction; a handler can resume after
 * adjusting Rip; the unhandled-exception filter sees exceptions no
 * handler took, and EXCEPTION_CONTINUE_EXECUTION from it resumes. */
#include <windows.h>
#include "test.h"

static DWORD seen_code, seen_flags, seen_nparams;
static ULONG_PTR seen_params[4];
static void *seen_addr;
static DWORD64 seen_rip;
static int skip_bytes;
static volatile int handled;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *er = ep->ExceptionRecord;
    if (!handled && er->ExceptionCode != 0xE0000002) {
        DWORD i;
        handled = 1;
        seen_code = er->ExceptionCode;
        seen_flags = er->ExceptionFlags;
        seen_nparams = er->NumberParameters;
        for (i = 0; i < er->NumberParameters && i < 4; i++)
            seen_params[i] = er->ExceptionInformation[i];
        seen_addr = er->ExceptionAddress;
        seen_rip = ep->ContextRecord->Rip;
        ep->ContextRecord->Rip += skip_bytes;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static volatile int filter_calls;
static LONG WINAPI filter(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode == 0xE0000002) {
        filter_calls++;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

/* instructions with known lengths, so the handler can step over them */
extern void div_zero(void);
extern void bad_read(void);
extern void do_int3(void);
extern void do_ud2(void);
__asm__(".globl div_zero\ndiv_zero:\n xor %ecx, %ecx\n mov $1, %eax\n cltd\n.globl div_zero_insn\ndiv_zero_insn:\n idivl %ecx\n ret\n"
        ".globl bad_read\nbad_read:\n xor %eax, %eax\n.globl bad_read_insn\nbad_read_insn:\n movl 0x20(%rax), %eax\n ret\n"
        ".globl do_int3\ndo_int3:\n.globl int3_insn\nint3_insn:\n int3\n ret\n"
        ".globl do_ud2\ndo_ud2:\n.globl ud2_insn\nud2_insn:\n ud2\n ret\n");
extern char div_zero_insn[], bad_read_insn[], int3_insn[], ud2_insn[];

int main(void)
{
    ULONG_PTR args[3] = { 11, 22, 33 };
    void *h = AddVectoredExceptionHandler(1, veh);

    handled = 0; skip_bytes = 0;
    RaiseException(0xE0000001, 0, 3, args);
    ok(handled && seen_code == 0xE0000001, "RaiseException reaches the vectored handler: %#lx", seen_code);
    ok(seen_flags == 0 && seen_nparams == 3 && seen_params[0] == 11 && seen_params[2] == 33, "flags and parameters");

    handled = 0; skip_bytes = 2;
    div_zero();
    ok(handled && seen_code == EXCEPTION_INT_DIVIDE_BY_ZERO, "divide by zero: %#lx", seen_code);
    ok(seen_rip == (DWORD64)div_zero_insn && seen_addr == (void *)div_zero_insn, "Rip and ExceptionAddress at the idiv");

    handled = 0; skip_bytes = 3;
    bad_read();
    ok(handled && seen_code == EXCEPTION_ACCESS_VIOLATION, "access violation: %#lx", seen_code);
    ok(seen_nparams == 2 && seen_params[0] == 0 && seen_params[1] == 0x20, "read of address 0x20: %lu %#lx",
       (unsigned long)seen_params[0], (unsigned long)seen_params[1]);
    ok(seen_rip == (DWORD64)bad_read_insn, "Rip at the faulting mov");

    handled = 0; skip_bytes = 1;
    do_int3();
    ok(handled && seen_code == EXCEPTION_BREAKPOINT, "int3: %#lx", seen_code);
    ok(seen_addr == (void *)int3_insn, "breakpoint address is the int3 itself");
    ok(seen_rip == (DWORD64)int3_insn, "Rip at the int3 (Windows backs it up; the handler steps over it)");

    handled = 0; skip_bytes = 2;
    do_ud2();
    ok(handled && seen_code == EXCEPTION_ILLEGAL_INSTRUCTION, "ud2: %#lx", seen_code);
    ok(seen_rip == (DWORD64)ud2_insn, "Rip at the ud2");

    RemoveVectoredExceptionHandler(h);

    SetUnhandledExceptionFilter(filter);
    RaiseException(0xE0000002, 0, 0, NULL);
    ok(filter_calls == 1, "unhandled-exception filter called once: %d", filter_calls);
    return test_summary();
}
