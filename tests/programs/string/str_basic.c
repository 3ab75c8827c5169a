// build: -fno-builtin
/* msvcrt's str* functions, called through the import (-fno-builtin keeps
 * gcc from computing them at compile time). */
#include <string.h>
#include <stdlib.h>
#include "test.h"

int main(void)
{
    char buf[64];
    char *p;

    ok(strlen("") == 0 && strlen("hello") == 5, "strlen");
    ok(strnlen("hello", 3) == 3 && strnlen("hi", 10) == 2, "strnlen");
    ok(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && strcmp("x", "x") == 0, "strcmp sign");
    ok(strcmp("a", "\xe9") < 0, "strcmp compares as unsigned char");
    ok(strncmp("abcdef", "abcxyz", 3) == 0 && strncmp("abcdef", "abcxyz", 4) < 0, "strncmp");
    strcpy(buf, "foo");
    ok(!strcmp(buf, "foo"), "strcpy");
    strcat(buf, "bar");
    ok(!strcmp(buf, "foobar"), "strcat");
    strncat(buf, "bazzz", 3);
    ok(!strcmp(buf, "foobarbaz"), "strncat");

    memset(buf, 'X', sizeof buf);
    p = strncpy(buf, "ab", 5);
    ok(p == buf && !memcmp(buf, "ab\0\0\0X", 6), "strncpy pads with NULs");
    memset(buf, 'X', sizeof buf);
    strncpy(buf, "abcdef", 3);
    ok(!memcmp(buf, "abcX", 4), "strncpy does not terminate when truncating");

    p = "hello world";
    ok(strchr(p, 'o') == p + 4, "strchr");
    ok(strrchr(p, 'o') == p + 7, "strrchr");
    ok(strchr(p, 0) == p + 11, "strchr NUL finds terminator");
    ok(strchr(p, 'z') == NULL, "strchr missing");
    ok(strstr(p, "wor") == p + 6 && strstr(p, "") == p && strstr(p, "xyz") == NULL, "strstr");
    ok(strspn("aabbcxy", "ab") == 4, "strspn");
    ok(strcspn("hello, world", ",;") == 5, "strcspn");
    ok(strpbrk("hello", "lo") == (char *)"hello" + 2 || *strpbrk("hello", "lo") == 'l', "strpbrk");

    ok(_stricmp("HeLLo", "hello") == 0, "_stricmp equal");
    ok(_stricmp("abc", "ABD") < 0 && _stricmp("B", "a") > 0, "_stricmp order");
    /* folding is to lower case: '_' (0x5f) sorts before 'a' (0x61), though after 'A' */
    ok(_stricmp("_", "A") < 0, "_stricmp folds to lower case");
    ok(_strnicmp("HELLOxx", "helloyy", 5) == 0, "_strnicmp");
    ok(_strcmpi("ABC", "abc") == 0 && _stricmp("a", "ab") < 0, "_strcmpi");

    strcpy(buf, "MiXeD 123 Case");
    ok(_strlwr(buf) == buf && !strcmp(buf, "mixed 123 case"), "_strlwr");
    ok(_strupr(buf) == buf && !strcmp(buf, "MIXED 123 CASE"), "_strupr");
    strcpy(buf, "abcdef");
    ok(!strcmp(_strrev(buf), "fedcba"), "_strrev");
    ok(!strcmp(_strset(buf, '*'), "******"), "_strset");
    strcpy(buf, "abcdef");
    _strnset(buf, '-', 2);
    ok(!strcmp(buf, "--cdef"), "_strnset (its return value: strnset_return.c)");

    p = _strdup("duplicate");
    ok(p != NULL && !strcmp(p, "duplicate"), "_strdup");
    free(p);

    return test_summary();
}
