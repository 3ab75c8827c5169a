/* winmm's timer functions: timeBeginPeriod/timeEndPeriod pair up (an end
 * without a begin is TIMERR_NOCANDO), out-of-range periods are refused,
 * timeGetDevCaps refuses NULL (TIMERR_NOCANDO, as documented), timeGetTime moves in milliseconds. */
// build: -lwinmm
#include <windows.h>
#include <mmsystem.h>
#include "test.h"

int main(void)
{
    TIMECAPS tc;
    ok(timeGetDevCaps(&tc, sizeof tc) == TIMERR_NOERROR, "devcaps");
    ok(tc.wPeriodMin == 1, "min period %u", tc.wPeriodMin);
    ok(timeGetDevCaps(NULL, sizeof tc) == TIMERR_NOCANDO, "NULL caps");
    ok(timeBeginPeriod(1) == TIMERR_NOERROR, "begin 1");
    ok(timeBeginPeriod(0) == TIMERR_NOCANDO, "begin 0");
    ok(timeEndPeriod(1) == TIMERR_NOERROR, "end 1");
    ok(timeEndPeriod(0) == TIMERR_NOCANDO, "end 0");
    DWORD t0 = timeGetTime();
    Sleep(50);
    DWORD dt = timeGetTime() - t0;
    ok(dt >= 40 && dt < 1000, "50 ms sleep measured as %lu", dt);
    DWORD tick = GetTickCount();
    ok((LONG)(timeGetTime() - tick) > -100 && (LONG)(timeGetTime() - tick) < 100,
       "same clock as GetTickCount");
    return test_summary();
}
