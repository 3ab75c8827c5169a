/* ntdll's events and waits, by GetProcAddress: NtCreateEvent (both
 * types, unnamed and named in the session's \BaseNamedObjects, where
 * kernel32's CreateEvent and OpenEvent find it; OBJ_OPENIF), NtSetEvent
 * and NtResetEvent with the previous state, NtClearEvent,
 * NtWaitForSingleObject and NtWaitForMultipleObjects (no timeout,
 * relative and absolute timeouts, STATUS_TIMEOUT, an abandoned mutex,
 * an APC in an alertable wait), NtDelayExecution, NtYieldExecution, and
 * the statuses for bad handles. */
#include <stdio.h>
#include "nt.h"

NT(NtCreateEvent, (HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, int, BOOLEAN))
NT(NtSetEvent, (HANDLE, LONG *))
NT(NtResetEvent, (HANDLE, LONG *))
NT(NtClearEvent, (HANDLE))
NT(NtWaitForSingleObject, (HANDLE, BOOLEAN, LARGE_INTEGER *))
NT(NtWaitForMultipleObjects, (ULONG, const HANDLE *, int, BOOLEAN, LARGE_INTEGER *))
NT(NtDelayExecution, (BOOLEAN, LARGE_INTEGER *))
NT(NtYieldExecution, (void))
NT(NtQuerySystemTime, (LARGE_INTEGER *))
NT(NtClose, (HANDLE))

#define NotificationEvent 0
#define SynchronizationEvent 1
#define WaitAll 0
#define WaitAny 1
#define OBJ_OPENIF 0x80

static LARGE_INTEGER zero;

static NTSTATUS poll(HANDLE h) { return p_NtWaitForSingleObject(h, FALSE, &zero); }

static ULONGLONG now_ms(void) { return GetTickCount64(); }

static int apc_calls;
static void WINAPI apc(ULONG_PTR arg) { apc_calls += (int)arg; }

static HANDLE mutex;
static DWORD WINAPI take_mutex_and_exit(void *arg)
{
    WaitForSingleObject(mutex, INFINITE);
    return 0;
}

static NTSTATUS create_named(HANDLE *h, const WCHAR *name, ULONG attributes)
{
    UNICODE_STRING us;
    OBJECT_ATTRIBUTES oa;
    us.Buffer = (WCHAR *)name;
    us.Length = us.MaximumLength = wcslen(name) * sizeof(WCHAR);
    InitializeObjectAttributes(&oa, &us, attributes, NULL, NULL);
    *h = NULL;
    return p_NtCreateEvent(h, EVENT_ALL_ACCESS, &oa, NotificationEvent, FALSE);
}

int main(void)
{
    HANDLE ev, ev2, h, handles[2];
    LONG prev;
    NTSTATUS st;
    LARGE_INTEGER t;
    ULONGLONG start;
    WCHAR name[128];

    LOAD(NtCreateEvent);
    LOAD(NtSetEvent);
    LOAD(NtResetEvent);
    LOAD(NtClearEvent);
    LOAD(NtWaitForSingleObject);
    LOAD(NtWaitForMultipleObjects);
    LOAD(NtDelayExecution);
    LOAD(NtYieldExecution);
    LOAD(NtQuerySystemTime);
    LOAD(NtClose);

    /* a notification (manual-reset) event */
    st = p_NtCreateEvent(&ev, EVENT_ALL_ACCESS, NULL, NotificationEvent, FALSE);
    printf("NtCreateEvent notification: %#lx\n", ST(st));
    printf("wait on it unset: %#lx\n", ST(poll(ev)));
    prev = 7;
    st = p_NtSetEvent(ev, &prev);
    printf("NtSetEvent: %#lx, previous state %ld\n", ST(st), prev);
    st = poll(ev);
    printf("wait twice: %#lx %#lx\n", ST(st), ST(poll(ev)));
    printf("wait with no timeout: %#lx\n", ST(p_NtWaitForSingleObject(ev, FALSE, NULL)));
    prev = 7;
    st = p_NtSetEvent(ev, &prev);
    printf("NtSetEvent again: %#lx, previous state %ld\n", ST(st), prev);
    prev = 7;
    st = p_NtResetEvent(ev, &prev);
    printf("NtResetEvent: %#lx, previous state %ld, wait %#lx\n", ST(st), prev, ST(poll(ev)));
    p_NtSetEvent(ev, NULL);
    st = p_NtClearEvent(ev);
    printf("NtClearEvent: %#lx, wait %#lx\n", ST(st), ST(poll(ev)));
    printf("WaitForSingleObject after NtSetEvent: %lu\n",
           (p_NtSetEvent(ev, NULL), WaitForSingleObject(ev, 0)));

    /* a synchronization (auto-reset) event, created set */
    st = p_NtCreateEvent(&ev2, EVENT_ALL_ACCESS, NULL, SynchronizationEvent, TRUE);
    printf("NtCreateEvent synchronization, set: %#lx\n", ST(st));
    st = poll(ev2);
    printf("wait twice: %#lx %#lx\n", ST(st), ST(poll(ev2)));
    st = p_NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, 2, FALSE);
    printf("NtCreateEvent type 2: %#lx\n", ST(st));

    /* many objects */
    p_NtResetEvent(ev, NULL);
    handles[0] = ev;
    handles[1] = ev2;
    p_NtSetEvent(ev2, NULL);
    st = p_NtWaitForMultipleObjects(2, handles, WaitAny, FALSE, &zero);
    printf("wait any, the second set: %#lx\n", ST(st));
    p_NtSetEvent(ev2, NULL);
    st = p_NtWaitForMultipleObjects(2, handles, WaitAll, FALSE, &zero);
    printf("wait all, one set: %#lx, the set one kept its state: %#lx\n", ST(st),
           ST(poll(ev2)));
    p_NtSetEvent(ev, NULL);
    p_NtSetEvent(ev2, NULL);
    st = p_NtWaitForMultipleObjects(2, handles, WaitAll, FALSE, &zero);
    printf("wait all, both set: %#lx, auto-reset one taken: %#lx\n", ST(st), ST(poll(ev2)));
    st = p_NtWaitForMultipleObjects(0, handles, WaitAny, FALSE, &zero);
    printf("wait for no objects: %#lx\n", ST(st));
    st = p_NtWaitForMultipleObjects(65, handles, WaitAny, FALSE, &zero);
    printf("wait for 65 objects: %#lx\n", ST(st));

    /* timeouts: relative (negative, 100 ns units) and absolute */
    p_NtResetEvent(ev, NULL);
    t.QuadPart = -100 * 10000;
    start = now_ms();
    st = p_NtWaitForSingleObject(ev, FALSE, &t);
    printf("relative 100 ms: %#lx\n", ST(st));
    ok(now_ms() - start >= 90, "waited %llu ms", now_ms() - start);
    p_NtQuerySystemTime(&t);
    t.QuadPart += 100 * 10000;
    start = now_ms();
    st = p_NtWaitForSingleObject(ev, FALSE, &t);
    printf("absolute, 100 ms from now: %#lx\n", ST(st));
    ok(now_ms() - start >= 90, "waited %llu ms", now_ms() - start);
    p_NtQuerySystemTime(&t);
    t.QuadPart -= 10000000;
    start = now_ms();
    st = p_NtWaitForSingleObject(ev, FALSE, &t);
    printf("absolute, a second ago: %#lx\n", ST(st));
    ok(now_ms() - start < 500, "waited %llu ms", now_ms() - start);

    /* an APC ends an alertable wait */
    QueueUserAPC(apc, GetCurrentThread(), 1);
    st = p_NtWaitForSingleObject(ev, FALSE, &zero);
    printf("non-alertable wait with an APC queued: %#lx, calls %d\n", ST(st), apc_calls);
    st = p_NtWaitForSingleObject(ev, TRUE, NULL);
    printf("alertable wait: %#lx, calls %d\n", ST(st), apc_calls);

    /* a mutex whose owner exited */
    mutex = CreateMutexW(NULL, FALSE, NULL);
    h = CreateThread(NULL, 0, take_mutex_and_exit, NULL, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
    st = poll(mutex);
    printf("abandoned mutex: %#lx, then %#lx\n", ST(st), ST(poll(mutex)));
    ReleaseMutex(mutex);
    CloseHandle(mutex);

    /* NtDelayExecution */
    t.QuadPart = -50 * 10000;
    start = now_ms();
    st = p_NtDelayExecution(FALSE, &t);
    printf("delay 50 ms: %#lx\n", ST(st));
    ok(now_ms() - start >= 40, "delayed %llu ms", now_ms() - start);
    QueueUserAPC(apc, GetCurrentThread(), 10);
    t.QuadPart = -5000 * 10000;
    start = now_ms();
    st = p_NtDelayExecution(TRUE, &t);
    printf("alertable delay with an APC queued: %#lx, calls %d\n", ST(st), apc_calls);
    ok(now_ms() - start < 2500, "delayed %llu ms", now_ms() - start);
    st = p_NtDelayExecution(FALSE, &zero);
    ok(st == 0 || st == 0x40000024, "delay 0: %#lx", ST(st));
    st = p_NtYieldExecution();
    ok(st == 0 || st == 0x40000024 /* STATUS_NO_YIELD_PERFORMED */, "yield: %#lx", ST(st));

    /* names: kernel32's CreateEvent names live in the session's directory */
    swprintf(name, 128, L"\\Sessions\\%lu\\BaseNamedObjects\\decant_ntdll_sync",
             NtCurrentTeb()->ProcessEnvironmentBlock->SessionId);
    st = create_named(&h, name, OBJ_OPENIF);
    printf("named NtCreateEvent: %#lx\n", ST(st));
    p_NtSetEvent(h, NULL);
    ev2 = OpenEventW(SYNCHRONIZE, FALSE, L"decant_ntdll_sync");
    printf("OpenEventW finds it: %d, signalled %lu\n", ev2 != NULL, WaitForSingleObject(ev2, 0));
    CloseHandle(ev2);
    SetLastError(0);
    ev2 = CreateEventW(NULL, TRUE, FALSE, L"decant_ntdll_sync");
    printf("CreateEventW of the name: %d, last error %lu\n", ev2 != NULL, GetLastError());
    CloseHandle(ev2);
    st = create_named(&ev2, name, OBJ_OPENIF);
    printf("again with OBJ_OPENIF: %#lx, a handle %d\n", ST(st), ev2 != NULL);
    p_NtClose(ev2);
    st = create_named(&ev2, name, 0);
    printf("again without: %#lx, a handle %d\n", ST(st), ev2 != NULL);
    st = create_named(&ev2, L"decant_ntdll_sync", 0);
    printf("a relative name: %#lx\n", ST(st));
    p_NtClose(h);

    /* handles that are not events */
    printf("NtSetEvent on a bad handle: %#lx\n", ST(p_NtSetEvent((HANDLE)(ULONG_PTR)0x1230, NULL)));
    printf("NtSetEvent on a thread: %#lx\n", ST(p_NtSetEvent(GetCurrentThread(), NULL)));
    printf("wait on a bad handle: %#lx\n", ST(poll((HANDLE)(ULONG_PTR)0x1230)));

    p_NtClose(ev);
    return test_summary();
}
