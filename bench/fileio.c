/* Sequential file I/O in 64 KiB blocks: write SIZE MiB (default 1024) to a
 * new file with WriteFile, close, read it back with ReadFile; GB/s each
 * way (1 GB = 10^9 bytes). Natively open/write/read/close. The file lives
 * in the current directory and is deleted after each repeat. The check
 * hashes a word of every block read back. */
#include "bench.h"

#define BLOCK (64 * 1024)
static const char name[] = "fileio.tmp";

#ifdef _WIN32
typedef HANDLE file;
static file open_new(void)
{
    HANDLE h = CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    return h == INVALID_HANDLE_VALUE ? NULL : h;
}
static file open_old(void)
{
    HANDLE h = CreateFileA(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    return h == INVALID_HANDLE_VALUE ? NULL : h;
}
static long put(file f, const void *p, long n)
{
    DWORD done = 0;
    return WriteFile(f, p, n, &done, NULL) ? (long)done : -1;
}
static long get(file f, void *p, long n)
{
    DWORD done = 0;
    return ReadFile(f, p, n, &done, NULL) ? (long)done : -1;
}
static void close_file(file f) { CloseHandle(f); }
static void remove_file(void) { DeleteFileA(name); }
#else
#include <fcntl.h>
#include <unistd.h>
typedef long file;
static file open_new(void) { return open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644) + 1; }
static file open_old(void) { return open(name, O_RDONLY) + 1; }
static long put(file f, const void *p, long n) { return write(f - 1, p, n); }
static long get(file f, void *p, long n) { return read(f - 1, p, n); }
static void close_file(file f) { close(f - 1); }
static void remove_file(void) { unlink(name); }
#endif

int main(int argc, char **argv)
{
    long blocks = arg_size(argc, argv, 1024) * (1 << 20) / BLOCK;
    int reps = arg_repeats(argc, argv);
    double wr[64], rd[64];
    uint64_t hash = 0, *buf = malloc(BLOCK);
    int bad = 0;
    for (long i = 0; i < BLOCK / 8; i++)
        buf[i] = i * 0x9e3779b97f4a7c15ull;
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        file f = open_new();
        if (!f) {
            printf("result write n/a\nresult read n/a\n");
            return 1;
        }
        for (long b = 0; b < blocks; b++) {
            buf[0] = b;
            bad |= put(f, buf, BLOCK) != BLOCK;
        }
        close_file(f);
        double t1 = now_ns();
        f = open_old();
        for (long b = 0; b < blocks && f; b++) {
            bad |= get(f, buf, BLOCK) != BLOCK;
            hash = (hash ^ buf[0] ^ buf[BLOCK / 8 - 1]) * 0x100000001b3ull;
        }
        bad |= !f || get(f, buf, BLOCK) != 0;  /* then end of file */
        if (f)
            close_file(f);
        double t2 = now_ns();
        remove_file();
        wr[r] = blocks * (double)BLOCK / (t1 - t0);
        rd[r] = blocks * (double)BLOCK / (t2 - t1);
    }
    printf("result write %.2f\nresult read %.2f\n", median(wr, reps), median(rd, reps));
    printf("check fileio %s, hash %016llx\n", bad ? "I/O ERRORS" : "all blocks", (unsigned long long)hash);
    free(buf);
    return bad;
}
