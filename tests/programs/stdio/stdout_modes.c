// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* stdout is text mode: printf/puts/putchar/fwrite turn "\n" into "\r\n"
 * (an existing "\r\n" becomes "\r\r\n").  After _setmode(_O_BINARY) bytes
 * pass unchanged; _setmode returns the previous mode.  Wide output in
 * text mode goes out as narrow characters. */
#include <stdio.h>
#include <io.h>
#include <fcntl.h>
#include <wchar.h>

int main(void)
{
    int prev;

    printf("printf line\n");
    puts("puts line");
    putchar('c');
    putchar('\n');
    fwrite("fwrite\n", 1, 7, stdout);
    fputs("already crlf\r\n", stdout);
    fputs("lone cr\rX\n", stdout);
    fputws(L"wide line\n", stdout);
    fflush(stdout);

    prev = _setmode(_fileno(stdout), _O_BINARY);
    printf("binary: previous mode was %s\n", prev == _O_TEXT ? "_O_TEXT" : "other");
    puts("puts in binary mode");
    fflush(stdout);

    prev = _setmode(_fileno(stdout), _O_TEXT);
    printf("text again: previous mode was %s\n", prev == _O_BINARY ? "_O_BINARY" : "other");
    _write(1, "_write in text mode\n", 20);
    return 0;
}
