/* winmm's timer functions, the part of winmm a command-line program uses
 * (Go's runtime before 1.23 calls timeBeginPeriod at start-up). Linux
 * timers already have a fine resolution, so the period is only recorded:
 * begin/end must pair up as on Windows. */
#include <time.h>

#include "clock.h"
#include "windef.h"

#define TIMERR_NOERROR 0
#define TIMERR_NOCANDO 97

typedef struct {
    UINT wPeriodMin, wPeriodMax;
} TIMECAPS;

static LONG periods[1001]; /* outstanding timeBeginPeriod calls per period */

/* timeGetDevCaps (winmm): 1 ms to 1000000 ms, as Windows reports. */
UINT WINAPI timeGetDevCaps(TIMECAPS *caps, UINT size)
{
    if (!caps || size < sizeof *caps)
        return TIMERR_NOCANDO;
    caps->wPeriodMin = 1;
    caps->wPeriodMax = 1000000;
    return TIMERR_NOERROR;
}

/* timeBeginPeriod (winmm) */
UINT WINAPI timeBeginPeriod(UINT ms)
{
    if (!ms || ms > 1000000)
        return TIMERR_NOCANDO;
    if (ms <= 1000)
        __atomic_add_fetch(&periods[ms], 1, __ATOMIC_RELAXED);
    return TIMERR_NOERROR;
}

/* timeEndPeriod (winmm): only a period that was begun can end. */
UINT WINAPI timeEndPeriod(UINT ms)
{
    if (!ms || ms > 1000000)
        return TIMERR_NOCANDO;
    if (ms <= 1000) {
        LONG n = __atomic_load_n(&periods[ms], __ATOMIC_RELAXED);
        do {
            if (n <= 0)
                return TIMERR_NOCANDO;
        } while (!__atomic_compare_exchange_n(&periods[ms], &n, n - 1, 0, __ATOMIC_RELAXED,
                                              __ATOMIC_RELAXED));
    }
    return TIMERR_NOERROR;
}

/* timeGetTime (winmm): milliseconds since the system started, wrapping
 * at 2^32 like GetTickCount. */
DWORD WINAPI timeGetTime(void)
{
    return (DWORD)(clock_ticks(CLOCK_MONOTONIC) / 10000);
}
