/* System calls made by program code (DESIGN.md §6): ntdll's service
 * table, the stubs that name it, and the `syscall` instructions Syscall
 * User Dispatch catches. */
#ifndef DECANT_SYSCALL_H
#define DECANT_SYSCALL_H

/* What a raw `syscall` from Windows code means (--syscalls=, or the
 * environment variable DECANT_SYSCALLS). */
enum syscall_mode {
    SYSCALLS_WINDOWS, /* the default: Windows services by number */
    SYSCALLS_LINUX,   /* Linux system calls, as the program wrote them */
    SYSCALLS_OFF      /* not caught at all: everything reaches Linux */
};

/* 0 on success, -1 for a name that is none of windows, linux, off. */
int syscall_set_mode(const char *name);
/* Turns the dispatch on for the calling thread (each thread decant
 * creates, and the main thread); a no-op in SYSCALLS_OFF mode. */
void syscall_init_thread(void);
void syscall_init_process(void);

/* Serves the Windows system call whose `syscall` (or `int 0x2e`) the
 * signal context `ucontext` stopped after: on return from the signal the
 * thread runs the service. 0 when eax is no service (rax is then
 * STATUS_INVALID_SYSTEM_SERVICE). */
int syscall_serve_windows(void *ucontext);

/* The service number of an ntdll export's C function, or -1. */
int syscall_service_number(const void *fn);
/* Writes ntdll's 32-byte stub for service `number` reaching `fn`. */
#define SYSCALL_STUB_SIZE 32
void syscall_write_stub(unsigned char *stub, unsigned number, const void *fn);

#endif
