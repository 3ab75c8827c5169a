// build: -specs=tests/programs/ucrt/ucrt.specs -fno-builtin -Wno-format
/* The Universal CRT's printf dialect, as its headers call it: C99 rather
 * than msvcrt's. Two-digit exponents, "inf"/"nan"/"-nan(ind)" padded with
 * spaces only, %F, %zu/%jd/%td, %a, and the msvcrt heritage that stays
 * (%I64d, %p as 16 upper-case digits, "(null)"). With the legacy option
 * bits it prints like msvcrt again. (%hhd is left out: Wine 8 does not
 * truncate it; see hh.c.) */
#include <stdio.h>
#include <stdarg.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

static void with_options(unsigned long long opts, const char *fmt, ...)
{
    char buf[64];
    va_list ap;
    va_start(ap, fmt);
    __stdio_common_vsprintf(opts, buf, sizeof buf, fmt, NULL, ap);
    va_end(ap);
    printf("[%s]", buf);
}

int main(void)
{
    double inf = HUGE_VAL, qnan = NAN;
    volatile double zero = 0.0;
    double ind = zero / zero; /* the x64 default NaN: negative, quiet */

    printf("e: [%e] [%E] [%g] [%.0e] [%e] [%.3e]\n", 12345.678, 1e-300, 1e100, 5.0, 0.0, -1.5e7);
    printf("inf: [%f] [%F] [%e] [%g] [%a] [%E]\n", inf, inf, -inf, inf, inf, -inf);
    printf("nan: [%f] [%F] [%e] [%g]\n", qnan, qnan, -qnan, qnan);
    printf("ind: [%f] [%F] [%f]\n", ind, ind, -ind);
    printf("pad: [%10f] [%-10f|] [%010f] [%+f] [%.2f] [% f]\n", inf, inf, inf, inf, inf, qnan);
    printf("round: [%.1f] [%.1f] [%.0f] [%.0f] [%.0f] [%.2f]\n", 0.25, 0.35, 0.5, 1.5, 2.5, 1.005);
    printf("a: [%a] [%A] [%.2a] [%a] [%a]\n", 1.0, 255.5, 1.0, 0.0, -0.1);
    printf("sizes: [%hd] [%lld] [%zd] [%zu] [%jd] [%td] [%Lf]\n", 70000, -5LL, (ptrdiff_t)-1,
           (size_t)-1, (intmax_t)7, (ptrdiff_t)8, 1.5);
    printf("ms: [%p] [%#x] [%#o] [%5.3d] [%08.3d] [%I64d] [%I32d] [%Id] [%lu]\n", (void *)0x1234,
           255, 8, 7, 7, 1LL << 40, 5, (size_t)9, 4000000000UL);
    printf("s: [%s] [%.3s] [%5s] [%ls] [%S] [%C] [%c] [%-4c|]\n", (char *)NULL, "abcdef", "ab",
           L"wide", L"Wide", L'W', 'c', 'd');
    printf("g: [%#g] [%g] [%g] [%g] [%G] [%.3g]\n", 1.0, 100000.0, 1000000.0, 0.0001, 1e-5, 3.14159);
    printf("odd: [%5%] [%k] [%y]\n");
    printf("legacy msvcrt: ");
    with_options(8, "%f", inf);
    with_options(8, "%f", ind);
    with_options(8, "%e", 1.0);
    printf("\nthree-digit: ");
    with_options(16, "%e", 1.0);
    with_options(8 | 16, "%E", 12345.0);
    printf("\nrounding: ");
    with_options(0, "%.1f %.0f %.2f", 0.25, 2.5, 0.125);
    with_options(32, "%.1f %.0f %.2f", 0.25, 2.5, 0.125);
    printf("\n");

    /* wide: the legacy-wide option (what the headers pass) makes %s wide
     * in wprintf; without it ISO C: %s narrow, %S wide. */
    wchar_t wb[64];
    int r;
    r = _snwprintf(wb, 64, L"%s|%S|%c", L"w", "n", L'x');
    printf("wide legacy: %d [%ls]\n", r, wb);
    r = swprintf(wb, 64, L"%d %5.1f %ls", 42, 2.25, L"end");
    printf("swprintf: %d [%ls]\n", r, wb);
    return 0;
}
