/* The MSVC C++ runtime's type matching (src/dlls/cxx/match.c) on
 * hand-made x64 tables: catch by value, reference, base class and
 * catch(...), the qualifier and by-reference-only rules, pointer and
 * virtual-base adjustment; and the mangled exports the runtime needs. */
#include <string.h>

#include "builtin.h"
#include "../../src/dlls/cxx/cxx.h"
#include "unit.h"

/* RVAs are relative to this block's start: one "image" */
static struct {
    struct {
        const void *vt;
        char *name;
        char mangled[16];
    } td_derived, td_base, td_int, td_other;
    cxx_catchable_type ct_derived, ct_base, ct_int;
    struct {
        int count;
        UINT types[2];
    } cta_derived;
    struct {
        int count;
        UINT types[1];
    } cta_int;
    cxx_throw_info ti_derived, ti_const_int;
} img = {
    .td_derived = {0, 0, ".?AVDerived@@"},
    .td_base = {0, 0, ".?AVBase@@"},
    .td_int = {0, 0, ".H"},
    .td_other = {0, 0, ".?AVOther@@"},
};

#define RVA(p) ((UINT)((char *)(p) - (char *)&img))

static void build(void)
{
    img.ct_derived = (cxx_catchable_type){0, RVA(&img.td_derived), {0, -1, 0}, 16, 0};
    /* Base lives 8 bytes into Derived */
    img.ct_base = (cxx_catchable_type){0, RVA(&img.td_base), {8, -1, 0}, 8, 0};
    img.ct_int = (cxx_catchable_type){CT_SIMPLE_TYPE, RVA(&img.td_int), {0, -1, 0}, 4, 0};
    img.cta_derived.count = 2;
    img.cta_derived.types[0] = RVA(&img.ct_derived);
    img.cta_derived.types[1] = RVA(&img.ct_base);
    img.cta_int.count = 1;
    img.cta_int.types[0] = RVA(&img.ct_int);
    img.ti_derived = (cxx_throw_info){0, 0, 0, RVA(&img.cta_derived)};
    img.ti_const_int = (cxx_throw_info){TI_CONST, 0, 0, RVA(&img.cta_int)};
}

int main(void)
{
    ULONG64 base = (ULONG64)&img;
    build();
    const cxx_type_info *derived = (const cxx_type_info *)&img.td_derived;
    const cxx_type_info *basety = (const cxx_type_info *)&img.td_base;
    const cxx_type_info *other = (const cxx_type_info *)&img.td_other;
    const cxx_type_info *inty = (const cxx_type_info *)&img.td_int;

    CHECK(cxx_find_caught_type(&img.ti_derived, base, derived, 0) == &img.ct_derived,
          "catch (Derived)");
    CHECK(cxx_find_caught_type(&img.ti_derived, base, basety, HT_REFERENCE) == &img.ct_base,
          "catch (Base &)");
    CHECK(cxx_find_caught_type(&img.ti_derived, base, other, HT_REFERENCE) == NULL,
          "catch (Other &) does not match");
    CHECK(cxx_find_caught_type(&img.ti_derived, base, NULL, 0) == &img.ct_derived,
          "catch (...) takes the first type");

    /* same name, another descriptor (another module) */
    struct {
        const void *vt;
        char *name;
        char mangled[16];
    } copy = {0, 0, ".?AVBase@@"};
    CHECK(cxx_find_caught_type(&img.ti_derived, base, (const cxx_type_info *)&copy, 0) ==
              &img.ct_base, "types compare by decorated name");

    img.ct_base.properties = CT_BYREF_ONLY;
    CHECK(cxx_find_caught_type(&img.ti_derived, base, basety, 0) == NULL,
          "by-reference-only refuses a catch by value");
    CHECK(cxx_find_caught_type(&img.ti_derived, base, basety, HT_REFERENCE) == &img.ct_base,
          "by-reference-only takes a reference");
    img.ct_base.properties = 0;

    CHECK(cxx_find_caught_type(&img.ti_const_int, base, inty, 0) == NULL,
          "const thrown, non-const catch");
    CHECK(cxx_find_caught_type(&img.ti_const_int, base, inty, HT_CONST) == &img.ct_int,
          "const thrown, const catch");

    /* building the catch parameter */
    char object[16] = {0};
    void *ref = NULL;
    cxx_copy_exception(object, &ref, HT_REFERENCE, &img.ct_base, base);
    CHECK(ref == object + 8, "reference to the base subobject: %p %p", ref, (void *)object);
    int thrown = 1234, caught = 0;
    cxx_copy_exception(&thrown, &caught, 0, &img.ct_int, base);
    CHECK(caught == 1234, "simple type copied: %d", caught);
    char dest[16];
    memset(object, 'x', sizeof object);
    cxx_copy_exception(object, dest, 0, &img.ct_derived, base);
    CHECK(!memcmp(dest, object, 16), "no copy constructor: bytes copied");

    /* a virtual base: its offset comes from the vbtable */
    int vbtable[2] = {0, 24};
    struct {
        int *vbptr;
        char pad[40];
    } vobj = {vbtable, {0}};
    cxx_pmd pmd = {4, 0, 4};
    CHECK(cxx_adjust_pointer(&vobj, &pmd) == (char *)&vobj + 0 + 24 + 4,
          "virtual base adjustment");
    CHECK(cxx_adjust_pointer(NULL, &pmd) == NULL, "NULL stays NULL");

    /* the mangled exports programs import */
    static const char *const needed[][2] = {
        {"msvcrt.dll", "??1type_info@@UEAA@XZ"},
        {"msvcrt.dll", "?terminate@@YAXXZ"},
        {"msvcrt.dll", "__CxxFrameHandler"},
        {"msvcrt.dll", "__CxxFrameHandler3"},
        {"msvcrt.dll", "_CxxThrowException"},
        {"msvcrt.dll", "??_7exception@@6B@"},
        {"vcruntime140.dll", "__CxxFrameHandler3"},
        {"vcruntime140.dll", "_CxxThrowException"},
        {"vcruntime140.dll", "__current_exception"},
        {"vcruntime140.dll", "__current_exception_context"},
    };
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++) {
        const struct builtin_dll *b = builtin_find(needed[i][0]);
        int found = 0;
        for (unsigned j = 0; b && j < b->nexports2; j++)
            found |= !strcmp(builtin_export_name(&b->exports2[j]), needed[i][1]);
        CHECK(found, "%s!%s exported", needed[i][0], needed[i][1]);
    }
    return unit_done("cxx_match");
}
