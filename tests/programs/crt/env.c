/* Environment: msvcrt's getenv/_putenv and the Win32 environment block.
 * _putenv updates both the CRT copy and the process environment;
 * SetEnvironmentVariable updates only the process environment, so msvcrt's
 * getenv does not see it (it reads the CRT's own copy, _environ). */
#include <windows.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

int main(void)
{
    char buf[256];
    WCHAR wbuf[256];
    DWORD n;
    char **e;
    int found;

    /* PATH exists in every process */
    ok(getenv("PATH") != NULL, "getenv(PATH)");
    ok(getenv("path") != NULL, "getenv is case-insensitive");
    ok(getenv("DECANT_TEST_SURELY_UNSET") == NULL, "unset var gives NULL");

    ok(_putenv("DECANT_T1=hello world") == 0, "_putenv");
    ok(getenv("DECANT_T1") && !strcmp(getenv("DECANT_T1"), "hello world"), "getenv after _putenv: %s", getenv("DECANT_T1"));
    ok(getenv("decant_t1") && !strcmp(getenv("decant_t1"), "hello world"), "getenv lower case after _putenv");
    n = GetEnvironmentVariableA("DECANT_T1", buf, sizeof buf);
    ok(n == 11 && !strcmp(buf, "hello world"), "GetEnvironmentVariableA sees _putenv: %lu %s", n, buf);
    n = GetEnvironmentVariableW(L"Decant_T1", wbuf, 256);
    ok(n == 11 && !wcscmp(wbuf, L"hello world"), "GetEnvironmentVariableW sees _putenv: %lu", n);

    /* size query: too small a buffer returns the size needed including NUL */
    n = GetEnvironmentVariableA("DECANT_T1", buf, 5);
    ok(n == 12, "small buffer returns needed size incl NUL: %lu", n);
    n = GetEnvironmentVariableW(L"DECANT_T1", NULL, 0);
    ok(n == 12, "W size query: %lu", n);

    /* missing */
    SetLastError(0xdeadbeef);
    n = GetEnvironmentVariableA("DECANT_TEST_SURELY_UNSET", buf, sizeof buf);
    ok(n == 0 && GetLastError() == ERROR_ENVVAR_NOT_FOUND, "missing: %lu err %lu", n, GetLastError());

    /* SetEnvironmentVariable: visible to Get..., not to msvcrt getenv */
    ok(SetEnvironmentVariableA("DECANT_T2", "win32"), "SetEnvironmentVariableA");
    n = GetEnvironmentVariableA("DECANT_T2", buf, sizeof buf);
    ok(n == 5 && !strcmp(buf, "win32"), "Get after Set: %lu %s", n, buf);
    ok(getenv("DECANT_T2") == NULL, "getenv does not see SetEnvironmentVariable");

    ok(SetEnvironmentVariableW(L"DECANT_T3", L"wide"), "SetEnvironmentVariableW");
    n = GetEnvironmentVariableA("DECANT_T3", buf, sizeof buf);
    ok(n == 4 && !strcmp(buf, "wide"), "A sees W: %lu %s", n, buf);

    /* empty value is allowed with SetEnvironmentVariable */
    ok(SetEnvironmentVariableA("DECANT_T4", ""), "set empty");
    SetLastError(0xdeadbeef);
    n = GetEnvironmentVariableA("DECANT_T4", buf, sizeof buf);
    ok(n == 0 && buf[0] == 0, "empty value: %lu", n);
    ok(GetLastError() == 0xdeadbeef || GetLastError() == 0, "empty value is not an error: %lu", GetLastError());

    /* deleting */
    ok(SetEnvironmentVariableA("DECANT_T2", NULL), "delete");
    SetLastError(0xdeadbeef);
    n = GetEnvironmentVariableA("DECANT_T2", buf, sizeof buf);
    ok(n == 0 && GetLastError() == ERROR_ENVVAR_NOT_FOUND, "deleted: %lu err %lu", n, GetLastError());

    /* _putenv("X=") removes the variable */
    ok(_putenv("DECANT_T1=") == 0, "_putenv remove");
    ok(getenv("DECANT_T1") == NULL, "getenv after removal");
    n = GetEnvironmentVariableA("DECANT_T1", buf, sizeof buf);
    ok(n == 0, "Win32 removal too: %lu", n);

    /* _environ lists a _putenv'd variable */
    _putenv("DECANT_T5=five");
    found = 0;
    for (e = _environ; *e; e++)
        if (!strcmp(*e, "DECANT_T5=five"))
            found = 1;
    ok(found, "_environ has DECANT_T5=five");

    /* ExpandEnvironmentStrings */
    n = ExpandEnvironmentStringsA("<%DECANT_T3%|%DECANT_NOPE%>", buf, sizeof buf);
    ok(!strcmp(buf, "<wide|%DECANT_NOPE%>"), "ExpandEnvironmentStrings: %s", buf);
    ok(n == strlen(buf) + 1, "Expand returns length incl NUL: %lu", n);

    return test_summary();
}
