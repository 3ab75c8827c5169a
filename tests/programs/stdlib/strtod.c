// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* msvcrt's strtod/atof conversions, printed with %.17g so
 * the exact double is visible; endptr positions. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

static void show(const char *s)
{
    char *end;
    double d;
    errno = 0;
    d = strtod(s, &end);
    printf("strtod(\"%s\") = %.17g, consumed %d, errno %d\n", s, d, (int)(end - s), errno);
}

int main(void)
{
    show("3.14159");
    show("  -2.5e3xyz");
    show("1e-5");
    show(".5");
    show("5.");
    show("0.1");
    show("123456789012345678901234567890");
    show("1e308");
    show("1e309");
    show("-1e309");
    show("1e-400");
    show("abc");
    show("+.e1");
    show("1.5E+2");
    /* Not checked: hexadecimal input ("0x1p3") and denormal results, where
     * Wine's strtod (which supports hex and sets ERANGE for denormals)
     * may differ from the older msvcrt.dll. */
    show("2.2250738585072014e-308");
    printf("atof(\"  7.25 trailing\") = %.17g\n", atof("  7.25 trailing"));
    printf("atof(\"-0\") = %g\n", atof("-0"));
    return 0;
}
