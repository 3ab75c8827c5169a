// build: -specs=tests/programs/ucrt/ucrt.specs -fno-builtin -Wno-format
/* One UCRT entry point, __stdio_common_vsprintf, serves sprintf, snprintf,
 * _snprintf, vsnprintf and _scprintf; its option bits choose what happens
 * when the text does not fit: -2 and terminated (no bits), _vsnprintf's
 * -1 and unterminated (LEGACY_VSPRINTF_NULL_TERMINATION), C99's full
 * length and terminated (STANDARD_SNPRINTF_BEHAVIOR). A NULL buffer of
 * size 0 counts. %n is refused unless _set_printf_count_output(1). */
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int call(unsigned long long opts, char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __stdio_common_vsprintf(opts, buf, n, fmt, NULL, ap);
    va_end(ap);
    return r;
}

static int calls_s(char *buf, size_t n, size_t count, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __stdio_common_vsnprintf_s(0, buf, n, count, fmt, NULL, ap);
    va_end(ap);
    return r;
}

static int handler_calls;
static void handler(const wchar_t *e, const wchar_t *f, const wchar_t *file,
                    unsigned line, uintptr_t reserved)
{
    handler_calls++;
}

static void show(const char *what, int r, const char *buf)
{
    printf("%-14s r=%-3d [%.16s]\n", what, r, buf);
}

int main(void)
{
    char buf[17];
    int r;
    buf[16] = 0;
#define TRY(name, opts, size)                                               \
    memset(buf, 'x', 16);                                                   \
    r = call(opts, buf, size, "%s", "abcdef");                              \
    show(name, r, buf)
    TRY("plain short", 0, 4);
    TRY("plain exact", 0, 6);
    TRY("plain fits", 0, 7);
    TRY("plain zero", 0, 0);
    TRY("legacy short", 1, 4);
    TRY("legacy exact", 1, 6);
    TRY("c99 short", 2, 4);
    TRY("c99 exact", 2, 6);
    TRY("c99 zero", 2, 0);
    printf("count: %d %d %d\n", call(0, NULL, 0, "%d", 12345), call(1, NULL, 0, "%d", 12345),
           call(2, NULL, 0, "%d", 12345));

    /* the functions programs call */
    memset(buf, 'x', 16);
    r = snprintf(buf, 5, "%d", 1234567);
    show("snprintf", r, buf);
    memset(buf, 'x', 16);
    r = _snprintf(buf, 5, "%d", 1234567);
    show("_snprintf", r, buf);
    memset(buf, 'x', 16);
    r = sprintf(buf, "%05.1f", 2.25);
    show("sprintf", r, buf);
    printf("_scprintf: %d\n", _scprintf("%s-%d", "abc", 1000));

    /* a truncation asked for is no error (sprintf_s's overflow, which is,
     * is in secure.c: Wine 8 gets it wrong) */
    _set_invalid_parameter_handler(handler);
    memset(buf, 'x', 16);
    r = calls_s(buf, 5, _TRUNCATE, "%d", 1234567);
    printf("_snprintf_s T  r=%d [%s] handler=%d\n", r, buf, handler_calls);
    memset(buf, 'x', 16);
    r = calls_s(buf, 16, 3, "%d", 1234567);
    printf("_snprintf_s 3  r=%d [%s] handler=%d\n", r, buf, handler_calls);

    /* %n is refused: the handler runs and the call fails */
    int n = -1;
    r = call(0, buf, 16, "ab%ncd", &n);
    printf("%%n: r<0 %d n=%d handler=%d\n", r < 0, n, handler_calls);
    _set_printf_count_output(1);
    r = call(0, buf, 16, "ab%ncd", &n);
    printf("%%n enabled: r=%d n=%d [%s] count_output=%d\n", r, n, buf, _get_printf_count_output());
    return 0;
}
