/* Expands a DLL's exports.h into its export table. Include from the DLL's
 * dll.c after defining:
 *   DLL_NAME     "kernel32.dll"
 *   DLL_ID       kernel32          (a C identifier)
 *   DLL_EXPORTS  "exports.h"
 * and optionally DLL_ATTACH / DLL_DETACH, functions `void f(void)` run at
 * process attach and at ExitProcess.
 * exports.h lines:
 *   EXPORT(Name)              the C function Name
 *   EXPORT_AS(Name, c_name)   export Name is the C function c_name
 *   DATA(Name, c_name)        export Name is the variable c_name
 *   FORWARD(Name, "dll.Func") a forwarder
 *   EXPORT_ORD(Name, c_name, N) Name at Windows' ordinal N (programs import
 *                             some system DLLs, e.g. oleaut32, by ordinal)
 *   CODE(Name, bytes)         16 bytes of machine code copied into the image
 * DLL_EXPORTS2 may name a second list (also sorted) merged into the DLL.
 * This file sees no real declarations: it only takes addresses, so the
 * generic `void f(void)` declarations below cannot conflict. */
#include "builtin.h"

#define EXPORT(n) extern void n(void);
#define EXPORT_AS(n, c) extern void c(void);
#define EXPORT_ORD(n, c, o) extern void c(void);
#define DATA(n, c) extern char c[];
#define CODE(n, c) extern const unsigned char c[16];
#define FORWARD(n, target)
#include DLL_EXPORTS
#ifdef DLL_EXPORTS2
#include DLL_EXPORTS2
#endif
#undef EXPORT
#undef EXPORT_AS
#undef EXPORT_ORD
#undef DATA
#undef CODE
#undef FORWARD

#define EXPORT(n) {#n, (void *)n, NULL, 0, 0},
#define EXPORT_AS(n, c) {#n, (void *)c, NULL, 0, 0},
#define EXPORT_ORD(n, c, o) {#n, (void *)c, NULL, 0, o},
#define DATA(n, c) {#n, (void *)c, NULL, 1, 0},
#define CODE(n, c) {#n, (void *)c, NULL, 0, 0, 1},
#define FORWARD(n, target) {#n, NULL, target, 0, 0},
static const struct builtin_export dll_exports[] = {
#include DLL_EXPORTS
};
#ifdef DLL_EXPORTS2
static const struct builtin_export dll_exports2[] = {
#include DLL_EXPORTS2
};
#define DLL_EXPORTS2_TABLE dll_exports2, sizeof dll_exports2 / sizeof dll_exports2[0]
#else
#define DLL_EXPORTS2_TABLE NULL, 0
#endif
#undef EXPORT
#undef EXPORT_AS
#undef EXPORT_ORD
#undef DATA
#undef CODE
#undef FORWARD

#ifdef DLL_ATTACH
void DLL_ATTACH(void);
#define DLL_ATTACH_FN DLL_ATTACH
#else
#define DLL_ATTACH_FN NULL
#endif
#ifdef DLL_DETACH
void DLL_DETACH(void);
#define DLL_DETACH_FN DLL_DETACH
#else
#define DLL_DETACH_FN NULL
#endif

#define BUILTIN_CAT(a, b) a##b
#define BUILTIN_VAR(id) BUILTIN_CAT(builtin_dll_, id)
__attribute__((section("decant_builtins"), used, aligned(8)))
const struct builtin_dll BUILTIN_VAR(DLL_ID) = {
    DLL_NAME, dll_exports, sizeof dll_exports / sizeof dll_exports[0], DLL_EXPORTS2_TABLE,
    DLL_ATTACH_FN, DLL_DETACH_FN};
