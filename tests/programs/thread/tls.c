/* Thread-local storage: TlsAlloc/TlsSetValue/TlsGetValue per thread
 * (new threads see NULL, TlsGetValue clears the last error), TlsFree,
 * FlsAlloc, and compiler TLS (__thread, which mingw implements through
 * its TLS directory or emutls) per thread. */
#include <windows.h>
#include "test.h"

static DWORD slot;
static __thread int tvar = 5;
static __thread char tbuf[64];

static DWORD WINAPI worker(void *arg)
{
    int ok1, ok2;
    ok1 = TlsGetValue(slot) == NULL;
    TlsSetValue(slot, arg);
    ok2 = TlsGetValue(slot) == arg;
    ok1 = ok1 && tvar == 5;   /* initial value, not the main thread's */
    tvar = (int)(ULONG_PTR)arg;
    tbuf[0] = 'w';
    Sleep(20);
    return ok1 && ok2 && tvar == (int)(ULONG_PTR)arg && tbuf[0] == 'w';
}

int main(void)
{
    HANDLE th[4];
    DWORD code, fls;
    int i, all = 1;

    slot = TlsAlloc();
    ok(slot != TLS_OUT_OF_INDEXES, "TlsAlloc");
    ok(TlsSetValue(slot, (void *)0x1234), "TlsSetValue");
    tvar = 100;
    tbuf[0] = 'm';
    for (i = 0; i < 4; i++)
        th[i] = CreateThread(NULL, 0, worker, (void *)(ULONG_PTR)(i + 10), 0, NULL);
    WaitForMultipleObjects(4, th, TRUE, 10000);
    for (i = 0; i < 4; i++) {
        GetExitCodeThread(th[i], &code);
        if (code != 1)
            all = 0;
        CloseHandle(th[i]);
    }
    ok(all, "every thread had its own TLS slot value and __thread variables");
    ok(TlsGetValue(slot) == (void *)0x1234, "main thread's value untouched");
    ok(tvar == 100 && tbuf[0] == 'm', "main thread's __thread variables untouched");

    SetLastError(0xdeadbeef);
    ok(TlsGetValue(slot) != NULL && GetLastError() == ERROR_SUCCESS, "TlsGetValue sets last error to 0");
    ok(TlsFree(slot), "TlsFree");
    {
        DWORD a = TlsAlloc(), b = TlsAlloc();
        ok(a != b && a != TLS_OUT_OF_INDEXES && b != TLS_OUT_OF_INDEXES, "two slots");
        ok(TlsGetValue(b) == NULL, "a fresh slot reads NULL");
        TlsFree(a);
        TlsFree(b);
    }
    {
        DWORD many[100];
        int n;
        for (n = 0; n < 100; n++) {
            many[n] = TlsAlloc();
            if (many[n] == TLS_OUT_OF_INDEXES)
                break;
        }
        ok(n == 100, "100 slots (more than the 64 in the TEB)");
        if (n == 100) {
            TlsSetValue(many[99], (void *)7);
            ok(TlsGetValue(many[99]) == (void *)7, "expansion slot works");
        }
        while (n-- > 0)
            TlsFree(many[n]);
    }

    fls = FlsAlloc(NULL);
    ok(fls != FLS_OUT_OF_INDEXES, "FlsAlloc");
    ok(FlsSetValue(fls, (void *)9) && FlsGetValue(fls) == (void *)9, "FlsSetValue/GetValue");
    ok(FlsFree(fls), "FlsFree");
    return test_summary();
}
