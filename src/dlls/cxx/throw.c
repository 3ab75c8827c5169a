/* Throwing and the per-thread exception state: _CxxThrowException, the
 * current exception (__current_exception, the registration of active
 * catch blocks), terminate/unexpected and their handlers. */
#include <string.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "cxx.h"
#include "entry.h"
#include "exception.h"
#include "loader.h"

__thread struct cxx_thread cxx_thread;

void CDECL msvcrt_abort(void) __attribute__((noreturn));

/* _CxxThrowException (msvcrt, vcruntime140): the entry stub hands over
 * the thrower's state; dispatch begins in the program's frame. */
CXX_CONTEXT_ENTRY(cxx__CxxThrowException, cxx_throw_impl)

static ULONG64 image_base_of(const void *p)
{
    struct module *m = ldr_find_by_address((void *)p);
    return m ? (ULONG64)m->base : 0;
}

/* The exception record lives in this frame, which stays on the stack
 * until a catch block's continuation abandons it: catch funclets run
 * below the dispatcher, as on Windows. */
__attribute__((noreturn)) void cxx_throw_impl(void *object, const cxx_throw_info *ti,
                                              ULONG64 unused3, ULONG64 unused4,
                                              ULONG64 unused5, CONTEXT *ctx)
{
    EXCEPTION_RECORD rec;
    memset(&rec, 0, sizeof rec);
    rec.ExceptionCode = CXX_EXCEPTION;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.ExceptionAddress = (PVOID)ctx->Rip;
    rec.NumberParameters = 4;
    rec.ExceptionInformation[0] = CXX_MAGIC_VC6;
    rec.ExceptionInformation[1] = (ULONG_PTR)object;
    rec.ExceptionInformation[2] = (ULONG_PTR)ti;
    /* RtlPcToFileHeader(ThrowInfo), as Microsoft's does; decant's own
     * ThrowInfos are relative to decant's image */
    if (ti)
        rec.ExceptionInformation[3] = image_base_of(ti);
    if (ti && !rec.ExceptionInformation[3])
        rec.ExceptionInformation[3] = CXX_NATIVE_BASE;
    TRACE("object %p type %p base %#llx from %p", object, ti,
          (unsigned long long)rec.ExceptionInformation[3], rec.ExceptionAddress);
    seh_dispatch(&rec, ctx);
}

void cxx_throw_from_native(void *object, const cxx_throw_info *ti, CONTEXT *ctx)
{
    /* the dispatch must not return into the caller's copy of ctx */
    CONTEXT c = *ctx;
    cxx_throw_impl(object, ti, 0, 0, 0, &c);
}

/* ---- terminate ----------------------------------------------------------- */

/* ?terminate@@YAXXZ (msvcrt), terminate (ucrtbase), __std_terminate
 * (vcruntime140): the thread's handler, then abort. A handler must not
 * return; if it does, abort anyway. */
void CDECL cxx_terminate(void)
{
    cxx_terminate_fn f = cxx_thread.terminate;
    TRACE("handler %p", f);
    if (f)
        f();
    msvcrt_abort();
}

/* ucrtbase's std::terminate, with its own (process-wide) handler */
void CDECL ucrt_terminate(void) __attribute__((weak, noreturn));

/* __std_terminate (vcruntime140): what the compiler's noexcept and
 * terminate blocks call; vcruntime forwards to the UCRT's terminate, whose
 * handler the program set with ucrtbase's set_terminate. */
void CDECL cxx___std_terminate(void)
{
    if (ucrt_terminate)
        ucrt_terminate();
    cxx_terminate();
}

/* ?set_terminate@@YAP6AXXZP6AXXZ@Z (msvcrt): per thread, as msvcrt keeps it. */
cxx_terminate_fn CDECL cxx_set_terminate(cxx_terminate_fn f)
{
    cxx_terminate_fn old = cxx_thread.terminate;
    cxx_thread.terminate = f;
    return old;
}

/* _get_terminate (msvcrt) */
cxx_terminate_fn CDECL cxx__get_terminate(void)
{
    return cxx_thread.terminate;
}

/* ?unexpected@@YAXXZ (msvcrt): the handler, else terminate. */
void CDECL cxx_unexpected(void)
{
    if (cxx_thread.unexpected)
        cxx_thread.unexpected();
    cxx_terminate();
}

/* ?set_unexpected@@YAP6AXXZP6AXXZ@Z (msvcrt) */
cxx_terminate_fn CDECL cxx_set_unexpected(cxx_terminate_fn f)
{
    cxx_terminate_fn old = cxx_thread.unexpected;
    cxx_thread.unexpected = f;
    return old;
}

/* _get_unexpected (msvcrt) */
cxx_terminate_fn CDECL cxx__get_unexpected(void)
{
    return cxx_thread.unexpected;
}

/* ?_set_se_translator@@YAP6AXIPEAU_EXCEPTION_POINTERS@@@ZP6AXI0@Z@Z (msvcrt),
 * _set_se_translator (vcruntime140). Stored; __CxxFrameHandler3 does not
 * call it yet (a FIXME says so once). */
cxx_translator_fn CDECL cxx__set_se_translator(cxx_translator_fn f)
{
    cxx_translator_fn old = cxx_thread.translator;
    cxx_thread.translator = f;
    return old;
}

/* ---- the current exception ------------------------------------------- */

/* __uncaught_exception (msvcrt, vcruntime140): a throw is being
 * dispatched or unwound and no catch block has taken it yet. */
BOOL CDECL cxx___uncaught_exception(void)
{
    return cxx_thread.processing_throw > 0;
}

/* __uncaught_exceptions (vcruntime140) */
int CDECL cxx___uncaught_exceptions(void)
{
    return cxx_thread.processing_throw > 0 ? cxx_thread.processing_throw : 0;
}

/* __current_exception / __current_exception_context / __processing_throw
 * (vcruntime140): the addresses of the per-thread variables, which
 * vcruntime's inline helpers read and write. */
void **CDECL cxx___current_exception(void)
{
    return (void **)&cxx_thread.rec;
}

void **CDECL cxx___current_exception_context(void)
{
    return (void **)&cxx_thread.ctx;
}

int *CDECL cxx___processing_throw(void)
{
    return &cxx_thread.processing_throw;
}

/* __CxxRegisterExceptionObject (msvcrt, vcruntime140): a catch block
 * begins. `fi` is the caller's storage (FRAMEINFO + the saved exception).
 * A rethrow record (no object, no type) stands for the current one. */
int CDECL cxx___CxxRegisterExceptionObject(EXCEPTION_POINTERS *ep, cxx_frame_info *fi)
{
    if (!ep || !ep->ExceptionRecord)
        return 0;
    EXCEPTION_RECORD *rec = ep->ExceptionRecord;
    CONTEXT *ctx = ep->ContextRecord;
    if (rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters >= 3 &&
        !rec->ExceptionInformation[1] && !rec->ExceptionInformation[2] && cxx_thread.rec) {
        rec = cxx_thread.rec;
        ctx = cxx_thread.ctx;
    }
    fi->object = rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters >= 2
                     ? (void *)rec->ExceptionInformation[1]
                     : NULL;
    fi->next = cxx_thread.frames;
    cxx_thread.frames = fi;
    fi->saved_rec = cxx_thread.rec;
    fi->saved_ctx = cxx_thread.ctx;
    cxx_thread.rec = rec;
    cxx_thread.ctx = ctx;
    return 1;
}

/* _IsExceptionObjectToBeDestroyed (vcruntime140): no active catch block
 * still refers to the object (a rethrow caught further in keeps it). */
BOOL CDECL cxx__IsExceptionObjectToBeDestroyed(const void *object)
{
    for (cxx_frame_info *f = cxx_thread.frames; f; f = f->next)
        if (f->object == object)
            return FALSE;
    return TRUE;
}

/* __DestructExceptionObject (msvcrt, vcruntime140): the ThrowInfo's
 * destructor on the object. */
void CDECL cxx___DestructExceptionObject(EXCEPTION_RECORD *rec)
{
    if (!rec || rec->ExceptionCode != CXX_EXCEPTION || rec->NumberParameters < 3)
        return;
    const cxx_throw_info *ti = (const cxx_throw_info *)rec->ExceptionInformation[2];
    void *object = (void *)rec->ExceptionInformation[1];
    if (!ti || !object || !ti->destructor)
        return;
    ULONG64 base = rec->NumberParameters >= 4 ? rec->ExceptionInformation[3] : 0;
    void(CDECL * dtor)(void *) = cxx_rva(ti->destructor, base);
    TRACE("destroying %p with %p", object, dtor);
    dtor(object);
}

/* __CxxUnregisterExceptionObject (msvcrt, vcruntime140): a catch block
 * ends; the object is destroyed unless it was rethrown (`in_use`) or an
 * outer catch still holds it. */
void CDECL cxx___CxxUnregisterExceptionObject(cxx_frame_info *fi, BOOL in_use)
{
    if (!fi || fi->next == (cxx_frame_info *)-1)
        return;
    /* unlink (normally the head) */
    for (cxx_frame_info **p = &cxx_thread.frames; *p; p = &(*p)->next)
        if (*p == fi) {
            *p = fi->next;
            break;
        }
    if (!in_use && fi->object && cxx__IsExceptionObjectToBeDestroyed(fi->object))
        cxx___DestructExceptionObject(cxx_thread.rec);
    cxx_thread.rec = fi->saved_rec;
    cxx_thread.ctx = fi->saved_ctx;
    fi->next = (cxx_frame_info *)-1; /* once */
}

/* __CxxDetectRethrow (msvcrt, vcruntime140): is this a `throw;`? Then
 * the record is replaced by the exception being rethrown. */
BOOL CDECL cxx___CxxDetectRethrow(EXCEPTION_POINTERS *ptrs)
{
    if (!ptrs)
        return FALSE;
    EXCEPTION_RECORD *rec = ptrs->ExceptionRecord;
    if (rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters == 4 &&
        rec->ExceptionInformation[0] == CXX_MAGIC_VC6 && rec->ExceptionInformation[2]) {
        ptrs->ExceptionRecord = cxx_thread.rec;
        return TRUE;
    }
    return cxx_thread.rec == rec;
}

/* __CxxQueryExceptionSize (msvcrt, vcruntime140): the storage a caller
 * gives __CxxRegisterExceptionObject. */
unsigned int CDECL cxx___CxxQueryExceptionSize(void)
{
    return sizeof(cxx_frame_info);
}

/* __CxxExceptionFilter (msvcrt, vcruntime140): the filter of a catch
 * written as __except: does the C++ exception match `ti`/`flags`? With
 * `copy`, the object (or a reference to it) is stored there. */
int CDECL cxx___CxxExceptionFilter(EXCEPTION_POINTERS *ptrs, const cxx_type_info *ti,
                                   int flags, void **copy)
{
    if (!ptrs)
        return EXCEPTION_CONTINUE_SEARCH;
    EXCEPTION_RECORD *rec = ptrs->ExceptionRecord;
    if (rec->ExceptionCode != CXX_EXCEPTION || rec->NumberParameters < 3)
        return EXCEPTION_CONTINUE_SEARCH;
    if (!rec->ExceptionInformation[1] && !rec->ExceptionInformation[2]) {
        if (!cxx_thread.rec)
            return EXCEPTION_CONTINUE_SEARCH;
        rec = cxx_thread.rec; /* a rethrow */
    }
    const cxx_throw_info *tinfo = (const cxx_throw_info *)rec->ExceptionInformation[2];
    ULONG64 base = rec->NumberParameters >= 4 ? rec->ExceptionInformation[3] : 0;
    if (!ti) /* catch(...) */
        return EXCEPTION_EXECUTE_HANDLER;
    const cxx_catchable_type *ct = cxx_find_caught_type(tinfo, base, ti, flags);
    if (!ct)
        return EXCEPTION_CONTINUE_SEARCH;
    if (copy)
        cxx_copy_exception((void *)rec->ExceptionInformation[1], copy, flags, ct, base);
    return EXCEPTION_EXECUTE_HANDLER;
}

int CDECL msvcrt__XcptFilter(ULONG code, void *pointers);

/* __CppXcptFilter (msvcrt): _XcptFilter for C++ exceptions only. */
int CDECL cxx___CppXcptFilter(NTSTATUS code, EXCEPTION_POINTERS *ptrs)
{
    if ((DWORD)code != CXX_EXCEPTION)
        return EXCEPTION_CONTINUE_SEARCH;
    return msvcrt__XcptFilter(code, ptrs);
}

/* __AdjustPointer (vcruntime140) */
void *CDECL cxx___AdjustPointer(void *object, const cxx_pmd *pmd)
{
    return cxx_adjust_pointer(object, pmd);
}
