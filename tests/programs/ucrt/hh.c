// build: -specs=tests/programs/ucrt/ucrt.specs -fno-builtin -Wno-format
// wine: skip Wine 8's ucrtbase treats %hh as %h (Windows truncates to a char)
/* The UCRT honours C99's hh: the argument is converted to (signed or
 * unsigned) char for printing, and scanf stores one byte. */
#include <stdio.h>
#include <string.h>
#include "test.h"

int main(void)
{
    char buf[64];
    sprintf(buf, "%hhd %hhu %hhx %hhd", 300, 300, 0x1ff, -129);
    ok(!strcmp(buf, "44 44 ff 127"), "hh printf: %s", buf);
    unsigned char bytes[4] = {0xaa, 0xaa, 0xaa, 0xaa};
    int r = sscanf("258 -1", "%hhu %hhd", &bytes[0], (signed char *)&bytes[2]);
    ok(r == 2, "sscanf returned %d", r);
    ok(bytes[0] == 2 && bytes[1] == 0xaa, "hhu stores one byte: %x %x", bytes[0], bytes[1]);
    ok(bytes[2] == 0xff && bytes[3] == 0xaa, "hhd stores one byte: %x %x", bytes[2], bytes[3]);
    return test_summary();
}
