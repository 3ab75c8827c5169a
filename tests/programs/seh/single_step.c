/* The trap flag: setting TF (0x100) in EFLAGS, with popf or through a
 * handler's CONTEXT, raises EXCEPTION_SINGLE_STEP (0x80000004) after each
 * instruction, with ExceptionAddress = Rip = the next instruction to run.
 * A handler keeps stepping by leaving TF set and stops by clearing it. */
#include <windows.h>
#include "test.h"

extern int stepped(void);
__asm__(".text\n"
        ".globl stepped\nstepped:\n"
        "  xor %eax, %eax\n"
        "  pushfq\n"
        "  orl $0x100, (%rsp)\n"
        "  popfq\n"
        ".globl step1\nstep1:\n"
        "  add $1, %eax\n"
        ".globl step2\nstep2:\n"
        "  add $2, %eax\n"
        ".globl step3\nstep3:\n"
        "  add $4, %eax\n"
        ".globl step4\nstep4:\n"
        "  add $8, %eax\n"
        ".globl step_end\nstep_end:\n"
        "  ret\n");
extern char step1[], step2[], step3[], step4[], step_end[];

static int steps;
static DWORD64 rips[8];
static void *addrs[8];
static DWORD nparams;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    CONTEXT *c = ep->ContextRecord;
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_SINGLE_STEP)
        return EXCEPTION_CONTINUE_SEARCH;
    if (steps < 8) {
        rips[steps] = c->Rip;
        addrs[steps] = ep->ExceptionRecord->ExceptionAddress;
    }
    nparams = ep->ExceptionRecord->NumberParameters;
    steps++;
    if (c->Rip == (DWORD64)step3)
        c->Rax += 100; /* registers can be changed between steps too */
    if (c->Rip >= (DWORD64)step_end || steps >= 8)
        c->EFlags &= ~0x100;
    else
        c->EFlags |= 0x100;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    int r;
    void *h = AddVectoredExceptionHandler(1, veh);

    r = stepped();
    ok(r == 115, "result %d (the handler added 100 before step3)", r);
    ok(steps == 4, "%d steps", steps);
    /* TF set by popf traps after the instruction following popf */
    ok(rips[0] == (DWORD64)step2, "first trap after the first add");
    ok(rips[1] == (DWORD64)step3 && rips[2] == (DWORD64)step4 && rips[3] == (DWORD64)step_end, "then one per instruction");
    ok(addrs[0] == (void *)step2 && addrs[3] == (void *)step_end, "ExceptionAddress = Rip");
    ok(nparams == 0, "no parameters: %lu", nparams);

    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
