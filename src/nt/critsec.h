/* Whether the current thread holds a CRITICAL_SECTION, without an atomic
 * instruction: only the owner stores its thread id in OwningThread, and it
 * clears it before letting go, so finding our own id there means we hold
 * the lock. kernel32's EnterCriticalSection starts with it (a recursive
 * Enter); msvcrt's fputc uses it to skip the stream lock that its caller,
 * printf, already holds. */
#ifndef DECANT_CRITSEC_H
#define DECANT_CRITSEC_H

#include "process.h"
#include "win32.h"

static inline HANDLE cs_self(void)
{
    return nt_current_teb()->ClientId.UniqueThread;
}

static inline int cs_held(CRITICAL_SECTION *cs)
{
    return __atomic_load_n(&cs->OwningThread, __ATOMIC_RELAXED) == cs_self();
}

#endif
