// build: -specs=tests/programs/ucrt/ucrt.specs -fno-builtin -Wno-format
// wine: skip Wine 8's sprintf_s writes past a too-small buffer and returns -1 silently
/* The UCRT's _s functions on a buffer that is too small: the buffer
 * becomes "", errno ERANGE, and the invalid-parameter handler runs (as
 * Microsoft documents for sprintf_s); with the handler's return, -1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <wchar.h>
#include "test.h"

static int handler_calls;
static void handler(const wchar_t *e, const wchar_t *f, const wchar_t *file,
                    unsigned line, uintptr_t reserved)
{
    handler_calls++;
}

int main(void)
{
    char buf[16];
    wchar_t wbuf[16];
    _set_invalid_parameter_handler(handler);

    memset(buf, 'x', sizeof buf);
    errno = 0;
    int r = sprintf_s(buf, 5, "%d", 1234567);
    ok(r == -1, "sprintf_s returned %d", r);
    ok(buf[0] == 0 && buf[5] == 'x', "buffer emptied, nothing past it: %d %d", buf[0], buf[5]);
    ok(errno == ERANGE, "errno %d", errno);
    ok(handler_calls == 1, "handler called %d times", handler_calls);

    r = sprintf_s(buf, sizeof buf, "%s=%d", "x", 5);
    ok(r == 3 && !strcmp(buf, "x=5"), "sprintf_s that fits: %d %s", r, buf);

    r = swprintf_s(wbuf, 4, L"%ls", L"abcdef");
    ok(r == -1 && wbuf[0] == 0, "swprintf_s overflow: %d", r);
    ok(handler_calls == 2, "handler called %d times", handler_calls);

    r = _snprintf_s(buf, sizeof buf, _TRUNCATE, "%s", "0123456789abcdefghij");
    ok(r == -1 && !strcmp(buf, "0123456789abcde"), "_TRUNCATE: %d %s", r, buf);
    ok(handler_calls == 2, "no handler for a truncation asked for (%d)", handler_calls);

    r = sscanf_s("hello world", "%s", buf, 3);
    ok(r == 0 && buf[0] == 0, "sscanf_s into 3 chars: %d [%s]", r, buf);
    r = sscanf_s("hi there", "%s %c", buf, (unsigned)sizeof buf, &buf[10], 1);
    ok(r == 2 && !strcmp(buf, "hi") && buf[10] == 't', "sscanf_s fits: %d %s %c", r, buf, buf[10]);
    return test_summary();
}
