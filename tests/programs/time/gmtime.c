// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* gmtime/_gmtime64 of fixed times, asctime, _mkgmtime round trips, and
 * strftime of a fixed struct tm with the "C" locale's formats (none of it
 * depends on the time zone). */
#include <stdio.h>
#include <time.h>
#include <string.h>

static void show(__time64_t t)
{
    struct tm *tm = _gmtime64(&t);
    if (!tm) {
        printf("%lld: NULL\n", (long long)t);
        return;
    }
    printf("%lld: %04d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d isdst=%d back=%lld\n",
           (long long)t, tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
           tm->tm_min, tm->tm_sec, tm->tm_wday, tm->tm_yday, tm->tm_isdst, (long long)_mkgmtime64(tm));
}

int main(void)
{
    struct tm tm;
    char buf[256];
    time_t t;
    size_t n;

    show(0);
    show(951782400);          /* 2000-02-29 */
    show(1234567890);
    show(2147483647);
    show(2147483648LL);       /* after 2038 with 64-bit time */
    show(4102444800LL);       /* 2100-01-01 */
    show(32535215999LL);      /* 3000-12-31 23:59:59, the last second msvcrt supports */
    /* Not checked: 32535216000, one second later.  The Microsoft CRT
     * documents 3000-12-31 23:59:59 as _gmtime64's limit (NULL after it);
     * Wine 8 converts it anyway. */
    show(-1);

    printf("sizeof(time_t)=%d\n", (int)sizeof(time_t));
    t = 1000000000;
    printf("asctime: %s", asctime(gmtime(&t)));

    memset(&tm, 0, sizeof tm);
    tm.tm_year = 124; tm.tm_mon = 1; tm.tm_mday = 29;
    tm.tm_hour = 13; tm.tm_min = 5; tm.tm_sec = 9;
    tm.tm_wday = 4; tm.tm_yday = 59;
    n = strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S|%y|%j|%a %A|%b %B|%I %p|%w|%%", &tm);
    printf("strftime: %s (%d)\n", buf, (int)n);
    strftime(buf, sizeof buf, "%c|%x|%X", &tm);
    printf("strftime C locale: %s\n", buf);
    strftime(buf, sizeof buf, "%#x|%#c|%#d", &tm);
    printf("strftime #: %s\n", buf);
    n = strftime(buf, 5, "%Y-%m-%d", &tm);
    printf("strftime too small: %d\n", (int)n);

    /* _mkgmtime normalizes out-of-range fields */
    memset(&tm, 0, sizeof tm);
    tm.tm_year = 99; tm.tm_mon = 11; tm.tm_mday = 32; tm.tm_hour = 24; tm.tm_min = -1;
    t = _mkgmtime(&tm);
    printf("normalized: %lld -> %04d-%02d-%02d %02d:%02d wday=%d yday=%d\n", (long long)t,
           tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_wday, tm.tm_yday);
    return 0;
}
