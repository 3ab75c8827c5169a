// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* FILETIME <-> SYSTEMTIME conversions of fixed values, invalid inputs,
 * and the 1601 epoch offset. */
#include <windows.h>
#include <stdio.h>

static void ft2st(ULONGLONG v)
{
    FILETIME ft;
    SYSTEMTIME st;
    BOOL r;
    ft.dwLowDateTime = (DWORD)v;
    ft.dwHighDateTime = (DWORD)(v >> 32);
    SetLastError(0);
    r = FileTimeToSystemTime(&ft, &st);
    if (!r)
        printf("FileTimeToSystemTime(%I64u) failed, error %lu\n", v, GetLastError());
    else
        printf("FileTimeToSystemTime(%I64u) = %04u-%02u-%02u %02u:%02u:%02u.%03u dow=%u\n", v,
               st.wYear, st.wMonth, st.wDay, st.wHour, st.wMinute, st.wSecond, st.wMilliseconds, st.wDayOfWeek);
}

static void st2ft(WORD y, WORD mo, WORD d, WORD h, WORD mi, WORD s, WORD ms, WORD dow)
{
    SYSTEMTIME st = { y, mo, dow, d, h, mi, s, ms };
    FILETIME ft;
    BOOL r;
    SetLastError(0);
    r = SystemTimeToFileTime(&st, &ft);
    if (!r)
        printf("SystemTimeToFileTime(%u-%u-%u %u:%u:%u.%u) failed, error %lu\n", y, mo, d, h, mi, s, ms, GetLastError());
    else
        printf("SystemTimeToFileTime(%u-%u-%u %u:%u:%u.%u) = %I64u\n", y, mo, d, h, mi, s, ms,
               ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime);
}

int main(void)
{
    ft2st(0);
    ft2st(116444736000000000ULL);     /* 1970-01-01 */
    ft2st(116444736000000000ULL + 12345678ULL);
    ft2st(132223104000000000ULL);     /* 2020-01-01 */
    ft2st(0x7fffffffffffffffULL);
    ft2st(0x8000000000000000ULL);     /* negative as LONGLONG: invalid */

    st2ft(1601, 1, 1, 0, 0, 0, 0, 0);
    st2ft(1970, 1, 1, 0, 0, 0, 0, 4);
    st2ft(2000, 2, 29, 12, 30, 45, 500, 99); /* day of week is ignored */
    /* Not checked: 2001-02-29.  Wine 8 accepts February 29 in any year
     * (its day check uses the leap-year table for every February);
     * Windows is believed to reject it with error 87. */
    st2ft(2001, 4, 31, 0, 0, 0, 0, 0);       /* no such day */
    st2ft(2020, 13, 1, 0, 0, 0, 0, 0);       /* bad month */
    st2ft(2020, 1, 1, 24, 0, 0, 0, 0);       /* bad hour */
    st2ft(1600, 12, 31, 0, 0, 0, 0, 0);      /* before the epoch */
    st2ft(30827, 12, 31, 23, 59, 59, 999, 0);
    return 0;
}
