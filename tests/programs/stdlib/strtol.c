// build: -fno-builtin
/* Integer conversions: atoi/atol/strtol/strtoul/_strtoi64/_strtoui64,
 * overflow clamping with ERANGE, bases, endptr, _atoi64. */
#include <stdlib.h>
#include <errno.h>
#include <limits.h>
#include "test.h"

int main(void)
{
    char *end;
    const char *s;
    long l;
    unsigned long ul;
    __int64 i64;

    ok(atoi("  42abc") == 42 && atoi("-17") == -17 && atoi("+5") == 5 && atoi("x") == 0, "atoi");
    ok(atol("2147483647") == 2147483647L, "atol max");
    ok(sizeof(long) == 4, "long is 32 bits on Windows");

    s = "  -123xyz";
    l = strtol(s, &end, 10);
    ok(l == -123 && end == s + 6, "strtol endptr");
    s = "xyz";
    l = strtol(s, &end, 10);
    ok(l == 0 && end == s, "no digits: endptr is the string");
    ok(strtol("0x1A", NULL, 16) == 26 && strtol("0x1A", NULL, 0) == 26, "hex with prefix");
    ok(strtol("010", NULL, 0) == 8 && strtol("010", NULL, 10) == 10, "octal by base 0");
    ok(strtol("zz", NULL, 36) == 1295 && strtol("101", NULL, 2) == 5, "base 36 and 2");
    /* "0x" with no hex digit after it: the Microsoft CRT treats the whole
     * thing as no number and sets endptr to the start (glibc stops after
     * the 0). */
    s = "0x";
    l = strtol(s, &end, 16);
    ok(l == 0 && end == s, "\"0x\" alone is no number: end at %d", (int)(end - s));

    errno = 0;
    l = strtol("99999999999", &end, 10);
    ok(l == LONG_MAX && errno == ERANGE && *end == 0, "strtol overflow clamps: %ld errno %d", l, errno);
    errno = 0;
    l = strtol("-99999999999", NULL, 10);
    ok(l == LONG_MIN && errno == ERANGE, "strtol underflow: %ld", l);
    errno = 0;
    ul = strtoul("4294967295", NULL, 10);
    ok(ul == 4294967295UL && errno == 0, "strtoul max");
    errno = 0;
    ul = strtoul("4294967296", NULL, 10);
    ok(ul == ULONG_MAX && errno == ERANGE, "strtoul overflow");
    errno = 0;
    ul = strtoul("-1", NULL, 10);
    ok(ul == ULONG_MAX && errno == 0, "strtoul of -1 negates: %lu", ul);

    i64 = _strtoi64("-9223372036854775808", &end, 10);
    ok(i64 == LLONG_MIN && *end == 0, "_strtoi64 min");
    errno = 0;
    i64 = _strtoi64("9223372036854775808", NULL, 10);
    ok(i64 == LLONG_MAX && errno == ERANGE, "_strtoi64 overflow");
    ok(_strtoui64("ffffffffffffffff", NULL, 16) == 0xffffffffffffffffULL, "_strtoui64 hex");
    ok(_atoi64("123456789012") == 123456789012LL, "_atoi64");
    ok(strtoll("-5000000000", NULL, 10) == -5000000000LL, "strtoll");
    return test_summary();
}
