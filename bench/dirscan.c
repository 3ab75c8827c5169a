/* A directory of SIZE files (default 10000): look each one up by name with
 * GetFileAttributesEx, and list the directory with FindFirstFile/
 * FindNextFile; thousands of files per second. Natively stat(), and
 * readdir + fstatat (FindNextFile returns sizes and times too).
 *
 * The files are made once in dirscan.tmp/ under the current directory (not
 * timed) and left there, so the next run (bench/run.sh runs the native
 * build first) reuses them; "dirscan clean" removes them. The check counts
 * the files and sums their sizes. */
#include "bench.h"

#define DIR_NAME "dirscan.tmp"
#define FILE_SIZE(i) ((i) % 1000)

#ifdef _WIN32
#define SEP "\\"
static int exists(const char *path) { return GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES; }
static int make_dir(void) { return CreateDirectoryA(DIR_NAME, NULL) || GetLastError() == ERROR_ALREADY_EXISTS; }
static void remove_dir(void) { RemoveDirectoryA(DIR_NAME); }
static void remove_file(const char *path) { DeleteFileA(path); }
static void make_file(const char *path, const char *data, int len)
{
    HANDLE h = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD done;
    if (h != INVALID_HANDLE_VALUE) {
        WriteFile(h, data, len, &done, NULL);
        CloseHandle(h);
    }
}
static long long size_of(const char *path)
{
    WIN32_FILE_ATTRIBUTE_DATA d;
    if (!GetFileAttributesExA(path, GetFileExInfoStandard, &d))
        return -1000000;
    return (long long)d.nFileSizeHigh << 32 | d.nFileSizeLow;
}
static long list(long long *bytes)
{
    WIN32_FIND_DATAA d;
    long count = 0;
    HANDLE h = FindFirstFileA(DIR_NAME SEP "*", &d);
    if (h == INVALID_HANDLE_VALUE)
        return -1;
    do {
        if (d.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
            continue;
        count++;
        *bytes += (long long)d.nFileSizeHigh << 32 | d.nFileSizeLow;
    } while (FindNextFileA(h, &d));
    FindClose(h);
    return count;
}
#else
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#define SEP "/"
static int exists(const char *path) { return access(path, F_OK) == 0; }
static int make_dir(void) { return mkdir(DIR_NAME, 0755) == 0 || exists(DIR_NAME); }
static void remove_dir(void) { rmdir(DIR_NAME); }
static void remove_file(const char *path) { unlink(path); }
static void make_file(const char *path, const char *data, int len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd >= 0) {
        if (write(fd, data, len) != len)
            abort();
        close(fd);
    }
}
static long long size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) ? -1000000 : st.st_size;
}
static long list(long long *bytes)
{
    DIR *d = opendir(DIR_NAME);
    struct dirent *e;
    struct stat st;
    long count = 0;
    if (!d)
        return -1;
    while ((e = readdir(d))) {
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) || S_ISDIR(st.st_mode))
            continue;
        count++;
        *bytes += st.st_size;
    }
    closedir(d);
    return count;
}
#endif

int main(int argc, char **argv)
{
    static char data[1000];
    char path[64];
    int clean = argc > 1 && !strcmp(argv[1], "clean");
    long n = clean ? 100000 : arg_size(argc, argv, 10000);
    int reps = arg_repeats(argc, argv);
    double at[64], en[64];
    long long want = 0, got_attr = 0, got_enum = 0;
    long listed = 0;

    if (clean) {
        for (long i = 0; i < n; i++) {
            snprintf(path, sizeof path, DIR_NAME SEP "f%06ld.dat", i);
            remove_file(path);
        }
        remove_dir();
        return 0;
    }
    /* The last file is written last: if it is there, the set is complete. */
    snprintf(path, sizeof path, DIR_NAME SEP "f%06ld.dat", n - 1);
    if (!exists(path)) {
        if (!make_dir()) {
            printf("result attributes n/a\nresult enumerate n/a\n");
            return 1;
        }
        memset(data, 'd', sizeof data);
        for (long i = 0; i < n; i++) {
            snprintf(path, sizeof path, DIR_NAME SEP "f%06ld.dat", i);
            make_file(path, data, FILE_SIZE(i));
        }
    }
    for (long i = 0; i < n; i++)
        want += FILE_SIZE(i);
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        got_attr = 0;
        for (long i = 0; i < n; i++) {
            snprintf(path, sizeof path, DIR_NAME SEP "f%06ld.dat", i);
            got_attr += size_of(path);
        }
        double t1 = now_ns();
        got_enum = 0;
        listed = list(&got_enum);
        double t2 = now_ns();
        at[r] = n / ((t1 - t0) / 1e9) / 1e3;
        en[r] = listed / ((t2 - t1) / 1e9) / 1e3;
    }
    printf("result attributes %.1f\nresult enumerate %.1f\n", median(at, reps), median(en, reps));
    printf("check dirscan %lld bytes by name, %ld files and %lld bytes listed\n", got_attr, listed, got_enum);
    return got_attr != want || got_enum != want || listed != n;
}
