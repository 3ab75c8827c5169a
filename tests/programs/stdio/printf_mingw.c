/* printf as a default mingw-w64 build gets it: mingw's own C99 printf
 * (__USE_MINGW_ANSI_STDIO), which formats by itself and only writes the
 * result through msvcrt's stdio.  Real programs are built like this, so
 * the stdout path (buffering, LF -> CRLF) must work for it too. */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>
#include <math.h>

int main(void)
{
    int n = 0;
    char buf[64];

    printf("d: [%d] [%5d] [%-5d|] [%05d] [%+d] [% d]\n", 42, 42, 42, -42, 42, 42);
    printf("ll: [%lld] [%llu] [%" PRId64 "] [%zu] [%jd]\n", -9000000000LL, 18446744073709551615ull,
           (int64_t)1 << 40, sizeof(int64_t), (intmax_t)-1);
    printf("x: [%x] [%#x] [%#o] [%hhx] [%hx]\n", 0xabc, 0xabc, 8, 0x1ff, 0x12345);
    printf("f: [%f] [%.2f] [%.0f] [%.0f] [%10.4f]\n", 3.14159265, 2.675, 2.5, 3.5, -0.5);
    printf("e: [%e] [%.2E] [%e]\n", 12345.678, 0.000123, 1e100);
    printf("g: [%g] [%g] [%g] [%#g]\n", 1e6, 1e-5, 0.0001, 2.0);
    printf("inf/nan: [%f] [%f] [%F] [%g]\n", INFINITY, -INFINITY, INFINITY, NAN);
    printf("Lf: [%.3Lf]\n", (long double)1.5);
    printf("s: [%s] [%.2s] [%6s] [%ls]\n", "str", "str", "str", L"wide");
    printf("n:%n|%d\n", &n, n);
    printf("after: %d\n", n);
    snprintf(buf, sizeof buf, "%s-%05.1f-%c", "snp", 3.14159, 'z');
    printf("snprintf: [%s] ret=%d\n", buf, snprintf(NULL, 0, "%d", 123456));
    printf("percent: [%%]\n");
    puts("puts line");
    putchar('x');
    putchar('\n');
    fputs("fputs line\n", stdout);
    return 0;
}
