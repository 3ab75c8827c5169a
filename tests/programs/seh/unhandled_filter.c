/* SetUnhandledExceptionFilter: the filter sees exceptions that no
 * vectored or frame-based handler took, on the faulting thread.
 *   EXCEPTION_EXECUTE_HANDLER: the process ends at once with the
 *     exception code as its exit code (no crash report, nothing else runs)
 *   EXCEPTION_CONTINUE_EXECUTION: resumes with the (possibly fixed) CONTEXT
 *   EXCEPTION_CONTINUE_SEARCH: default handling, the process dies with
 *     the exception code
 * An exception in another thread ends the whole process the same way.
 * SetUnhandledExceptionFilter returns the previous filter, which a filter
 * may chain to.  Each case runs in a child process. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include "child.h"

extern int load(int *p);
__asm__(".text\n"
        ".globl load\nload:\n"
        ".globl load_insn\nload_insn:\n"
        "  movl (%rcx), %eax\n"
        ".globl load_done\nload_done:\n"
        "  ret\n");
extern char load_insn[], load_done[];

static LONG action;
static LPTOP_LEVEL_EXCEPTION_FILTER previous;

static LONG WINAPI filter(EXCEPTION_POINTERS *ep)
{
    printf("filter: code %#lx\n", ep->ExceptionRecord->ExceptionCode);
    if (action == EXCEPTION_CONTINUE_EXECUTION && ep->ContextRecord->Rip == (DWORD64)load_insn) {
        ep->ContextRecord->Rax = 77;
        ep->ContextRecord->Rip = (DWORD64)load_done;
    }
    fflush(stdout);
    return action;
}

static LONG WINAPI first_filter(EXCEPTION_POINTERS *ep)
{
    printf("first filter: code %#lx\n", ep->ExceptionRecord->ExceptionCode);
    fflush(stdout);
    return EXCEPTION_EXECUTE_HANDLER;
}

static LONG WINAPI second_filter(EXCEPTION_POINTERS *ep)
{
    printf("second filter, chaining\n");
    return previous(ep);
}

static DWORD WINAPI thread_fault(void *arg)
{
    load((int *)16);
    printf("thread: not reached\n");
    return 0;
}

static int child(const char *mode)
{
    if (!strcmp(mode, "execute")) {
        action = EXCEPTION_EXECUTE_HANDLER;
        SetUnhandledExceptionFilter(filter);
        load((int *)16);
    } else if (!strcmp(mode, "execute-raise")) {
        action = EXCEPTION_EXECUTE_HANDLER;
        SetUnhandledExceptionFilter(filter);
        RaiseException(0xE0001234, 0, 0, NULL);
    } else if (!strcmp(mode, "continue")) {
        action = EXCEPTION_CONTINUE_EXECUTION;
        SetUnhandledExceptionFilter(filter);
        printf("load returned %d\n", load((int *)16));
        return 0;
    } else if (!strcmp(mode, "search")) {
        action = EXCEPTION_CONTINUE_SEARCH;
        SetUnhandledExceptionFilter(filter);
        RaiseException(0xE0005678, 0, 0, NULL);
    } else if (!strcmp(mode, "thread")) {
        HANDLE t;
        action = EXCEPTION_EXECUTE_HANDLER;
        SetUnhandledExceptionFilter(filter);
        t = CreateThread(NULL, 0, thread_fault, NULL, 0, NULL);
        WaitForSingleObject(t, INFINITE);
        printf("main: not reached\n");
    } else if (!strcmp(mode, "chain")) {
        SetUnhandledExceptionFilter(first_filter);
        previous = SetUnhandledExceptionFilter(second_filter);
        printf("previous is the first filter: %s\n", previous == first_filter ? "yes" : "no");
        fflush(stdout);
        RaiseException(0xE0009ABC, 0, 0, NULL);
    }
    printf("%s: not reached\n", mode);
    return 100;
}

int main(int argc, char **argv)
{
    static const char *modes[] = { "execute", "execute-raise", "continue", "search", "thread", "chain" };
    int i;

    if (argc > 1)
        return child(argv[1]);
    for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        printf("-- %s\n", modes[i]);
        printf("exit code %#lx\n", run_child(modes[i]));
    }
    return 0;
}
