/* Time: system time as FILETIME (100 ns since 1601), performance counters,
 * tick counts, and conversions. The performance counter runs at 10 MHz
 * from CLOCK_MONOTONIC, which the vDSO answers without a system call
 * (clock.h). */
#include <string.h>
#include <time.h>

#include "clock.h"
#include "kernel32_private.h"

#define TICKS_PER_SEC ((uint64_t)CLOCK_TICKS_PER_SEC)
#define EPOCH_DIFF ((uint64_t)CLOCK_EPOCH_1601)

static uint64_t now_ticks(void) { return (uint64_t)clock_system_time(); }

static void to_ft(uint64_t t, FILETIME *ft)
{
    ft->dwLowDateTime = (DWORD)t;
    ft->dwHighDateTime = (DWORD)(t >> 32);
}

static uint64_t from_ft(const FILETIME *ft)
{
    return (uint64_t)ft->dwHighDateTime << 32 | ft->dwLowDateTime;
}

/* GetSystemTimeAsFileTime (kernel32) */
void WINAPI GetSystemTimeAsFileTime(FILETIME *ft) { to_ft(now_ticks(), ft); }

/* GetSystemTimePreciseAsFileTime (kernel32) */
void WINAPI GetSystemTimePreciseAsFileTime(FILETIME *ft) { to_ft(now_ticks(), ft); }

/* QueryPerformanceCounter (kernel32): clock_ticks(CLOCK_MONOTONIC), in
 * assembly because programs call it in their tightest loops and GCC's
 * version keeps four more registers than it needs around the vDSO call
 * (clock.h). From Windows code: rcx = the LARGE_INTEGER, rsp = 8 mod 16;
 * rdi and rsi are the caller's to keep. */
__asm__(".text\n"
        ".globl QueryPerformanceCounter\n"
        ".type QueryPerformanceCounter, @function\n"
        "QueryPerformanceCounter:\n\t"
        "push %rdi\n\t"
        "push %rsi\n\t"
        "push %rcx\n\t"
        "sub $16, %rsp\n\t"              /* struct timespec; rsp = 0 mod 16 */
        "mov $1, %edi\n\t"               /* CLOCK_MONOTONIC */
        "mov %rsp, %rsi\n\t"
        "call *clock_vdso_gettime(%rip)\n\t"
        "mov 8(%rsp), %eax\n\t"          /* tv_nsec < 10^9 */
        "imul $1374389535, %rax, %rax\n\t"
        "shr $37, %rax\n\t"              /* / 100, exact below 2^32 */
        "imul $10000000, (%rsp), %rdx\n\t" /* tv_sec in 100 ns */
        "add %rdx, %rax\n\t"
        "mov 16(%rsp), %rcx\n\t"
        "mov %rax, (%rcx)\n\t"
        "mov $1, %eax\n\t"
        "add $24, %rsp\n\t"
        "pop %rsi\n\t"
        "pop %rdi\n\t"
        "ret\n"
        ".size QueryPerformanceCounter, . - QueryPerformanceCounter\n");

/* QueryPerformanceFrequency (kernel32): 10 MHz, as Windows 10 reports. */
BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *f)
{
    f->QuadPart = TICKS_PER_SEC;
    return TRUE;
}

/* GetTickCount64 (kernel32): milliseconds since boot. */
ULONGLONG WINAPI GetTickCount64(void)
{
    return (ULONGLONG)clock_ticks(CLOCK_BOOTTIME) / 10000;
}

/* GetTickCount (kernel32) */
DWORD WINAPI GetTickCount(void) { return (DWORD)GetTickCount64(); }

/* QueryUnbiasedInterruptTime (kernel32) */
BOOL WINAPI QueryUnbiasedInterruptTime(ULONGLONG *t)
{
    *t = (ULONGLONG)clock_ticks(CLOCK_MONOTONIC);
    return TRUE;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/* FileTimeToSystemTime (kernel32): valid up to 30827 (high bit clear). */
BOOL WINAPI FileTimeToSystemTime(const FILETIME *ft, SYSTEMTIME *st)
{
    uint64_t t = from_ft(ft);
    if (t & 0x8000000000000000ull) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    uint64_t secs = t / TICKS_PER_SEC;
    st->wMilliseconds = (t % TICKS_PER_SEC) / 10000;
    uint64_t days = secs / 86400, rem = secs % 86400;
    st->wHour = rem / 3600;
    st->wMinute = rem % 3600 / 60;
    st->wSecond = rem % 60;
    st->wDayOfWeek = (days + 1) % 7; /* 1601-01-01 was a Monday */
    int y = 1601;
    for (;;) {
        /* skip 400-year cycles quickly */
        if (days >= 146097) {
            days -= 146097;
            y += 400;
            continue;
        }
        int len = is_leap(y) ? 366 : 365;
        if (days < (uint64_t)len)
            break;
        days -= len;
        y++;
    }
    int m = 0;
    for (;; m++) {
        int len = mdays[m] + (m == 1 && is_leap(y));
        if (days < (uint64_t)len)
            break;
        days -= len;
    }
    st->wYear = y;
    st->wMonth = m + 1;
    st->wDay = days + 1;
    return TRUE;
}

/* SystemTimeToFileTime (kernel32) */
BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME *st, FILETIME *ft)
{
    if (st->wYear < 1601 || st->wYear > 30827 || st->wMonth < 1 || st->wMonth > 12 ||
        st->wDay < 1 ||
        st->wDay > mdays[st->wMonth - 1] + (st->wMonth == 2 && is_leap(st->wYear)) ||
        st->wHour > 23 || st->wMinute > 59 || st->wSecond > 59 ||
        st->wMilliseconds > 999) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    uint64_t days = 0;
    int y = 1601;
    while (st->wYear - y >= 400) {
        days += 146097;
        y += 400;
    }
    for (; y < st->wYear; y++)
        days += is_leap(y) ? 366 : 365;
    for (int m = 0; m < st->wMonth - 1; m++)
        days += mdays[m] + (m == 1 && is_leap(st->wYear));
    days += st->wDay - 1;
    uint64_t t = ((days * 24 + st->wHour) * 60 + st->wMinute) * 60 + st->wSecond;
    t = t * TICKS_PER_SEC + (uint64_t)st->wMilliseconds * 10000;
    to_ft(t, ft);
    return TRUE;
}

/* GetSystemTime (kernel32) */
void WINAPI GetSystemTime(SYSTEMTIME *st)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    FileTimeToSystemTime(&ft, st);
}

/* The local offset (seconds east of UTC) at a Unix time, from glibc's
 * TZ database. */
static long utc_offset(time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);
    return tm.tm_gmtoff;
}

/* FileTimeToLocalFileTime (kernel32) */
BOOL WINAPI FileTimeToLocalFileTime(const FILETIME *in, FILETIME *out)
{
    uint64_t t = from_ft(in);
    time_t unix_t = (time_t)((int64_t)(t - EPOCH_DIFF) / (int64_t)TICKS_PER_SEC);
    to_ft(t + (int64_t)utc_offset(unix_t) * (int64_t)TICKS_PER_SEC, out);
    return TRUE;
}

/* LocalFileTimeToFileTime (kernel32) */
BOOL WINAPI LocalFileTimeToFileTime(const FILETIME *in, FILETIME *out)
{
    uint64_t t = from_ft(in);
    time_t unix_t = (time_t)((int64_t)(t - EPOCH_DIFF) / (int64_t)TICKS_PER_SEC);
    to_ft(t - (int64_t)utc_offset(unix_t) * (int64_t)TICKS_PER_SEC, out);
    return TRUE;
}

/* GetLocalTime (kernel32) */
void WINAPI GetLocalTime(SYSTEMTIME *st)
{
    FILETIME ft, lft;
    GetSystemTimeAsFileTime(&ft);
    FileTimeToLocalFileTime(&ft, &lft);
    FileTimeToSystemTime(&lft, st);
}

/* CompareFileTime (kernel32) */
LONG WINAPI CompareFileTime(const FILETIME *a, const FILETIME *b)
{
    uint64_t x = from_ft(a), y = from_ft(b);
    return x < y ? -1 : x > y;
}

/* GetTimeZoneInformation (kernel32): from the TZ database; the names are
 * the zone's abbreviations. FIXME: no transition dates (StandardDate). */
DWORD WINAPI GetTimeZoneInformation(TIME_ZONE_INFORMATION *tzi)
{
    memset(tzi, 0, sizeof *tzi);
    tzset();
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    extern long timezone;
    extern char *tzname[2];
    tzi->Bias = (LONG)(timezone / 60);
    utf8_to_wstr(tzname[0], -1, tzi->StandardName, 32);
    utf8_to_wstr(tzname[1], -1, tzi->DaylightName, 32);
    if (tm.tm_isdst > 0) {
        tzi->DaylightBias = -(LONG)((tm.tm_gmtoff + timezone) / 60);
        return TIME_ZONE_ID_DAYLIGHT;
    }
    return daylight ? TIME_ZONE_ID_STANDARD : TIME_ZONE_ID_UNKNOWN;
}

/* GetDynamicTimeZoneInformation (kernel32) */
DWORD WINAPI GetDynamicTimeZoneInformation(void *dtzi)
{
    memset(dtzi, 0, 432);
    return GetTimeZoneInformation(dtzi);
}

/* SystemTimeToTzSpecificLocalTime (kernel32): current TZ rules only. */
BOOL WINAPI SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION *tzi,
                                            const SYSTEMTIME *utc, SYSTEMTIME *local)
{
    FILETIME ft, lft;
    if (!SystemTimeToFileTime(utc, &ft))
        return FALSE;
    if (tzi) {
        uint64_t t = from_ft(&ft) - (int64_t)tzi->Bias * 60 * (int64_t)TICKS_PER_SEC;
        to_ft(t, &lft);
    } else {
        FileTimeToLocalFileTime(&ft, &lft);
    }
    return FileTimeToSystemTime(&lft, local);
}

/* TzSpecificLocalTimeToSystemTime (kernel32) */
BOOL WINAPI TzSpecificLocalTimeToSystemTime(const TIME_ZONE_INFORMATION *tzi,
                                            const SYSTEMTIME *local, SYSTEMTIME *utc)
{
    FILETIME ft, uft;
    if (!SystemTimeToFileTime(local, &ft))
        return FALSE;
    if (tzi) {
        uint64_t t = from_ft(&ft) + (int64_t)tzi->Bias * 60 * (int64_t)TICKS_PER_SEC;
        to_ft(t, &uft);
    } else {
        LocalFileTimeToFileTime(&ft, &uft);
    }
    return FileTimeToSystemTime(&uft, utc);
}
