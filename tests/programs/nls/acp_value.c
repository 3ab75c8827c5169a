// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
// wine: skip prints decant's configured ANSI code page (65001 by DESIGN.md 7); Wine's follows its locale (1252 for en-US)
/* decant's default ANSI code page: DESIGN.md section 7 makes it UTF-8
 * (65001) so that every Linux file name round-trips.  This is decant's
 * configuration, not Windows behaviour (an en-US Windows says 1252),
 * hence no Wine check.  The OEM code page is not specified there and is
 * not printed. */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    printf("GetACP=%u\n", GetACP());
    return 0;
}
