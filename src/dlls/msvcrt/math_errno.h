/* libm reports errors in Linux errno; the CRT's math functions (msvcrt's
 * and ucrtbase's) carry them into the program's errno. CALL(expr) returns
 * expr's value from the calling function with errno carried. */
#ifndef DECANT_MSVCRT_MATH_ERRNO_H
#define DECANT_MSVCRT_MATH_ERRNO_H

#include <errno.h>

static inline void carry_errno(int saved)
{
    if (errno)
        crt_set_errno(crt_errno_from_linux(errno));
    errno = saved;
}

#define CALL(expr)                                                          \
    do {                                                                    \
        int saved_ = errno;                                                 \
        errno = 0;                                                          \
        __typeof__(expr) r_ = (expr);                                       \
        carry_errno(saved_);                                                \
        return r_;                                                          \
    } while (0)

#endif
