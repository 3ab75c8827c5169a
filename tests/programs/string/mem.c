// build: -fno-builtin
/* memcpy/memmove (overlap)/memset/memcmp/memchr/_memicmp/_memccpy. */
#include <string.h>
#include "test.h"

int main(void)
{
    char buf[32], buf2[32];
    int i;

    memset(buf, 0xAB, sizeof buf);
    for (i = 0; i < 32 && (unsigned char)buf[i] == 0xAB; i++)
        ;
    ok(i == 32, "memset");
    ok(memset(buf, 0, 0) == buf, "memset returns dest");
    strcpy(buf, "0123456789");
    ok(memcpy(buf2, buf, 11) == buf2 && !strcmp(buf2, "0123456789"), "memcpy");
    memmove(buf + 2, buf, 5);
    ok(!strcmp(buf, "0101234789"), "memmove forward overlap: %s", buf);
    strcpy(buf, "0123456789");
    memmove(buf, buf + 3, 5);
    ok(!strcmp(buf, "3456756789"), "memmove backward overlap: %s", buf);
    ok(memcmp("abc", "abd", 3) < 0 && memcmp("abd", "abc", 3) > 0 && memcmp("abc", "abd", 2) == 0, "memcmp");
    ok(memcmp("\x80", "\x01", 1) > 0, "memcmp unsigned");
    ok(memchr("hello", 'l', 5) == (void *)((char *)"hello" + 2) || *(char *)memchr("hello", 'l', 5) == 'l', "memchr");
    ok(memchr("hello", 'l', 2) == NULL, "memchr limited");
    ok(memchr("a\0b", 'b', 3) != NULL, "memchr past NUL");
    ok(_memicmp("HeLLo", "hello", 5) == 0 && _memicmp("a", "B", 1) < 0, "_memicmp");
    memset(buf2, 0, sizeof buf2);
    {
        char *end = _memccpy(buf2, "copy:until:colon", ':', 16);
        ok(end == buf2 + 5 && !strcmp(buf2, "copy:"), "_memccpy stops after the char");
        ok(_memccpy(buf2, "abc", 'z', 3) == NULL, "_memccpy without the char returns NULL");
    }
    return test_summary();
}
