// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* CreateProcessW passes lpCommandLine to the child exactly, and the
 * child's msvcrt splits it by the Windows rules: spaces/tabs separate,
 * "..." groups, 2n backslashes + quote -> n backslashes and a quote
 * delimiter, 2n+1 backslashes + quote -> n backslashes and a literal
 * quote, backslashes not before a quote are literal.  ("" inside a
 * quoted argument, where msvcrt.dll and Wine differ: cmdline_dquote.c.) */
#include <stdio.h>
#include "common.h"

static void show(const WCHAR *args)
{
    static char out[8192];
    char *r, *w;
    DWORD code = run_child(args, out, sizeof out);
    /* the child's stdout is text mode: drop its CRs, ours come back */
    for (r = w = out; *r; r++)
        if (*r != '\r')
            *w++ = *r;
    *w = 0;
    printf("=== child %ls\n%s--- exit %lu\n", args, out, code);
}

int main(void)
{
    show(L"args");
    show(L"args simple words  with   spaces");
    show(L"args \"quoted arg\" \"\" empty-before");
    show(L"args a\\b c\\\\d trailing\\");
    show(L"args \"a\\\"b\" \"c\\\\\" d\\\\\\\"e");
    show(L"args a\"b c\"d \"e f\"g");
    show(L"args \"unterminated quote");
    show(L"args \ttab\tseparated\t");
    show(L"args \\\"escaped quote\\\" outside");
    return 0;
}
