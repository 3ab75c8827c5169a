/* __argc/__argv/_pgmptr agree with main's arguments (mingw copies argv
 * for main, so only the strings are compared), and
 * GetCommandLineA/W is consistent with them. */
// args: one "two words" three
#include <windows.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static int ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && !_stricmp(s + a - b, tail);
}

int main(int argc, char **argv)
{
    int i;
    char *cl = GetCommandLineA();
    WCHAR *wcl = GetCommandLineW();

    ok(argc == 4, "argc %d", argc);
    ok(__argc == argc, "__argc %d", __argc);
    for (i = 0; i < argc; i++)
        ok(!strcmp(__argv[i], argv[i]), "__argv[%d]", i);
    ok(!strcmp(argv[1], "one") && !strcmp(argv[2], "two words") && !strcmp(argv[3], "three"), "argv values");
    ok(ends_with(argv[0], "argv_globals.exe") || ends_with(argv[0], "argv_globals") ||
       ends_with(argv[0], "argv_globals.exe\""), "argv[0] names the program: %s", argv[0]);
    ok(_pgmptr != NULL && ends_with(_pgmptr, "\\argv_globals.exe"), "_pgmptr: %s", _pgmptr);
    ok(cl && strstr(cl, "argv_globals") != NULL, "command line has program name: %s", cl);
    ok(cl && strstr(cl, "\"two words\"") != NULL, "spaces are quoted in command line: %s", cl);
    ok(wcl && wcsstr(wcl, L"three") != NULL, "GetCommandLineW");
    ok(GetCommandLineA() == cl, "GetCommandLineA returns the same pointer each time");
    return test_summary();
}
