/* The C++ frame handler proper, shared by __CxxFrameHandler3 (frame3.c)
 * and __CxxFrameHandler4 (frame4.c): the two lay their tables out
 * differently and remember a frame's state differently between calls, and
 * hand this file a cxx_eh_func that hides both.
 *
 * A function's code is divided into states by its ip-to-state map; each
 * state's unwind-map entry names the destructor to run when leaving it and
 * the state it leads back to. Try blocks cover a range of states
 * [low, high]; their catch funclets have the states up to catch_high.
 *
 * Unwinding a frame runs the actions from its current state down to where
 * the unwind stops: the try block of the catch being entered, or the whole
 * frame. Searching looks through the try blocks around the current state
 * for a catch that takes the exception, then cxx_call_catch (catch.c)
 * unwinds to this frame and runs the catch funclet. */
#define DEBUG_CHANNEL seh
#include "debug.h"
#include "cxx.h"
#include "exception.h"

static void call_unwind_action(const struct cxx_eh_func *f, const cxx_unwind_action *a)
{
    ULONG64 base = f->d->ImageBase;
    void *object;
    switch (a->kind) {
    case CXX_UNWIND_FUNCLET:
        cxx_call_unwind_funclet(base + a->action, f->frame);
        break;
    case CXX_UNWIND_DTOR_OBJ:
    case CXX_UNWIND_DTOR_PTR:
        /* FH4 names the destructor and the object instead of a funclet */
        object = (void *)(f->frame + a->object);
        if (a->kind == CXX_UNWIND_DTOR_PTR)
            object = *(void **)object;
        TRACE("destructor %p on %p", cxx_rva(a->action, base), object);
        ((void(CDECL *)(void *, ULONG64))cxx_rva(a->action, base))(object, f->frame);
        break;
    }
}

static void bad_state(const struct cxx_eh_func *f, int state)
{
    fprintf(stderr, "decant: C++ unwind: bad state %d (max %d)\n", state, f->nstates);
    cxx_terminate();
}

/* Leaves the states above `last`, from `state` down. */
static void local_unwind(struct cxx_eh_func *f, int state, int last)
{
    TRACE("frame %#llx state %d down to %d", (unsigned long long)f->frame, state, last);
    for (int steps = 0; state > last; steps++) {
        cxx_unwind_action a;
        if (state >= f->nstates || steps > f->nstates || !f->fmt->unwind_entry(f, state, &a))
            bad_state(f, state);
        /* record progress first: a destructor that throws must not run twice */
        f->fmt->set_unwind_state(f, a.to_state);
        call_unwind_action(f, &a);
        state = a.to_state;
    }
    f->fmt->set_unwind_state(f, state);
}

/* Search phase: the try blocks of this frame that cover the state, and
 * in them the first catch that takes the exception. `exc_type` NULL is
 * a non-C++ exception, which only catch(...) takes (/EHa). */
static void find_catch_block(struct cxx_eh_func *f, EXCEPTION_RECORD *rec, CONTEXT *ctx,
                             ULONG64 frame, const cxx_throw_info *exc_type)
{
    DISPATCHER_CONTEXT *d = f->d;
    ULONG64 exc_base = rec->NumberParameters >= 4 ? rec->ExceptionInformation[3] : 0;

    cxx_thread.processing_throw++;
    int state = f->fmt->search_state(f);
    TRACE("frame %#llx state %d", (unsigned long long)frame, state);

    for (UINT i = 0; i < f->ntry; i++) {
        cxx_try_range tb;
        if (!f->fmt->try_block(f, i, &tb))
            break;
        if (state < tb.low || state > tb.high)
            continue;
        if (tb.low <= f->nested_low || tb.high > f->nested_high)
            continue;
        for (UINT j = 0; j < tb.ncatches; j++) {
            cxx_catch_clause c;
            if (!f->fmt->catch_clause(f, &tb, j, &c))
                break;
            const cxx_type_info *catch_ti = c.type ? cxx_rva(c.type, d->ImageBase) : NULL;
            if (exc_type) {
                const cxx_catchable_type *ct =
                    cxx_find_caught_type(exc_type, exc_base, catch_ti, c.adjectives);
                if (!ct)
                    continue;
                TRACE("try block %u catch %u takes it", i, j);
                if (catch_ti && catch_ti->mangled[0] && c.catch_obj)
                    cxx_copy_exception((void *)rec->ExceptionInformation[1],
                                       (void *)(f->frame + c.catch_obj), c.adjectives, ct,
                                       exc_base);
            } else if (catch_ti && catch_ti->mangled[0]) {
                continue;
            }
            struct cxx_catch_params p = {0};
            p.frame = f->frame;
            p.descr = f->descr;
            p.unwind_to = tb.low;
            p.is_v4 = !f->unwind_help;
            p.catch_high = tb.catch_high;
            p.rec = rec;
            p.ctx = ctx;
            p.funclet = cxx_rva(c.handler, d->ImageBase);
            p.unwind_help = f->unwind_help;
            p.continuation[0] = c.continuation[0];
            p.continuation[1] = c.continuation[1];
            cxx_call_catch(frame, d->ControlPc, &p);
        }
    }
    cxx_thread.processing_throw--;
}

EXCEPTION_DISPOSITION cxx_frame_handler(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                        struct cxx_eh_func *f)
{
    const struct cxx_catch_params *ours = cxx_catch_params_of(rec);
    /* /EHs code destroys objects only for C++ exceptions and longjmp */
    if (f->ehs && rec->ExceptionCode != CXX_EXCEPTION && !ours &&
        rec->ExceptionCode != (DWORD)STATUS_LONGJUMP)
        return ExceptionContinueSearch;

    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) {
        int state = f->fmt->unwind_state(f);
        int last = f->unwind_floor;
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) {
            /* the frame lives on: a catch in it leaves its try block's
             * states, a longjmp those above its setjmp */
            if (ours)
                last = ours->unwind_to;
            else if (rec->ExceptionCode == (DWORD)STATUS_LONGJUMP)
                last = f->fmt->state_at(f, f->d->TargetIp);
            else
                last = f->fmt->state_at(f, f->d->ControlPc);
        }
        local_unwind(f, state, last);
        return ExceptionContinueSearch;
    }

    if (f->ntry) {
        if (rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters >= 3 &&
            !rec->ExceptionInformation[1] && !rec->ExceptionInformation[2]) {
            /* `throw;`: the exception being handled, thrown again */
            if (!cxx_thread.rec) {
                fprintf(stderr, "decant: C++ rethrow with no current exception\n");
                cxx_terminate();
            }
            TRACE("rethrow");
            *rec = *cxx_thread.rec;
        }
        const cxx_throw_info *exc_type = NULL;
        if (rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters >= 3 &&
            rec->ExceptionInformation[0] >= CXX_MAGIC_VC6 &&
            rec->ExceptionInformation[0] <= CXX_MAGIC_VC8)
            exc_type = (const cxx_throw_info *)rec->ExceptionInformation[2];
        else if (cxx_thread.translator)
            FIXME("_set_se_translator handlers are not called");
        find_catch_block(f, rec, ctx, frame, exc_type);
    }
    /* nothing here took it: it may not leave a noexcept function */
    if (!f->in_funclet && rec->ExceptionCode == CXX_EXCEPTION && f->noexcept) {
        fprintf(stderr, "decant: C++ exception leaves a noexcept function\n");
        cxx_terminate();
    }
    return ExceptionContinueSearch;
}
