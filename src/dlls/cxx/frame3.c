/* __CxxFrameHandler3: the language handler of MSVC C++ functions with
 * try blocks or objects to destroy (FuncInfo magic 0x19930520-22).
 *
 * A function's code is divided into states by its ip-to-state map; each
 * state's unwind-map entry names the destructor block to run when leaving
 * it and the state it leads back to. Try blocks cover a range of states
 * [try_low, try_high]; their catch funclets have the states up to
 * catch_high. Catch funclets are separate functions with their own .pdata
 * but the same handler and FuncInfo as their parent.
 *
 * The function keeps two ints at `unwind_help` in its frame (initialised to
 * -2 by its prolog): [0] the state local unwinding has reached, [1] the
 * highest state a search has seen. When an exception leaves a catch
 * funclet, the parent is reached again at the ip inside the try block;
 * [1], raised to the funclet's state by the funclet's own handler, keeps
 * that try block (whose catch is running) from matching a second time. */
#define DEBUG_CHANNEL seh
#include "debug.h"
#include "cxx.h"
#include "exception.h"

static int ip_to_state(const cxx_func_info *fi, ULONG64 base, ULONG64 pc)
{
    const cxx_ip_state *map = cxx_rva(fi->ip_map, base);
    UINT ip = (UINT)(pc - base);
    int state = -1;
    UINT lo = 0, hi = fi->nip_map;
    /* the last entry at or before ip */
    while (lo < hi) {
        UINT mid = lo + (hi - lo) / 2;
        if (map[mid].ip <= ip) {
            state = map[mid].state;
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return state;
}

static const cxx_try_block *try_block(const cxx_func_info *fi, ULONG64 base, UINT i)
{
    return (const cxx_try_block *)cxx_rva(fi->try_block_map, base) + i;
}

static void local_unwind(ULONG64 frame, DISPATCHER_CONTEXT *d, const cxx_func_info *fi,
                         int last_level)
{
    const cxx_unwind_entry *map = cxx_rva(fi->unwind_map, d->ImageBase);
    int *unwind_help = (int *)(frame + fi->unwind_help);
    int state = unwind_help[0] == -2 ? ip_to_state(fi, d->ImageBase, d->ControlPc)
                                     : unwind_help[0];
    TRACE("frame %#llx state %d down to %d", (unsigned long long)frame, state, last_level);
    while (state > last_level) {
        if (state >= fi->max_state) {
            fprintf(stderr, "decant: C++ unwind: bad state %d (max %d)\n", state,
                    fi->max_state);
            cxx_terminate();
        }
        /* record progress first: a destructor that throws must not run twice */
        unwind_help[0] = map[state].to_state;
        if (map[state].action)
            cxx_call_unwind_funclet(d->ImageBase + map[state].action, frame);
        state = map[state].to_state;
    }
    unwind_help[0] = state;
}

/* Search phase: the try blocks of this frame that cover the state, and
 * in them the first catch that takes the exception. `exc_type` NULL is
 * a non-C++ exception, which only catch(...) takes (/EHa). */
static void find_catch_block(EXCEPTION_RECORD *rec, CONTEXT *ctx, ULONG64 frame,
                             DISPATCHER_CONTEXT *d, const cxx_func_info *fi,
                             const cxx_throw_info *exc_type, ULONG64 orig_frame)
{
    ULONG64 exc_base = rec->NumberParameters >= 4 ? rec->ExceptionInformation[3] : 0;
    int state = ip_to_state(fi, d->ImageBase, d->ControlPc);
    const cxx_try_block *in_catch = NULL;

    cxx_thread.processing_throw++;
    /* inside one of this function's catch blocks? */
    for (UINT i = fi->ntry_blocks; i > 0; i--) {
        const cxx_try_block *tb = try_block(fi, d->ImageBase, i - 1);
        if (state > tb->try_high && state <= tb->catch_high) {
            in_catch = tb;
            break;
        }
    }
    int *unwind_help = (int *)(orig_frame + fi->unwind_help);
    if (state > unwind_help[1])
        unwind_help[0] = unwind_help[1] = state;
    else
        state = unwind_help[1];
    TRACE("frame %#llx state %d", (unsigned long long)frame, state);

    for (UINT i = 0; i < fi->ntry_blocks; i++) {
        const cxx_try_block *tb = try_block(fi, d->ImageBase, i);
        if (state < tb->try_low || state > tb->try_high)
            continue;
        /* from a catch funclet, only try blocks inside that catch */
        if (in_catch && (tb->try_low <= in_catch->try_high || tb->try_high > in_catch->catch_high))
            continue;
        const cxx_handler_type *handlers = cxx_rva(tb->handlers, d->ImageBase);
        for (int j = 0; j < tb->ncatches; j++) {
            const cxx_handler_type *h = &handlers[j];
            const cxx_type_info *catch_ti = h->type ? cxx_rva(h->type, d->ImageBase) : NULL;
            if (exc_type) {
                const cxx_catchable_type *ct =
                    cxx_find_caught_type(exc_type, exc_base, catch_ti, h->adjectives);
                if (!ct)
                    continue;
                TRACE("try block %u catch %d takes it", i, j);
                if (catch_ti && catch_ti->mangled[0] && h->catch_obj)
                    cxx_copy_exception((void *)rec->ExceptionInformation[1],
                                       (void *)(orig_frame + h->catch_obj), h->adjectives, ct,
                                       exc_base);
            } else if (catch_ti && catch_ti->mangled[0]) {
                continue;
            }
            struct cxx_catch_params p = {0};
            p.frame = orig_frame;
            p.descr = fi;
            p.unwind_to = tb->try_low;
            p.rec = rec;
            p.ctx = ctx;
            p.funclet = cxx_rva(h->handler, d->ImageBase);
            p.unwind_help = unwind_help;
            cxx_call_catch(frame, d->ControlPc, &p);
        }
    }
    cxx_thread.processing_throw--;
}

static EXCEPTION_DISPOSITION frame_handler3(EXCEPTION_RECORD *rec, ULONG64 frame,
                                            CONTEXT *ctx, DISPATCHER_CONTEXT *d,
                                            const cxx_func_info *fi)
{
    UINT magic = fi->magic & 0x1fffffff;
    if (magic < CXX_MAGIC_VC6 || magic > CXX_MAGIC_VC8) {
        FIXME("unknown FuncInfo magic %#x", fi->magic);
        return ExceptionContinueSearch;
    }
    const struct cxx_catch_params *ours = cxx_catch_params_of(rec);
    /* /EHs code destroys objects only for C++ exceptions and longjmp */
    if (magic >= CXX_MAGIC_VC8 && (fi->eh_flags & FI_EHS) && rec->ExceptionCode != CXX_EXCEPTION &&
        !ours && rec->ExceptionCode != (DWORD)STATUS_LONGJUMP)
        return ExceptionContinueSearch;

    /* A catch funclet's frame: its catch clause's `frame` slot holds the
     * parent's frame, on which the tables work. */
    int state = ip_to_state(fi, d->ImageBase, d->ControlPc);
    ULONG64 orig_frame = frame;
    int unwind_level = -1;
    ULONG64 func = d->ImageBase + d->FunctionEntry->BeginAddress;
    for (UINT i = fi->ntry_blocks; i > 0; i--) {
        const cxx_try_block *tb = try_block(fi, d->ImageBase, i - 1);
        if (state <= tb->try_high || state > tb->catch_high)
            continue;
        const cxx_handler_type *handlers = cxx_rva(tb->handlers, d->ImageBase);
        for (int j = 0; j < tb->ncatches; j++)
            if (d->ImageBase + handlers[j].handler == func) {
                orig_frame = *(ULONG64 *)(frame + handlers[j].frame);
                unwind_level = tb->try_high;
                TRACE("catch funclet frame %#llx of %#llx", (unsigned long long)frame,
                      (unsigned long long)orig_frame);
            }
    }

    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) {
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
            local_unwind(orig_frame, d, fi, ours ? ours->unwind_to : state);
        else
            local_unwind(orig_frame, d, fi, unwind_level);
        return ExceptionContinueSearch;
    }

    if (fi->ntry_blocks) {
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
        find_catch_block(rec, ctx, frame, d, fi, exc_type, orig_frame);
    }
    /* nothing here took it: it may not leave a noexcept function */
    if (orig_frame == frame && rec->ExceptionCode == CXX_EXCEPTION && magic >= CXX_MAGIC_VC8 &&
        (fi->eh_flags & FI_NOEXCEPT)) {
        fprintf(stderr, "decant: C++ exception leaves a noexcept function\n");
        cxx_terminate();
    }
    return ExceptionContinueSearch;
}

/* __CxxFrameHandler3 (msvcrt, vcruntime140), also exported as
 * __CxxFrameHandler and __CxxFrameHandler2: the same on x64. HandlerData
 * is the RVA of the FuncInfo. */
EXCEPTION_DISPOSITION CDECL cxx___CxxFrameHandler3(EXCEPTION_RECORD *rec, ULONG64 frame,
                                                   CONTEXT *ctx, DISPATCHER_CONTEXT *d)
{
    TRACE("code %#x flags %#x frame %#llx pc %#llx", rec->ExceptionCode, rec->ExceptionFlags,
          (unsigned long long)frame, (unsigned long long)d->ControlPc);
    return frame_handler3(rec, frame, ctx, d,
                          cxx_rva(*(const UINT *)d->HandlerData, d->ImageBase));
}
