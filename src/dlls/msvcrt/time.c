/* Time: time/_time64, gmtime/localtime/mktime/_mkgmtime in their 32- and
 * 64-bit forms, clock, _ftime, difftime, asctime/ctime, the time-zone
 * globals.
 *
 * The time zone comes from kernel32's GetTimeZoneInformation, as msvcrt's
 * does, unless the CRT environment has TZ ("PST8PDT" syntax, with US DST
 * rules, as msvcrt's _tzset parses it). Using kernel32 rather than glibc's
 * tz database keeps the CRT consistent with what the program sees from
 * GetTimeZoneInformation and FileTimeToLocalFileTime: the same source on
 * both sides, as on Windows. DST is decided per year from the
 * TIME_ZONE_INFORMATION transition rules (msvcrt's _isindst). */
#include <stdio.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

struct m_tm {
    int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday,
        tm_isdst;
};

/* _timezone / _daylight / _dstbias / _tzname (msvcrt data) */
LONG msvcrt__timezone = 28800;
int msvcrt__daylight = 1;
LONG msvcrt__dstbias = -3600;
static char tzname_std[64] = "PST", tzname_dst[64] = "PDT";
char *msvcrt__tzname[2] = {tzname_std, tzname_dst};

static int tz_done;
static int tz_from_env; /* TZ rules (US) rather than the TZI ones */
static TIME_ZONE_INFORMATION tzi;

#define MAX_TIME64 32535215999LL /* 3000-12-31 23:59:59 */
#define EPOCH_DIFF 11644473600LL /* 1601 -> 1970 in seconds */

LONGLONG crt_filetime_to_time(const FILETIME *ft)
{
    ULONGLONG v = ((ULONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
    return (LONGLONG)(v / 10000000) - EPOCH_DIFF;
}

void crt_time_to_filetime(LONGLONG t, FILETIME *ft)
{
    ULONGLONG v = (ULONGLONG)(t + EPOCH_DIFF) * 10000000;
    ft->dwLowDateTime = (DWORD)v;
    ft->dwHighDateTime = (DWORD)(v >> 32);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
static LONGLONG days_from_civil(LONGLONG y, int m, int d)
{
    y -= m <= 2;
    LONGLONG era = (y >= 0 ? y : y - 399) / 400;
    LONGLONG yoe = y - era * 400;
    LONGLONG doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    LONGLONG doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int is_leap(LONGLONG y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static const int month_start[2][13] = {
    {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
    {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
};

static void fill_tm(LONGLONG t, struct m_tm *tm)
{
    LONGLONG days = t / 86400, secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)((days % 7 + 11) % 7); /* 1970-01-01: Thursday */
    LONGLONG y = 1970;
    /* civil_from_days */
    LONGLONG z = days + 719468;
    LONGLONG era = (z >= 0 ? z : z - 146096) / 146097;
    LONGLONG doe = z - era * 146097;
    LONGLONG yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    LONGLONG doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    LONGLONG mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    y += m <= 2;
    tm->tm_year = (int)(y - 1900);
    tm->tm_mon = m - 1;
    tm->tm_mday = d;
    tm->tm_yday = month_start[is_leap(y)][m - 1] + d - 1;
    tm->tm_isdst = 0;
}

/* _tzset (msvcrt) */
void CDECL msvcrt__tzset(void)
{
    crt_init();
    tz_done = 1;
    const char *tz = crt_getenv("TZ");
    if (tz && *tz) {
        /* "XXX[+|-]hh[:mm[:ss]][YYY]" */
        int i = 0;
        while (tz[i] && i < 3 && !(tz[i] == '+' || tz[i] == '-' || (tz[i] >= '0' && tz[i] <= '9')))
            i++;
        memcpy(tzname_std, tz, i);
        tzname_std[i] = 0;
        const char *p = tz + i;
        int neg = *p == '-';
        if (*p == '+' || *p == '-')
            p++;
        LONG secs = 0, mult = 3600;
        for (int part = 0; part < 3 && *p >= '0' && *p <= '9'; part++) {
            int v = 0;
            while (*p >= '0' && *p <= '9')
                v = v * 10 + (*p++ - '0');
            secs += v * mult;
            mult /= 60;
            if (*p != ':')
                break;
            p++;
        }
        msvcrt__timezone = neg ? -secs : secs;
        snprintf(tzname_dst, sizeof tzname_dst, "%.3s", p);
        msvcrt__daylight = *p != 0;
        msvcrt__dstbias = -3600;
        tz_from_env = 1;
        return;
    }
    tz_from_env = 0;
    DWORD r = GetTimeZoneInformation(&tzi);
    if (r == 0xffffffffu) {
        msvcrt__timezone = 0;
        msvcrt__daylight = 0;
        msvcrt__dstbias = 0;
        return;
    }
    msvcrt__timezone = (tzi.Bias + tzi.StandardBias) * 60;
    msvcrt__daylight = tzi.DaylightDate.wMonth != 0;
    msvcrt__dstbias = (tzi.DaylightBias - tzi.StandardBias) * 60;
    WideCharToMultiByte(crt_acp, 0, tzi.StandardName, -1, tzname_std,
                        sizeof tzname_std, NULL, NULL);
    WideCharToMultiByte(crt_acp, 0, tzi.DaylightName, -1, tzname_dst,
                        sizeof tzname_dst, NULL, NULL);
}

static void tzset_once(void)
{
    if (!tz_done)
        msvcrt__tzset();
}

/* Seconds into year y (local standard time) at which a TZI rule fires:
 * wYear 0 means "wDay-th wDayOfWeek of wMonth" (5 = last). */
static LONGLONG rule_time(const SYSTEMTIME *st, LONGLONG y)
{
    LONGLONG day;
    if (st->wYear) {
        day = days_from_civil(y, st->wMonth, st->wDay);
    } else {
        LONGLONG first = days_from_civil(y, st->wMonth, 1);
        int wday_first = (int)((first % 7 + 11) % 7);
        int d = (st->wDayOfWeek - wday_first + 7) % 7 + 1 + (st->wDay - 1) * 7;
        int mdays = month_start[is_leap(y)][st->wMonth] - month_start[is_leap(y)][st->wMonth - 1];
        while (d > mdays)
            d -= 7;
        day = first + d - 1;
    }
    return day * 86400 + st->wHour * 3600 + st->wMinute * 60 + st->wSecond;
}

/* Is local standard time `t` (seconds since 1970, no DST applied) in DST? */
static int in_dst(LONGLONG t)
{
    if (!msvcrt__daylight)
        return 0;
    struct m_tm tm;
    fill_tm(t, &tm);
    LONGLONG y = tm.tm_year + 1900;
    LONGLONG start, end;
    if (tz_from_env) {
        /* US rules: second Sunday of March to first Sunday of November
         * from 2007, first Sunday of April to last Sunday of October before */
        SYSTEMTIME s = {0}, e = {0};
        if (y >= 2007) {
            s.wMonth = 3; s.wDay = 2; e.wMonth = 11; e.wDay = 1;
        } else {
            s.wMonth = 4; s.wDay = 1; e.wMonth = 10; e.wDay = 5;
        }
        s.wHour = 2;
        e.wHour = 1; /* 2:00 DST is 1:00 standard */
        start = rule_time(&s, y);
        end = rule_time(&e, y);
    } else {
        start = rule_time(&tzi.DaylightDate, y);
        end = rule_time(&tzi.StandardDate, y) + msvcrt__dstbias;
    }
    if (start < end)
        return t >= start && t < end;
    return t >= start || t < end; /* southern hemisphere */
}

static struct m_tm *thread_tm(void)
{
    struct crt_thread *t = crt_thread();
    if (!t->tm_buf)
        t->tm_buf = msvcrt_calloc(1, sizeof(struct m_tm));
    return t->tm_buf;
}

static int gmtime_into(LONGLONG t, struct m_tm *tm)
{
    if (t < 0 || t > MAX_TIME64)
        return M_EINVAL;
    fill_tm(t, tm);
    return 0;
}

static int localtime_into(LONGLONG t, struct m_tm *tm)
{
    if (t < 0 || t > MAX_TIME64)
        return M_EINVAL;
    tzset_once();
    LONGLONG local = t - msvcrt__timezone;
    int dst = in_dst(local);
    if (dst)
        local -= msvcrt__dstbias;
    fill_tm(local, tm);
    tm->tm_isdst = dst;
    return 0;
}

/* _gmtime64 / _gmtime32 / gmtime_s ... (msvcrt): NULL for t < 0. */
struct m_tm *CDECL msvcrt__gmtime64(const LONGLONG *t)
{
    struct m_tm *tm = thread_tm();
    if (!t || !tm || gmtime_into(*t, tm)) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    return tm;
}
struct m_tm *CDECL msvcrt__gmtime32(const LONG *t)
{
    if (!t) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    LONGLONG v = *t;
    return msvcrt__gmtime64(&v);
}
int CDECL msvcrt__gmtime64_s(struct m_tm *tm, const LONGLONG *t)
{
    if (!tm || !t) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    int r = gmtime_into(*t, tm);
    if (r) {
        memset(tm, 0xff, sizeof *tm);
        crt_set_errno(r);
    }
    return r;
}
int CDECL msvcrt__gmtime32_s(struct m_tm *tm, const LONG *t)
{
    LONGLONG v = t ? *t : 0;
    return msvcrt__gmtime64_s(tm, t ? &v : NULL);
}

/* _localtime64 / _localtime32 / _localtime64_s / _localtime32_s (msvcrt) */
struct m_tm *CDECL msvcrt__localtime64(const LONGLONG *t)
{
    struct m_tm *tm = thread_tm();
    if (!t || !tm || localtime_into(*t, tm)) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    return tm;
}
struct m_tm *CDECL msvcrt__localtime32(const LONG *t)
{
    if (!t) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    LONGLONG v = *t;
    return msvcrt__localtime64(&v);
}
int CDECL msvcrt__localtime64_s(struct m_tm *tm, const LONGLONG *t)
{
    if (!tm || !t) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    int r = localtime_into(*t, tm);
    if (r) {
        memset(tm, 0xff, sizeof *tm);
        crt_set_errno(r);
    }
    return r;
}
int CDECL msvcrt__localtime32_s(struct m_tm *tm, const LONG *t)
{
    LONGLONG v = t ? *t : 0;
    return msvcrt__localtime64_s(tm, t ? &v : NULL);
}

/* Normalises tm as mktime does and returns the seconds it denotes as if
 * it were UTC. */
static LONGLONG normalise(struct m_tm *tm)
{
    LONGLONG sec = tm->tm_sec, min = tm->tm_min, hour = tm->tm_hour;
    LONGLONG mon = tm->tm_mon, year = tm->tm_year + 1900LL;
    year += mon / 12;
    mon %= 12;
    if (mon < 0) {
        mon += 12;
        year--;
    }
    LONGLONG days = days_from_civil(year, (int)mon + 1, 1) + tm->tm_mday - 1;
    return days * 86400 + hour * 3600 + min * 60 + sec;
}

static LONGLONG mktime_impl(struct m_tm *tm, int utc, LONGLONG max)
{
    if (!tm) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    LONGLONG t = normalise(tm);
    if (!utc) {
        tzset_once();
        t += msvcrt__timezone;
        int dst = tm->tm_isdst;
        if (dst < 0)
            dst = in_dst(t - msvcrt__timezone);
        if (dst > 0 && msvcrt__daylight)
            t += msvcrt__dstbias;
    }
    if (t < 0 || t > max) {
        crt_set_errno(M_EINVAL);
        return -1;
    }
    if (utc)
        fill_tm(t, tm);
    else
        localtime_into(t, tm);
    return t;
}

/* _mktime64 / _mktime32 / _mkgmtime64 / _mkgmtime32 (msvcrt) */
LONGLONG CDECL msvcrt__mktime64(struct m_tm *tm) { return mktime_impl(tm, 0, MAX_TIME64); }
LONG CDECL msvcrt__mktime32(struct m_tm *tm) { return (LONG)mktime_impl(tm, 0, 0x7fffffff); }
LONGLONG CDECL msvcrt__mkgmtime64(struct m_tm *tm) { return mktime_impl(tm, 1, MAX_TIME64); }
LONG CDECL msvcrt__mkgmtime32(struct m_tm *tm) { return (LONG)mktime_impl(tm, 1, 0x7fffffff); }

static LONGLONG now(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return crt_filetime_to_time(&ft);
}

/* _time64 / _time32 (msvcrt) */
LONGLONG CDECL msvcrt__time64(LONGLONG *out)
{
    LONGLONG t = now();
    if (out)
        *out = t;
    return t;
}
LONG CDECL msvcrt__time32(LONG *out)
{
    LONG t = (LONG)now();
    if (out)
        *out = t;
    return t;
}

/* _difftime64 / _difftime32 (msvcrt) */
double CDECL msvcrt__difftime64(LONGLONG a, LONGLONG b) { return (double)(a - b); }
double CDECL msvcrt__difftime32(LONG a, LONG b) { return (double)a - b; }

static ULONGLONG clock_start;

void crt_time_init(void) { clock_start = GetTickCount64(); }

/* clock (msvcrt): milliseconds of wall time since the CRT started. */
LONG CDECL msvcrt_clock(void) { return (LONG)(GetTickCount64() - clock_start); }

struct timeb64 {
    LONGLONG time;
    unsigned short millitm;
    short timezone, dstflag;
};
struct timeb32 {
    LONG time;
    unsigned short millitm;
    short timezone, dstflag;
};

static void ftime_impl(LONGLONG *t, unsigned short *ms, short *tz, short *dst)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    ULONGLONG v = ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
    tzset_once();
    *t = (LONGLONG)(v / 10000000) - EPOCH_DIFF;
    *ms = (unsigned short)(v / 10000 % 1000);
    *tz = (short)(msvcrt__timezone / 60);
    *dst = (short)in_dst(*t - msvcrt__timezone);
}

/* _ftime64 / _ftime32 / _ftime64_s / _ftime32_s (msvcrt) */
void CDECL msvcrt__ftime64(struct timeb64 *b)
{
    ftime_impl(&b->time, &b->millitm, &b->timezone, &b->dstflag);
}
void CDECL msvcrt__ftime32(struct timeb32 *b)
{
    LONGLONG t;
    ftime_impl(&t, &b->millitm, &b->timezone, &b->dstflag);
    b->time = (LONG)t;
}
int CDECL msvcrt__ftime64_s(struct timeb64 *b)
{
    if (!b)
        return M_EINVAL;
    msvcrt__ftime64(b);
    return 0;
}
int CDECL msvcrt__ftime32_s(struct timeb32 *b)
{
    if (!b)
        return M_EINVAL;
    msvcrt__ftime32(b);
    return 0;
}

/* __daylight / __timezone / __dstbias / __tzname and the _get_ forms */
int *CDECL msvcrt___daylight(void) { return &msvcrt__daylight; }
LONG *CDECL msvcrt___timezone(void) { return &msvcrt__timezone; }
LONG *CDECL msvcrt___dstbias(void) { return &msvcrt__dstbias; }
char **CDECL msvcrt___tzname(void) { return msvcrt__tzname; }
int CDECL msvcrt__get_timezone(LONG *v)
{
    if (!v)
        return M_EINVAL;
    *v = msvcrt__timezone;
    return 0;
}
int CDECL msvcrt__get_daylight(int *v)
{
    if (!v)
        return M_EINVAL;
    *v = msvcrt__daylight;
    return 0;
}
int CDECL msvcrt__get_dstbias(LONG *v)
{
    if (!v)
        return M_EINVAL;
    *v = msvcrt__dstbias;
    return 0;
}
