/* Blocking calls, where SuspendThread may stop a thread in decant's code.
 *
 * A suspension stops a thread only at a safe point (thread.c, "suspension"):
 * in program code, or inside a system call made between blocking_begin()
 * and blocking_end() — most simply as BLOCKING(call) — that may block for
 * long and holds none of decant's locks: a futex wait, a sleep, a read or
 * write of a pipe, console or socket, a poll. Windows likewise suspends a
 * thread that waits in the kernel at once, while a thread elsewhere in a
 * system service is stopped only when it leaves it.
 *
 * Nothing between the two may take a lock, glibc's included (malloc,
 * stdio): a thread stopped there would keep it until resumed. A blocking
 * call left unmarked only makes SuspendThread wait until it returns. */
#ifndef DECANT_BLOCKING_H
#define DECANT_BLOCKING_H

extern __thread int thread_blocking;

static inline void blocking_begin(void)
{
    thread_blocking = 1;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
}

static inline void blocking_end(void)
{
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    thread_blocking = 0;
}

/* The value of `call`, made as a blocking call; errno as it left it. */
#define BLOCKING(call)                            \
    ({                                            \
        blocking_begin();                         \
        __typeof__(call) blocking_result_ = call; \
        blocking_end();                           \
        blocking_result_;                         \
    })

#endif
