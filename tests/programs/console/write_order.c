// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* The same stdout file reached three ways: msvcrt's FILE buffer
 * (printf), its descriptor (_write), and the Win32 handle (WriteFile);
 * also stderr interleaving does not affect stdout's file.  Each layer
 * appends at the current end, in the order the bytes leave the process. */
#include <windows.h>
#include <stdio.h>
#include <io.h>

int main(void)
{
    DWORD n;
    printf("A printf (buffered)\n");
    _write(1, "B _write\n", 9);
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "C WriteFile\r\n", 13, &n, NULL);
    fprintf(stderr, "stderr line\n");
    fflush(stdout);
    printf("D printf after fflush\n");
    fputs("E fputs\n", stdout);
    fflush(stdout);
    _write(1, "F _write last\n", 14);
    return 0;
}
