/* _write in text mode turns each LF into CR LF and returns the count of
 * the caller's bytes, for buffers longer than any internal piece: all
 * LFs, no LF, and an LF at every position around 4 and 8 KiB (where a
 * translation buffer fills up and one LF becomes two bytes). */
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static unsigned char in[20000], want[40000], got[40001];

/* writes in[0..n) with _write in text mode, reads the file back in binary */
static int check(size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (in[i] == '\n')
            want[w++] = '\r';
        want[w++] = in[i];
    }
    int fd = _open("t.txt", _O_WRONLY | _O_CREAT | _O_TRUNC | _O_TEXT, 0666);
    int r = _write(fd, in, (unsigned)n);
    _close(fd);
    fd = _open("t.txt", _O_RDONLY | _O_BINARY);
    int got_n = _read(fd, got, sizeof got);
    _close(fd);
    return r == (int)n && got_n == (int)w && !memcmp(got, want, w);
}

int main(void)
{
    memset(in, '\n', sizeof in);
    ok(check(10000), "10000 LFs");
    memset(in, 'x', sizeof in);
    ok(check(20000), "20000 bytes, no LF");
    int bad = 0;
    for (size_t at = 4080; at < 4112; at++)
        for (size_t at2 = 8170; at2 < 8210; at2++) {
            for (size_t i = 0; i < 12000; i++)
                in[i] = (unsigned char)('a' + i % 26);
            in[at] = '\n';
            in[at2] = '\n';
            in[at2 + 1] = '\n';
            bad += !check(12000);
        }
    ok(!bad, "LFs around 4 and 8 KiB: %d of 1280 wrong", bad);
    for (size_t i = 0; i < 12000; i++)
        in[i] = i % 3 ? 'y' : '\n';
    ok(check(12000), "every third byte an LF");
    remove("t.txt");
    return test_summary();
}
