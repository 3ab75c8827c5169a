/* errno and _doserrno from msvcrt after failing CRT calls: each thread
 * has its own errno (_errno() differs per thread), and _doserrno keeps
 * the Win32 error the failure came from. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <io.h>
#include <fcntl.h>
#include <direct.h>
#include <sys/stat.h>
#include "test.h"

static int *main_errno;

static DWORD WINAPI worker(void *arg)
{
    errno = 0;
    fopen("missing-in-thread.txt", "r");
    return (_errno() != main_errno && errno == ENOENT) ? 1 : 0;
}

int main(void)
{
    FILE *f;
    HANDLE t;
    DWORD code;
    int fd;
    struct _stat st;

    main_errno = _errno();
    errno = 0;
    _doserrno = 0;
    f = fopen("missing.txt", "r");
    ok(f == NULL && errno == ENOENT, "fopen missing: errno %d", errno);
    ok(_doserrno == ERROR_FILE_NOT_FOUND, "_doserrno %lu", _doserrno);

    errno = 0;
    _doserrno = 0;
    f = fopen("missingdir\\x.txt", "r");
    ok(f == NULL && errno == ENOENT && _doserrno == ERROR_PATH_NOT_FOUND, "missing dir: errno %d doserrno %lu", errno, _doserrno);

    _mkdir("adir");
    errno = 0;
    f = fopen("adir", "w");
    ok(f == NULL && errno == EACCES, "fopen a directory for writing: errno %d", errno);
    errno = 0;
    ok(_mkdir("adir") == -1 && errno == EEXIST, "_mkdir existing: errno %d", errno);
    errno = 0;
    ok(_rmdir("nodir") == -1 && errno == ENOENT, "_rmdir missing: errno %d", errno);
    f = fopen("adir\\f", "w");
    fclose(f);
    errno = 0;
    ok(_rmdir("adir") == -1 && errno == ENOTEMPTY, "_rmdir non-empty: errno %d", errno);
    errno = 0;
    ok(_chdir("nodir") == -1 && errno == ENOENT, "_chdir missing: errno %d", errno);
    errno = 0;
    ok(_stat("nofile", &st) == -1 && errno == ENOENT, "_stat missing: errno %d", errno);
    ok(_stat("adir", &st) == 0 && (st.st_mode & _S_IFDIR), "_stat of a directory");
    ok(_stat("adir\\f", &st) == 0 && (st.st_mode & _S_IFREG) && st.st_size == 0, "_stat of a file");

    errno = 0;
    fd = _open("adir\\f", _O_RDONLY);
    ok(fd >= 0, "_open");
    ok(_write(fd, "x", 1) == -1 && errno == EBADF, "_write to a read-only descriptor: errno %d", errno);
    _close(fd);
    errno = 0;
    ok(_close(1234) == -1 && errno == EBADF, "_close of a bad descriptor: errno %d", errno);
    errno = 0;
    ok(strtol("99999999999999", NULL, 10) == 0x7fffffff && errno == ERANGE, "strtol overflow ERANGE");
    errno = 0;
    ok(_lseek(0x7fff, 0, SEEK_SET) == -1 && errno == EBADF, "_lseek of a bad descriptor");

    errno = 0;
    t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    ok(code == 1, "errno is per thread");
    ok(errno == 0, "main thread's errno untouched: %d", errno);

    perror("perror goes to stderr");
    return test_summary();
}
