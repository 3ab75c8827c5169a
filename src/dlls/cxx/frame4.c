/* __CxxFrameHandler4 (vcruntime140_1): the language handler of functions
 * built by MSVC 2019 and later (/d2FH4, the default), whose EH tables are
 * compressed. The format follows Microsoft's ehdata4_export.h, published
 * with the VC++ runtime sources; frame.c does the work.
 *
 * HandlerData holds the RVA of a FuncInfo4: a header byte, then only the
 * fields the header announces:
 *   0x01 catch funclet: a compressed offset, last, of the funclet-frame slot
 *        holding the parent's frame
 *   0x02 separated code: the ip map RVA is a table of (segment start RVA,
 *        ip map RVA) pairs, one per piece of the function
 *   0x04 BBT flags (a compressed int, ignored)
 *   0x08 unwind map RVA    0x10 try block map RVA   (then always: ip map RVA)
 *   0x20 /EHs              0x40 noexcept            0x80 reserved, 0
 * Every map is a compressed count, then its entries:
 *   unwind:    (offset back to the next state's entry << 2 | kind), and for
 *              kinds 1-2 a destructor RVA and the object's frame offset
 *              (kind 2: of a pointer to it), for kind 3 a funclet RVA
 *   try block: low, high, catch high, RVA of the catch list
 *   catch:     a header byte (0x01 adjectives, 0x02 type RVA, 0x04 catch
 *              object offset, 0x08 continuations are RVAs, bits 4-5 the
 *              number of continuations), those fields, the funclet's RVA,
 *              the continuations (function-relative compressed ints unless
 *              0x08)
 *   ip:        function-relative ip deltas and state + 1, in pairs
 * A compressed int takes 1-5 bytes; the low bits of the first say how many
 * (xxx0: 1, xx01: 2, x011: 3, 0111: 4, 1111: 5, the value in the next 4).
 *
 * Unlike FH3, each catch funclet has tables of its own (its FuncInfo4 is
 * marked as a catch), so it never looks at its parent's try blocks. What a
 * frame's state is between calls is not kept in the frame either: when an
 * exception leaves a catch funclet, the runtime passes the parent's state
 * on to the parent's handler (cxx_thread.fh4_parent_state, set by
 * catch.c), and a collided unwind resumes at DISPATCHER_CONTEXT's
 * ScopeIndex. */
#include <limits.h>
#include <string.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "cxx.h"

#define FI4_CATCH 0x01
#define FI4_SEPARATED 0x02
#define FI4_BBT 0x04
#define FI4_UNWIND_MAP 0x08
#define FI4_TRY_MAP 0x10
#define FI4_EHS 0x20
#define FI4_NOEXCEPT 0x40
#define FI4_RESERVED 0x80

#define HT4_ADJECTIVES 0x01
#define HT4_TYPE 0x02
#define HT4_CATCH_OBJ 0x04
#define HT4_CONT_RVA 0x08
#define HT4_CONT_SHIFT 4

#define SCOPE_SHIFT 2 /* ScopeIndex = state + 2, so 0 means unset */

static UINT read_uint(const BYTE **pp)
{
    const BYTE *p = *pp;
    UINT v;
    if (!(p[0] & 1)) {
        v = p[0] >> 1;
        *pp = p + 1;
    } else if (!(p[0] & 2)) {
        v = (p[0] >> 2) | (p[1] << 6);
        *pp = p + 2;
    } else if (!(p[0] & 4)) {
        v = (p[0] >> 3) | (p[1] << 5) | (p[2] << 13);
        *pp = p + 3;
    } else if (!(p[0] & 8)) {
        v = (p[0] >> 4) | (p[1] << 4) | (p[2] << 12) | ((UINT)p[3] << 20);
        *pp = p + 4;
    } else {
        memcpy(&v, p + 1, 4);
        *pp = p + 5;
    }
    return v;
}

static UINT read_rva(const BYTE **pp)
{
    UINT v;
    memcpy(&v, *pp, 4);
    *pp += 4;
    return v;
}

static const BYTE *at(const struct cxx_eh_func *f, UINT rva)
{
    return cxx_rva(rva, f->d->ImageBase);
}

/* A map's count, and the RVA of its first entry; RVA 0 is an empty map. */
static UINT map_count(const struct cxx_eh_func *f, UINT rva, UINT *entries)
{
    *entries = 0;
    if (!rva)
        return 0;
    const BYTE *p = at(f, rva);
    UINT n = read_uint(&p);
    *entries = rva + (UINT)(p - at(f, rva));
    return n;
}

static int fh4_state_at(const struct cxx_eh_func *f, ULONG64 pc)
{
    const BYTE *p = at(f, f->map_ip);
    ULONG64 ip = f->func_start;
    int state = -1;
    if (!f->map_ip)
        return -1;
    for (UINT i = 0; i < f->nip; i++) {
        ip += read_uint(&p);
        if (pc < ip)
            break;
        state = (int)read_uint(&p) - 1;
    }
    return state;
}

/* Where the state comes from: a collided unwind's progress, the state a
 * catch funclet left the parent in, or the ip. */
static int fh4_search_state(struct cxx_eh_func *f)
{
    return f->parent_state != -2 ? f->parent_state : fh4_state_at(f, f->d->ControlPc);
}

static int fh4_unwind_state(struct cxx_eh_func *f)
{
    if (f->d->ScopeIndex)
        return (int)f->d->ScopeIndex - SCOPE_SHIFT;
    return fh4_search_state(f);
}

static void fh4_set_unwind_state(struct cxx_eh_func *f, int state)
{
    f->d->ScopeIndex = state + SCOPE_SHIFT;
}

static BOOL fh4_try_block(const struct cxx_eh_func *f, UINT i, cxx_try_range *out)
{
    const BYTE *p = at(f, f->map_try);
    UINT catches = 0;
    for (UINT k = 0; k <= i; k++) {
        out->low = read_uint(&p);
        out->high = read_uint(&p);
        out->catch_high = read_uint(&p);
        catches = read_rva(&p);
    }
    out->ncatches = map_count(f, catches, &out->catches);
    return TRUE;
}

static BOOL fh4_catch_clause(const struct cxx_eh_func *f, const cxx_try_range *tb, UINT j,
                             cxx_catch_clause *out)
{
    const BYTE *p = at(f, tb->catches);
    for (UINT k = 0; k <= j; k++) {
        BYTE h = *p++;
        UINT ncont = (h >> HT4_CONT_SHIFT) & 3;
        if (ncont == 3) {
            FIXME("catch clause header %#x", h);
            return FALSE;
        }
        out->adjectives = h & HT4_ADJECTIVES ? read_uint(&p) : 0;
        out->type = h & HT4_TYPE ? read_rva(&p) : 0;
        out->catch_obj = h & HT4_CATCH_OBJ ? (int)read_uint(&p) : 0;
        out->handler = read_rva(&p);
        out->continuation[0] = out->continuation[1] = 0;
        for (UINT c = 0; c < ncont; c++)
            out->continuation[c] = h & HT4_CONT_RVA ? f->d->ImageBase + read_rva(&p)
                                                    : f->func_start + read_uint(&p);
    }
    return TRUE;
}

/* One unwind-map entry; `next` receives where the entry of the state it
 * leads to starts. */
static void read_unwind(const BYTE **pp, cxx_unwind_action *out, const BYTE **next)
{
    const BYTE *start = *pp;
    UINT v = read_uint(pp);
    *next = start - (v >> 2);
    out->kind = CXX_UNWIND_NONE;
    out->action = out->object = 0;
    switch (v & 3) {
    case 1:
        out->kind = CXX_UNWIND_DTOR_OBJ;
        out->action = read_rva(pp);
        out->object = read_uint(pp);
        break;
    case 2:
        out->kind = CXX_UNWIND_DTOR_PTR;
        out->action = read_rva(pp);
        out->object = read_uint(pp);
        break;
    case 3:
        out->kind = CXX_UNWIND_FUNCLET;
        out->action = read_rva(pp);
        break;
    }
}

/* States are entry indices; an entry names the next state by where its
 * entry starts, before the map for state -1. */
static BOOL fh4_unwind_entry(const struct cxx_eh_func *f, int state, cxx_unwind_action *out)
{
    const BYTE *first = at(f, f->map_unwind), *p = first, *next = NULL;
    cxx_unwind_action skip;
    const BYTE *unused;
    for (int k = 0; k < state; k++)
        read_unwind(&p, &skip, &unused);
    read_unwind(&p, out, &next);
    out->to_state = -1;
    p = first;
    for (int k = 0; k < state && p <= next; k++) {
        out->to_state = k;
        read_unwind(&p, &skip, &unused);
    }
    return TRUE;
}

static const struct cxx_eh_format fh4_format = {
    fh4_state_at, fh4_search_state, fh4_unwind_state, fh4_set_unwind_state,
    fh4_try_block, fh4_catch_clause, fh4_unwind_entry,
};

/* __CxxFrameHandler4 (vcruntime140_1) */
EXCEPTION_DISPOSITION CDECL cxx___CxxFrameHandler4(EXCEPTION_RECORD *rec, ULONG64 frame,
                                                   CONTEXT *ctx, DISPATCHER_CONTEXT *d)
{
    TRACE("code %#x flags %#x frame %#llx pc %#llx", rec->ExceptionCode, rec->ExceptionFlags,
          (unsigned long long)frame, (unsigned long long)d->ControlPc);
    struct cxx_eh_func f = {0};
    f.fmt = &fh4_format;
    f.d = d;
    f.frame = frame;
    f.unwind_floor = -1;
    f.nested_low = INT_MIN;
    f.nested_high = INT_MAX;
    f.func_start = d->ImageBase + d->FunctionEntry->BeginAddress;
    /* the state a catch funclet left this frame in is for the first
     * handler call after it, this one */
    f.parent_state = -2;
    if (cxx_thread.fh4_parent_state_set) {
        f.parent_state = cxx_thread.fh4_parent_state;
        cxx_thread.fh4_parent_state_set = FALSE;
    }

    const BYTE *p = cxx_rva(*(const UINT *)d->HandlerData, d->ImageBase);
    f.descr = p;
    BYTE h = *p++;
    if (h & FI4_RESERVED) {
        FIXME("unknown FuncInfo4 header %#x", h);
        return ExceptionContinueSearch;
    }
    if (h & FI4_BBT)
        read_uint(&p);
    if (h & FI4_UNWIND_MAP)
        f.nstates = map_count(&f, read_rva(&p), &f.map_unwind);
    if (h & FI4_TRY_MAP)
        f.ntry = map_count(&f, read_rva(&p), &f.map_try);
    UINT ip_map = read_rva(&p);
    if ((h & FI4_SEPARATED) && ip_map) {
        /* the map of the piece of the function this frame is in */
        const BYTE *s = at(&f, ip_map);
        UINT n = read_uint(&s);
        ip_map = 0;
        for (UINT i = 0; i < n; i++) {
            UINT start = read_rva(&s), map = read_rva(&s);
            if (start == d->FunctionEntry->BeginAddress) {
                ip_map = map;
                break;
            }
        }
    }
    f.nip = map_count(&f, ip_map, &f.map_ip);
    if (h & FI4_CATCH) {
        UINT disp = read_uint(&p);
        f.frame = *(ULONG64 *)(frame + disp);
        f.in_funclet = TRUE;
        TRACE("catch funclet frame %#llx of %#llx", (unsigned long long)frame,
              (unsigned long long)f.frame);
    }
    f.ehs = !!(h & FI4_EHS);
    f.noexcept = !!(h & FI4_NOEXCEPT);
    return cxx_frame_handler(rec, frame, ctx, &f);
}
