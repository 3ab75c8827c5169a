/* Register state <-> CONTEXT, in assembly: capturing a caller's state
 * (RtlCaptureContext and the entry stubs of functions that must start
 * unwinding at their caller), and restoring a whole CONTEXT, rsp and rip
 * included (RtlRestoreContext, NtContinue). Offsets are CONTEXT's, asserted
 * in winexcept.h. */
#include <string.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "exception.h"
#include "thread.h"
#include "caller_context.h"

/* RtlCaptureContext (ntdll) */
/* The caller's state as it will be right after
 * this call returns. */
__asm__(".text\n"
        ".globl RtlCaptureContext\n"
        ".type RtlCaptureContext,@function\n"
        "RtlCaptureContext:\n"
        "    pushfq\n"
        "    mov %rax, 0x78(%rcx)\n"
        SAVE_GPRS("%rcx")
        "    popq %rax\n"
        "    mov %eax, 0x44(%rcx)\n"
        "    lea 8(%rsp), %rax\n"
        "    mov %rax, 0x98(%rcx)\n"
        "    mov (%rsp), %rax\n"
        "    mov %rax, 0xf8(%rcx)\n"
        "    mov 0x78(%rcx), %rax\n"
        "    ret\n");

/* Loads a whole CONTEXT and jumps to its rip on its rsp (SysV: rdi). The
 * last three values travel on the target stack, below its rsp, where
 * Windows code keeps nothing (there is no red zone in the x64 ABI). */
__attribute__((noreturn)) void context_jump(const CONTEXT *c);
__asm__(".text\n"
        ".globl context_jump\n"
        ".hidden context_jump\n"
        ".type context_jump,@function\n"
        "context_jump:\n"
        "    fxrstor64 0x100(%rdi)\n"
        "    ldmxcsr 0x34(%rdi)\n"
        "    mov 0x98(%rdi), %rsi\n"     /* target rsp */
        "    sub $24, %rsi\n"
        "    mov 0xf8(%rdi), %rax\n"
        "    mov %rax, 16(%rsi)\n"       /* rip */
        "    mov 0x44(%rdi), %eax\n"
        "    and $0xdd5, %eax\n"         /* arithmetic flags, TF and DF */
        "    or $0x202, %eax\n"
        "    mov %rax, 8(%rsi)\n"        /* rflags */
        "    mov 0xb0(%rdi), %rax\n"
        "    mov %rax, 0(%rsi)\n"        /* rdi */
        "    mov 0x78(%rdi), %rax\n"
        "    mov 0x80(%rdi), %rcx\n"
        "    mov 0x88(%rdi), %rdx\n"
        "    mov 0x90(%rdi), %rbx\n"
        "    mov 0xa0(%rdi), %rbp\n"
        "    mov 0xb8(%rdi), %r8\n"
        "    mov 0xc0(%rdi), %r9\n"
        "    mov 0xc8(%rdi), %r10\n"
        "    mov 0xd0(%rdi), %r11\n"
        "    mov 0xd8(%rdi), %r12\n"
        "    mov 0xe0(%rdi), %r13\n"
        "    mov 0xe8(%rdi), %r14\n"
        "    mov 0xf0(%rdi), %r15\n"
        "    mov %rsi, %rsp\n"
        "    mov 0xa8(%rdi), %rsi\n"
        "    pop %rdi\n"
        "    popfq\n"
        "    ret\n");

/* Drop dispatch records that live in stack frames the jump abandons. */
void seh_forget_frames_below(DWORD64 rsp);

/* msvcrt's x64 jmp_buf, which a STATUS_LONGJUMP unwind restores. */
struct jump_buffer {
    DWORD64 Frame, Rbx, Rsp, Rbp, Rsi, Rdi, R12, R13, R14, R15, Rip;
    DWORD MxCsr;
    WORD FpCsr, Spare;
    M128A Xmm[10]; /* xmm6-15 */
};

typedef PVOID(WINAPI *consolidate_callback)(EXCEPTION_RECORD *);

/* RtlRestoreContext (ntdll) */
void WINAPI RtlRestoreContext(CONTEXT *c, EXCEPTION_RECORD *rec)
{
    if (rec && rec->ExceptionCode == (DWORD)STATUS_LONGJUMP && rec->NumberParameters >= 1) {
        struct jump_buffer *jb = (struct jump_buffer *)rec->ExceptionInformation[0];
        c->Rbx = jb->Rbx;
        c->Rsp = jb->Rsp;
        c->Rbp = jb->Rbp;
        c->Rsi = jb->Rsi;
        c->Rdi = jb->Rdi;
        c->R12 = jb->R12;
        c->R13 = jb->R13;
        c->R14 = jb->R14;
        c->R15 = jb->R15;
        c->Rip = jb->Rip;
        c->MxCsr = c->FltSave.MxCsr = jb->MxCsr;
        c->FltSave.ControlWord = jb->FpCsr;
        memcpy(&c->FltSave.XmmRegisters[6], jb->Xmm, sizeof jb->Xmm);
    } else if (rec && rec->ExceptionCode == (DWORD)STATUS_UNWIND_CONSOLIDATE &&
               rec->NumberParameters >= 1) {
        /* The callback (a C++ catch funclet's runner) returns where to go. */
        consolidate_callback cb = (consolidate_callback)rec->ExceptionInformation[0];
        rec->ExceptionInformation[10] = (ULONG_PTR)c; /* as Windows passes it */
        c->Rip = (DWORD64)cb(rec);
    }
    c->FltSave.MxCsr = c->MxCsr;
    seh_forget_frames_below(c->Rsp);
    struct thread *t = nt_current_thread();
    if (t && (c->EFlags & 0x100))
        t->tf_resume = c->Rip; /* see the SIGTRAP handler */
    context_jump(c);
}

/* NtContinue (ntdll) */
NTSTATUS WINAPI NtContinue(CONTEXT *c, BOOLEAN alertable)
{
    RtlRestoreContext(c, NULL);
}

/* RtlCaptureStackBackTrace (ntdll) */
CALLER_CONTEXT_CALL(RtlCaptureStackBackTrace, seh_capture_backtrace)

/* RaiseException (kernel32) */
CALLER_CONTEXT_ENTRY(RaiseException, seh_raise_exception)
/* RtlRaiseException (ntdll) */
CALLER_CONTEXT_ENTRY(RtlRaiseException, seh_rtl_raise_exception)
/* RtlUnwindEx (ntdll) */
CALLER_CONTEXT_ENTRY(RtlUnwindEx, seh_rtl_unwind_ex)
/* RtlUnwind (ntdll) */
CALLER_CONTEXT_ENTRY(RtlUnwind, seh_rtl_unwind)

/* Where a fault's dispatch begins: the signal handler points rip here with
 * rdi = record and rsi = context on the faulting thread's own stack. */
__asm__(".text\n"
        ".globl seh_fault_trampoline\n"
        ".hidden seh_fault_trampoline\n"
        ".type seh_fault_trampoline,@function\n"
        "seh_fault_trampoline:\n"
        "    call seh_dispatch_fault\n"
        "    ud2\n");
