/* Structured exception dispatch (DESIGN.md §5): the ntdll entry points that
 * other parts of decant call directly. */
#ifndef DECANT_EXCEPTION_H
#define DECANT_EXCEPTION_H

#include "winexcept.h"

RUNTIME_FUNCTION *WINAPI RtlLookupFunctionEntry(DWORD64 pc, DWORD64 *base,
                                                UNWIND_HISTORY_TABLE *history);
PEXCEPTION_ROUTINE WINAPI RtlVirtualUnwind(ULONG type, DWORD64 base, DWORD64 pc,
                                           RUNTIME_FUNCTION *function,
                                           CONTEXT *context, PVOID *data,
                                           DWORD64 *frame,
                                           KNONVOLATILE_CONTEXT_POINTERS *ptrs);
void WINAPI RtlCaptureContext(CONTEXT *context);
void WINAPI RtlRestoreContext(CONTEXT *context, EXCEPTION_RECORD *rec)
    __attribute__((noreturn));
void WINAPI RtlUnwindEx(PVOID frame, PVOID target_ip, EXCEPTION_RECORD *rec,
                        PVOID retval, CONTEXT *context,
                        UNWIND_HISTORY_TABLE *history);

/* Dispatches an exception raised at `context` (the state to resume on
 * ExceptionContinueExecution). Returns only if no handler took it and the
 * exception was continuable and a filter asked to continue. */
void seh_dispatch(EXCEPTION_RECORD *rec, CONTEXT *context) __attribute__((noreturn));

/* The unhandled-exception path: top-level filter, then a crash report and
 * process termination with the exception code. */
void seh_unhandled(EXCEPTION_RECORD *rec, CONTEXT *context) __attribute__((noreturn));
/* Continue at context after the continue handlers ran. */
void seh_continue(EXCEPTION_RECORD *rec, CONTEXT *context) __attribute__((noreturn));

typedef LONG(WINAPI *top_filter_fn)(EXCEPTION_POINTERS *);
top_filter_fn seh_set_top_filter(top_filter_fn f);
LONG seh_call_top_filter(EXCEPTION_POINTERS *ptrs);
int seh_in_native_code(DWORD64 pc);
/* Set when the last dispatch stopped at decant's own code in mid-stack:
 * the return address into decant (a callback's caller). */
extern __thread DWORD64 seh_native_boundary;
/* Says on stderr, in one line, that the search stopped there (crash.c). */
void seh_report_native_boundary(const EXCEPTION_RECORD *rec);

/* decant's own frames have no unwind data. Where a walk of the stack
 * reaches them, it continues from the Windows state one of these records
 * (innermost first, in the native frames themselves):
 *  SEH_DISPATCH  an exception being dispatched: `origin` is where it was
 *                raised, `frame` the establisher frame whose handler runs;
 *                an exception raised inside that handler is nested.
 *  SEH_UNWIND    an unwind: `origin` is RtlUnwindEx's caller (NULL when
 *                decant started it), `active` the handler call under way;
 *                an unwind that reaches it collides and takes it over.
 *  SEH_CALL      a builtin that calls back into the program (qsort):
 *                `origin` is its caller, so an exception thrown by the
 *                callback passes the builtin's frames, which it abandons. */
struct seh_frame {
    struct seh_frame *prev;
    enum { SEH_DISPATCH, SEH_UNWIND, SEH_CALL } kind;
    const CONTEXT *origin;
    DWORD64 frame;
    DISPATCHER_CONTEXT *active;
};
void seh_frame_push(struct seh_frame *f, int kind, const CONTEXT *origin);
void seh_frame_pop(struct seh_frame *f);
/* Unwinds from `start` to `target_frame`, then resumes at target_ip with
 * rax = retval (RtlUnwindEx); `caller` is RtlUnwindEx's caller or NULL. */
void seh_unwind(PVOID target_frame, PVOID target_ip, EXCEPTION_RECORD *rec,
                PVOID retval, CONTEXT *out, const CONTEXT *start,
                const CONTEXT *caller) __attribute__((noreturn));

PVOID WINAPI RtlAddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER fn);
ULONG WINAPI RtlRemoveVectoredExceptionHandler(PVOID handle);
PVOID WINAPI RtlAddVectoredContinueHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER fn);
ULONG WINAPI RtlRemoveVectoredContinueHandler(PVOID handle);

/* The name of a code ("access violation"), for reports. */
const char *seh_code_name(DWORD code);

#endif
