/* Matching a thrown C++ object against a catch clause, and building the
 * catch parameter. The thrower's ThrowInfo lists every type the object
 * can be caught as (itself, its public bases, void* for pointers...), each
 * a CatchableType with the displacement of that base inside the object. */
#include <string.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "cxx.h"

void *cxx_adjust_pointer(void *object, const cxx_pmd *pmd)
{
    char *p = object;
    if (!p)
        return NULL;
    if (pmd->pdisp >= 0) {
        /* a virtual base: its offset is in the vbtable the object points to */
        char *vbtable = *(char **)(p + pmd->pdisp);
        p += pmd->pdisp + *(int *)(vbtable + pmd->vdisp);
    }
    return p + pmd->mdisp;
}

/* Types are the same when they are the same descriptor or, across
 * modules, have the same decorated name. */
static int same_type(const cxx_type_info *a, const cxx_type_info *b)
{
    return a == b || !strcmp(a->mangled, b->mangled);
}

const cxx_catchable_type *cxx_find_caught_type(const cxx_throw_info *ti, ULONG64 exc_base,
                                               const cxx_type_info *catch_ti, UINT adj)
{
    if (!ti || !ti->catchable_types)
        return NULL;
    const cxx_catchable_type_array *arr = cxx_rva(ti->catchable_types, exc_base);
    for (int i = 0; i < arr->count; i++) {
        const cxx_catchable_type *ct = cxx_rva(arr->types[i], exc_base);
        /* catch(...): no type, or one with an empty name */
        if (!catch_ti || !catch_ti->mangled[0])
            return ct;
        TRACE("catch %s (adj %#x) vs thrown %s (props %#x, attr %#x)", catch_ti->mangled, adj,
              ((const cxx_type_info *)cxx_rva(ct->type, exc_base))->mangled, ct->properties,
              ti->attributes);
        if (!same_type(catch_ti, cxx_rva(ct->type, exc_base)))
            continue;
        if ((ct->properties & CT_BYREF_ONLY) && !(adj & HT_REFERENCE))
            continue;
        /* qualifiers may be added, not dropped: a thrown pointer to const
         * is caught only by a pointer to const */
        if ((ti->attributes & TI_CONST) && !(adj & HT_CONST))
            continue;
        if ((ti->attributes & TI_VOLATILE) && !(adj & HT_VOLATILE))
            continue;
        if ((ti->attributes & TI_UNALIGNED) && !(adj & HT_UNALIGNED))
            continue;
        return ct;
    }
    return NULL;
}

void cxx_copy_exception(void *object, void *dest, UINT adj, const cxx_catchable_type *ct,
                        ULONG64 exc_base)
{
    if (adj & HT_REFERENCE) {
        /* catch (T &): the parameter is a pointer to the thrown object */
        *(void **)dest = cxx_adjust_pointer(object, &ct->this_disp);
    } else if (ct->properties & CT_SIMPLE_TYPE) {
        memmove(dest, object, ct->size);
        /* a thrown pointer caught as a pointer to a base: adjust it */
        if (ct->size == sizeof(void *))
            *(void **)dest = cxx_adjust_pointer(*(void **)dest, &ct->this_disp);
    } else if (ct->copy_ctor) {
        void *src = cxx_adjust_pointer(object, &ct->this_disp);
        TRACE("copy ctor %p(%p, %p)", cxx_rva(ct->copy_ctor, exc_base), dest, src);
        if (ct->properties & CT_VIRTUAL_BASE)
            ((void(CDECL *)(void *, void *, int))cxx_rva(ct->copy_ctor, exc_base))(dest, src, 1);
        else
            ((void(CDECL *)(void *, void *))cxx_rva(ct->copy_ctor, exc_base))(dest, src);
    } else {
        memmove(dest, cxx_adjust_pointer(object, &ct->this_disp), ct->size);
    }
}
