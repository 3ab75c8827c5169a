/* signal/raise with msvcrt's signal numbers and semantics, the CRT's
 * internal locks (_lock/_unlock, which mingw's start-up code calls), and
 * setjmp/longjmp. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "k32.h"
#include "msvcrt.h"
#include "winexcept.h"
#include "caller_context.h"
#include "exception.h"
#include "thread.h"

#define M_SIGINT 2
#define M_SIGILL 4
#define M_SIGABRT_COMPAT 6
#define M_SIGFPE 8
#define M_SIGSEGV 11
#define M_SIGTERM 15
#define M_SIGBREAK 21
#define M_SIGABRT 22
#define SIG_DFL_ ((crt_sighandler)0)
#define SIG_IGN_ ((crt_sighandler)1)
#define SIG_ERR_ ((crt_sighandler)-1)

static crt_sighandler handlers[23];

static int valid_signal(int sig)
{
    switch (sig) {
    case M_SIGINT: case M_SIGILL: case M_SIGFPE: case M_SIGSEGV:
    case M_SIGTERM: case M_SIGBREAK: case M_SIGABRT: case M_SIGABRT_COMPAT:
        return 1;
    }
    return 0;
}

/* Console Ctrl-C/Ctrl-Break arrive on their own thread, as on Windows;
 * the handler is reset to SIG_DFL before it runs (msvcrt). */
static BOOL WINAPI ctrl_handler(DWORD type)
{
    int sig = type == 0 ? M_SIGINT : type == 1 ? M_SIGBREAK : 0;
    if (!sig)
        return FALSE;
    crt_sighandler h = handlers[sig];
    if (h == SIG_DFL_)
        return FALSE;
    if (h != SIG_IGN_) {
        handlers[sig] = SIG_DFL_;
        h(sig);
    }
    return TRUE;
}

/* signal (msvcrt) */
crt_sighandler CDECL msvcrt_signal(int sig, crt_sighandler h)
{
    static int ctrl_installed;
    if (sig == M_SIGABRT_COMPAT)
        sig = M_SIGABRT;
    if (!valid_signal(sig) || h == SIG_ERR_) {
        crt_set_errno(M_EINVAL);
        return SIG_ERR_;
    }
    if ((sig == M_SIGINT || sig == M_SIGBREAK) && !ctrl_installed &&
        SetConsoleCtrlHandler) {
        ctrl_installed = 1;
        SetConsoleCtrlHandler(ctrl_handler, TRUE);
    }
    crt_sighandler old = handlers[sig];
    handlers[sig] = h;
    return old;
}

typedef void(CDECL *fpe_handler)(int, int);

/* raise (msvcrt): SIG_DFL ends the process with status 3. */
int CDECL msvcrt_raise(int sig)
{
    if (sig == M_SIGABRT_COMPAT)
        sig = M_SIGABRT;
    if (!valid_signal(sig)) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    crt_sighandler h = handlers[sig];
    if (h == SIG_IGN_)
        return 0;
    if (h == SIG_DFL_)
        msvcrt__exit(3);
    handlers[sig] = SIG_DFL_;
    if (sig == M_SIGFPE)
        ((fpe_handler)(void (*)(void))h)(sig, 0x8c /* _FPE_EXPLICITGEN */);
    else
        h(sig);
    return 0;
}

/* __pxcptinfoptrs / __fpecode (msvcrt) */
static __thread void *xcptinfo;
static __thread int fpecode;
void **CDECL msvcrt___pxcptinfoptrs(void) { return &xcptinfo; }
int *CDECL msvcrt___fpecode(void) { return &fpecode; }

/* msvcrt's numbered internal locks: _lock(0) to _lock(15) here, then the
 * stream locks of _iob, which sit beside it (msvcrt.h). Initialized here
 * rather than on first use: mingw's start-up code takes them before the
 * CRT's process attach. */
CRITICAL_SECTION crt_locks[M_STREAM_LOCKS] = {[0 ... M_STREAM_LOCKS - 1] = CRT_CS_FREE};

static CRITICAL_SECTION *numbered_lock(int n)
{
    return n < M_STREAM_LOCKS ? &crt_locks[n] : &crt_iob.lock[n - M_STREAM_LOCKS].cs;
}

/* _lock (msvcrt) */
void CDECL msvcrt__lock(int n)
{
    if (n < 0 || n >= M_TOTAL_LOCKS) {
        crt_fatal("\r\nruntime error R6017\r\n- unexpected multithread lock error\r\n");
    }
    EnterCriticalSection(numbered_lock(n));
}

/* _unlock (msvcrt) */
void CDECL msvcrt__unlock(int n)
{
    if (n >= 0 && n < M_TOTAL_LOCKS)
        LeaveCriticalSection(numbered_lock(n));
}

/* _setjmp(jmp_buf, frame) / _setjmpex / longjmp (msvcrt), in the Windows
 * x64 _JUMP_BUFFER layout: Frame Rbx Rsp Rbp Rsi Rdi R12-R15 Rip, MxCsr,
 * the x87 control word, then Xmm6-Xmm15. longjmp unwinds when setjmp
 * recorded a frame (below); the register reload is jump_nounwind. */
__asm__(
    ".text\n"
    ".globl msvcrt__setjmp\n"
    ".type msvcrt__setjmp, @function\n"
    "msvcrt__setjmp:\n"
    ".globl msvcrt__setjmpex\n"
    ".type msvcrt__setjmpex, @function\n"
    "msvcrt__setjmpex:\n"
    "    movq %rdx, 0(%rcx)\n"
    "    movq %rbx, 8(%rcx)\n"
    "    leaq 8(%rsp), %rax\n"
    "    movq %rax, 16(%rcx)\n"
    "    movq %rbp, 24(%rcx)\n"
    "    movq %rsi, 32(%rcx)\n"
    "    movq %rdi, 40(%rcx)\n"
    "    movq %r12, 48(%rcx)\n"
    "    movq %r13, 56(%rcx)\n"
    "    movq %r14, 64(%rcx)\n"
    "    movq %r15, 72(%rcx)\n"
    "    movq (%rsp), %rax\n"
    "    movq %rax, 80(%rcx)\n"
    "    stmxcsr 88(%rcx)\n"
    "    fnstcw 92(%rcx)\n"
    "    movdqu %xmm6, 96(%rcx)\n"
    "    movdqu %xmm7, 112(%rcx)\n"
    "    movdqu %xmm8, 128(%rcx)\n"
    "    movdqu %xmm9, 144(%rcx)\n"
    "    movdqu %xmm10, 160(%rcx)\n"
    "    movdqu %xmm11, 176(%rcx)\n"
    "    movdqu %xmm12, 192(%rcx)\n"
    "    movdqu %xmm13, 208(%rcx)\n"
    "    movdqu %xmm14, 224(%rcx)\n"
    "    movdqu %xmm15, 240(%rcx)\n"
    "    xorl %eax, %eax\n"
    "    ret\n"
    ".size msvcrt__setjmp, .-msvcrt__setjmp\n"
    ".type jump_nounwind, @function\n"
    "jump_nounwind:\n"
    "    movl %edx, %eax\n"
    "    testl %eax, %eax\n"
    "    jnz 1f\n"
    "    incl %eax\n"
    "1:  movq 8(%rcx), %rbx\n"
    "    movq 24(%rcx), %rbp\n"
    "    movq 32(%rcx), %rsi\n"
    "    movq 40(%rcx), %rdi\n"
    "    movq 48(%rcx), %r12\n"
    "    movq 56(%rcx), %r13\n"
    "    movq 64(%rcx), %r14\n"
    "    movq 72(%rcx), %r15\n"
    "    ldmxcsr 88(%rcx)\n"
    "    fnclex\n"
    "    fldcw 92(%rcx)\n"
    "    movdqu 96(%rcx), %xmm6\n"
    "    movdqu 112(%rcx), %xmm7\n"
    "    movdqu 128(%rcx), %xmm8\n"
    "    movdqu 144(%rcx), %xmm9\n"
    "    movdqu 160(%rcx), %xmm10\n"
    "    movdqu 176(%rcx), %xmm11\n"
    "    movdqu 192(%rcx), %xmm12\n"
    "    movdqu 208(%rcx), %xmm13\n"
    "    movdqu 224(%rcx), %xmm14\n"
    "    movdqu 240(%rcx), %xmm15\n"
    "    movq 16(%rcx), %rsp\n"
    "    jmpq *80(%rcx)\n"
    ".size jump_nounwind, .-jump_nounwind\n");

void CDECL jump_nounwind(void *jb, int val) __attribute__((noreturn));

/* longjmp (msvcrt): with a frame recorded by _setjmp (the compiler passes
 * its frame pointer), the frames in between are unwound first, so their
 * termination handlers and destructors run (RtlUnwind with
 * STATUS_LONGJUMP, which restores the jump buffer at the end;
 * tests/programs/seh/signal_longjmp.c). Without one, a plain jump. */
__attribute__((used, noreturn)) static void longjmp_entry(void *jb, int val, void *a3,
                                                         void *a4, CONTEXT *caller)
{
    if (!val)
        val = 1;
    ULONG_PTR frame = *(ULONG_PTR *)jb, rip = ((ULONG_PTR *)jb)[10];
    if (frame) {
        EXCEPTION_RECORD rec = {0};
        CONTEXT out;
        rec.ExceptionCode = STATUS_LONGJUMP;
        rec.NumberParameters = 1;
        rec.ExceptionInformation[0] = (ULONG_PTR)jb;
        seh_unwind((void *)frame, (void *)rip, &rec, (void *)(ULONG_PTR)val, &out, caller,
                   caller);
    }
    jump_nounwind(jb, val);
}
CALLER_CONTEXT_ENTRY(msvcrt_longjmp, longjmp_entry)

/* _resetstkoflw (msvcrt): puts the stack's guard back after a stack
 * overflow was survived, so the next one is caught too; 0 while the stack
 * is still in use too deep for it (thread.c). */
int CDECL msvcrt__resetstkoflw(void)
{
    return thread_reset_stack_guard();
}
