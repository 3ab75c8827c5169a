// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin -Wno-format
/* msvcrt.dll's own printf (not mingw's): its format dialect is the point.
 * %e uses a 3-digit exponent, %I64d/%I32d size prefixes, %S/%hs/%ls/%wc
 * string/char width prefixes, %p prints 16 upper-case hex digits, and
 * infinities/NaNs print as 1.#INF/1.#QNAN. */
#include <stdio.h>
#include <math.h>

int main(void)
{
    int n1 = 0, n2 = 0;
    double inf = HUGE_VAL;
    long long big = 1234567890123LL;

    printf("d: [%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d]\n", 42, 42, 42, 42, 42, 42, 7);
    printf("neg: [%d] [%5d] [%-5d|] [%05d]\n", -42, -42, -42, -42);
    printf("u/x/o: [%u] [%x] [%X] [%#x] [%#X] [%o] [%#o] [%08x]\n", 3000000000u, 0xbeef, 0xbeef, 255, 255, 8, 8, 0x1f);
    printf("I64: [%I64d] [%I64u] [%I64x] [%lld] [%llx]\n", big, 18446744073709551615ull, big, -big, 0xfedcba9876543210ull);
    printf("I32/h/l: [%I32d] [%hd] [%hhd] [%ld] [%lu]\n", -5, 70000, 300, -2147483647L - 1, 4294967295UL);
    printf("c: [%c] [%3c] [%-3c] [%wc] [%lc]\n", 'A', 'B', 'C', L'D', L'E');
    printf("s: [%s] [%.3s] [%8s] [%-8s] [%hs] [%ls] [%S] [%ws]\n", "hello", "hello", "hi", "hi", "narrow", L"wide", L"Wide", L"ws");
    printf("s: [%*d] [%-*d] [%.*s] [%*.*f]\n", 6, 1, 6, 2, 2, "abcdef", 8, 2, 3.14159);
    printf("null: [%s] [%ls]\n", (char *)NULL, (wchar_t *)NULL);
    printf("f: [%f] [%.2f] [%10.3f] [%-10.1f|] [%+.1f] [%.0f] [%#.0f] [%f]\n",
           3.14159265, 2.675, -1.5, 2.25, 0.05, 2.5, 3.0, 1e15);
    printf("e: [%e] [%.2e] [%E] [%e] [%e] [%.0e]\n", 12345.678, 0.000123, 1e100, 0.0, -1e-300, 5e10);
    printf("g: [%g] [%g] [%g] [%g] [%g] [%G] [%#g] [%.3g]\n", 100000.0, 1000000.0, 0.0001, 0.00001, 123.456, 1e-20, 1.0, 3.14159);
    printf("inf/nan: [%f] [%f] [%e] [%g]\n", inf, -inf, inf, -inf);
    printf("p: [%p]\n", (void *)0x1234abcd);
    printf("n:%n [%d]%n\n", &n1, 5, &n2);
    printf("n values: %d %d\n", n1, n2);
    printf("percent: [%%]\n");
    printf("ret=%d\n", printf("abc\n"));
    return 0;
}
