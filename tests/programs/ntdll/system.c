/* NtQuerySystemInformation by GetProcAddress: SystemBasicInformation
 * (exact size only, GetSystemInfo's numbers), SystemProcessorInformation,
 * SystemTimeOfDayInformation (now, the boot time before it, the time zone
 * bias GetTimeZoneInformation gives, a shorter buffer filled partly), the
 * length reported on a mismatch, an unknown class. */
#include <stdio.h>
#include <string.h>
#include "nt.h"

NT(NtQuerySystemInformation, (ULONG, void *, ULONG, ULONG *))

typedef struct {
    ULONG Reserved, TimerResolution, PageSize, NumberOfPhysicalPages,
        LowestPhysicalPageNumber, HighestPhysicalPageNumber, AllocationGranularity;
    ULONG_PTR MinimumUserModeAddress, MaximumUserModeAddress, ActiveProcessorsAffinityMask;
    CCHAR NumberOfProcessors;
} BASIC;

typedef struct {
    USHORT ProcessorArchitecture, ProcessorLevel, ProcessorRevision, MaximumProcessors;
    ULONG ProcessorFeatureBits;
} PROCESSOR;

typedef struct {
    LARGE_INTEGER BootTime, CurrentTime, TimeZoneBias;
    ULONG TimeZoneId, Reserved;
    ULONGLONG BootTimeBias, SleepTimeBias;
} TIMEOFDAY;

int main(void)
{
    BASIC b;
    PROCESSOR p;
    TIMEOFDAY t;
    SYSTEM_INFO si;
    TIME_ZONE_INFORMATION tzi;
    FILETIME ft;
    ULONG len;
    NTSTATUS st;
    LONGLONG now, bias;
    DWORD tz;

    LOAD(NtQuerySystemInformation);
    GetSystemInfo(&si);

    printf("sizes: basic %u, processor %u, time of day %u\n", (unsigned)sizeof b,
           (unsigned)sizeof p, (unsigned)sizeof t);
    len = 0xdead;
    st = p_NtQuerySystemInformation(0, &b, sizeof b, &len);
    printf("basic: %#lx, length %lu, page %#lx, granularity %#lx, addresses %#llx-%#llx\n",
           ST(st), len, b.PageSize, b.AllocationGranularity,
           (unsigned long long)b.MinimumUserModeAddress,
           (unsigned long long)b.MaximumUserModeAddress);
    ok(b.NumberOfProcessors == si.dwNumberOfProcessors, "processors %d, GetSystemInfo %lu",
       b.NumberOfProcessors, si.dwNumberOfProcessors);
    ok(b.ActiveProcessorsAffinityMask == si.dwActiveProcessorMask, "mask %#llx",
       (unsigned long long)b.ActiveProcessorsAffinityMask);
    ok(b.NumberOfPhysicalPages > 0, "physical pages");
    len = 0xdead;
    st = p_NtQuerySystemInformation(0, &b, sizeof b - 1, &len);
    printf("basic, one byte short: %#lx, length %lu\n", ST(st), len);
    len = 0xdead;
    st = p_NtQuerySystemInformation(0, &b, sizeof b + 8, &len);
    printf("basic, 8 bytes more: %#lx, length %lu\n", ST(st), len);

    len = 0xdead;
    st = p_NtQuerySystemInformation(1, &p, sizeof p, &len);
    printf("processor: %#lx, length %lu, architecture %u\n", ST(st), len,
           p.ProcessorArchitecture);
    ok(p.ProcessorLevel == si.wProcessorLevel && p.ProcessorRevision == si.wProcessorRevision,
       "level %u revision %#x, GetSystemInfo %u %#x", p.ProcessorLevel, p.ProcessorRevision,
       si.wProcessorLevel, si.wProcessorRevision);
    len = 0xdead;
    st = p_NtQuerySystemInformation(1, &p, sizeof p - 1, &len);
    printf("processor, one byte short: %#lx, length %lu\n", ST(st), len);

    len = 0xdead;
    st = p_NtQuerySystemInformation(3, &t, sizeof t, &len);
    GetSystemTimeAsFileTime(&ft);
    now = (LONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime;
    printf("time of day: %#lx, length %lu\n", ST(st), len);
    ok(now - t.CurrentTime.QuadPart >= 0 && now - t.CurrentTime.QuadPart < 10000000,
       "current time %lld, now %lld", t.CurrentTime.QuadPart, now);
    ok(t.BootTime.QuadPart > 0 && t.BootTime.QuadPart < t.CurrentTime.QuadPart, "boot time");
    tz = GetTimeZoneInformation(&tzi);
    bias = tzi.Bias + (tz == TIME_ZONE_ID_DAYLIGHT ? tzi.DaylightBias : tzi.StandardBias);
    ok(t.TimeZoneBias.QuadPart == bias * 600000000, "bias %lld, GetTimeZoneInformation %lld",
       t.TimeZoneBias.QuadPart, bias * 600000000);
    memset(&t, 0xcc, sizeof t);
    len = 0xdead;
    st = p_NtQuerySystemInformation(3, &t, 16, &len);
    printf("time of day in 16 bytes: %#lx, length %lu, the rest untouched %d\n", ST(st), len,
           t.TimeZoneBias.QuadPart == (LONGLONG)0xccccccccccccccccull);
    len = 0xdead;
    st = p_NtQuerySystemInformation(3, &t, sizeof t + 1, &len);
    printf("time of day, one byte more: %#lx, length %lu\n", ST(st), len);

    st = p_NtQuerySystemInformation(0x7fff, &b, sizeof b, &len);
    printf("class 0x7fff: %#lx\n", ST(st));
    return test_summary();
}
