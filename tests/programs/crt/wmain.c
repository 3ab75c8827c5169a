// build: -municode
// args: alpha "beta gamma" 'delta"epsilon'
/* A -municode program: the CRT calls wmain with UTF-16 arguments. */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>
#include "test.h"

int wmain(int argc, wchar_t **argv)
{
    int i;
    ok(argc == 4, "argc %d", argc);
    ok(argc > 3 && !wcscmp(argv[1], L"alpha"), "argv[1]");
    ok(argc > 3 && !wcscmp(argv[2], L"beta gamma"), "argv[2]");
    ok(argc > 3 && !wcscmp(argv[3], L"delta\"epsilon"), "argv[3]");
    ok(argv[argc] == NULL, "argv[argc] NULL");
    ok(__wargv != NULL && __wargv[1] && !wcscmp(__wargv[1], L"alpha"), "__wargv");
    for (i = 1; i < argc; i++)
        printf("arg %d: %ls\n", i, argv[i]);
    return test_summary();
}
