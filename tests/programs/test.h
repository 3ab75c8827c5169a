/* A small self-checking header for Windows test programs (mingw-built).
 *   ok(cond, "what %d", x);   counts and reports failures
 *   skip("why");              notes something not tested here
 *   return test_summary();    prints "<n> tests, <f> failures" and gives
 *                             the failure count as the exit status
 * Failures go to stdout so the .expected comparison shows them too. */
#ifndef DECANT_TEST_H
#define DECANT_TEST_H

#include <stdio.h>
#include <stdarg.h>

static int test_count, test_failures;

static void test_ok(int cond, const char *file, int line, const char *fmt, ...)
{
    test_count++;
    if (cond)
        return;
    test_failures++;
    va_list ap;
    va_start(ap, fmt);
    printf("FAIL %s:%d: ", file, line);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    fflush(stdout);
}

#define ok(cond, ...) test_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define skip(...) (printf("skip: "), printf(__VA_ARGS__), printf("\n"))

static int test_summary(void)
{
    printf("%d tests, %d failures\n", test_count, test_failures);
    fflush(stdout);
    return test_failures;
}

#endif
