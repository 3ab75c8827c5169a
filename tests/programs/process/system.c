// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* system() runs the command through cmd.exe (%ComSpec% /c ...); it
 * returns the command's exit code.  Kept separate because it needs a
 * command interpreter.  The helper is started from its own directory so
 * no quoting of its path is needed. */
#include <stdio.h>
#include <stdlib.h>
#include "common.h"

int main(void)
{
    WCHAR dir[MAX_PATH], *slash;
    int r;

    wcscpy(dir, child_exe());
    slash = wcsrchr(dir, L'\\');
    *slash = 0;
    SetCurrentDirectoryW(dir);

    printf("system(NULL) -> %s\n", system(NULL) ? "interpreter available" : "none");
    fflush(stdout);
    r = system("child.exe exit 3");
    printf("system(child exit 3) -> %d\n", r);
    fflush(stdout);
    r = system("child.exe args one \"two three\"");
    printf("system(child args) -> %d\n", r);
    return 0;
}
