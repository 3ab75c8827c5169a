/* RaiseException as a handler sees it: the code as given, ExceptionFlags
 * keeping only EXCEPTION_NONCONTINUABLE, NumberParameters and
 * ExceptionInformation copied (at most EXCEPTION_MAXIMUM_PARAMETERS = 15),
 * no chained record, and ExceptionAddress equal to the CONTEXT's Rip.
 * After EXCEPTION_CONTINUE_EXECUTION, RaiseException returns normally.
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-raiseexception */
#include <windows.h>
#include "test.h"

static int calls;
static EXCEPTION_RECORD rec;
static DWORD64 rip;
static DWORD tid;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    if ((ep->ExceptionRecord->ExceptionCode & 0xFFFF0000) != 0xE0AB0000 &&
        ep->ExceptionRecord->ExceptionCode != 0)
        return EXCEPTION_CONTINUE_SEARCH;
    calls++;
    rec = *ep->ExceptionRecord;
    rip = ep->ContextRecord->Rip;
    tid = GetCurrentThreadId();
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    ULONG_PTR args[20];
    int i, all;
    volatile int kept = 1234;
    void *h = AddVectoredExceptionHandler(1, veh);

    for (i = 0; i < 20; i++)
        args[i] = 0x1000 + i;

    RaiseException(0xE0AB0001, 0, 3, args);
    ok(calls == 1, "handler called once: %d", calls);
    ok(rec.ExceptionCode == 0xE0AB0001, "code %#lx", rec.ExceptionCode);
    ok(rec.ExceptionFlags == 0, "flags %#lx", rec.ExceptionFlags);
    ok(rec.ExceptionRecord == NULL, "no chained record");
    ok(rec.NumberParameters == 3, "NumberParameters %lu", rec.NumberParameters);
    ok(rec.ExceptionInformation[0] == 0x1000 && rec.ExceptionInformation[1] == 0x1001 &&
       rec.ExceptionInformation[2] == 0x1002, "parameters copied");
    ok(rec.ExceptionAddress == (void *)rip, "ExceptionAddress = Rip");
    ok(tid == GetCurrentThreadId(), "handler runs on the raising thread");
    ok(kept == 1234, "locals survive");

    RaiseException(0xE0AB0002, 0, 15, args);
    ok(rec.NumberParameters == 15, "15 parameters: %lu", rec.NumberParameters);
    for (i = 0, all = 1; i < 15; i++)
        all &= rec.ExceptionInformation[i] == 0x1000 + (ULONG_PTR)i;
    ok(all, "all 15 copied");

    RaiseException(0xE0AB0003, 0, 20, args);
    ok(calls == 3 && rec.ExceptionCode == 0xE0AB0003, "more than 15 parameters still raises");
    ok(rec.NumberParameters == 15, "clamped to 15: %lu", rec.NumberParameters);

    RaiseException(0xE0AB0004, 0, 0, args);
    ok(rec.NumberParameters == 0, "no parameters");

    RaiseException(0xE0AB0005, 0, 4, NULL);
    ok(calls == 5 && rec.NumberParameters == 0, "NULL arguments: NumberParameters %lu", rec.NumberParameters);

    RaiseException(0xE0AB0006, 0xFFFFFFFE, 0, NULL);
    ok(rec.ExceptionFlags == 0, "flags other than EXCEPTION_NONCONTINUABLE dropped: %#lx", rec.ExceptionFlags);

    RaiseException(0, 0, 1, args);
    ok(calls == 7 && rec.ExceptionCode == 0, "code 0 is raised too");

    RaiseException(0xE0AB0007, 0, 1, args);
    RaiseException(0xE0AB0008, 0, 1, args);
    ok(calls == 9 && rec.ExceptionCode == 0xE0AB0008, "raise again after continuing");

    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
