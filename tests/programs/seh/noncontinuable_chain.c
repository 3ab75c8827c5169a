// wine: skip Wine 8 raises STATUS_NONCONTINUABLE_EXCEPTION with ExceptionRecord = NULL
/* The STATUS_NONCONTINUABLE_EXCEPTION that the dispatcher raises when a
 * frame-based handler tries to continue a non-continuable exception is a
 * nested exception: its ExceptionRecord points at the original record
 * (code, flags, parameters intact).  "Exception records can be chained
 * together to provide additional information when nested exceptions
 * occur": https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-exception_record */
#include <windows.h>
#include "test.h"
#include "sehframe.h"

#define CODE 0xE0000011

static int seen_nested;
static EXCEPTION_RECORD nested, original;
static int have_original;

EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *r, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    if (r->ExceptionFlags & EXCEPTION_UNWINDING)
        return ExceptionContinueSearch;
    if (r->ExceptionCode == CODE)
        return ExceptionContinueExecution;
    if (r->ExceptionCode == STATUS_NONCONTINUABLE_EXCEPTION) {
        seen_nested = 1;
        nested = *r;
        if (r->ExceptionRecord) {
            original = *r->ExceptionRecord;
            have_original = 1;
        }
        RtlUnwindEx(frame, seh_call_landing, r, (void *)0x25, ctx, dc->HistoryTable);
    }
    return ExceptionContinueSearch;
}

static ULONG_PTR raise(void *arg)
{
    ULONG_PTR p[2] = { 42, 43 };
    RaiseException(CODE, EXCEPTION_NONCONTINUABLE, 2, p);
    return 1;
}

int main(void)
{
    ok(seh_call(raise, NULL) == 0x25, "caught by unwinding");
    ok(seen_nested, "STATUS_NONCONTINUABLE_EXCEPTION raised");
    ok(nested.ExceptionFlags & EXCEPTION_NONCONTINUABLE, "itself non-continuable");
    ok(nested.NumberParameters == 0, "no parameters of its own: %lu", nested.NumberParameters);
    ok(have_original, "ExceptionRecord points at the original");
    ok(original.ExceptionCode == CODE, "original code %#lx", original.ExceptionCode);
    ok(original.ExceptionFlags & EXCEPTION_NONCONTINUABLE, "original flags %#lx", original.ExceptionFlags);
    ok(original.NumberParameters == 2 && original.ExceptionInformation[0] == 42 &&
       original.ExceptionInformation[1] == 43, "original parameters");
    return test_summary();
}
