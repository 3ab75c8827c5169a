/* Exception dispatch and unwinding as Windows x64 does it: vectored
 * handlers, then each frame's language handler found through .pdata, then
 * the unhandled-exception filter. RtlUnwindEx calls the termination
 * handlers of the frames it removes and resumes at the target.
 *
 * decant's own code has no .pdata. Where a walk reaches decant's frames it
 * continues from the Windows state recorded by the active dispatch, unwind
 * or callback-calling builtin there (struct seh_frame), the way Windows'
 * unwind data for its dispatcher leads back to the raising context. Only a
 * native frame without a record (a callback from decant's loader, say)
 * ends the search: the exception is then unhandled and reported
 * (docs/internals.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "exception.h"
#include "loader.h"
#include "thread.h"

extern char __executable_start[], etext[];

__thread DWORD64 seh_native_boundary;

int seh_in_native_code(DWORD64 pc)
{
    return pc >= (DWORD64)__executable_start && pc < (DWORD64)etext;
}

static struct seh_frame **frames_head(void)
{
    struct thread *t = nt_current_thread();
    return t ? &t->seh_frames : NULL;
}

void seh_frame_push(struct seh_frame *f, int kind, const CONTEXT *origin)
{
    struct seh_frame **head = frames_head();
    *f = (struct seh_frame){head ? *head : NULL, kind, origin, 0, NULL};
    if (head)
        *head = f;
}

void seh_frame_pop(struct seh_frame *f)
{
    struct seh_frame **head = frames_head();
    if (head && *head == f)
        *head = f->prev;
}

void seh_forget_frames_below(DWORD64 rsp)
{
    struct seh_frame **head = frames_head();
    while (head && *head && (DWORD64)*head < rsp)
        *head = (*head)->prev;
}

/* The record of the native frames a walk reached at rsp: the innermost one
 * above it, older than the ones already used (`*cursor`). */
static struct seh_frame *native_record(struct seh_frame **cursor, DWORD64 rsp)
{
    struct seh_frame *f = *cursor;
    while (f && (DWORD64)f < rsp)
        f = f->prev;
    *cursor = f ? f->prev : NULL;
    return f;
}

static int stack_ok(DWORD64 rsp)
{
    TEB *teb = nt_current_teb();
    if (!teb)
        return 0;
    return rsp >= (DWORD64)teb->DeallocationStack && rsp < (DWORD64)teb->Tib.StackBase &&
           !(rsp & 7);
}

/* ---- vectored handlers ------------------------------------------------- */

struct vectored {
    struct vectored *next;
    PVECTORED_EXCEPTION_HANDLER fn;
    int refs;
};

static struct vectored *vectored_handlers, *continue_handlers;
static pthread_mutex_t vectored_lock = PTHREAD_MUTEX_INITIALIZER;

static PVOID add_vectored(struct vectored **list, ULONG first,
                          PVECTORED_EXCEPTION_HANDLER fn)
{
    struct vectored *v = calloc(1, sizeof *v);
    v->fn = fn;
    pthread_mutex_lock(&vectored_lock);
    if (first || !*list) {
        v->next = *list;
        *list = v;
    } else {
        struct vectored *p = *list;
        while (p->next)
            p = p->next;
        p->next = v;
    }
    pthread_mutex_unlock(&vectored_lock);
    return v;
}

static ULONG remove_vectored(struct vectored **list, PVOID handle)
{
    ULONG found = 0;
    pthread_mutex_lock(&vectored_lock);
    for (struct vectored **p = list; *p; p = &(*p)->next)
        if (*p == handle) {
            *p = (*p)->next; /* leaked on purpose: a dispatch may hold it */
            found = 1;
            break;
        }
    pthread_mutex_unlock(&vectored_lock);
    return found;
}

/* RtlAddVectoredExceptionHandler (ntdll) */
PVOID WINAPI RtlAddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER fn)
{
    return add_vectored(&vectored_handlers, first, fn);
}

/* RtlRemoveVectoredExceptionHandler (ntdll) */
ULONG WINAPI RtlRemoveVectoredExceptionHandler(PVOID handle)
{
    return remove_vectored(&vectored_handlers, handle);
}

/* RtlAddVectoredContinueHandler (ntdll) */
PVOID WINAPI RtlAddVectoredContinueHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER fn)
{
    return add_vectored(&continue_handlers, first, fn);
}

/* RtlRemoveVectoredContinueHandler (ntdll) */
ULONG WINAPI RtlRemoveVectoredContinueHandler(PVOID handle)
{
    return remove_vectored(&continue_handlers, handle);
}

/* EXCEPTION_CONTINUE_EXECUTION from any handler in the list? */
static int call_vectored(struct vectored *list, EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    EXCEPTION_POINTERS ptrs = {rec, ctx};
    pthread_mutex_lock(&vectored_lock);
    struct vectored *v = list;
    pthread_mutex_unlock(&vectored_lock);
    for (; v; v = v->next) {
        if (v->fn(&ptrs) == EXCEPTION_CONTINUE_EXECUTION)
            return 1;
    }
    return 0;
}

/* ---- dispatch ------------------------------------------------------------- */

/* Handlers are called through this, so the frame is decant's own. */
static EXCEPTION_DISPOSITION call_handler(EXCEPTION_RECORD *rec, DWORD64 frame,
                                          CONTEXT *ctx, DISPATCHER_CONTEXT *d)
{
    TRACE("calling handler %p code %#x flags %#x frame %#llx", d->LanguageHandler,
          rec->ExceptionCode, rec->ExceptionFlags, (unsigned long long)frame);
    return d->LanguageHandler(rec, (PVOID)frame, ctx, d);
}

static void raise_noncontinuable(EXCEPTION_RECORD *rec, CONTEXT *ctx)
    __attribute__((noreturn));

/* Execution continues at ctx: the vectored continue handlers see it
 * first, whoever decided to continue. */
void seh_continue(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    call_vectored(continue_handlers, rec, ctx);
    RtlRestoreContext(ctx, NULL);
}

static void dispatch_to_frames(EXCEPTION_RECORD *rec, CONTEXT *ctx)
    __attribute__((noinline, noreturn));

/* The vectored handlers run in a small frame: a fault may be dispatched on
 * a stack that is not the thread's, with only the room its owner keeps for
 * Windows' dispatcher (Go's goroutine stacks: 4 KB below the guard), and
 * the frame walk's CONTEXTs would take most of it. */
void seh_dispatch(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    TRACE("code %#x at %p", rec->ExceptionCode, rec->ExceptionAddress);
    if (call_vectored(vectored_handlers, rec, ctx))
        seh_continue(rec, ctx);
    dispatch_to_frames(rec, ctx);
}

static void dispatch_to_frames(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    struct seh_frame sf;
    seh_frame_push(&sf, SEH_DISPATCH, ctx);
    struct seh_frame *cursor = sf.prev;
    CONTEXT c = *ctx, nc;
    DWORD64 nested_frame = 0;
    seh_native_boundary = 0;
    for (int depth = 0; depth < 100000; depth++) {
        if (!stack_ok(c.Rsp) || !c.Rip)
            break;
        if (seh_in_native_code(c.Rip)) {
            if (c.Rip == (DWORD64)call_program_entry_ret)
                break; /* the bottom of the thread's stack */
            struct seh_frame *f = native_record(&cursor, c.Rsp);
            if (!f) { /* decant called the program here: a callback */
                seh_native_boundary = c.Rip;
                seh_report_native_boundary(rec);
                break;
            }
            if (f->kind == SEH_DISPATCH) {
                /* raised inside a handler: Windows' dispatcher frame
                 * answers ExceptionNestedException up to that handler's
                 * frame, then the search goes on where the first began */
                rec->ExceptionFlags |= EXCEPTION_NESTED_CALL;
                if (f->frame > nested_frame)
                    nested_frame = f->frame;
            }
            if (f->origin)
                c = *f->origin;
            continue;
        }
        DWORD64 base;
        RUNTIME_FUNCTION *fe = RtlLookupFunctionEntry(c.Rip, &base, NULL);
        if (!fe) { /* a leaf function: the return address is at rsp */
            c.Rip = *(DWORD64 *)c.Rsp;
            c.Rsp += 8;
            continue;
        }
        nc = c;
        PVOID data;
        DWORD64 frame;
        PEXCEPTION_ROUTINE handler = RtlVirtualUnwind(UNW_FLAG_EHANDLER, base, c.Rip,
                                                      fe, &nc, &data, &frame, NULL);
        if (handler) {
            DISPATCHER_CONTEXT d = {c.Rip, base, fe, frame, 0, &c, handler, data, NULL, 0, 0};
            sf.frame = frame;
            EXCEPTION_DISPOSITION res = call_handler(rec, frame, ctx, &d);
            if (frame == nested_frame) {
                rec->ExceptionFlags &= ~EXCEPTION_NESTED_CALL;
                nested_frame = 0;
            }
            switch (res) {
            case ExceptionContinueExecution:
                if (rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE)
                    raise_noncontinuable(rec, ctx);
                seh_frame_pop(&sf);
                seh_continue(rec, ctx);
            case ExceptionContinueSearch:
                break;
            case ExceptionNestedException:
                rec->ExceptionFlags |= EXCEPTION_NESTED_CALL;
                if (d.EstablisherFrame > nested_frame)
                    nested_frame = d.EstablisherFrame;
                break;
            case ExceptionCollidedUnwind:
                /* continue from the frame the interrupted unwind reached */
                c = *d.ContextRecord;
                nc = c;
                RtlVirtualUnwind(UNW_FLAG_NHANDLER, d.ImageBase, d.ControlPc,
                                 d.FunctionEntry, &nc, &data, &frame, NULL);
                break;
            default:
                raise_noncontinuable(rec, ctx);
            }
        }
        c = nc;
    }
    /* the record stays: the unhandled-exception filter may unwind (a
     * longjmp out of a signal handler) through this dispatch */
    sf.frame = 0;
    seh_unhandled(rec, ctx);
}

static void raise_noncontinuable(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    EXCEPTION_RECORD r = {0};
    r.ExceptionCode = STATUS_NONCONTINUABLE_EXCEPTION;
    r.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    r.ExceptionRecord = rec;
    r.ExceptionAddress = (PVOID)ctx->Rip;
    seh_dispatch(&r, ctx);
}

/* From RaiseException's entry stub: `ctx` is the caller's state. */
void seh_raise_exception(DWORD code, DWORD flags, DWORD nargs, const ULONG_PTR *args,
                         CONTEXT *ctx)
{
    EXCEPTION_RECORD rec = {0};
    rec.ExceptionCode = code;
    rec.ExceptionFlags = flags & EXCEPTION_NONCONTINUABLE;
    rec.ExceptionAddress = (PVOID)ctx->Rip;
    if (args) {
        if (nargs > EXCEPTION_MAXIMUM_PARAMETERS)
            nargs = EXCEPTION_MAXIMUM_PARAMETERS;
        rec.NumberParameters = nargs;
        memcpy(rec.ExceptionInformation, args, nargs * sizeof *args);
    }
    seh_dispatch(&rec, ctx);
}

/* From RtlRaiseException's entry stub. */
void seh_rtl_raise_exception(EXCEPTION_RECORD *rec, void *a2, void *a3, void *a4,
                             CONTEXT *ctx)
{
    rec->ExceptionAddress = (PVOID)ctx->Rip;
    seh_dispatch(rec, ctx);
}

/* From the fault trampoline, on the faulting thread's stack. */
void seh_dispatch_fault(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    seh_dispatch(rec, ctx);
}

/* ---- unwind --------------------------------------------------------------- */

/* `out` receives the final state (it may be the very CONTEXT an active
 * dispatch started from, so the walk works on a copy). */
void seh_unwind(PVOID target_frame, PVOID target_ip, EXCEPTION_RECORD *rec,
                PVOID retval, CONTEXT *out, const CONTEXT *start, const CONTEXT *caller)
{
    CONTEXT work, *c = &work;
    EXCEPTION_RECORD local;
    if (!rec) {
        memset(&local, 0, sizeof local);
        local.ExceptionCode = STATUS_UNWIND;
        local.ExceptionAddress = (PVOID)start->Rip;
        rec = &local;
    }
    rec->ExceptionFlags |= EXCEPTION_UNWINDING;
    if (!target_frame)
        rec->ExceptionFlags |= EXCEPTION_EXIT_UNWIND;
    *c = *start;
    struct seh_frame sf;
    seh_frame_push(&sf, SEH_UNWIND, caller);
    struct seh_frame *cursor = sf.prev;
    CONTEXT nc;
    for (int depth = 0; depth < 100000; depth++) {
        DWORD64 base = 0, frame;
        RUNTIME_FUNCTION *fe = NULL;
        PEXCEPTION_ROUTINE handler = NULL;
        PVOID data = NULL;
        DWORD scope = 0;
        if (seh_in_native_code(c->Rip)) {
            struct seh_frame *f = native_record(&cursor, c->Rsp);
            if (!f)
                break;
            if (f->kind != SEH_UNWIND || !f->active) {
                /* a dispatcher or a builtin: on from its Windows caller */
                if (f->origin)
                    *c = *f->origin;
                continue;
            }
            /* an unwind handler started this unwind: the two collide, and
             * this one goes on from the frame the other had reached,
             * calling that frame's handler again (ScopeIndex tells it
             * what already ran) */
            DISPATCHER_CONTEXT *a = f->active;
            *c = *a->ContextRecord;
            nc = *c;
            RtlVirtualUnwind(UNW_FLAG_NHANDLER, a->ImageBase, a->ControlPc, a->FunctionEntry,
                             &nc, &data, &frame, NULL);
            base = a->ImageBase;
            fe = a->FunctionEntry;
            handler = a->LanguageHandler;
            data = a->HandlerData;
            frame = a->EstablisherFrame;
            scope = a->ScopeIndex;
            rec->ExceptionFlags |= EXCEPTION_COLLIDED_UNWIND;
        } else {
            if (!stack_ok(c->Rsp) || !c->Rip)
                break;
            fe = RtlLookupFunctionEntry(c->Rip, &base, NULL);
            nc = *c;
            if (fe) {
                handler = RtlVirtualUnwind(UNW_FLAG_UHANDLER, base, c->Rip, fe, &nc, &data,
                                           &frame, NULL);
            } else {
                frame = c->Rsp;
                nc.Rip = *(DWORD64 *)nc.Rsp;
                nc.Rsp += 8;
            }
        }
        if (target_frame && frame > (DWORD64)target_frame) {
            fprintf(stderr, "decant: unwind target frame %p not found on the stack\n",
                    target_frame);
            process_terminate(STATUS_INVALID_DISPOSITION);
        }
        if (frame == (DWORD64)target_frame)
            rec->ExceptionFlags |= EXCEPTION_TARGET_UNWIND;
        if (handler) {
            DISPATCHER_CONTEXT d = {c->Rip, base, fe, frame, (DWORD64)target_ip, c,
                                    handler, data, NULL, scope, 0};
            sf.active = &d;
            EXCEPTION_DISPOSITION res = call_handler(rec, frame, c, &d);
            sf.active = NULL;
            if (res == ExceptionCollidedUnwind) {
                /* an unwind through an unwind handler: take over its state */
                *c = *d.ContextRecord;
                nc = *c;
                handler = RtlVirtualUnwind(UNW_FLAG_NHANDLER, d.ImageBase, d.ControlPc,
                                           d.FunctionEntry, &nc, &data, &frame, NULL);
            } else if (res != ExceptionContinueSearch) {
                fprintf(stderr, "decant: unwind handler returned %d\n", res);
                process_terminate(STATUS_INVALID_DISPOSITION);
            }
        }
        rec->ExceptionFlags &= ~EXCEPTION_COLLIDED_UNWIND;
        if (frame == (DWORD64)target_frame)
            break;
        *c = nc;
    }
    if (target_frame && !(rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)) {
        fprintf(stderr, "decant: cannot unwind to frame %p through native frames\n",
                target_frame);
        process_terminate(STATUS_INVALID_DISPOSITION);
    }
    c->Rax = (DWORD64)retval;
    c->Rip = (DWORD64)target_ip;
    *out = *c;
    RtlRestoreContext(out, rec);
}

/* From RtlUnwindEx's entry stub: `caller` is the state of its caller. */
void seh_rtl_unwind_ex(PVOID frame, PVOID target_ip, EXCEPTION_RECORD *rec,
                       PVOID retval, CONTEXT *caller, CONTEXT *context,
                       UNWIND_HISTORY_TABLE *history)
{
    CONTEXT local;
    seh_unwind(frame, target_ip, rec, retval, context ? context : &local, caller, caller);
}

/* From RtlUnwind's entry stub. */
void seh_rtl_unwind(PVOID frame, PVOID target_ip, EXCEPTION_RECORD *rec,
                    PVOID retval, CONTEXT *caller)
{
    CONTEXT local;
    seh_unwind(frame, target_ip, rec, retval, &local, caller, caller);
}

/* ---- C-language scope tables ------------------------------------------- */

typedef struct {
    ULONG Count;
    struct {
        ULONG BeginAddress, EndAddress, HandlerAddress, JumpTarget;
    } ScopeRecord[];
} SCOPE_TABLE;

typedef LONG(WINAPI *exception_filter)(EXCEPTION_POINTERS *, PVOID frame);
typedef void(WINAPI *termination_handler)(BOOLEAN abnormal, PVOID frame);

/* __C_specific_handler (ntdll): __try/__except and __try/__finally. */
EXCEPTION_DISPOSITION WINAPI __C_specific_handler(EXCEPTION_RECORD *rec, PVOID frame,
                                                  CONTEXT *ctx, DISPATCHER_CONTEXT *d)
{
    const SCOPE_TABLE *table = d->HandlerData;
    DWORD64 rva = d->ControlPc - d->ImageBase;
    if (rec->ExceptionFlags & EXCEPTION_UNWIND) {
        DWORD64 target = d->TargetIp - d->ImageBase;
        for (ULONG i = d->ScopeIndex; i < table->Count; i++) {
            if (rva < table->ScopeRecord[i].BeginAddress ||
                rva >= table->ScopeRecord[i].EndAddress)
                continue;
            if ((rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) &&
                target >= table->ScopeRecord[i].BeginAddress &&
                target < table->ScopeRecord[i].EndAddress)
                break; /* the target lies inside this scope: it stays */
            if (table->ScopeRecord[i].JumpTarget) {
                if ((rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) &&
                    target == table->ScopeRecord[i].JumpTarget)
                    break; /* our own __except block is the target */
                continue;
            }
            d->ScopeIndex = i + 1;
            ((termination_handler)(d->ImageBase + table->ScopeRecord[i].HandlerAddress))(
                TRUE, frame);
        }
        return ExceptionContinueSearch;
    }
    for (ULONG i = d->ScopeIndex; i < table->Count; i++) {
        if (rva < table->ScopeRecord[i].BeginAddress ||
            rva >= table->ScopeRecord[i].EndAddress || !table->ScopeRecord[i].JumpTarget)
            continue;
        LONG filter;
        if (table->ScopeRecord[i].HandlerAddress == EXCEPTION_EXECUTE_HANDLER) {
            filter = EXCEPTION_EXECUTE_HANDLER;
        } else {
            EXCEPTION_POINTERS ptrs = {rec, ctx};
            filter = ((exception_filter)(d->ImageBase +
                                         table->ScopeRecord[i].HandlerAddress))(&ptrs, frame);
        }
        if (filter < 0)
            return ExceptionContinueExecution;
        if (filter > 0) {
            /* unwind from where the exception began, so inner frames'
             * __finally blocks run too */
            struct seh_frame **head = frames_head();
            const CONTEXT *start = head && *head && (*head)->origin ? (*head)->origin
                                                                    : d->ContextRecord;
            CONTEXT c;
            seh_unwind(frame, (PVOID)(d->ImageBase + table->ScopeRecord[i].JumpTarget), rec,
                       (PVOID)(ULONG_PTR)rec->ExceptionCode, &c, start, NULL);
        }
    }
    return ExceptionContinueSearch;
}

/* From RtlCaptureStackBackTrace's entry stub: return addresses from the
 * caller up, through .pdata like the unwinder, frame 0 being the caller. */
USHORT seh_capture_backtrace(ULONG skip, ULONG count, PVOID *out, ULONG *hash,
                             CONTEXT *caller)
{
    CONTEXT c = *caller;
    ULONG n = 0, sum = 0;
    for (ULONG i = 0; n < count && i < skip + count && c.Rip; i++) {
        if (i >= skip) {
            out[n++] = (PVOID)c.Rip;
            sum += (ULONG)c.Rip;
        }
        if (seh_in_native_code(c.Rip) || !stack_ok(c.Rsp))
            break;
        DWORD64 base, frame;
        PVOID data;
        RUNTIME_FUNCTION *fe = RtlLookupFunctionEntry(c.Rip, &base, NULL);
        if (fe) {
            RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, c.Rip, fe, &c, &data, &frame, NULL);
        } else {
            c.Rip = *(DWORD64 *)c.Rsp;
            c.Rsp += 8;
        }
        if (seh_in_native_code(c.Rip))
            break; /* decant's own frames end the program's stack */
    }
    if (hash)
        *hash = sum;
    return n;
}
