// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* strtok (per-thread state in msvcrt), strtok_s, wcstok: output lists
 * the tokens. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

int main(void)
{
    char s1[] = "  alpha, beta;;gamma ,delta  ";
    char s2[] = "a=1&b=2&&c=3";
    char s3[] = ";;;";
    wchar_t w[] = L"one two  three";
    char *t, *ctx = NULL;
    wchar_t *wt, *wctx = NULL;
    int i = 0;

    for (t = strtok(s1, " ,;"); t; t = strtok(NULL, " ,;"))
        printf("token %d: [%s]\n", i++, t);
    printf("s1 after: [%s]\n", s1);

    for (t = strtok_s(s2, "&", &ctx); t; t = strtok_s(NULL, "&", &ctx))
        printf("pair: [%s]\n", t);

    printf("only delimiters: %s\n", strtok(s3, ";") ? "token" : "NULL");
    printf("again: %s\n", strtok(NULL, ";") ? "token" : "NULL");

    /* msvcrt's wcstok is the two-argument kind; wcstok_s has the context */
    for (wt = wcstok_s(w, L" ", &wctx); wt; wt = wcstok_s(NULL, L" ", &wctx))
        printf("wide: [%ls]\n", wt);
    return 0;
}
