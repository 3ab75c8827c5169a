/* Many small files: create SIZE files (default 10000) of 100 bytes each
 * with CreateFile(CREATE_ALWAYS) + WriteFile + CloseHandle, then delete
 * them with DeleteFile; thousands of files per second each way. Natively
 * open(O_CREAT|O_TRUNC) + write + close, then unlink. The files go in
 * files.tmp/ under the current directory. The check counts what worked. */
#include "bench.h"

#ifdef _WIN32
#define DIR_NAME "files.tmp"
#define SEP "\\"
static int make_dir(void) { return CreateDirectoryA(DIR_NAME, NULL) || GetLastError() == ERROR_ALREADY_EXISTS; }
static void remove_dir(void) { RemoveDirectoryA(DIR_NAME); }
static int create_one(const char *path, const char *data, int len)
{
    HANDLE h = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD done = 0;
    if (h == INVALID_HANDLE_VALUE)
        return 0;
    WriteFile(h, data, len, &done, NULL);
    CloseHandle(h);
    return done == (DWORD)len;
}
static int delete_one(const char *path) { return DeleteFileA(path) != 0; }
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#define DIR_NAME "files.tmp"
#define SEP "/"
static int make_dir(void) { return mkdir(DIR_NAME, 0755) == 0 || access(DIR_NAME, F_OK) == 0; }
static void remove_dir(void) { rmdir(DIR_NAME); }
static int create_one(const char *path, const char *data, int len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return 0;
    long done = write(fd, data, len);
    close(fd);
    return done == len;
}
static int delete_one(const char *path) { return unlink(path) == 0; }
#endif

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 10000);
    int reps = arg_repeats(argc, argv);
    double cr[64], del[64];
    long created = 0, deleted = 0;
    char data[100], path[64];
    memset(data, 'x', sizeof data);
    if (!make_dir()) {
        printf("result create n/a\nresult delete n/a\n");
        return 1;
    }
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++) {
            snprintf(path, sizeof path, DIR_NAME SEP "f%06ld.txt", i);
            created += create_one(path, data, sizeof data);
        }
        double t1 = now_ns();
        for (long i = 0; i < n; i++) {
            snprintf(path, sizeof path, DIR_NAME SEP "f%06ld.txt", i);
            deleted += delete_one(path);
        }
        double t2 = now_ns();
        cr[r] = n / ((t1 - t0) / 1e9) / 1e3;
        del[r] = n / ((t2 - t1) / 1e9) / 1e3;
    }
    remove_dir();
    printf("result create %.2f\nresult delete %.2f\n", median(cr, reps), median(del, reps));
    printf("check files %ld created, %ld deleted\n", created, deleted);
    return created != n * reps || deleted != n * reps;
}
