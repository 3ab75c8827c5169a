/* __CxxFrameHandler3: the language handler of MSVC C++ functions with
 * try blocks or objects to destroy (FuncInfo magic 0x19930520-22). Its
 * tables are plain arrays, read in place; frame.c does the work.
 *
 * Catch funclets are separate functions with their own .pdata but the
 * same handler and FuncInfo as their parent, whose states they share.
 *
 * The function keeps two ints at `unwind_help` in its frame (initialised to
 * -2 by its prolog): [0] the state local unwinding has reached, [1] the
 * highest state a search has seen. When an exception leaves a catch
 * funclet, the parent is reached again at the ip inside the try block;
 * [1], raised to the funclet's state by the funclet's own handler, keeps
 * that try block (whose catch is running) from matching a second time. */
#include <limits.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "cxx.h"

static const cxx_func_info *func_info(const struct cxx_eh_func *f)
{
    return f->descr;
}

static int fh3_state_at(const struct cxx_eh_func *f, ULONG64 pc)
{
    const cxx_func_info *fi = func_info(f);
    ULONG64 base = f->d->ImageBase;
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

static int fh3_search_state(struct cxx_eh_func *f)
{
    int state = fh3_state_at(f, f->d->ControlPc);
    if (state > f->unwind_help[1])
        f->unwind_help[0] = f->unwind_help[1] = state;
    else
        state = f->unwind_help[1];
    return state;
}

static int fh3_unwind_state(struct cxx_eh_func *f)
{
    return f->unwind_help[0] == -2 ? fh3_state_at(f, f->d->ControlPc) : f->unwind_help[0];
}

static void fh3_set_unwind_state(struct cxx_eh_func *f, int state)
{
    f->unwind_help[0] = state;
}

static const cxx_try_block *try_block(const cxx_func_info *fi, ULONG64 base, UINT i)
{
    return (const cxx_try_block *)cxx_rva(fi->try_block_map, base) + i;
}

static BOOL fh3_try_block(const struct cxx_eh_func *f, UINT i, cxx_try_range *out)
{
    const cxx_try_block *tb = try_block(func_info(f), f->d->ImageBase, i);
    out->low = tb->try_low;
    out->high = tb->try_high;
    out->catch_high = tb->catch_high;
    out->ncatches = tb->ncatches > 0 ? tb->ncatches : 0;
    out->catches = tb->handlers;
    return TRUE;
}

static BOOL fh3_catch_clause(const struct cxx_eh_func *f, const cxx_try_range *tb, UINT j,
                             cxx_catch_clause *out)
{
    const cxx_handler_type *h = (const cxx_handler_type *)cxx_rva(tb->catches, f->d->ImageBase) + j;
    out->adjectives = h->adjectives;
    out->type = h->type;
    out->catch_obj = h->catch_obj;
    out->handler = h->handler;
    out->continuation[0] = out->continuation[1] = 0; /* the funclet returns it */
    return TRUE;
}

static BOOL fh3_unwind_entry(const struct cxx_eh_func *f, int state, cxx_unwind_action *out)
{
    const cxx_unwind_entry *e = (const cxx_unwind_entry *)cxx_rva(func_info(f)->unwind_map,
                                                                  f->d->ImageBase) + state;
    out->to_state = e->to_state;
    out->kind = e->action ? CXX_UNWIND_FUNCLET : CXX_UNWIND_NONE;
    out->action = e->action;
    out->object = 0;
    return TRUE;
}

static const struct cxx_eh_format fh3_format = {
    fh3_state_at, fh3_search_state, fh3_unwind_state, fh3_set_unwind_state,
    fh3_try_block, fh3_catch_clause, fh3_unwind_entry,
};

/* __CxxFrameHandler3 (msvcrt, vcruntime140), also exported as
 * __CxxFrameHandler and __CxxFrameHandler2: the same on x64. HandlerData
 * is the RVA of the FuncInfo. */
EXCEPTION_DISPOSITION CDECL cxx___CxxFrameHandler3(EXCEPTION_RECORD *rec, ULONG64 frame,
                                                   CONTEXT *ctx, DISPATCHER_CONTEXT *d)
{
    TRACE("code %#x flags %#x frame %#llx pc %#llx", rec->ExceptionCode, rec->ExceptionFlags,
          (unsigned long long)frame, (unsigned long long)d->ControlPc);
    const cxx_func_info *fi = cxx_rva(*(const UINT *)d->HandlerData, d->ImageBase);
    UINT magic = fi->magic & 0x1fffffff;
    if (magic < CXX_MAGIC_VC6 || magic > CXX_MAGIC_VC8) {
        FIXME("unknown FuncInfo magic %#x", fi->magic);
        return ExceptionContinueSearch;
    }
    struct cxx_eh_func f = {0};
    f.fmt = &fh3_format;
    f.descr = fi;
    f.d = d;
    f.frame = frame;
    f.ehs = magic >= CXX_MAGIC_VC8 && (fi->eh_flags & FI_EHS);
    f.noexcept = magic >= CXX_MAGIC_VC8 && (fi->eh_flags & FI_NOEXCEPT);
    f.nstates = fi->max_state;
    f.ntry = fi->ntry_blocks;
    f.unwind_floor = -1;
    f.nested_low = INT_MIN;
    f.nested_high = INT_MAX;

    /* Inside one of this function's catch blocks? Then the search takes
     * only try blocks inside that catch, and if this is the catch funclet's
     * own frame, its catch clause's `frame` slot holds the parent's frame,
     * on which the tables work, and leaving it unwinds to the try block. */
    int state = fh3_state_at(&f, d->ControlPc);
    ULONG64 func = d->ImageBase + d->FunctionEntry->BeginAddress;
    for (UINT i = fi->ntry_blocks; i > 0; i--) {
        const cxx_try_block *tb = try_block(fi, d->ImageBase, i - 1);
        if (state <= tb->try_high || state > tb->catch_high)
            continue;
        if (f.nested_low == INT_MIN) {
            f.nested_low = tb->try_high;
            f.nested_high = tb->catch_high;
        }
        const cxx_handler_type *handlers = cxx_rva(tb->handlers, d->ImageBase);
        for (int j = 0; j < tb->ncatches; j++)
            if (d->ImageBase + handlers[j].handler == func) {
                f.frame = *(ULONG64 *)(frame + handlers[j].frame);
                f.unwind_floor = tb->try_high;
                f.in_funclet = TRUE;
                TRACE("catch funclet frame %#llx of %#llx", (unsigned long long)frame,
                      (unsigned long long)f.frame);
            }
    }
    f.unwind_help = (int *)(f.frame + fi->unwind_help);
    return cxx_frame_handler(rec, frame, ctx, &f);
}
