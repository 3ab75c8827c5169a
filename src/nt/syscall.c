/* System calls made by program code (DESIGN.md §6).
 *
 * ntdll's Nt* exports are stubs shaped like Windows 10's,
 *     mov r10, rcx; mov eax, N; jmp [impl]; ...; syscall; ret
 * so programs that read service numbers out of ntdll find them, while a
 * call through the export jumps straight to the C function: no signal.
 *
 * A `syscall` instruction in program code (a stub the program carries or
 * builds, or a jump to the one inside ntdll's stub) is caught with
 * Syscall User Dispatch: every thread that runs Windows code asks Linux
 * to send SIGSYS for system calls made from outside one range, and that
 * range is decant's executable up to the top of the address space, where
 * glibc and every other Linux library live; all memory decant maps for
 * the program is placed below it (the arena, virtual.c). decant's own
 * system calls are never trapped and pay only Linux's range check. The
 * handler points the thread at syscall_trampoline, which calls the
 * service on the thread's own stack with the Windows convention (r10,
 * rdx, r8, r9, then the stack at rsp+0x28) and returns to the instruction
 * after the `syscall` with the NTSTATUS in rax, everything else but rcx
 * and r11 as it was. Running the service outside the signal handler lets
 * it block, fault and dispatch exceptions like any call into ntdll.
 *
 * With --syscalls=linux, the same instruction is a Linux system call
 * instead (the classic `mov eax, 1; syscall` write), made by the handler
 * with the program's registers; --syscalls=off leaves them all uncaught. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#define DEBUG_CHANNEL syscall
#include "blocking.h"
#include "debug.h"
#include "memory.h"
#include "process.h"
#include "status.h"
#include "syscall.h"
#include "thread.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#define PR_SYS_DISPATCH_ON 1
#define SYSCALL_DISPATCH_FILTER_ALLOW 0
#define SYSCALL_DISPATCH_FILTER_BLOCK 1
#endif
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2 /* si_code of a SIGSYS from the dispatch */
#endif

/* The table, indexed by service number (ntdll's services.h). */
#define SERVICE_LIMIT 0x400
struct service {
    void *fn;
    unsigned long nargs;
};
#define SERVICE(n, f, a) extern void f(void);
#include "../dlls/ntdll/services.h"
#undef SERVICE
__attribute__((used)) const struct service service_table[SERVICE_LIMIT] = {
#define SERVICE(n, f, a) [n] = {(void *)f, a},
#include "../dlls/ntdll/services.h"
#undef SERVICE
};

static enum syscall_mode mode = SYSCALLS_WINDOWS;

int syscall_set_mode(const char *name)
{
    if (!strcmp(name, "windows"))
        mode = SYSCALLS_WINDOWS;
    else if (!strcmp(name, "linux"))
        mode = SYSCALLS_LINUX;
    else if (!strcmp(name, "off"))
        mode = SYSCALLS_OFF;
    else
        return -1;
    return 0;
}

/* The same lines as a list, for the lookup by function at start-up. */
static const struct {
    unsigned number;
    void *fn;
} service_list[] = {
#define SERVICE(n, f, a) {n, (void *)f},
#include "../dlls/ntdll/services.h"
#undef SERVICE
};

int syscall_service_number(const void *fn)
{
    for (unsigned i = 0; i < sizeof service_list / sizeof *service_list; i++)
        if (service_list[i].fn == fn)
            return service_list[i].number;
    return -1;
}

/* Where ntdll's stubs are: a `syscall` there is Windows whatever the mode
 * (programs that jump into ntdll's own instruction, "indirect syscalls"). */
static uintptr_t stubs_lo = UINTPTR_MAX, stubs_hi;

void syscall_write_stub(unsigned char *p, unsigned number, const void *fn)
{
    static const unsigned char stub[SYSCALL_STUB_SIZE - 8] = {
        0x4c, 0x8b, 0xd1,                   /* 00 mov r10, rcx */
        0xb8, 0, 0, 0, 0,                   /* 03 mov eax, number */
        0xff, 0x25, 0x0a, 0, 0, 0,          /* 08 jmp [rip+0x0a] (at 18) */
        0x0f, 0x1f, 0x40, 0x00,             /* 0e nop */
        0x0f, 0x05,                         /* 12 syscall, where Windows has it */
        0xc3,                               /* 14 ret */
        0xcd, 0x2e,                         /* 15 int 0x2e */
        0xc3,                               /* 17 ret */
    };
    uint64_t target = (uintptr_t)fn;
    memcpy(p, stub, sizeof stub);
    memcpy(p + 4, &number, 4);
    memcpy(p + sizeof stub, &target, 8);
    if ((uintptr_t)p < stubs_lo)
        stubs_lo = (uintptr_t)p;
    if ((uintptr_t)p + SYSCALL_STUB_SIZE > stubs_hi)
        stubs_hi = (uintptr_t)p + SYSCALL_STUB_SIZE;
}

/* Entered from the SIGSYS handler on the program's stack: [rsp] is the
 * address after the `syscall`, eax a valid service number. Saves what
 * the service (an ms_abi function) may change, copies its stack arguments
 * from the caller's rsp+0x28, calls it with r10 as the first argument. */
void syscall_trampoline(void);
__asm__(".text\n"
        ".globl syscall_trampoline\n"
        ".type syscall_trampoline,@function\n"
        "syscall_trampoline:\n\t"
        "pushfq\n\t"
        "push %rbp\n\t"
        "mov %rsp, %rbp\n\t" /* the caller's rsp was rbp+24 */
        "push %rdx\n\t"
        "push %r8\n\t"
        "push %r9\n\t"
        "push %r10\n\t"
        "push %rsi\n\t"
        "push %rdi\n\t"
        "sub $0x60, %rsp\n\t"
        "movdqu %xmm0, 0x00(%rsp)\n\t"
        "movdqu %xmm1, 0x10(%rsp)\n\t"
        "movdqu %xmm2, 0x20(%rsp)\n\t"
        "movdqu %xmm3, 0x30(%rsp)\n\t"
        "movdqu %xmm4, 0x40(%rsp)\n\t"
        "movdqu %xmm5, 0x50(%rsp)\n\t"
        "cld\n\t"
        "mov %eax, %eax\n\t"
        "shl $4, %rax\n\t"
        "lea service_table(%rip), %r11\n\t"
        "add %rax, %r11\n\t"
        "mov 8(%r11), %rcx\n\t"
        "mov (%r11), %r11\n\t"
        "sub $4, %rcx\n\t"
        "jbe 1f\n\t"
        "lea 0x20(,%rcx,8), %rax\n\t"
        "sub %rax, %rsp\n\t"
        "and $-16, %rsp\n\t"
        "lea 24+0x28(%rbp), %rsi\n\t"
        "lea 0x20(%rsp), %rdi\n\t"
        "rep movsq\n\t"
        "jmp 2f\n"
        "1:\tsub $0x20, %rsp\n\t"
        "and $-16, %rsp\n"
        "2:\tmov %r10, %rcx\n\t"
        "call *%r11\n\t"
        "lea -0x90(%rbp), %rsp\n\t"
        "movdqu 0x00(%rsp), %xmm0\n\t"
        "movdqu 0x10(%rsp), %xmm1\n\t"
        "movdqu 0x20(%rsp), %xmm2\n\t"
        "movdqu 0x30(%rsp), %xmm3\n\t"
        "movdqu 0x40(%rsp), %xmm4\n\t"
        "movdqu 0x50(%rsp), %xmm5\n\t"
        "add $0x60, %rsp\n\t"
        "pop %rdi\n\t"
        "pop %rsi\n\t"
        "pop %r10\n\t"
        "pop %r9\n\t"
        "pop %r8\n\t"
        "pop %rdx\n\t"
        "pop %rbp\n\t"
        "popfq\n\t"
        "ret\n\t"
        ".size syscall_trampoline, .-syscall_trampoline\n");

/* A Linux system call with the program's registers, from decant's code
 * (inside the exempt range); the raw result, -errno on failure. */
static long linux_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
    register long r10 __asm__("r10") = a4;
    register long r8 __asm__("r8") = a5;
    register long r9 __asm__("r9") = a6;
    long ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

static void serve_linux(greg_t *g)
{
    long nr = g[REG_RAX];
    if (nr == SYS_fork || nr == SYS_vfork) {
        /* glibc's fork, so its locks and caches are right in the child; a
         * vfork child would share this handler's stack with its parent */
        pid_t pid = fork();
        g[REG_RAX] = pid < 0 ? -errno : pid;
        return;
    }
    if ((nr == SYS_clone && (g[REG_RDI] & CLONE_VM)) || nr == SYS_clone3 ||
        nr == SYS_rt_sigreturn) {
        /* a new thread on the program's own stack cannot start from a
         * signal handler */
        FIXME("Linux system call %ld from Windows code is not supported", nr);
        g[REG_RAX] = -ENOSYS;
        return;
    }
    if (nr == SYS_exit_group || (nr == SYS_exit && thread_count() <= 1)) {
        /* the process ends: through decant, so a parent decant gets the
         * status and decant's exit work runs (exit of the only program
         * thread would leave decant's helper threads running) */
        process_terminate((DWORD)g[REG_RDI] & 0xff);
    }
    /* the program's own call, which may block: decant holds nothing here */
    g[REG_RAX] = BLOCKING(linux_syscall(nr, g[REG_RDI], g[REG_RSI], g[REG_RDX], g[REG_R10],
                                        g[REG_R8], g[REG_R9]));
}

/* A few Linux names, for the hint. */
static const char *linux_name(unsigned long nr)
{
    static const struct { unsigned nr; const char *name; } names[] = {
        {0, "read"}, {1, "write"}, {2, "open"}, {3, "close"}, {9, "mmap"},
        {39, "getpid"}, {57, "fork"}, {58, "vfork"}, {59, "execve"},
        {60, "exit"}, {61, "wait4"}, {62, "kill"}, {63, "uname"},
        {231, "exit_group"}, {257, "openat"}};
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].nr == nr)
            return names[i].name;
    return NULL;
}

static void hint_once(const char *text)
{
    static int said;
    if (__atomic_exchange_n(&said, 1, __ATOMIC_RELAXED))
        return;
    ssize_t r = write(2, text, strlen(text));
    (void)r;
}

/* `mov r10, rcx; mov eax, imm32` right before the syscall: a Windows stub. */
static int windows_stub_before(const unsigned char *sys)
{
    const unsigned char *p = sys - 8;
    return ((uintptr_t)sys & 0xfff) >= 8 && /* on the page being run: readable */
           p[0] == 0x4c && p[1] == 0x8b && p[2] == 0xd1 &&
           p[3] == 0xb8;
}

static void sigsys_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    greg_t *g = uc->uc_mcontext.gregs;
    if (si->si_code != SYS_USER_DISPATCH) {
        /* not ours (a seccomp filter's): what Linux would have done */
        signal(SIGSYS, SIG_DFL);
        return;
    }
    unsigned long nr = g[REG_RAX];
    const unsigned char *sys = (const unsigned char *)g[REG_RIP] - 2;
    char text[400];
    if (mode == SYSCALLS_LINUX && !((uintptr_t)sys >= stubs_lo && (uintptr_t)sys < stubs_hi)) {
        if (windows_stub_before(sys)) {
            snprintf(text, sizeof text,
                     "decant: the program's system call at %p looks like a Windows one "
                     "(mov r10, rcx; mov eax, %#lx; syscall), but --syscalls=linux "
                     "sends it to Linux; the default, --syscalls=windows, serves "
                     "Windows system calls\n", (void *)sys, nr);
            hint_once(text);
        }
        serve_linux(g);
        return;
    }
    if (!syscall_serve_windows(uc) && nr < 512 && !windows_stub_before(sys)) {
        const char *name = linux_name(nr);
        snprintf(text, sizeof text,
                 "decant: the program made system call %lu%s%s%s at %p, which is no "
                 "Windows service (it got STATUS_INVALID_SYSTEM_SERVICE); if it means "
                 "Linux system calls, run it with --syscalls=linux or "
                 "DECANT_SYSCALLS=linux\n",
                 nr, name ? " (Linux " : "", name ? name : "", name ? ")" : "", (void *)sys);
        hint_once(text);
    }
}

int syscall_serve_windows(void *ucontext)
{
    greg_t *g = ((ucontext_t *)ucontext)->uc_mcontext.gregs;
    unsigned long nr = g[REG_RAX];
    if (nr < SERVICE_LIMIT && service_table[nr].fn) {
        g[REG_RSP] -= 8;
        *(greg_t *)g[REG_RSP] = g[REG_RIP];
        g[REG_RIP] = (greg_t)syscall_trampoline;
        return 1;
    }
    TRACE("unknown service %#lx before %p", nr, (void *)g[REG_RIP]);
    g[REG_RAX] = (uint32_t)STATUS_INVALID_SYSTEM_SERVICE;
    return 0;
}

void syscall_init_thread(void)
{
    static __thread char selector = SYSCALL_DISPATCH_FILTER_BLOCK;
    if (mode == SYSCALLS_OFF)
        return;
    uintptr_t start = mem_linux_start();
    if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, start,
              mem_linux_end() - start, &selector)) {
        static int said;
        if (!said++)
            WARN("no Syscall User Dispatch (%s): raw system calls reach Linux",
                 strerror(errno));
    }
}

void syscall_init_process(void)
{
    const char *env = getenv("DECANT_SYSCALLS");
    if (env && *env && syscall_set_mode(env))
        fprintf(stderr, "decant: DECANT_SYSCALLS=%s is none of windows, linux, off; "
                        "using windows\n", env);
    if (mode == SYSCALLS_OFF)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = sigsys_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSYS, &sa, NULL);
    syscall_init_thread();
}
