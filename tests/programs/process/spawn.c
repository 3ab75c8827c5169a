// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* msvcrt's _spawnl/_spawnv with _P_WAIT return the child's exit code;
 * _spawnv joins its arguments with single spaces WITHOUT quoting them,
 * so an argument with a space arrives as two; _P_NOWAIT returns a
 * process handle for _cwait; _spawnl of a missing program gives -1 with
 * errno ENOENT.  The child's output goes to the inherited stdout. */
#include <stdio.h>
#include <process.h>
#include <errno.h>
#include <string.h>
#include "common.h"

int main(void)
{
    char path[MAX_PATH];
    const char *argv[] = { "child", "args", "two words", "\"quoted\"", NULL };
    intptr_t r, h;
    int status = 0;

    sprintf(path, "%ls", child_exe());
    fflush(stdout);
    r = _spawnl(_P_WAIT, path, "child", "exit", "7", NULL);
    printf("_spawnl exit 7 -> %d\n", (int)r);
    fflush(stdout);
    r = _spawnv(_P_WAIT, path, argv);
    printf("_spawnv -> %d\n", (int)r);
    fflush(stdout);
    h = _spawnl(_P_NOWAIT, path, "child", "exit", "12", NULL);
    printf("_P_NOWAIT gives a handle: %s\n", h > 0 ? "yes" : "no");
    r = _cwait(&status, h, 0);
    printf("_cwait -> same handle: %s, status %d\n", r == h ? "yes" : "no", status);
    errno = 0;
    r = _spawnl(_P_WAIT, "no-such-program.exe", "x", NULL);
    printf("missing program -> %d, errno %d\n", (int)r, errno);
    return 0;
}
