/* The legacy pool: QueueUserWorkItem runs on another thread; timer-queue
 * timers (default queue and CreateTimerQueue's) get (Parameter, TRUE),
 * fire once with period 0, repeatedly with a period, ChangeTimerQueueTimer
 * re-arms a periodic timer but not an expired one-shot (documented), DeleteTimerQueueTimer with INVALID_HANDLE_VALUE waits for the
 * callbacks and with an event sets it; DeleteTimerQueueEx. */
#include <windows.h>
#include "../test.h"

static DWORD main_tid;
static volatile LONG item_other, ticks, bad_fired;
static HANDLE sem;

static DWORD WINAPI item(void *ctx)
{
    if (GetCurrentThreadId() != main_tid)
        InterlockedIncrement(&item_other);
    SetEvent((HANDLE)ctx);
    return 0;
}

static void CALLBACK tick(void *param, BOOLEAN fired)
{
    if (!fired || param != (void *)0x1234)
        InterlockedIncrement(&bad_fired);
    InterlockedIncrement(&ticks);
    ReleaseSemaphore(sem, 1, NULL);
}

int main(void)
{
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL), t, q;
    LONG n;
    int i;

    main_tid = GetCurrentThreadId();
    sem = CreateSemaphoreW(NULL, 0, 1000, NULL);
    ok(QueueUserWorkItem(item, ev, WT_EXECUTEDEFAULT), "QueueUserWorkItem");
    ok(WaitForSingleObject(ev, 5000) == WAIT_OBJECT_0, "work item ran");
    ok(item_other == 1, "on another thread");

    ok(CreateTimerQueueTimer(&t, NULL, tick, (void *)0x1234, 10, 0, 0), "one-shot timer");
    ok(WaitForSingleObject(sem, 5000) == WAIT_OBJECT_0, "fired");
    Sleep(50);
    ok(ticks == 1, "once: %ld", ticks);
    n = 1;
    ok(ChangeTimerQueueTimer(NULL, t, 10, 0), "ChangeTimerQueueTimer");
    ok(WaitForSingleObject(sem, 100) == WAIT_TIMEOUT, "an expired one-shot stays expired");
    ok(DeleteTimerQueueTimer(NULL, t, INVALID_HANDLE_VALUE), "delete");
    ok(CreateTimerQueueTimer(&t, NULL, tick, (void *)0x1234, 10000, 10000, 0), "slow timer");
    ok(ChangeTimerQueueTimer(NULL, t, 10, 10000), "ChangeTimerQueueTimer");
    ok(WaitForSingleObject(sem, 5000) == WAIT_OBJECT_0, "fired sooner after the change");
    ok(DeleteTimerQueueTimer(NULL, t, INVALID_HANDLE_VALUE), "delete");

    q = CreateTimerQueue();
    ok(q != NULL, "CreateTimerQueue");
    ok(CreateTimerQueueTimer(&t, q, tick, (void *)0x1234, 5, 10, 0), "periodic timer");
    for (i = 0; i < 3; i++)
        ok(WaitForSingleObject(sem, 5000) == WAIT_OBJECT_0, "tick %d", i);
    DeleteTimerQueueTimer(q, t, ev); /* may answer ERROR_IO_PENDING */
    ok(WaitForSingleObject(ev, 5000) == WAIT_OBJECT_0, "the event is set");
    n = ticks;
    Sleep(50);
    ok(ticks == n, "no tick after the delete: %ld then %ld", n, ticks);

    ok(CreateTimerQueueTimer(&t, q, tick, (void *)0x1234, 5, 10, 0), "periodic timer");
    ok(WaitForSingleObject(sem, 5000) == WAIT_OBJECT_0, "tick");
    ok(DeleteTimerQueueEx(q, INVALID_HANDLE_VALUE), "DeleteTimerQueueEx");
    n = ticks;
    Sleep(50);
    ok(ticks == n, "no tick after the queue is gone: %ld then %ld", n, ticks);
    ok(bad_fired == 0, "callback arguments");
    return test_summary();
}
