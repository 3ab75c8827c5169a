// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
// wine: skip Wine 8's msvcrt parses "" inside quotes by the 2008 (msvcr90+) rule, not msvcrt.dll's
/* Two double quotes inside a quoted argument.  msvcrt.dll keeps the
 * Visual C++ 6 parser (parse_cmdline in stdargv.c; David Deley's
 * disassembly of msvcrt.dll, daviddeley.com/autohotkey/parameters/
 * msvcrtparsing.htm): in quote mode, "" copies one literal quote AND
 * leaves quote mode.  The "stay in quote mode" rule Microsoft documents
 * today came with msvcr90 (2008) and the UCRT; Wine 8 applies that one to
 * msvcrt.dll as well, so it prints [in "double" quotes] as one argument.
 * Expected output derived by hand from the VC6 rule; not verified on
 * Windows. */
#include <stdio.h>
#include "common.h"

int main(void)
{
    static char out[8192];
    char *r, *w;
    DWORD code = run_child(L"args \"in \"\"double\"\" quotes\"", out, sizeof out);
    for (r = w = out; *r; r++)
        if (*r != '\r')
            *w++ = *r;
    *w = 0;
    printf("%s--- exit %lu\n", out, code);
    return 0;
}
