/* ntdll's NtQuerySystemInformation: the machine (SystemBasicInformation,
 * SystemProcessorInformation, which kernel32's GetSystemInfo reads) and
 * the clock (SystemTimeOfDayInformation). Tests:
 * tests/programs/ntdll/system.c. */
#include <cpuid.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEBUG_CHANNEL misc
#include "debug.h"
#include "memory.h"
#include "ntapi.h"
#include "process.h"
#include "status.h"

NTSTATUS WINAPI NtQuerySystemTime(LARGE_INTEGER *t);

static void basic(SYSTEM_BASIC_INFORMATION *b)
{
    long pages = sysconf(_SC_PHYS_PAGES);
    ULONG n = nt_peb()->NumberOfProcessors;
    if (n > 64)
        n = 64; /* one processor group */
    memset(b, 0, sizeof *b);
    b->TimerResolution = 156250; /* 15.625 ms, in 100 ns */
    b->PageSize = PAGE_SIZE_WIN;
    b->NumberOfPhysicalPages = pages > 0 && pages < 0xffffffffl ? (ULONG)pages : 0xffffffffu;
    b->LowestPhysicalPageNumber = 1;
    b->HighestPhysicalPageNumber = b->NumberOfPhysicalPages;
    b->AllocationGranularity = ALLOC_GRANULARITY;
    b->MinimumUserModeAddress = 0x10000;
    b->MaximumUserModeAddress = 0x7ffffffeffffull;
    b->ActiveProcessorsAffinityMask = n >= 64 ? ~(ULONG_PTR)0 : ((ULONG_PTR)1 << n) - 1;
    b->NumberOfProcessors = (CHAR)n;
}

/* KF_* feature bits, from CPUID leaf 1's EDX */
static const struct {
    int edx_bit;
    ULONG kf;
} features[] = {
    {4, 0x2},      /* TSC: KF_RDTSC */
    {15, 0x8},     /* CMOV: KF_CMOV */
    {8, 0x80},     /* CX8: KF_CMPXCHG8B */
    {23, 0x100},   /* MMX: KF_MMX */
    {24, 0x800},   /* FXSR: KF_FXSR */
    {25, 0x2000},  /* SSE: KF_XMMI */
    {26, 0x10000}, /* SSE2: KF_XMMI64 */
};

/* Level is the CPU family and Revision model << 8 | stepping, with
 * CPUID's extended family and model, as Windows reports them. */
static void processor(SYSTEM_PROCESSOR_INFORMATION *p)
{
    unsigned a = 0, b = 0, c = 0, d = 0;
    __get_cpuid(1, &a, &b, &c, &d);
    unsigned family = (a >> 8) & 0xf, model = (a >> 4) & 0xf, stepping = a & 0xf;
    if (family == 0xf)
        family += (a >> 20) & 0xff;
    if (family == 0x6 || family >= 0xf)
        model |= ((a >> 16) & 0xf) << 4;
    memset(p, 0, sizeof *p);
    p->ProcessorArchitecture = 9; /* PROCESSOR_ARCHITECTURE_AMD64 */
    p->ProcessorLevel = family;
    p->ProcessorRevision = (model << 8) | stepping;
    ULONG n = nt_peb()->NumberOfProcessors;
    p->MaximumProcessors = n > 64 ? 64 : n;
    for (size_t i = 0; i < sizeof features / sizeof features[0]; i++)
        if (d & 1u << features[i].edx_bit)
            p->ProcessorFeatureBits |= features[i].kf;
}

/* Boot time as a system time, the bias (UTC = local + bias, 100 ns)
 * and whether daylight saving time is on (TIME_ZONE_ID_*). */
static void time_of_day(SYSTEM_TIMEOFDAY_INFORMATION *t)
{
    struct timespec boot;
    memset(t, 0, sizeof *t);
    NtQuerySystemTime(&t->CurrentTime);
    clock_gettime(CLOCK_BOOTTIME, &boot);
    t->BootTime.QuadPart = t->CurrentTime.QuadPart -
                           ((LONGLONG)boot.tv_sec * 10000000 + boot.tv_nsec / 100);
    tzset();
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    t->TimeZoneBias.QuadPart = -(LONGLONG)tm.tm_gmtoff * 10000000;
    t->TimeZoneId = tm.tm_isdst > 0 ? 2 : daylight ? 1 : 0;
}

/* NtQuerySystemInformation (ntdll): SystemBasicInformation wants its
 * exact size, SystemProcessorInformation at least its size, and
 * SystemTimeOfDayInformation takes up to its size and fills that much;
 * *ret_len is the size written or needed (0 for a time of day too long). */
NTSTATUS WINAPI NtQuerySystemInformation(int cls, void *buf, ULONG len, ULONG *ret_len)
{
    union {
        SYSTEM_BASIC_INFORMATION basic;
        SYSTEM_PROCESSOR_INFORMATION processor;
        SYSTEM_TIMEOFDAY_INFORMATION time;
    } u;
    ULONG size = 0;
    NTSTATUS st = STATUS_SUCCESS;
    switch (cls) {
    case SystemBasicInformation:
        size = sizeof u.basic;
        if (len != size)
            st = STATUS_INFO_LENGTH_MISMATCH;
        else
            basic(&u.basic);
        break;
    case SystemProcessorInformation:
        size = sizeof u.processor;
        if (len < size)
            st = STATUS_INFO_LENGTH_MISMATCH;
        else
            processor(&u.processor);
        break;
    case SystemTimeOfDayInformation:
        if (len > sizeof u.time) {
            st = STATUS_INFO_LENGTH_MISMATCH; /* *ret_len 0, as in Windows' kernel */
        } else {
            size = len;
            time_of_day(&u.time);
        }
        break;
    default:
        FIXME("system information class %d", cls);
        st = STATUS_INVALID_INFO_CLASS;
    }
    if (!st) {
        if (!buf && size)
            return STATUS_ACCESS_VIOLATION;
        memcpy(buf, &u, size);
    }
    if (ret_len)
        *ret_len = size;
    return st;
}
