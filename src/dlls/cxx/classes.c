/* The standard exception classes of the C++ runtime: msvcrt.dll exports
 * `exception`, `bad_cast`, `bad_typeid` and `__non_rtti_object` (global
 * namespace, the pre-2015 library) with their members and vtables; both
 * msvcrt and vcruntime140 throw bad_cast/bad_typeid from dynamic_cast and
 * typeid, so their RTTI and ThrowInfo records exist here too, relative to
 * decant's own image base (CXX_NATIVE_BASE). All four share one layout,
 * msvcrt's and vcruntime's std::exception alike: vtable, message, and a
 * flag saying the message was allocated. */
#include <pthread.h>
#include <string.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "cxx.h"
#include "cxx_classes.h"
#include "../msvcrt/msvcrt.h"

typedef struct {
    const void *const *vtable;
    const char *name;
    int do_free;
} cxx_exception;

enum { C_EXCEPTION, C_BAD_CAST, C_BAD_TYPEID, C_NON_RTTI, NCLASSES };

static const int parent_of[NCLASSES] = {-1, C_EXCEPTION, C_EXCEPTION, C_BAD_TYPEID};
static const char *const names[2][NCLASSES] = {
    {".?AVexception@@", ".?AVbad_cast@@", ".?AVbad_typeid@@", ".?AV__non_rtti_object@@"},
    {".?AVexception@std@@", ".?AVbad_cast@std@@", ".?AVbad_typeid@std@@",
     ".?AV__non_rtti_object@std@@"},
};

/* Everything one class needs: its RTTI, what a throw of it carries, and
 * its vtable is in cxx_vtables. */
struct cxx_class {
    struct {
        const void *vtable;
        char *name;
        char mangled[32];
    } td;
    rtti_base self_base;
    rtti_hierarchy hierarchy;
    UINT bases[NCLASSES];
    rtti_locator col;
    cxx_catchable_type ct;
    struct {
        int count;
        UINT types[NCLASSES];
    } cta;
    cxx_throw_info ti;
};

static struct cxx_class classes[2][NCLASSES]; /* [vcruntime][class] */

/* Vtables with the locator pointer in front; the msvcrt ones are exported
 * (`??_7bad_cast@@6B@` points 8 bytes in). */
struct vtable_block {
    const void *col;
    void *fns[2];
};
_Static_assert(sizeof(struct vtable_block) == 24, "the offsets below");
struct vtable_block cxx_vtables[2][NCLASSES] __attribute__((visibility("hidden")));
__asm__(".globl cxx_exception_vtable\n.hidden cxx_exception_vtable\n"
        ".set cxx_exception_vtable, cxx_vtables + 8\n"
        ".globl cxx_bad_cast_vtable\n.hidden cxx_bad_cast_vtable\n"
        ".set cxx_bad_cast_vtable, cxx_vtables + 32\n"
        ".globl cxx_bad_typeid_vtable\n.hidden cxx_bad_typeid_vtable\n"
        ".set cxx_bad_typeid_vtable, cxx_vtables + 56\n"
        ".globl cxx___non_rtti_object_vtable\n.hidden cxx___non_rtti_object_vtable\n"
        ".set cxx___non_rtti_object_vtable, cxx_vtables + 80\n");

static const void *const *vtable_of(int vcrt, int c)
{
    return (const void *const *)cxx_vtables[vcrt][c].fns;
}

/* ---- members --------------------------------------------------------------- */

static void set_name(cxx_exception *e, const char *name)
{
    e->name = NULL;
    e->do_free = 0;
    if (name) {
        char *copy = msvcrt_malloc(strlen(name) + 1);
        if (copy) {
            strcpy(copy, name);
            e->name = copy;
            e->do_free = 1;
        }
    }
}

/* ??0exception@@QEAA@XZ (msvcrt) */
cxx_exception *CDECL cxx_exception_default_ctor(cxx_exception *e)
{
    e->vtable = vtable_of(0, C_EXCEPTION);
    e->name = NULL;
    e->do_free = 0;
    return e;
}

/* ??0exception@@QEAA@AEBQEBD@Z (msvcrt): the message is copied. */
cxx_exception *CDECL cxx_exception_ctor(cxx_exception *e, const char *const *name)
{
    e->vtable = vtable_of(0, C_EXCEPTION);
    set_name(e, *name);
    return e;
}

/* ??0exception@@QEAA@AEBQEBDH@Z (msvcrt): the message is kept as is. */
cxx_exception *CDECL cxx_exception_ctor_noalloc(cxx_exception *e, const char *const *name,
                                                int unused)
{
    e->vtable = vtable_of(0, C_EXCEPTION);
    e->name = *name;
    e->do_free = 0;
    return e;
}

static void copy_from(cxx_exception *e, const cxx_exception *src)
{
    if (src->do_free)
        set_name(e, src->name);
    else {
        e->name = src->name;
        e->do_free = 0;
    }
}

/* ??0exception@@QEAA@AEBV0@@Z (msvcrt) */
cxx_exception *CDECL cxx_exception_copy_ctor(cxx_exception *e, const cxx_exception *src)
{
    e->vtable = vtable_of(0, C_EXCEPTION);
    copy_from(e, src);
    return e;
}

/* ??1exception@@UEAA@XZ (msvcrt), and the destructor of the others */
void CDECL cxx_exception_dtor(cxx_exception *e)
{
    if (e->do_free)
        msvcrt_free((void *)e->name);
    e->name = NULL;
    e->do_free = 0;
}

/* ??4exception@@QEAAAEAV0@AEBV0@@Z (msvcrt), and the others' operator= */
cxx_exception *CDECL cxx_exception_opequals(cxx_exception *e, const cxx_exception *src)
{
    if (e != src) {
        cxx_exception_dtor(e);
        copy_from(e, src);
    }
    return e;
}

/* ?what@exception@@UEBAPEBDXZ (msvcrt) */
const char *CDECL cxx_exception_what(const cxx_exception *e)
{
    return e->name ? e->name : "Unknown exception";
}

/* The vtable's scalar/vector deleting destructor: flags 1 = free, 2 =
 * an array whose count precedes it. */
static void *CDECL deleting_dtor(cxx_exception *e, unsigned flags)
{
    if (flags & 2) {
        size_t *count = (size_t *)e - 1;
        for (size_t i = 0; i < *count; i++)
            cxx_exception_dtor(e + i);
        if (flags & 1)
            msvcrt_free(count);
        return count;
    }
    cxx_exception_dtor(e);
    if (flags & 1)
        msvcrt_free(e);
    return e;
}

static cxx_exception *init_as(cxx_exception *e, int c, const char *name)
{
    e->vtable = vtable_of(0, c);
    e->name = name;
    e->do_free = 0;
    return e;
}

/* ??0bad_cast@@QEAA@PEBD@Z, ??0bad_typeid@@QEAA@PEBD@Z,
 * ??0__non_rtti_object@@QEAA@PEBD@Z (msvcrt): the message is literal. */
cxx_exception *CDECL cxx_bad_cast_ctor_charptr(cxx_exception *e, const char *name)
{
    return init_as(e, C_BAD_CAST, name);
}

cxx_exception *CDECL cxx_bad_typeid_ctor(cxx_exception *e, const char *name)
{
    return init_as(e, C_BAD_TYPEID, name);
}

cxx_exception *CDECL cxx___non_rtti_object_ctor(cxx_exception *e, const char *name)
{
    return init_as(e, C_NON_RTTI, name);
}

/* ??0bad_cast@@QEAA@AEBQEBD@Z and ??0bad_cast@@AEAA@PEBQEBD@Z (msvcrt) */
cxx_exception *CDECL cxx_bad_cast_ctor(cxx_exception *e, const char *const *name)
{
    e->vtable = vtable_of(0, C_BAD_CAST);
    set_name(e, *name);
    return e;
}

/* ??_Fbad_cast@@QEAAXXZ / ??_Fbad_typeid@@QEAAXXZ (msvcrt): defaults */
cxx_exception *CDECL cxx_bad_cast_default_ctor(cxx_exception *e)
{
    return init_as(e, C_BAD_CAST, "bad cast");
}

cxx_exception *CDECL cxx_bad_typeid_default_ctor(cxx_exception *e)
{
    return init_as(e, C_BAD_TYPEID, "bad typeid");
}

/* The copy constructors keep the source's dynamic type's vtable: a copy
 * of a msvcrt bad_cast is a bad_cast, of decant's std::bad_cast too. */
static cxx_exception *CDECL copy_ctor_same(cxx_exception *e, const cxx_exception *src)
{
    e->vtable = src->vtable;
    copy_from(e, src);
    return e;
}

/* ??0bad_cast@@QEAA@AEBV0@@Z etc. (msvcrt) */
cxx_exception *CDECL cxx_bad_cast_copy_ctor(cxx_exception *e, const cxx_exception *src)
{
    e->vtable = vtable_of(0, C_BAD_CAST);
    copy_from(e, src);
    return e;
}

cxx_exception *CDECL cxx_bad_typeid_copy_ctor(cxx_exception *e, const cxx_exception *src)
{
    e->vtable = vtable_of(0, C_BAD_TYPEID);
    copy_from(e, src);
    return e;
}

cxx_exception *CDECL cxx___non_rtti_object_copy_ctor(cxx_exception *e,
                                                     const cxx_exception *src)
{
    e->vtable = vtable_of(0, C_NON_RTTI);
    copy_from(e, src);
    return e;
}

/* ---- records ------------------------------------------------------------ */

static const struct {
    const void *vtable;
} type_info_vtable = {NULL};

static void init_classes(void)
{
    for (int v = 0; v < 2; v++)
        for (int c = 0; c < NCLASSES; c++) {
            struct cxx_class *k = &classes[v][c];
            k->td.vtable = &type_info_vtable;
            strcpy(k->td.mangled, names[v][c]);
            k->self_base.type = cxx_native_rva(&k->td);
            k->self_base.where.pdisp = -1;
            k->self_base.hierarchy = cxx_native_rva(&k->hierarchy);
            int n = 0;
            for (int p = c; p >= 0; p = parent_of[p])
                n++;
            k->self_base.ncontained = n - 1;
            k->hierarchy.nbases = n;
            k->hierarchy.bases = cxx_native_rva(k->bases);
            k->cta.count = n;
            n = 0;
            for (int p = c; p >= 0; p = parent_of[p], n++) {
                k->bases[n] = cxx_native_rva(&classes[v][p].self_base);
                k->cta.types[n] = cxx_native_rva(&classes[v][p].ct);
            }
            k->col.signature = 1;
            k->col.type = cxx_native_rva(&k->td);
            k->col.hierarchy = cxx_native_rva(&k->hierarchy);
            k->col.self = cxx_native_rva(&k->col);
            k->ct.type = cxx_native_rva(&k->td);
            k->ct.this_disp.pdisp = -1;
            k->ct.size = sizeof(cxx_exception);
            k->ct.copy_ctor = cxx_native_rva((void *)copy_ctor_same);
            k->ti.destructor = cxx_native_rva((void *)cxx_exception_dtor);
            k->ti.catchable_types = cxx_native_rva(&k->cta);
            cxx_vtables[v][c].col = &k->col;
            cxx_vtables[v][c].fns[0] = (void *)deleting_dtor;
            cxx_vtables[v][c].fns[1] = (void *)cxx_exception_what;
        }
}

/* Ready before any program code runs: programs may use the vtables. */
__attribute__((constructor)) static void classes_ctor(void)
{
    init_classes();
}

static void throw_class(int c, const char *msg, int vcrt, CONTEXT *ctx)
{
    cxx_exception e = {vtable_of(vcrt, c), msg, 0};
    cxx_throw_from_native(&e, &classes[vcrt][c].ti, ctx);
}

void cxx_throw_bad_cast(const char *msg, int vcrt, CONTEXT *ctx)
{
    throw_class(C_BAD_CAST, msg, vcrt, ctx);
    __builtin_unreachable();
}

void cxx_throw_bad_typeid(const char *msg, int vcrt, CONTEXT *ctx)
{
    throw_class(C_BAD_TYPEID, msg, vcrt, ctx);
    __builtin_unreachable();
}

void cxx_throw_non_rtti_object(const char *msg, int vcrt, CONTEXT *ctx)
{
    throw_class(C_NON_RTTI, msg, vcrt, ctx);
    __builtin_unreachable();
}
