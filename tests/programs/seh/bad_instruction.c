/* Instructions a user-mode program may not execute: ud2 and other
 * undefined opcodes give EXCEPTION_ILLEGAL_INSTRUCTION (0xC000001D);
 * hlt, cli, sti and in/out give EXCEPTION_PRIV_INSTRUCTION (0xC0000096).
 * No parameters; Rip and ExceptionAddress at the instruction, so the
 * handler can step over it. */
#include <windows.h>
#include "test.h"

#define INSN(name, bytes) \
    ".globl " #name "\n" #name ":\n" \
    ".globl " #name "_insn\n" #name "_insn:\n" bytes "\n" \
    ".globl " #name "_next\n" #name "_next:\n mov $1, %eax\n ret\n"
extern int do_ud2(void), do_lock_nop(void), do_hlt(void), do_cli(void), do_sti(void), do_in(void), do_out(void);
extern char do_ud2_insn[], do_ud2_next[], do_lock_nop_insn[], do_lock_nop_next[], do_hlt_insn[], do_hlt_next[],
    do_cli_insn[], do_cli_next[], do_sti_insn[], do_sti_next[], do_in_insn[], do_in_next[], do_out_insn[],
    do_out_next[];
__asm__(".text\n"
        INSN(do_ud2, " ud2")
        INSN(do_lock_nop, " .byte 0xf0, 0x90")
        INSN(do_hlt, " hlt")
        INSN(do_cli, " cli")
        INSN(do_sti, " sti")
        INSN(do_in, " inb $0x60, %al")
        INSN(do_out, " outb %al, $0x80"));

static DWORD code, nparams;
static void *addr;
static DWORD64 rip;
static char *resume;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    DWORD c = ep->ExceptionRecord->ExceptionCode;
    if (c != EXCEPTION_ILLEGAL_INSTRUCTION && c != EXCEPTION_PRIV_INSTRUCTION)
        return EXCEPTION_CONTINUE_SEARCH;
    code = c;
    nparams = ep->ExceptionRecord->NumberParameters;
    addr = ep->ExceptionRecord->ExceptionAddress;
    rip = ep->ContextRecord->Rip;
    ep->ContextRecord->Rip = (DWORD64)resume;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void run(const char *what, int (*fn)(void), char *insn, char *next, DWORD want)
{
    code = nparams = 0;
    addr = NULL;
    resume = next;
    ok(fn() == 1, "%s: resumed", what);
    ok(code == want, "%s: code %#lx, want %#lx", what, code, want);
    ok(nparams == 0, "%s: %lu parameters", what, nparams);
    ok(addr == insn, "%s: ExceptionAddress at the instruction", what);
    ok(rip == (DWORD64)insn, "%s: Rip at the instruction", what);
}

int main(void)
{
    void *h = AddVectoredExceptionHandler(1, veh);
    run("ud2", do_ud2, do_ud2_insn, do_ud2_next, EXCEPTION_ILLEGAL_INSTRUCTION);
    run("lock nop", do_lock_nop, do_lock_nop_insn, do_lock_nop_next, EXCEPTION_ILLEGAL_INSTRUCTION);
    run("hlt", do_hlt, do_hlt_insn, do_hlt_next, EXCEPTION_PRIV_INSTRUCTION);
    run("cli", do_cli, do_cli_insn, do_cli_next, EXCEPTION_PRIV_INSTRUCTION);
    run("sti", do_sti, do_sti_insn, do_sti_next, EXCEPTION_PRIV_INSTRUCTION);
    run("in", do_in, do_in_insn, do_in_next, EXCEPTION_PRIV_INSTRUCTION);
    run("out", do_out, do_out_insn, do_out_next, EXCEPTION_PRIV_INSTRUCTION);
    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
