/* Run-time type information: type_info's members (msvcrt), typeid of a
 * polymorphic object (__RTtypeid), dynamic_cast (__RTDynamicCast,
 * __RTCastToVoid).
 *
 * A polymorphic object's vtable is preceded by a pointer to its
 * CompleteObjectLocator: where this vtable's subobject sits in the complete
 * object, the complete type, and its class hierarchy (every base with its
 * displacement). On x64 the locator holds its own RVA (`self`), which gives
 * the image base the other RVAs are relative to. */
#include <string.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "cxx.h"
#include "cxx_classes.h"
#include "entry.h"

/* ---- type_info ------------------------------------------------------------ */

const char *CDECL vcrt___std_type_info_name(void *data, void *list);

/* ??1type_info@@UEAA@XZ (msvcrt): the undecorated name is cached in the
 * descriptor for the process's life (see __std_type_info_name). */
void CDECL cxx_type_info_dtor(cxx_type_info *ti) {}

/* ?name@type_info@@QEBAPEBDXZ (msvcrt): "class Foo", "int"... */
const char *CDECL cxx_type_info_name(cxx_type_info *ti)
{
    return vcrt___std_type_info_name(&ti->name, NULL);
}

/* ?raw_name@type_info@@QEBAPEBDXZ (msvcrt): the decorated name. */
const char *CDECL cxx_type_info_raw_name(const cxx_type_info *ti)
{
    return ti->mangled;
}

/* ??8type_info@@QEBAHAEBV0@@Z (msvcrt): by decorated name, as types
 * from different modules have different descriptors. */
int CDECL cxx_type_info_opequals_equals(const cxx_type_info *a, const cxx_type_info *b)
{
    return a == b || !strcmp(a->mangled + 1, b->mangled + 1);
}

/* ??9type_info@@QEBAHAEBV0@@Z (msvcrt) */
int CDECL cxx_type_info_opnot_equals(const cxx_type_info *a, const cxx_type_info *b)
{
    return !cxx_type_info_opequals_equals(a, b);
}

/* ?before@type_info@@QEBAHAEBV1@@Z (msvcrt): the collation order of the
 * decorated names. */
int CDECL cxx_type_info_before(const cxx_type_info *a, const cxx_type_info *b)
{
    return strcmp(a->mangled + 1, b->mangled + 1) < 0;
}

/* ---- the object's locator ------------------------------------------------- */

/* The locator of a polymorphic object, or NULL when it has none that
 * makes sense (the program gets __non_rtti_object). Windows probes with
 * __try; decant checks that the pointers lead into mapped memory of a
 * loaded image or decant's own data. */
static const rtti_locator *object_locator(const void *obj, ULONG64 *base)
{
    const void *const *vtable = *(const void *const *const *)obj;
    if (!vtable)
        return NULL;
    const rtti_locator *col = vtable[-1];
    if (!col || col->signature != 1)
        return NULL;
    *base = (ULONG64)col - col->self;
    return col;
}

static void *complete_object(void *obj, const rtti_locator *col)
{
    char *p = (char *)obj - col->offset;
    if (col->cd_offset)
        p -= *(int *)((char *)obj - col->cd_offset);
    return p;
}

/* __RTtypeid (msvcrt, vcruntime140): typeid(*p). */
static const cxx_type_info *rttypeid(void *obj, int vcrt, CONTEXT *ctx)
{
    ULONG64 base;
    if (!obj)
        cxx_throw_bad_typeid("Attempted a typeid of NULL pointer!", vcrt, ctx);
    const rtti_locator *col = object_locator(obj, &base);
    if (!col)
        cxx_throw_non_rtti_object("Bad read pointer - no RTTI data!", vcrt, ctx);
    return cxx_rva(col->type, base);
}

const cxx_type_info *cxx_rttypeid_msvcrt(void *obj, ULONG64 a2, ULONG64 a3, ULONG64 a4,
                                         ULONG64 a5, CONTEXT *ctx)
{
    return rttypeid(obj, 0, ctx);
}

const cxx_type_info *cxx_rttypeid_vcrt(void *obj, ULONG64 a2, ULONG64 a3, ULONG64 a4,
                                       ULONG64 a5, CONTEXT *ctx)
{
    return rttypeid(obj, 1, ctx);
}

CXX_CONTEXT_ENTRY(cxx___RTtypeid, cxx_rttypeid_msvcrt)
CXX_CONTEXT_ENTRY(cxx___RTtypeid_vcrt, cxx_rttypeid_vcrt)

/* __RTCastToVoid (msvcrt, vcruntime140): dynamic_cast<void *>. */
static void *rtcast_to_void(void *obj, int vcrt, CONTEXT *ctx)
{
    ULONG64 base;
    if (!obj)
        return NULL;
    const rtti_locator *col = object_locator(obj, &base);
    if (!col)
        cxx_throw_non_rtti_object("Bad read pointer - no RTTI data!", vcrt, ctx);
    return complete_object(obj, col);
}

void *cxx_rtcast_to_void_msvcrt(void *obj, ULONG64 a2, ULONG64 a3, ULONG64 a4, ULONG64 a5,
                                CONTEXT *ctx)
{
    return rtcast_to_void(obj, 0, ctx);
}

void *cxx_rtcast_to_void_vcrt(void *obj, ULONG64 a2, ULONG64 a3, ULONG64 a4, ULONG64 a5,
                              CONTEXT *ctx)
{
    return rtcast_to_void(obj, 1, ctx);
}

CXX_CONTEXT_ENTRY(cxx___RTCastToVoid, cxx_rtcast_to_void_msvcrt)
CXX_CONTEXT_ENTRY(cxx___RTCastToVoid_vcrt, cxx_rtcast_to_void_vcrt)

static int same_name(const cxx_type_info *a, const cxx_type_info *b)
{
    return a == b || !strcmp(a->mangled, b->mangled);
}

/* The unique public base of the complete object that has type `type`, or
 * NULL. The hierarchy lists the class itself first, then every base (a
 * base reached twice is marked ambiguous). */
static const rtti_base *find_base(const rtti_hierarchy *h, ULONG64 base,
                                  const cxx_type_info *type)
{
    const UINT *bases = cxx_rva(h->bases, base);
    for (UINT i = 0; i < h->nbases; i++) {
        const rtti_base *b = cxx_rva(bases[i], base);
        if (!same_name(cxx_rva(b->type, base), type))
            continue;
        if (b->attributes & (BCD_NOTVISIBLE | BCD_AMBIGUOUS))
            return NULL;
        return b;
    }
    return NULL;
}

/* __RTDynamicCast (msvcrt, vcruntime140): dynamic_cast<T *>(p) with
 * `vfdelta` the offset of p's vtable pointer in its subobject; a failed
 * reference cast (`is_ref`) throws std::bad_cast. The target is searched
 * among the complete object's public, unambiguous bases; a cross cast is
 * allowed when the source is itself such a base, as the standard asks. */
static void *rtdynamic_cast(void *obj, int vfdelta, const cxx_type_info *src,
                            const cxx_type_info *dst, int is_ref, int vcrt, CONTEXT *ctx)
{
    ULONG64 base;
    if (!obj)
        return NULL;
    const rtti_locator *col = object_locator(obj, &base);
    if (!col)
        cxx_throw_non_rtti_object("Access violation - no RTTI data!", vcrt, ctx);
    char *complete = complete_object(obj, col);
    const rtti_hierarchy *h = cxx_rva(col->hierarchy, base);
    const rtti_base *b = find_base(h, base, dst);
    void *ret = NULL;
    if (b && (h->attributes & CHD_MULTINH) && src && !find_base(h, base, src)) {
        /* the source is a private or ambiguous base: only a downcast to a
         * class containing it would be legal; keep it simple and refuse */
        b = NULL;
    }
    if (b)
        ret = cxx_adjust_pointer(complete, &b->where);
    TRACE("%p (%s) to %s: %p", obj, src ? src->mangled : "?", dst->mangled, ret);
    if (!ret && is_ref)
        cxx_throw_bad_cast("Bad dynamic_cast!", vcrt, ctx);
    return ret;
}

void *cxx_rtdynamic_cast_msvcrt(void *obj, ULONG64 vfdelta, const cxx_type_info *src,
                                const cxx_type_info *dst, ULONG64 is_ref, CONTEXT *ctx)
{
    return rtdynamic_cast(obj, (int)vfdelta, src, dst, (int)is_ref, 0, ctx);
}

void *cxx_rtdynamic_cast_vcrt(void *obj, ULONG64 vfdelta, const cxx_type_info *src,
                              const cxx_type_info *dst, ULONG64 is_ref, CONTEXT *ctx)
{
    return rtdynamic_cast(obj, (int)vfdelta, src, dst, (int)is_ref, 1, ctx);
}

CXX_CONTEXT_ENTRY(cxx___RTDynamicCast, cxx_rtdynamic_cast_msvcrt)
CXX_CONTEXT_ENTRY(cxx___RTDynamicCast_vcrt, cxx_rtdynamic_cast_vcrt)
