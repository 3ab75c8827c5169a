/* Asynchronous preemption the way Go does it on Windows: suspend a thread
 * running ordinary compiled code, read its CONTEXT, push its Rip as a
 * return address on its stack, point Rip at an injected function, set the
 * CONTEXT and resume.  The injected function saves the volatile
 * registers and flags, runs C code on the thread, restores them and
 * returns to where the thread was; the thread's own computation is not
 * disturbed. */
#include <windows.h>
#include <string.h>
#include "test.h"

#define ROUNDS 20

static volatile LONG stop, injected, wrong_thread;
static volatile LONG64 worker_sum;
static DWORD worker_tid;

void on_injected(void)
{
    injected++;
    if (GetCurrentThreadId() != worker_tid)
        wrong_thread++;
}

/* saves rax rcx rdx r8-r11, xmm0-xmm5 and flags; aligns the stack */
extern void injected_entry(void);
__asm__(".text\n"
        ".globl injected_entry\ninjected_entry:\n"
        "  pushfq\n"
        "  push %rbp\n"
        "  mov %rsp, %rbp\n"
        "  and $-16, %rsp\n"
        "  sub $192, %rsp\n"
        "  mov %rax, 32(%rsp)\n mov %rcx, 40(%rsp)\n mov %rdx, 48(%rsp)\n mov %r8, 56(%rsp)\n"
        "  mov %r9, 64(%rsp)\n mov %r10, 72(%rsp)\n mov %r11, 80(%rsp)\n"
        "  movdqu %xmm0, 96(%rsp)\n movdqu %xmm1, 112(%rsp)\n movdqu %xmm2, 128(%rsp)\n"
        "  movdqu %xmm3, 144(%rsp)\n movdqu %xmm4, 160(%rsp)\n movdqu %xmm5, 176(%rsp)\n"
        "  call on_injected\n"
        "  mov 32(%rsp), %rax\n mov 40(%rsp), %rcx\n mov 48(%rsp), %rdx\n mov 56(%rsp), %r8\n"
        "  mov 64(%rsp), %r9\n mov 72(%rsp), %r10\n mov 80(%rsp), %r11\n"
        "  movdqu 96(%rsp), %xmm0\n movdqu 112(%rsp), %xmm1\n movdqu 128(%rsp), %xmm2\n"
        "  movdqu 144(%rsp), %xmm3\n movdqu 160(%rsp), %xmm4\n movdqu 176(%rsp), %xmm5\n"
        "  mov %rbp, %rsp\n"
        "  pop %rbp\n"
        "  popfq\n"
        "  ret\n");

static DWORD WINAPI worker(void *arg)
{
    LONG64 sum = 0, i = 0;
    double f = 0;
    while (!stop) {
        i++;
        sum += i * 3;
        f += 0.5;
    }
    /* the closed form checks that no iteration was corrupted */
    worker_sum = (sum == 3 * i * (i + 1) / 2 && f == 0.5 * i) ? 1 : -1;
    return 0;
}

int main(void)
{
    HANDLE t;
    int r, set_ok = 1;

    t = CreateThread(NULL, 0, worker, NULL, 0, &worker_tid);
    Sleep(20);
    for (r = 0; r < ROUNDS; r++) {
        CONTEXT ctx;
        LONG before = injected;
        SuspendThread(t);
        memset(&ctx, 0, sizeof(ctx));
        ctx.ContextFlags = CONTEXT_FULL;
        if (!GetThreadContext(t, &ctx)) {
            set_ok = 0;
            ResumeThread(t);
            break;
        }
        ctx.Rsp -= 8;
        *(DWORD64 *)ctx.Rsp = ctx.Rip;
        ctx.Rip = (DWORD64)injected_entry;
        set_ok &= !!SetThreadContext(t, &ctx);
        ResumeThread(t);
        while (injected == before)
            Sleep(0);
    }
    stop = 1;
    WaitForSingleObject(t, 5000);
    ok(set_ok, "GetThreadContext and SetThreadContext succeeded");
    ok(injected == ROUNDS, "injected function ran %ld times", injected);
    ok(wrong_thread == 0, "always on the worker thread");
    ok(worker_sum == 1, "worker's computation undisturbed");
    CloseHandle(t);
    return test_summary();
}
