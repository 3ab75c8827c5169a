/* Time as text: strftime/wcsftime in the "C" locale (msvcrt's set of
 * conversions, '#' for the long or unpadded forms), asctime/ctime with
 * msvcrt's zero-padded day ("Sun Sep 09 01:46:40 2001\n"), _strdate,
 * _strtime. */
#include <stdio.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

struct m_tm {
    int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday,
        tm_isdst;
};

struct m_tm *CDECL msvcrt__localtime64(const LONGLONG *t);
struct m_tm *CDECL msvcrt__localtime32(const LONG *t);
extern char *msvcrt__tzname[2];
void CDECL msvcrt__tzset(void);

static const char *const wday_short[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const wday_long[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
static const char *const mon_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const mon_long[] = {"January", "February", "March", "April",
                                       "May", "June", "July", "August",
                                       "September", "October", "November", "December"};

static const char *pick(const char *const *names, int n, int i)
{
    return i >= 0 && i < n ? names[i] : "?";
}

struct out {
    char *buf;
    size_t size, len;
    int overflow;
};

static void put(struct out *o, const char *s)
{
    size_t n = strlen(s);
    if (o->len + n >= o->size) {
        o->overflow = 1;
        return;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void num(struct out *o, int v, int width, int alt)
{
    char tmp[16];
    if (alt)
        snprintf(tmp, sizeof tmp, "%d", v);
    else
        snprintf(tmp, sizeof tmp, "%0*d", width, v);
    put(o, tmp);
}

/* Week number with weeks starting on `first` (0 Sunday, 1 Monday). */
static int week_of_year(const struct m_tm *tm, int first)
{
    int wday = (tm->tm_wday - first + 7) % 7;
    return (tm->tm_yday + 7 - wday) / 7;
}

static void format(struct out *o, const char *fmt, const struct m_tm *tm);

static void conv(struct out *o, char c, int alt, const struct m_tm *tm)
{
    switch (c) {
    case 'a': put(o, pick(wday_short, 7, tm->tm_wday)); break;
    case 'A': put(o, pick(wday_long, 7, tm->tm_wday)); break;
    case 'b': put(o, pick(mon_short, 12, tm->tm_mon)); break;
    case 'B': put(o, pick(mon_long, 12, tm->tm_mon)); break;
    case 'c':
        format(o, alt ? "%A, %B %#d, %Y %H:%M:%S" : "%m/%d/%y %H:%M:%S", tm);
        break;
    case 'd': num(o, tm->tm_mday, 2, alt); break;
    case 'H': num(o, tm->tm_hour, 2, alt); break;
    case 'I': num(o, (tm->tm_hour + 11) % 12 + 1, 2, alt); break;
    case 'j': num(o, tm->tm_yday + 1, 3, alt); break;
    case 'm': num(o, tm->tm_mon + 1, 2, alt); break;
    case 'M': num(o, tm->tm_min, 2, alt); break;
    case 'p': put(o, tm->tm_hour < 12 ? "AM" : "PM"); break;
    case 'S': num(o, tm->tm_sec, 2, alt); break;
    case 'U': num(o, week_of_year(tm, 0), 2, alt); break;
    case 'w': num(o, tm->tm_wday, 1, alt); break;
    case 'W': num(o, week_of_year(tm, 1), 2, alt); break;
    case 'x': format(o, alt ? "%A, %B %#d, %Y" : "%m/%d/%y", tm); break;
    case 'X': format(o, "%H:%M:%S", tm); break;
    case 'y': num(o, (tm->tm_year + 1900) % 100, 2, alt); break;
    case 'Y': num(o, tm->tm_year + 1900, 1, alt); break;
    case 'z':
    case 'Z':
        msvcrt__tzset();
        put(o, msvcrt__tzname[tm->tm_isdst > 0]);
        break;
    case '%': put(o, "%"); break;
    default:
        /* not a conversion msvcrt knows: the whole call fails */
        o->overflow = 1;
        break;
    }
}

static void format(struct out *o, const char *fmt, const struct m_tm *tm)
{
    for (const char *p = fmt; *p && !o->overflow; p++) {
        if (*p != '%') {
            char ch[2] = {*p, 0};
            put(o, ch);
            continue;
        }
        int alt = 0;
        if (p[1] == '#') {
            alt = 1;
            p++;
        }
        if (!p[1])
            break;
        conv(o, *++p, alt, tm);
    }
}

/* strftime (msvcrt): 0 when the result does not fit. */
size_t CDECL msvcrt_strftime(char *buf, size_t size, const char *fmt,
                             const struct m_tm *tm)
{
    if (!buf || !fmt || !tm) {
        crt_set_errno(M_EINVAL);
        return 0;
    }
    struct out o = {buf, size, 0, 0};
    format(&o, fmt, tm);
    if (o.overflow || !size) {
        if (size)
            *buf = 0;
        return 0;
    }
    buf[o.len] = 0;
    return o.len;
}

/* wcsftime (msvcrt) */
size_t CDECL msvcrt_wcsftime(WCHAR *buf, size_t size, const WCHAR *fmt,
                             const struct m_tm *tm)
{
    if (!buf || !fmt || !tm) {
        crt_set_errno(M_EINVAL);
        return 0;
    }
    char *nfmt = crt_wcs_to_acp(fmt);
    size_t cap = size * 4 + 16;
    char *tmp = msvcrt_malloc(cap);
    size_t n = 0;
    if (nfmt && tmp && msvcrt_strftime(tmp, cap, nfmt, tm)) {
        WCHAR *w = crt_acp_to_wcs(tmp);
        if (w) {
            size_t len = 0;
            while (w[len])
                len++;
            if (len < size) {
                memcpy(buf, w, (len + 1) * sizeof(WCHAR));
                n = len;
            }
            msvcrt_free(w);
        }
    }
    if (!n && size)
        *buf = 0;
    msvcrt_free(nfmt);
    msvcrt_free(tmp);
    return n;
}

static int asctime_into(char *buf, size_t size, const struct m_tm *tm)
{
    if (!tm || tm->tm_mon < 0 || tm->tm_mon > 11 || tm->tm_wday < 0 ||
        tm->tm_wday > 6) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    snprintf(buf, size, "%s %s %02d %02d:%02d:%02d %d\n", wday_short[tm->tm_wday],
             mon_short[tm->tm_mon], tm->tm_mday, tm->tm_hour, tm->tm_min,
             tm->tm_sec, tm->tm_year + 1900);
    return 0;
}

/* asctime / asctime_s (msvcrt) */
char *CDECL msvcrt_asctime(const struct m_tm *tm)
{
    struct crt_thread *t = crt_thread();
    if (!t->asctime_buf && !(t->asctime_buf = msvcrt_malloc(32)))
        return NULL;
    return asctime_into(t->asctime_buf, 32, tm) ? NULL : t->asctime_buf;
}
int CDECL msvcrt_asctime_s(char *buf, size_t size, const struct m_tm *tm)
{
    if (!buf || size < 26) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    return asctime_into(buf, size, tm);
}

/* _wasctime (msvcrt) */
WCHAR *CDECL msvcrt__wasctime(const struct m_tm *tm)
{
    struct crt_thread *t = crt_thread();
    char tmp[32];
    if (asctime_into(tmp, sizeof tmp, tm))
        return NULL;
    if (!t->wasctime_buf && !(t->wasctime_buf = msvcrt_malloc(32 * sizeof(WCHAR))))
        return NULL;
    for (int i = 0; i < 32; i++)
        if (!(t->wasctime_buf[i] = (unsigned char)tmp[i]))
            break;
    return t->wasctime_buf;
}

/* _ctime64 / _ctime32 / _wctime64 / _wctime32 (msvcrt) */
char *CDECL msvcrt__ctime64(const LONGLONG *t)
{
    struct m_tm *tm = msvcrt__localtime64(t);
    return tm ? msvcrt_asctime(tm) : NULL;
}
char *CDECL msvcrt__ctime32(const LONG *t)
{
    struct m_tm *tm = msvcrt__localtime32(t);
    return tm ? msvcrt_asctime(tm) : NULL;
}
WCHAR *CDECL msvcrt__wctime64(const LONGLONG *t)
{
    struct m_tm *tm = msvcrt__localtime64(t);
    return tm ? msvcrt__wasctime(tm) : NULL;
}
WCHAR *CDECL msvcrt__wctime32(const LONG *t)
{
    struct m_tm *tm = msvcrt__localtime32(t);
    return tm ? msvcrt__wasctime(tm) : NULL;
}

/* _strdate / _strtime / _wstrdate / _wstrtime (msvcrt): "mm/dd/yy",
 * "hh:mm:ss" in local time. */
char *CDECL msvcrt__strdate(char *buf)
{
    SYSTEMTIME st;
    GetLocalTime(&st);
    snprintf(buf, 9, "%02u/%02u/%02u", st.wMonth % 100u, st.wDay % 100u, st.wYear % 100u);
    return buf;
}
char *CDECL msvcrt__strtime(char *buf)
{
    SYSTEMTIME st;
    GetLocalTime(&st);
    snprintf(buf, 9, "%02u:%02u:%02u", st.wHour % 100u, st.wMinute % 100u, st.wSecond % 100u);
    return buf;
}
WCHAR *CDECL msvcrt__wstrdate(WCHAR *buf)
{
    char tmp[9];
    msvcrt__strdate(tmp);
    for (int i = 0; i < 9; i++)
        buf[i] = (unsigned char)tmp[i];
    return buf;
}
WCHAR *CDECL msvcrt__wstrtime(WCHAR *buf)
{
    char tmp[9];
    msvcrt__strtime(tmp);
    for (int i = 0; i < 9; i++)
        buf[i] = (unsigned char)tmp[i];
    return buf;
}
