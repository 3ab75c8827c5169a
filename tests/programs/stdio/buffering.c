// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* stdout redirected to a file is fully buffered by msvcrt: text printed
 * with printf stays in the buffer until fflush or exit, so a WriteFile
 * to the same handle overtakes it.  setvbuf(_IONBF) makes every printf
 * reach the file at once.  stderr is unbuffered. */
#include <windows.h>
#include <stdio.h>

static void raw(const char *s)
{
    DWORD n;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, lstrlenA(s), &n, NULL);
}

int main(void)
{
    printf("1 printf, buffered\n");
    raw("2 WriteFile, direct\r\n");
    fflush(stdout);
    raw("3 WriteFile after fflush\r\n");

    setvbuf(stdout, NULL, _IONBF, 0);
    printf("4 printf, unbuffered\n");
    raw("5 WriteFile\r\n");

    {
        static char big[256];
        setvbuf(stdout, big, _IOFBF, sizeof big);
    }
    printf("6 printf into user buffer\n");
    raw("7 WriteFile overtakes the user buffer\r\n");
    fflush(stdout);
    printf("8 printf flushed at exit\n");
    return 0;
}
