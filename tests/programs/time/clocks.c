/* Monotonic and wall clocks: QueryPerformanceCounter/Frequency,
 * GetTickCount(64), Sleep elapsed >= requested, Sleep(0), time() agrees
 * with GetSystemTimeAsFileTime, clock() starts near 0 and advances,
 * GetSystemTime vs GetSystemTimeAsFileTime, timeGetTime-free. */
#include <windows.h>
#include <time.h>
#include "test.h"

static ULONGLONG ft_now(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
}

int main(void)
{
    LARGE_INTEGER f, a, b;
    ULONGLONG t0, t1, ft;
    DWORD d0;
    time_t now;
    clock_t c0;
    SYSTEMTIME st;
    FILETIME ft2;
    int i, mono = 1;
    volatile double x = 0;

    ok(QueryPerformanceFrequency(&f) && f.QuadPart > 0, "QPF");
    ok(QueryPerformanceCounter(&a), "QPC");
    for (i = 0; i < 1000; i++) {
        QueryPerformanceCounter(&b);
        if (b.QuadPart < a.QuadPart)
            mono = 0;
        a = b;
    }
    ok(mono, "QPC monotonic");

    t0 = GetTickCount64();
    d0 = GetTickCount();
    ok((DWORD)t0 - d0 < 100 || d0 - (DWORD)t0 < 100, "GetTickCount is the low part of GetTickCount64");
    QueryPerformanceCounter(&a);
    Sleep(50);
    QueryPerformanceCounter(&b);
    t1 = GetTickCount64();
    ok(t1 >= t0, "GetTickCount64 monotonic");
    ok(t1 - t0 >= 30 && t1 - t0 < 1000, "GetTickCount64 advanced ~50 ms: %llu", t1 - t0);
    ok((b.QuadPart - a.QuadPart) * 1000 / f.QuadPart >= 49, "Sleep(50) took >= 49 ms by QPC: %lld",
       (b.QuadPart - a.QuadPart) * 1000 / f.QuadPart);
    Sleep(0);
    ok(1, "Sleep(0) returns");

    now = time(NULL);
    ft = ft_now();
    ok((long long)((ft - 116444736000000000ULL) / 10000000) - (long long)now <= 1 &&
       (long long)now - (long long)((ft - 116444736000000000ULL) / 10000000) <= 1,
       "time() agrees with GetSystemTimeAsFileTime");

    GetSystemTime(&st);
    SystemTimeToFileTime(&st, &ft2);
    ft = ft_now();
    t0 = ((ULONGLONG)ft2.dwHighDateTime << 32) | ft2.dwLowDateTime;
    ok(ft >= t0 && ft - t0 < 10000000, "GetSystemTime agrees with GetSystemTimeAsFileTime");
    ok(st.wYear >= 2020, "year %u", st.wYear);

    c0 = clock();
    ok(c0 >= 0 && c0 < 5 * CLOCKS_PER_SEC, "clock() counts from process start: %ld", (long)c0);
    ok(CLOCKS_PER_SEC == 1000, "CLOCKS_PER_SEC");
    Sleep(20);
    for (i = 0; i < 100000; i++)
        x += i;
    ok(clock() - c0 >= 15, "clock() is wall time in msvcrt: advanced %ld", (long)(clock() - c0));
    return test_summary();
}
