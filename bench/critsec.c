/* EnterCriticalSection + LeaveCriticalSection, uncontended, against
 * pthread_mutex_lock + unlock: ns per pair. The check counts the increments
 * made inside the lock. */
#include "bench.h"

#ifdef _WIN32
static CRITICAL_SECTION cs;
static void init(void) { InitializeCriticalSection(&cs); }
static void lock(void) { EnterCriticalSection(&cs); }
static void unlock(void) { LeaveCriticalSection(&cs); }
#else
#include <pthread.h>
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static void init(void) {}
static void lock(void) { pthread_mutex_lock(&mu); }
static void unlock(void) { pthread_mutex_unlock(&mu); }
#endif

static volatile long counter;

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 10000000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    init();
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++) {
            lock();
            counter++;
            unlock();
        }
        t[r] = (now_ns() - t0) / n;
    }
    printf("result critsec %.2f\n", median(t, reps));
    printf("check critsec %ld increments\n", counter);
    return counter != n * reps;
}
