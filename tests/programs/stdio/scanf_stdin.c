// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
// stdin: scanf_stdin.txt
/* scanf and fgets on stdin (a file with CRLF line ends, read in text
 * mode: the CR is removed), then EOF. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    int n = 0, r;
    char word[32], line[64];
    double d = 0;

    r = scanf("%d %31s", &n, word);
    printf("scanf=%d n=%d word=%s\n", r, n, word);
    r = scanf("%lf", &d);
    printf("scanf=%d d=%.2f\n", r, d);
    /* the rest of the "3.5" line is just the newline */
    fgets(line, sizeof line, stdin);
    printf("rest of line: %d chars, first=%d\n", (int)strlen(line), line[0]);
    fgets(line, sizeof line, stdin);
    printf("line: [%.*s] last char code %d\n", (int)strlen(line) - 1, line, line[strlen(line) - 1]);
    r = scanf("%d", &n);
    printf("at end: scanf=%d feof=%d\n", r, feof(stdin) != 0);
    printf("getchar at end=%d\n", getchar());
    return 0;
}
