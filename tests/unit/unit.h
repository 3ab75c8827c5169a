/* Minimal native unit-test helpers: CHECK records a failure and goes on;
 * the test's main returns unit_done(). */
#ifndef DECANT_UNIT_H
#define DECANT_UNIT_H
#include <stdio.h>

static int unit_failures, unit_checks;
#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        unit_checks++;                                                     \
        if (!(cond)) {                                                     \
            unit_failures++;                                               \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                    \
            printf(__VA_ARGS__);                                           \
            printf("\n");                                                  \
        }                                                                  \
    } while (0)

static inline int unit_done(const char *name)
{
    printf("%s: %d checks, %d failures\n", name, unit_checks, unit_failures);
    return unit_failures != 0;
}
#endif
