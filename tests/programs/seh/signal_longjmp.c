/* The C way of surviving a fault in a mingw program: signal(SIGSEGV /
 * SIGFPE / SIGILL, handler) and longjmp out of the handler.  mingw's
 * startup installs an unhandled-exception filter that calls msvcrt's
 * signal() to find the handler (resetting it to SIG_DFL) and calls it;
 * msvcrt's longjmp then unwinds from inside the exception dispatch back
 * to the setjmp frame (RtlUnwindEx with STATUS_LONGJUMP, which frame
 * handlers on the way see with EXCEPTION_UNWINDING). */
#include <windows.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include "sehframe.h"

static jmp_buf jb;
static volatile int zero, ten = 10;

static void on_signal(int sig)
{
    longjmp(jb, sig);
}

EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    if (rec->ExceptionFlags & EXCEPTION_UNWINDING)
        printf("frame handler: unwinding, code %#lx\n", rec->ExceptionCode);
    return ExceptionContinueSearch;
}

static ULONG_PTR crash(void *arg)
{
    *(volatile int *)8 = 1;
    return 0;
}

static ULONG_PTR jump(void *arg)
{
    longjmp(jb, 99);
    return 0;
}

int main(void)
{
    volatile int round;
    int r;

    for (round = 0; round < 3; round++) {
        signal(SIGSEGV, on_signal);
        r = setjmp(jb);
        if (r == 0) {
            *(volatile int *)8 = round;
            printf("not reached\n");
        } else {
            printf("round %d: back from signal %d\n", round, r);
        }
    }

    signal(SIGFPE, on_signal);
    if ((r = setjmp(jb)) == 0)
        printf("%d\n", ten / zero);
    else
        printf("integer divide by zero: signal %d (SIGFPE)\n", r);

    signal(SIGILL, on_signal);
    if ((r = setjmp(jb)) == 0)
        __asm__ volatile("ud2");
    else
        printf("ud2: signal %d (SIGILL)\n", r);

    printf("-- through a frame with a handler\n");
    signal(SIGSEGV, on_signal);
    if ((r = setjmp(jb)) == 0)
        seh_call(crash, NULL);
    else
        printf("back from signal %d\n", r);

    printf("-- plain longjmp through it\n");
    if ((r = setjmp(jb)) == 0)
        seh_call(jump, NULL);
    else
        printf("longjmp returned %d\n", r);
    return 0;
}
