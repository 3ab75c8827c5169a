/* Process-wide state: the PEB, the current thread's TEB, the environment,
 * leaving the process, and the children it started. */
#ifndef DECANT_PROCESS_H
#define DECANT_PROCESS_H

#include <sys/types.h>
#include "object.h"
#include "winternl.h"

struct thread;

/* A child process made by CreateProcess (kernel32/process.c). */
struct process {
    struct object obj;
    pid_t pid;
    int exit_pipe;    /* read end: the child's full exit code */
    DWORD exit_code;
    int exited;       /* sync_lock */
    struct object *job; /* the job it belongs to (kernel32/job.c), referenced */
};
/* Ends a child with `code` (TerminateProcess): FALSE if it had already
 * exited. */
BOOL process_kill(struct process *p, DWORD code);

/* Set once per thread by thread_setup(); the TEB is also behind GS for
 * the program, but decant's own code reads it through FS-based TLS so that
 * threads decant did not create (none should call in) fail cleanly.
 * decant is an executable, so its TLS is at a fixed offset from FS: one
 * load (the default for an extern, initial-exec, takes two). */
extern __thread TEB *current_teb __attribute__((tls_model("local-exec")));
static inline TEB *nt_current_teb(void) { return current_teb; }
static inline struct thread *nt_current_thread(void)
{
    return current_teb ? current_teb->decant_thread : NULL;
}
PEB *nt_peb(void);

struct process_start {
    const char *exe_unix_path;  /* the program, resolved */
    char **argv;                /* program argv (argv[0] = as the user typed) */
    const char *cmdline;        /* exact Windows command line, or NULL */
    int exit_fd;                /* report the full exit code here, or -1 */
};

/* Builds the PEB, process parameters and environment. */
void process_init(const struct process_start *start);

/* The exit code goes to the parent in full when the parent is decant;
 * Linux itself keeps only the low 8 bits. Never returns. */
void process_terminate(DWORD code) __attribute__((noreturn));
/* One function process_terminate calls first (kernel32's job objects:
 * closing a kill-on-close job at exit). It may run in a signal handler. */
void process_at_exit(void (*fn)(void));

/* Environment (UTF-16 block in the process parameters). Returned strings
 * are malloc'ed; NULL when unset. */
WCHAR *process_getenv_w(const WCHAR *name);
int process_setenv_w(const WCHAR *name, const WCHAR *value);
/* Builds a Linux envp (UTF-8, Windows paths left as they are) for an ELF
 * child, or a Windows block copy. */
char **process_environ_utf8(void);
/* A copy of the whole UTF-16 block; *units includes the final NUL. */
WCHAR *process_env_copy(size_t *units);

/* The Windows command line built from argv with Windows quoting, so the
 * program's own parser gets the same argv back. */
WCHAR *process_build_cmdline(char *const *argv);

/* The Windows user name: Linux's $USER, else "user". The profile is
 * C:\users\<name> (USERPROFILE, APPDATA... and shell32's known folders). */
const char *process_user_name(void);

/* kernel32's ANSI code page view of the command line etc. */
UINT process_acp(void);

/* Keeps KUSER_SHARED_DATA's clocks moving from now on (idempotent). */
void kuser_start_clock(void);

#endif
