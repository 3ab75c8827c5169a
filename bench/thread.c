/* CreateThread + wait + CloseHandle of a thread that returns at once,
 * against pthread_create + pthread_join: µs per thread. The check sums the
 * threads' exit codes. */
#include "bench.h"

#ifdef _WIN32
static DWORD WINAPI body(void *arg) { return (DWORD)(uintptr_t)arg & 0xff; }
static long run_one(long i)
{
    DWORD code = 0;
    HANDLE t = CreateThread(NULL, 0, body, (void *)(uintptr_t)i, 0, NULL);
    if (!t)
        return -1000000;
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    return code;
}
#else
#include <pthread.h>
static void *body(void *arg) { return (void *)((uintptr_t)arg & 0xff); }
static long run_one(long i)
{
    pthread_t t;
    void *ret = NULL;
    if (pthread_create(&t, NULL, body, (void *)(uintptr_t)i))
        return -1000000;
    pthread_join(t, &ret);
    return (long)(uintptr_t)ret;
}
#endif

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 2000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    long sum = 0, want = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++)
            sum += run_one(i);
        t[r] = (now_ns() - t0) / n / 1e3;
        for (long i = 0; i < n; i++)
            want += i & 0xff;
    }
    printf("result thread %.2f\n", median(t, reps));
    printf("check thread exit codes sum to %ld\n", sum);
    return sum != want;
}
