/* Two threads bounce control through two auto-reset events: round trips
 * per second, in thousands. Natively, two eventfds (a blocking read
 * consumes the signal as an auto-reset wait does). */
#include "bench.h"

static long n;
static volatile long seen;

#ifdef _WIN32
static HANDLE ping, pong;
static void init(void)
{
    ping = CreateEventA(NULL, FALSE, FALSE, NULL);
    pong = CreateEventA(NULL, FALSE, FALSE, NULL);
}
static void signal_ev(HANDLE e) { SetEvent(e); }
static void wait_ev(HANDLE e) { WaitForSingleObject(e, INFINITE); }
#define EV HANDLE
#else
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>
static int ping, pong;
static void init(void)
{
    ping = eventfd(0, 0);
    pong = eventfd(0, 0);
}
static void signal_ev(int e)
{
    uint64_t one = 1;
    if (write(e, &one, 8) != 8)
        abort();
}
static void wait_ev(int e)
{
    uint64_t v;
    if (read(e, &v, 8) != 8)
        abort();
}
#endif

static void partner(void)
{
    for (long i = 0; i < n; i++) {
        wait_ev(ping);
        seen++;
        signal_ev(pong);
    }
}

#ifdef _WIN32
static DWORD WINAPI partner_main(void *arg) { partner(); return 0; }
static void *start(void) { return CreateThread(NULL, 0, partner_main, NULL, 0, NULL); }
static void join(void *t) { WaitForSingleObject(t, INFINITE); CloseHandle(t); }
#else
static void *partner_main(void *arg) { partner(); return NULL; }
static void *start(void)
{
    static pthread_t t;
    pthread_create(&t, NULL, partner_main, NULL);
    return &t;
}
static void join(void *t) { pthread_join(*(pthread_t *)t, NULL); }
#endif

int main(int argc, char **argv)
{
    n = arg_size(argc, argv, 50000);
    int reps = arg_repeats(argc, argv);
    double rate[64];
    long total = 0;
    init();
    for (int r = 0; r < reps; r++) {
        seen = 0;
        void *t = start();
        double t0 = now_ns();
        for (long i = 0; i < n; i++) {
            signal_ev(ping);
            wait_ev(pong);
        }
        rate[r] = n / ((now_ns() - t0) / 1e9) / 1e3;
        join(t);
        total += seen;
    }
    printf("result pingpong %.1f\n", median(rate, reps));
    printf("check pingpong %ld round trips\n", total);
    return total != n * reps;
}
