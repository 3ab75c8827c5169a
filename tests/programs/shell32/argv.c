// build: -lshell32
/* CommandLineToArgvW's own rules (not the C runtime's): argv[0] is taken
 * raw (quotes without escapes, ends at white space or after its closing
 * quote), backslashes escape only quotes, a doubled quote inside quotes
 * gives a quote and ends the quoted part, white space is space and tab
 * only, and an empty command line gives the program's path. */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <wchar.h>
#include "test.h"

static void show(const WCHAR *cl)
{
    int n = -1;
    WCHAR **a = CommandLineToArgvW(cl, &n);
    printf("[");
    for (const WCHAR *s = cl; *s; s++)
        printf(*s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\v' ? "\\v" : "%lc", *s);
    printf("] -> %d:", n);
    for (int i = 0; a && i < n; i++)
        printf(" <%ls>", a[i]);
    ok(a && a[n] == NULL, "argv[argc] is NULL");
    printf("\n");
    LocalFree(a);
}

int main(void)
{
    static const WCHAR *cases[] = {
        L"a b c", L"  a b", L"\"a b\" c", L"\"a b\"c d", L"a\"b c\"d e",
        L"p \"a\"\"b\" c", L"p \"a\"\"\"b\" c", L"p \"\"\"a\"", L"p a\\\\\\\"b",
        L"p a\\\\\"b c\"", L"p a\\b\\\\ c", L"p \"\"", L"p \"\" \"\"", L"p \"a",
        L"p a\t\tb", L"p\ta", L"\"p\\\"q r", L"p x\"\"y", L"p \"x\"\"y\"", L"p a   ",
        L"p \\\"a", L"\"\" a", L"p \"\"\"\"\"\" x", L"p \"\"\"\"\" x", L"p\va", L"p\na b",
        L"a\\\"b c", L"\\\"a b", L" ", L"\t", L"\"p q\"", L"\"p", L"p \"a b\"\"\" c",
        L"p \"\"\"\" x", L"p a\\\\\\\\\"b c\"",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        show(cases[i]);

    int n = -1;
    WCHAR **a = CommandLineToArgvW(L"", &n);
    WCHAR exe[MAX_PATH];
    GetModuleFileNameW(NULL, exe, MAX_PATH);
    printf("empty: %d argument, the program's path: %d\n", n, a && !wcscmp(a[0], exe));
    LocalFree(a);
    SetLastError(0);
    a = CommandLineToArgvW(L"a b", NULL);
    printf("no count pointer: %p, error %lu\n", (void *)a, GetLastError());
    return test_summary();
}
