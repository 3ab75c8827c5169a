/* The system random generator behind ProcessPrng (what Go's runtime and
 * Rust's std call for randomness): the kernel's, through getrandom(2). */
#include <errno.h>
#include <sys/random.h>

#include "windef.h"

/* Fills the buffer from getrandom, waiting through interruptions. */
int random_fill(void *buf, size_t len)
{
    uint8_t *p = buf;
    while (len) {
        ssize_t n = getrandom(p, len > 33554431 ? 33554431 : len, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= n;
    }
    return 0;
}

/* ProcessPrng (bcryptprimitives): always succeeds, as documented. */
BOOL WINAPI ProcessPrng(BYTE *buf, SIZE_T len)
{
    random_fill(buf, len);
    return TRUE;
}
