/* The Microsoft x64 C++ exception ABI, shared by msvcrt.dll and
 * vcruntime140.dll (src/dlls/cxx is a runtime, not a DLL of its own).
 *
 * A `throw` calls _CxxThrowException(object, ThrowInfo), which raises the
 * SEH exception 0xE06D7363 ("msc") with four parameters: the magic
 * 0x19930520, the object, the ThrowInfo and the base of the image that
 * holds the ThrowInfo. On x64 every "pointer" inside the compiler's tables
 * is a 32-bit RVA: ThrowInfo's relative to that image base, FuncInfo's
 * relative to the image of the function (DISPATCHER_CONTEXT.ImageBase).
 * Layouts follow Microsoft's ehdata.h as documented by Wine, ReactOS and
 * LLVM's MSVC EH lowering; sizes are asserted below. */
#ifndef DECANT_CXX_H
#define DECANT_CXX_H

#include "windef.h"
#include "winexcept.h"

#define CXX_EXCEPTION 0xe06d7363
#define CXX_MAGIC_VC6 0x19930520 /* the throw magic, and FuncInfo v1 */
#define CXX_MAGIC_VC7 0x19930521 /* FuncInfo with pESTypeList */
#define CXX_MAGIC_VC8 0x19930522 /* FuncInfo with EHFlags */

/* ---- thrown types ------------------------------------------------------ */

/* std::type_info as the compiler lays it out (TypeDescriptor): vtable, a
 * cache for the undecorated name, then the decorated name ".?AVFoo@@". */
typedef struct {
    const void *vtable;
    char *name;
    char mangled[1];
} cxx_type_info;

/* Where a base class sits in the object (PMD): mdisp, and for a virtual
 * base the offset of the vbtable pointer (pdisp >= 0) and of the entry. */
typedef struct {
    int mdisp, pdisp, vdisp;
} cxx_pmd;

#define CT_SIMPLE_TYPE 0x01   /* scalar or pointer: memcpy'd */
#define CT_BYREF_ONLY 0x02    /* only a catch by reference may take it */
#define CT_VIRTUAL_BASE 0x04  /* copy ctor takes a third "most derived" arg */

typedef struct { /* CatchableType */
    UINT properties;
    UINT type; /* cxx_type_info */
    cxx_pmd this_disp;
    int size;
    UINT copy_ctor;
} cxx_catchable_type;

typedef struct {
    int count;
    UINT types[1]; /* cxx_catchable_type */
} cxx_catchable_type_array;

#define TI_CONST 0x01
#define TI_VOLATILE 0x02
#define TI_UNALIGNED 0x04

typedef struct { /* ThrowInfo */
    UINT attributes;
    UINT destructor;     /* the object's destructor, or 0 */
    UINT forward_compat; /* a custom handler; unused by MSVC */
    UINT catchable_types;
} cxx_throw_info;

_Static_assert(sizeof(cxx_catchable_type) == 0x1c, "CatchableType");
_Static_assert(sizeof(cxx_throw_info) == 0x10, "ThrowInfo");

/* ---- FuncInfo (__CxxFrameHandler3) ------------------------------------ */

typedef struct {
    int to_state; /* the state this action returns to */
    UINT action;  /* an unwind funclet (destructor), or 0 */
} cxx_unwind_entry;

#define HT_CONST 0x01
#define HT_VOLATILE 0x02
#define HT_UNALIGNED 0x04
#define HT_REFERENCE 0x08

typedef struct { /* HandlerType: one catch clause */
    UINT adjectives;
    UINT type;     /* cxx_type_info; 0 = catch(...) */
    int catch_obj; /* frame offset of the catch parameter, 0 = none */
    UINT handler;  /* the catch funclet */
    UINT frame;    /* funclet frame offset where the parent frame is saved */
} cxx_handler_type;

typedef struct {
    int try_low, try_high, catch_high;
    int ncatches;
    UINT handlers; /* cxx_handler_type[ncatches] */
} cxx_try_block;

typedef struct {
    UINT ip;
    int state;
} cxx_ip_state;

#define FI_EHS 0x01      /* /EHs: only C++ exceptions are caught */
#define FI_NOEXCEPT 0x04 /* a noexcept function: terminate if one escapes */

typedef struct {
    UINT magic; /* low 29 bits; the top 3 are BBT flags */
    int max_state;
    UINT unwind_map;
    UINT ntry_blocks;
    UINT try_block_map;
    UINT nip_map;
    UINT ip_map;
    int unwind_help; /* frame offset of two ints (see frame3.c) */
    UINT es_type_list;
    int eh_flags;
} cxx_func_info;

_Static_assert(sizeof(cxx_handler_type) == 0x14, "HandlerType");
_Static_assert(sizeof(cxx_try_block) == 0x14, "TryBlockMapEntry");
_Static_assert(sizeof(cxx_func_info) == 0x28, "FuncInfo");

static inline void *cxx_rva(UINT rva, ULONG64 base)
{
    return (void *)(base + rva);
}

/* ---- what the frame handlers share ---------------------------------------
 *
 * __CxxFrameHandler3 reads FuncInfo's arrays in place; __CxxFrameHandler4
 * decodes FuncInfo4's compressed tables (frame4.c). Both hand frame.c, which
 * does the work (unwinding, finding the catch, calling it), a cxx_eh_func:
 * the function's tables seen through a cxx_eh_format of accessors, and the
 * frame handler's state for this call. */

enum {
    CXX_UNWIND_NONE,     /* no action (a try block's state) */
    CXX_UNWIND_FUNCLET,  /* call the unwind funclet with the frame */
    CXX_UNWIND_DTOR_OBJ, /* call the destructor on frame + object (FH4) */
    CXX_UNWIND_DTOR_PTR, /* call the destructor on *(frame + object) (FH4) */
};

typedef struct { /* leaving a state: the action, then to_state */
    int to_state;
    int kind;    /* CXX_UNWIND_* */
    UINT action; /* RVA of the funclet or destructor */
    UINT object; /* frame offset (DTOR_OBJ, DTOR_PTR) */
} cxx_unwind_action;

typedef struct { /* a try block: states [low, high], its catches' (high, catch_high] */
    int low, high, catch_high;
    UINT ncatches;
    UINT catches; /* where the format's catch list starts (an RVA) */
} cxx_try_range;

typedef struct { /* one catch clause */
    UINT adjectives;         /* HT_* */
    UINT type;               /* RVA of the cxx_type_info; 0 = catch(...) */
    int catch_obj;           /* frame offset of the catch parameter, 0 = none */
    UINT handler;            /* RVA of the catch funclet */
    ULONG64 continuation[2]; /* FH4: addresses the funclet's result selects, or 0 */
} cxx_catch_clause;

struct cxx_eh_func;
struct cxx_eh_format {
    int (*state_at)(const struct cxx_eh_func *f, ULONG64 pc);
    /* The state the search, or the unwind, of this frame starts from. */
    int (*search_state)(struct cxx_eh_func *f);
    int (*unwind_state)(struct cxx_eh_func *f);
    /* Unwinding reached `state` (called before each action runs, so a
     * collided unwind does not run it again). */
    void (*set_unwind_state)(struct cxx_eh_func *f, int state);
    BOOL (*try_block)(const struct cxx_eh_func *f, UINT i, cxx_try_range *out);
    BOOL (*catch_clause)(const struct cxx_eh_func *f, const cxx_try_range *tb, UINT j,
                         cxx_catch_clause *out);
    BOOL (*unwind_entry)(const struct cxx_eh_func *f, int state, cxx_unwind_action *out);
};

struct cxx_eh_func {
    const struct cxx_eh_format *fmt;
    const void *descr;     /* FuncInfo, or FuncInfo4's first byte */
    DISPATCHER_CONTEXT *d;
    ULONG64 frame;         /* the frame the tables' offsets are relative to: for
                            * a catch funclet, its parent's */
    BOOL in_funclet;       /* d is a catch funclet's frame */
    BOOL ehs, noexcept;    /* /EHs (C++ exceptions only); noexcept function */
    int nstates;           /* states run from -1 to nstates - 1 */
    UINT ntry;
    int unwind_floor;      /* leaving the frame unwinds down to this state */
    /* FH3 catch funclet: only try blocks inside its catch, (low, high] */
    int nested_low, nested_high;
    int *unwind_help;      /* FH3: the frame's two ints (frame3.c) */
    /* format-private */
    UINT map_unwind, map_try, map_ip; /* FH4: RVAs past the counts */
    UINT nip;                         /* FH4: ip map entries */
    ULONG64 func_start;               /* FH4: the function (or segment) start */
    int parent_state;                 /* FH4: the state the catch left, or -2 */
};

/* The frame handler proper (frame.c), for either format. */
EXCEPTION_DISPOSITION cxx_frame_handler(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                        struct cxx_eh_func *f);

/* ---- per-thread state --------------------------------------------------- */

/* vcruntime's FRAMEINFO followed by the saved current exception: the
 * storage __CxxRegisterExceptionObject fills in (programs pass a buffer
 * of this size), one per active catch block. */
typedef struct cxx_frame_info {
    void *object;
    struct cxx_frame_info *next;
    EXCEPTION_RECORD *saved_rec;
    CONTEXT *saved_ctx;
} cxx_frame_info;

typedef void(CDECL *cxx_terminate_fn)(void);
typedef void(CDECL *cxx_translator_fn)(unsigned, EXCEPTION_POINTERS *);

struct cxx_thread {
    EXCEPTION_RECORD *rec; /* the exception being handled (__current_exception) */
    CONTEXT *ctx;          /* its context (__current_exception_context) */
    int processing_throw;  /* searches/unwinds in progress (__processing_throw) */
    cxx_frame_info *frames;  /* active catch blocks, innermost first */
    cxx_terminate_fn terminate, unexpected;
    cxx_translator_fn translator;
    /* FH4: the state in which the parent of a catch funclet that an
     * exception is leaving is to be searched or unwound (catch.c sets it,
     * the parent's __CxxFrameHandler4 takes it once) */
    int fh4_parent_state;
    BOOL fh4_parent_state_set;
};

extern __thread struct cxx_thread cxx_thread;

/* ---- shared helpers ---------------------------------------------------- */

__attribute__((noreturn)) void CDECL cxx_terminate(void);
int CDECL cxx___CxxRegisterExceptionObject(EXCEPTION_POINTERS *ep, cxx_frame_info *fi);
void CDECL cxx___CxxUnregisterExceptionObject(cxx_frame_info *fi, BOOL in_use);
void CDECL cxx___DestructExceptionObject(EXCEPTION_RECORD *rec);

/* The object's address as the base class `pmd` describes. */
void *cxx_adjust_pointer(void *object, const cxx_pmd *pmd);

/* The catchable type of `ti` (thrown from the image at `exc_base`) that a
 * catch of `catch_ti` with HandlerType adjectives `adj` takes, or NULL.
 * catch_ti NULL is catch(...). */
const cxx_catchable_type *cxx_find_caught_type(const cxx_throw_info *ti, ULONG64 exc_base,
                                               const cxx_type_info *catch_ti, UINT adj);

/* Copies (or references) the exception object into the catch parameter
 * at `dest`, with the copy constructor when the type has one. */
void cxx_copy_exception(void *object, void *dest, UINT adj, const cxx_catchable_type *ct,
                        ULONG64 exc_base);

/* Runs a catch funclet: unwinds to `target_frame` (RtlUnwindEx with
 * STATUS_UNWIND_CONSOLIDATE) and calls `funclet(frame)` from the consolidate
 * callback; execution continues where the funclet says. `local_unwind_to`
 * is the state the target frame unwinds to (the try block's low state);
 * `descr` and the flag say which handler's data the record carries, so a
 * handler recognises its own consolidate unwind. Does not return. */
struct cxx_catch_params {
    ULONG64 frame;            /* the parent frame the funclet works on */
    const void *descr;        /* FuncInfo (v3 or v4) */
    int unwind_to;            /* target frame's local unwind level */
    int is_v4;
    int catch_high;           /* FH4: the parent's state once an exception leaves */
    EXCEPTION_RECORD *rec;    /* the exception caught */
    CONTEXT *ctx;             /* its context */
    void *funclet;
    int *unwind_help;         /* reset after the catch (FH3), or NULL */
    ULONG64 continuation[2];  /* FH4: continuation addresses, or 0 */
};
__attribute__((noreturn)) void cxx_call_catch(ULONG64 target_frame, ULONG64 target_ip,
                                              const struct cxx_catch_params *p);
/* The consolidate record carries our parameters: returns them, or NULL. */
const struct cxx_catch_params *cxx_catch_params_of(const EXCEPTION_RECORD *rec);

/* Calls an unwind funclet (a destructor block) for the frame. */
void cxx_call_unwind_funclet(ULONG64 funclet, ULONG64 frame);

/* The image base decant's own ThrowInfo/RTTI RVAs are relative to. */
extern char __executable_start[];
#define CXX_NATIVE_BASE ((ULONG64)__executable_start)
static inline UINT cxx_native_rva(const void *p)
{
    return (UINT)((ULONG64)p - CXX_NATIVE_BASE);
}

/* Throws a C++ exception from decant's own code (std::bad_cast...): the
 * dispatch starts at the program frame that called the export, `ctx`. */
__attribute__((noreturn)) void cxx_throw_from_native(void *object, const cxx_throw_info *ti,
                                                     CONTEXT *ctx);

#endif
