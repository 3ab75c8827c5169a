/* The RTTI records of polymorphic classes (x64: RVAs), and the standard
 * exception classes decant itself throws (std::bad_cast from
 * dynamic_cast, std::bad_typeid from typeid), in msvcrt's flavour (global
 * namespace, ".?AVbad_cast@@") and vcruntime140's (namespace std). */
#ifndef DECANT_CXX_CLASSES_H
#define DECANT_CXX_CLASSES_H

#include "cxx.h"

typedef struct {
    UINT signature; /* 1 on x64: RVAs */
    UINT offset;    /* of this vtable's subobject in the complete object */
    UINT cd_offset; /* constructor displacement, for virtual bases */
    UINT type;      /* cxx_type_info of the complete object */
    UINT hierarchy; /* rtti_hierarchy */
    UINT self;
} rtti_locator;

#define CHD_MULTINH 0x01
#define CHD_VIRTINH 0x02

typedef struct {
    UINT signature;
    UINT attributes;
    UINT nbases;
    UINT bases; /* UINT[nbases] of rtti_base: the class itself first */
} rtti_hierarchy;

#define BCD_NOTVISIBLE 0x01
#define BCD_AMBIGUOUS 0x02

typedef struct {
    UINT type;
    UINT ncontained;
    cxx_pmd where;
    UINT attributes;
    UINT hierarchy;
} rtti_base;

/* Throw the standard exceptions from a runtime function called by the
 * program at `ctx`; `vcrt` picks the vcruntime140 type names. */
__attribute__((noreturn)) void cxx_throw_bad_cast(const char *msg, int vcrt, CONTEXT *ctx);
__attribute__((noreturn)) void cxx_throw_bad_typeid(const char *msg, int vcrt, CONTEXT *ctx);
__attribute__((noreturn)) void cxx_throw_non_rtti_object(const char *msg, int vcrt,
                                                         CONTEXT *ctx);

#endif
