// build: -specs=tests/programs/ucrt/ucrt.specs -fno-builtin
/* Odds and ends of the UCRT: conversions it adds (strtold, wcstoll,
 * wcstof), timespec_get, locale objects, restartable conversions,
 * _get_stream_buffer_pointers, the aligned heap's size, _wcsftime. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <locale.h>
#include <time.h>
#include <malloc.h>
#include <ctype.h>
#include "test.h"

/* in the UCRT, not in mingw-w64's headers */
int __cdecl _get_stream_buffer_pointers(FILE *, char ***, char ***, int **);
size_t __cdecl _aligned_msize(void *, size_t, size_t);

int main(void)
{
    char *end;
    long double ld = strtold("1.5e3xyz", &end);
    ok(ld == 1500.0L && !strcmp(end, "xyz"), "strtold");
    wchar_t *wend;
    long long ll = wcstoll(L"-9223372036854775807 z", &wend, 10);
    ok(ll == -9223372036854775807LL && *wend == L' ', "wcstoll");
    unsigned long long ull = wcstoull(L"0xffffffffffffffff", NULL, 16);
    ok(ull == ~0ULL, "wcstoull");
    float fl = wcstof(L"2.5", NULL);
    ok(fl == 2.5f, "wcstof");
    ok(strtoll("0x10", NULL, 0) == 16 && _strtoi64("077", NULL, 0) == 63, "strtoll/_strtoi64");
    ok(strtod("0x1p4", NULL) == 16.0, "strtod hex float");
    ok(strtod("inf", NULL) > 1e308, "strtod inf");

    struct timespec ts = {0};
    int base = timespec_get(&ts, TIME_UTC);
    time_t now = time(NULL);
    ok(base == TIME_UTC, "timespec_get returned %d", base);
    ok(ts.tv_sec >= now - 2 && ts.tv_sec <= now + 2 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000,
       "timespec_get %lld.%09ld vs %lld", (long long)ts.tv_sec, ts.tv_nsec, (long long)now);

    _locale_t loc = _create_locale(LC_ALL, "C");
    ok(loc != NULL, "_create_locale");
    ok(_isalpha_l('a', loc) && !_isdigit_l('a', loc), "_isalpha_l");
    ok(_strtod_l("3.25", NULL, loc) == 3.25, "_strtod_l");
    ok(_stricmp_l("ABC", "abc", loc) == 0, "_stricmp_l");
    _free_locale(loc);
    ok(_configthreadlocale(0) == _DISABLE_PER_THREAD_LOCALE, "_configthreadlocale default");

    mbstate_t st;
    memset(&st, 0, sizeof st);
    wchar_t wc = 0;
    size_t n = mbrtowc(&wc, "A", 1, &st);
    ok(n == 1 && wc == L'A', "mbrtowc %d %x", (int)n, wc);
    char mb[8];
    n = wcrtomb(mb, L'z', &st);
    ok(n == 1 && mb[0] == 'z', "wcrtomb");
    const char *src = "hello";
    wchar_t wbuf[16];
    n = mbsrtowcs(wbuf, &src, 16, &st);
    ok(n == 5 && src == NULL && !wcscmp(wbuf, L"hello"), "mbsrtowcs");
    size_t conv;
    ok(mbstowcs_s(&conv, wbuf, 16, "abc", _TRUNCATE) == 0 && conv == 4, "mbstowcs_s");

    FILE *f = fopen("buf.txt", "w+");
    ok(f != NULL, "fopen");
    fputs("xyz", f);
    char **basep, **ptrp;
    int *cntp;
    ok(_get_stream_buffer_pointers(f, &basep, &ptrp, &cntp) == 0, "_get_stream_buffer_pointers");
    ok(*ptrp - *basep == 3, "3 bytes buffered: %d", (int)(*ptrp - *basep));
    fclose(f);
    remove("buf.txt");

    void *p = _aligned_malloc(100, 64);
    ok(((uintptr_t)p & 63) == 0, "aligned");
    ok(_aligned_msize(p, 64, 0) == 100, "_aligned_msize %u", (unsigned)_aligned_msize(p, 64, 0));
    _aligned_free(p);

    struct tm tm = {0};
    tm.tm_year = 124, tm.tm_mon = 1, tm.tm_mday = 29, tm.tm_hour = 13, tm.tm_min = 5;
    wchar_t wt[64];
    wcsftime(wt, 64, L"%Y-%m-%d %H:%M", &tm);
    ok(!wcscmp(wt, L"2024-02-29 13:05"), "wcsftime %ls", wt);
    char t[64];
    strftime(t, 64, "%d/%m/%y %j", &tm);
    ok(!strcmp(t, "29/02/24 001") || !strcmp(t, "29/02/24 060"), "strftime %s", t);
    return test_summary();
}
