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
 * This file sees no real declarations: the tables name their targets in
 * assembly, and a misspelt one fails the link. */
#include "builtin.h"

/* The tables themselves are assembly (see struct builtin_export): each
 * entry's name and forwarder string go to a section of their own, behind
 * the local labels 1 and 2, and every reference is `label - .`, which the
 * linker resolves, leaving nothing for ld.so to relocate. A list's strings
 * lie between its labels _strings and _strings_end. */
#define BT_STR(x) #x
#define BT_QUOTED(x) BT_STR(x)
#define BT_ENTRY(name, target, forward, ordinal, is_data, is_code)                      \
    ".long 1f - .\n"                                                                \
    ".long " target "\n"                                                            \
    ".long " forward "\n"                                                           \
    ".short " #ordinal "\n"                                                         \
    ".byte " #is_data ", " #is_code "\n"                                            \
    ".pushsection .rodata.builtin_names, \"a\"\n"                                   \
    "1: .asciz " BT_QUOTED(name) "\n"
#define BT_END ".popsection\n"
#define EXPORT(n) BT_ENTRY(#n, #n " - .", "0", 0, 0, 0) BT_END
#define EXPORT_AS(n, c) BT_ENTRY(#n, #c " - .", "0", 0, 0, 0) BT_END
#define EXPORT_ORD(n, c, o) BT_ENTRY(#n, #c " - .", "0", o, 0, 0) BT_END
#define DATA(n, c) BT_ENTRY(#n, #c " - .", "0", 0, 1, 0) BT_END
#define CODE(n, c) BT_ENTRY(#n, #c " - .", "0", 0, 0, 1) BT_END
#define FORWARD(n, target) \
    BT_ENTRY(#n, "0", "2f - .", 0, 0, 0) "2: .asciz " BT_QUOTED(target) "\n" BT_END
#define BT_TABLE_START(label)                                                       \
    ".pushsection .rodata.builtin_names, \"a\"\n" label "_strings:\n.popsection\n"    \
    ".pushsection .rodata\n.balign 4\n" label ":\n"
#define BT_TABLE_END(label)                                                         \
    ".pushsection .rodata.builtin_names, \"a\"\n" label "_strings_end:\n.popsection\n" \
    ".popsection\n"
#define BT_LABEL(list) "builtin_" list "_" BT_QUOTED(DLL_ID)
__asm__(BT_TABLE_START(BT_LABEL("exports"))
#include DLL_EXPORTS
        BT_TABLE_END(BT_LABEL("exports")));
#ifdef DLL_EXPORTS2
__asm__(BT_TABLE_START(BT_LABEL("exports2"))
#include DLL_EXPORTS2
        BT_TABLE_END(BT_LABEL("exports2")));
#endif
#undef EXPORT
#undef EXPORT_AS
#undef EXPORT_ORD
#undef DATA
#undef CODE
#undef FORWARD

/* The C side: the tables by their labels, and their lengths. */
#define EXPORT(n) +1
#define EXPORT_AS(n, c) +1
#define EXPORT_ORD(n, c, o) +1
#define DATA(n, c) +1
#define CODE(n, c) +1
#define FORWARD(n, target) +1
extern const struct builtin_export dll_exports[] __asm__(BT_LABEL("exports"));
extern const char dll_strings[] __asm__(BT_LABEL("exports") "_strings");
extern const char dll_strings_end[] __asm__(BT_LABEL("exports") "_strings_end");
enum { dll_nexports = 0
#include DLL_EXPORTS
};
#ifdef DLL_EXPORTS2
extern const struct builtin_export dll_exports2[] __asm__(BT_LABEL("exports2"));
extern const char dll_strings2[] __asm__(BT_LABEL("exports2") "_strings");
extern const char dll_strings2_end[] __asm__(BT_LABEL("exports2") "_strings_end");
enum { dll_nexports2 = 0
#include DLL_EXPORTS2
};
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
    .name = DLL_NAME,
    .exports = dll_exports,
    .nexports = dll_nexports,
    .strings = dll_strings,
    .strings_end = dll_strings_end,
#ifdef DLL_EXPORTS2
    .exports2 = dll_exports2,
    .nexports2 = dll_nexports2,
    .strings2 = dll_strings2,
    .strings2_end = dll_strings2_end,
#endif
    .attach = DLL_ATTACH_FN,
    .detach = DLL_DETACH_FN,
};
