/* Another thread's registers: SuspendThread / GetThreadContext /
 * SetThreadContext / ResumeThread on a thread spinning in user code.
 * The suspend count is returned before the change (0 then 1; resuming
 * gives 2 then 1).  The CONTEXT shows the thread's exact Rsp and a Rip
 * inside its loop; a changed register (Rbx) and a changed Rip (to a
 * function that sets a flag and exits the thread) take effect when it
 * resumes.  This is what Go's preemption and stop-the-world do. */
#include <windows.h>
#include <string.h>
#include "test.h"

/* spin(): records its Rsp, then loops until rbx != 0 and returns rbx */
extern DWORD WINAPI spin(void *arg);
volatile DWORD64 spin_rsp;
volatile LONG spin_started;
__asm__(".text\n"
        ".globl spin\nspin:\n"
        "  push %rbx\n"
        "  xor %ebx, %ebx\n"
        "  mov %rsp, spin_rsp(%rip)\n"
        "  movl $1, spin_started(%rip)\n"
        ".globl spin_loop\nspin_loop:\n"
        "  pause\n"
        "  test %rbx, %rbx\n"
        "  jz spin_loop\n"
        ".globl spin_end\nspin_end:\n"
        "  mov %rbx, %rax\n"
        "  pop %rbx\n"
        "  ret\n");
extern char spin_loop[], spin_end[];

static volatile LONG redirected;
static volatile DWORD redirected_tid;

static void redirect_target(void)
{
    redirected_tid = GetCurrentThreadId();
    redirected = 1;
    ExitThread(42);
}

static HANDLE start_spinner(DWORD *tid)
{
    HANDLE t;
    spin_started = 0;
    t = CreateThread(NULL, 0, spin, NULL, 0, tid);
    while (!spin_started)
        Sleep(1);
    Sleep(10);
    return t;
}

int main(void)
{
    CONTEXT ctx;
    DWORD tid, code;
    HANDLE t;

    /* change a register */
    t = start_spinner(&tid);
    ok(SuspendThread(t) == 0, "first SuspendThread returns 0");
    ok(SuspendThread(t) == 1, "second returns 1");
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_FULL;
    ok(GetThreadContext(t, &ctx), "GetThreadContext");
    ok(ctx.Rip >= (DWORD64)spin_loop && ctx.Rip <= (DWORD64)spin_end, "Rip in the spin loop");
    ok(ctx.Rsp == spin_rsp, "Rsp is the thread's: %llx %llx", ctx.Rsp, spin_rsp);
    ok(ctx.Rbx == 0, "Rbx 0");
    ok(ctx.SegCs != 0 && ctx.SegSs != 0, "segment registers filled in");
    ctx.ContextFlags = CONTEXT_INTEGER;
    ctx.Rbx = 4321;
    ok(SetThreadContext(t, &ctx), "SetThreadContext(CONTEXT_INTEGER)");
    ok(ResumeThread(t) == 2, "ResumeThread returns 2");
    ok(WaitForSingleObject(t, 100) == WAIT_TIMEOUT, "still suspended once");
    ok(ResumeThread(t) == 1, "then 1");
    ok(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "thread ends");
    ok(GetExitCodeThread(t, &code) && code == 4321, "returned the new Rbx: %lu", code);
    ok(ResumeThread(t) == (DWORD)-1 || ResumeThread(t) == 0, "ResumeThread of an ended thread");
    CloseHandle(t);

    /* change Rip: run a function that never returns */
    t = start_spinner(&tid);
    ok(ResumeThread(t) == 0, "ResumeThread of a running thread returns 0");
    ok(SuspendThread(t) == 0, "suspend");
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_CONTROL;
    ok(GetThreadContext(t, &ctx), "GetThreadContext(CONTEXT_CONTROL)");
    ok(ctx.Rip >= (DWORD64)spin_loop && ctx.Rip <= (DWORD64)spin_end, "Rip in the spin loop");
    ctx.Rsp = ((ctx.Rsp - 64) & ~(DWORD64)15) - 8; /* as right after a call */
    ctx.Rip = (DWORD64)redirect_target;
    ok(SetThreadContext(t, &ctx), "SetThreadContext(CONTEXT_CONTROL)");
    ok(ResumeThread(t) == 1, "resume");
    ok(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "thread ends");
    ok(redirected && redirected_tid == tid, "redirected function ran on that thread");
    ok(GetExitCodeThread(t, &code) && code == 42, "exit code from ExitThread: %lu", code);
    CloseHandle(t);
    return test_summary();
}
