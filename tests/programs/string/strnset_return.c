// build: -fno-builtin
// wine: skip Wine 8's _strnset returns the end of the changed part, not the string
/* Microsoft's documentation of _strnset: "Returns a pointer to the
 * altered string" (like _strset, strcpy, _strupr ...). */
#include <string.h>
#include "test.h"

int main(void)
{
    char buf[16] = "abcdef";
    char *r = _strnset(buf, '-', 2);
    ok(r == buf, "_strnset returns its argument (got buf%+d)", (int)(r - buf));
    ok(!strcmp(buf, "--cdef"), "contents %s", buf);
    r = _strnset(buf, '*', 100);
    ok(r == buf && !strcmp(buf, "******"), "count past the end stops at the NUL");
    return test_summary();
}
