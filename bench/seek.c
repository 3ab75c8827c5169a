/* SetFilePointerEx to the start of a file against lseek: ns per call.
 * One cheap system call from decant's own code, so it shows what a cost
 * on every system call (Syscall User Dispatch, bench/dispatch.sh) does to
 * decant's own system calls. */
#include "bench.h"

#ifdef _WIN32
static HANDLE file;
static int open_file(void)
{
    file = CreateFileA("seek.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                       FILE_FLAG_DELETE_ON_CLOSE, NULL);
    return file != INVALID_HANDLE_VALUE;
}
static int seek(void)
{
    LARGE_INTEGER zero = {0}, pos;
    return SetFilePointerEx(file, zero, &pos, FILE_BEGIN) && pos.QuadPart == 0;
}
#else
#include <fcntl.h>
#include <unistd.h>
static int fd = -1;
static int open_file(void)
{
    fd = open("seek.tmp", O_RDWR | O_CREAT | O_TRUNC, 0644);
    unlink("seek.tmp");
    return fd >= 0;
}
static int seek(void) { return lseek(fd, 0, SEEK_SET) == 0; }
#endif

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 1000000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    long done = 0;
    if (!open_file()) {
        printf("check seek cannot create seek.tmp\n");
        return 1;
    }
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++)
            done += seek();
        t[r] = (now_ns() - t0) / n;
    }
    printf("result seek %.1f\n", median(t, reps));
    printf("check seek %s\n", done == n * reps ? "all calls returned 0" : "calls failed");
    return 0;
}
