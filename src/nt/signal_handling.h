/* Faults in program code become Windows exceptions (DESIGN.md §5). */
#ifndef DECANT_SIGNAL_HANDLING_H
#define DECANT_SIGNAL_HANDLING_H

void signal_init_process(void);
/* Each thread's alternate signal stack, for stack overflows: ALTSTACK_SIZE
 * bytes that thread.c keeps beside the TEB, until the thread is gone. */
#define ALTSTACK_SIZE (64 * 1024)
void signal_init_thread(void *altstack);

/* Get/SetThreadContext of a thread parked by SuspendThread. */
#include "winexcept.h"
void signal_get_context(const void *ucontext, CONTEXT *c);
void signal_set_context(void *ucontext, const CONTEXT *c);

#endif
