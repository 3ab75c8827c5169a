/* msvcrt low-level I/O: _open/_read/_write/_lseek/_close, _O_TEXT
 * translation at this level, _O_EXCL, errno and _doserrno on failure,
 * _filelength, _eof, _dup/_dup2, _commit. */
#include <io.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "test.h"

int main(void)
{
    int fd, fd2, r;
    char buf[64];

    fd = _open("low.bin", _O_CREAT | _O_TRUNC | _O_WRONLY | _O_BINARY, _S_IREAD | _S_IWRITE);
    ok(fd >= 3, "_open returns a new descriptor: %d", fd);
    r = _write(fd, "hello\nworld\n", 12);
    ok(r == 12, "_write binary %d", r);
    ok(_commit(fd) == 0, "_commit");
    ok(_close(fd) == 0, "_close");
    ok(_close(fd) == -1 && errno == EBADF, "double _close gives EBADF");

    fd = _open("low.bin", _O_RDONLY | _O_BINARY);
    ok(fd >= 0, "_open existing");
    ok(_filelength(fd) == 12, "_filelength %ld", _filelength(fd));
    r = _read(fd, buf, 5);
    ok(r == 5 && !memcmp(buf, "hello", 5), "_read 5");
    ok(_tell(fd) == 5, "_tell");
    ok(_lseek(fd, -6, SEEK_END) == 6, "_lseek from end");
    r = _read(fd, buf, sizeof buf);
    ok(r == 6 && !memcmp(buf, "world\n", 6), "_read rest %d", r);
    ok(_eof(fd) == 1, "_eof");
    r = _read(fd, buf, sizeof buf);
    ok(r == 0, "_read at EOF returns 0");
    ok(_lseek(fd, 0, SEEK_SET) == 0, "_lseek to start");
    ok(_eof(fd) == 0, "not _eof at start");
    ok(_write(fd, "x", 1) == -1 && errno == EBADF, "_write to read-only fd: errno %d", errno);
    _close(fd);

    /* _O_TEXT translates at the descriptor level */
    fd = _open("low.txt", _O_CREAT | _O_TRUNC | _O_WRONLY | _O_TEXT, _S_IREAD | _S_IWRITE);
    r = _write(fd, "a\nb\n", 4);
    ok(r == 4, "_write text returns bytes given: %d", r);
    _close(fd);
    fd = _open("low.txt", _O_RDONLY | _O_BINARY);
    r = _read(fd, buf, sizeof buf);
    ok(r == 6 && !memcmp(buf, "a\r\nb\r\n", 6), "on disk with CRLF: %d", r);
    _close(fd);
    fd = _open("low.txt", _O_RDONLY | _O_TEXT);
    r = _read(fd, buf, sizeof buf);
    ok(r == 4 && !memcmp(buf, "a\nb\n", 4), "_read text strips CR: %d", r);
    _close(fd);

    /* A text write longer than any translation buffer: runs of LFs and
     * lines of every length up to 300, one _write, every LF a CR LF. */
    {
        static char src[40000], want[80000], got[80001];
        int n = 0, m = 0, len = 0;
        while (n < 20000)
            src[n++] = '\n';
        while (n < (int)sizeof src - 301) {
            memset(src + n, 'a' + len % 26, len);
            n += len;
            src[n++] = '\n';
            len = (len + 7) % 301;
        }
        for (int i = 0; i < n; i++) {
            if (src[i] == '\n')
                want[m++] = '\r';
            want[m++] = src[i];
        }
        fd = _open("long.txt", _O_CREAT | _O_TRUNC | _O_WRONLY | _O_TEXT, _S_IREAD | _S_IWRITE);
        r = _write(fd, src, n);
        ok(r == n, "long _write text returns bytes given: %d of %d", r, n);
        _close(fd);
        fd = _open("long.txt", _O_RDONLY | _O_BINARY);
        r = _read(fd, got, sizeof got);
        ok(r == m, "long text write on disk: %d bytes, want %d", r, m);
        ok(!memcmp(got, want, m), "long text write: every LF a CR LF");
        _close(fd);
    }

    /* _O_EXCL on an existing file */
    errno = 0;
    fd = _open("low.bin", _O_CREAT | _O_EXCL | _O_WRONLY, _S_IREAD | _S_IWRITE);
    ok(fd == -1 && errno == EEXIST, "_O_EXCL: %d errno %d", fd, errno);
    errno = 0;
    _doserrno = 0;
    fd = _open("missing.bin", _O_RDONLY);
    ok(fd == -1 && errno == ENOENT, "missing: errno %d", errno);
    ok(_doserrno == 2, "_doserrno ERROR_FILE_NOT_FOUND: %lu", _doserrno);

    /* _dup / _dup2 share the file position */
    fd = _open("low.bin", _O_RDONLY | _O_BINARY);
    fd2 = _dup(fd);
    ok(fd2 >= 0 && fd2 != fd, "_dup");
    _read(fd, buf, 2);
    ok(_tell(fd2) == 2, "dup shares position: %ld", _tell(fd2));
    ok(_dup2(fd, 20) == 0, "_dup2 to 20");
    ok(_tell(20) == 2, "dup2 shares position");
    _close(20);
    _close(fd2);
    _close(fd);

    /* stdin/stdout/stderr are descriptors 0, 1, 2 */
    ok(_fileno(stdin) == 0 && _fileno(stdout) == 1 && _fileno(stderr) == 2, "std fds");
    ok(_get_osfhandle(1) != -1, "_get_osfhandle(1)");
    errno = 0;
    ok(_get_osfhandle(99) == -1 && errno == EBADF, "_get_osfhandle(99)");

    ok(_unlink("low.bin") == 0 && _unlink("low.txt") == 0, "_unlink");
    ok(_access("low.bin", 0) == -1 && errno == ENOENT, "_access after unlink");
    return test_summary();
}
