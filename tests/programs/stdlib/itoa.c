// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* _itoa/_ltoa/_ultoa/_i64toa/_ui64toa/_itow in several bases. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char buf[80];
    wchar_t wbuf[80];
    int bases[] = { 2, 8, 10, 16, 36 };
    int i;

    for (i = 0; i < 5; i++) {
        printf("base %2d: itoa(255)=%s", bases[i], _itoa(255, buf, bases[i]));
        printf(" itoa(-255)=%s", _itoa(-255, buf, bases[i]));
        printf(" ultoa(4294967295)=%s", _ultoa(4294967295UL, buf, bases[i]));
        printf(" i64toa(-1)=%s\n", _i64toa(-1, buf, bases[i]));
    }
    printf("ltoa(-2147483648)=%s\n", _ltoa(-2147483647L - 1, buf, 10));
    printf("i64toa(min)=%s\n", _i64toa(-9223372036854775807LL - 1, buf, 10));
    printf("ui64toa(max,16)=%s\n", _ui64toa(18446744073709551615ULL, buf, 16));
    printf("itoa(0)=%s\n", _itoa(0, buf, 10));
    _itow(-42, wbuf, 10);
    printf("itow(-42)=%ls\n", wbuf);
    return 0;
}
