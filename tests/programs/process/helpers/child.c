/* Child process for the process tests.  argv[1] picks what it does:
 *   args              print the command line and argv
 *   exit N            return N (decimal or 0x hex)
 *   exitprocess N     ExitProcess(N)
 *   upper             copy stdin to stdout in upper case
 *   both              write "out" to stdout and "err" to stderr
 *   env NAME          print NAME's value or "(unset)"
 *   writeh H TEXT     WriteFile TEXT to inherited handle value H
 *   sleep MS          Sleep(MS), return 0
 *   cwd               print the last component of the current directory */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

int main(int argc, char **argv)
{
    int i, c;

    if (argc < 2) {
        printf("child: no mode\n");
        return 100;
    }
    if (!strcmp(argv[1], "args")) {
        printf("cmdline=[%ls]\n", GetCommandLineW());
        printf("argc=%d\n", argc);
        for (i = 0; i < argc; i++)
            printf("argv[%d]=[%s]\n", i, argv[i]);
        return 0;
    }
    if (!strcmp(argv[1], "exit") && argc > 2)
        return (int)strtoul(argv[2], NULL, 0);
    if (!strcmp(argv[1], "exitprocess") && argc > 2) {
        fflush(stdout);
        ExitProcess((UINT)strtoul(argv[2], NULL, 0));
    }
    if (!strcmp(argv[1], "upper")) {
        while ((c = getchar()) != EOF)
            putchar(toupper(c));
        return 0;
    }
    if (!strcmp(argv[1], "both")) {
        fputs("out\n", stdout);
        fflush(stdout);
        fputs("err\n", stderr);
        return 0;
    }
    if (!strcmp(argv[1], "env") && argc > 2) {
        char *v = getenv(argv[2]);
        printf("%s=%s\n", argv[2], v ? v : "(unset)");
        return 0;
    }
    if (!strcmp(argv[1], "writeh") && argc > 3) {
        HANDLE h = (HANDLE)(ULONG_PTR)strtoull(argv[2], NULL, 0);
        DWORD n;
        if (!WriteFile(h, argv[3], (DWORD)strlen(argv[3]), &n, NULL))
            return (int)GetLastError() + 1000;
        return 0;
    }
    if (!strcmp(argv[1], "sleep") && argc > 2) {
        Sleep(atoi(argv[2]));
        return 0;
    }
    if (!strcmp(argv[1], "cwd")) {
        char buf[MAX_PATH];
        GetCurrentDirectoryA(MAX_PATH, buf);
        printf("cwd ends with [%s]\n", strrchr(buf, '\\') ? strrchr(buf, '\\') + 1 : buf);
        return 0;
    }
    printf("child: unknown mode %s\n", argv[1]);
    return 101;
}
