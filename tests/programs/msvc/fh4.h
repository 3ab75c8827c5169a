/* Shared by the __CxxFrameHandler4 tests (fh4*.cxx): clang emits only the
 * older FuncInfo (__CxxFrameHandler3), so the functions under test are
 * written in assembly, each with its C++ source in a comment, and their
 * FuncInfo4 tables are encoded by hand from the format Microsoft's
 * ehdata4_export.h (published with the VC++ runtime sources) describes.
 *
 * Conventions of the assembly: functions push rbx and rsi and allocate
 * 0x148 bytes (PROLOG), so the establisher frame is rsp after the prolog
 * and frame offsets >= 0x80 take two bytes compressed; catch funclets
 * (FUNCLET_PROLOG) store the parent's frame (rdx) at 16(%rsp) on entry,
 * which their FuncInfo4 names as 0x38 from their own frame, and keep it
 * in rbx. A `nop` after a call keeps its return address in the state of
 * the call. Un encodes a compressed int in n bytes (any form decodes, the
 * shortest is not required). An unwind-map entry for state -1 points
 * before the map. */
#ifndef DECANT_FH4_H
#define DECANT_FH4_H

#include "msvc.h"

extern "C" void __stdcall RaiseException(unsigned code, unsigned flags, unsigned nargs,
                                         const unsigned long long *args);

static int live;
struct Obj {
    int v;
    Obj(int v) : v(v) { live++; }
    Obj(const Obj &o) : v(o.v) { live++; }
    ~Obj() { live--; }
};
struct Guard {
    int n;
};

extern "C" {
/* kind 0: throw v; 1: throw Obj(v); 2: throw 1.5; 3: nothing;
 * 4: RaiseException(0xe0000001) */
__declspec(noinline) void thrower(int kind, int v)
{
    if (kind == 0)
        throw v;
    if (kind == 1)
        throw Obj(v);
    if (kind == 2)
        throw 1.5;
    if (kind == 4)
        RaiseException(0xe0000001, 0, 0, 0);
}
void guard_init(Guard *g, int n)
{
    g->n = n;
    printf("  +guard %d\n", n);
}
void guard_fini(Guard *g) { printf("  -guard %d\n", g->n); }
void note(const char *what, int v) { printf("  %s %d\n", what, v); }
}

asm(R"asm(
    .macro U1 v
    .byte ((\v) << 1) & 0xff
    .endm
    .macro U2 v
    .byte ((((\v) << 2) | 1) & 0xff), (((\v) >> 6) & 0xff)
    .endm
    .macro U3 v
    .byte ((((\v) << 3) | 3) & 0xff), (((\v) >> 5) & 0xff), (((\v) >> 13) & 0xff)
    .endm
    .macro U4 v
    .byte ((((\v) << 4) | 7) & 0xff), (((\v) >> 4) & 0xff), (((\v) >> 12) & 0xff), (((\v) >> 20) & 0xff)
    .endm
    .macro U5 v
    .byte 0x0f, ((\v) & 0xff), (((\v) >> 8) & 0xff), (((\v) >> 16) & 0xff), (((\v) >> 24) & 0xff)
    .endm
    .macro PROLOG
    push %rbx
    .seh_pushreg %rbx
    push %rsi
    .seh_pushreg %rsi
    sub $0x148, %rsp
    .seh_stackalloc 0x148
    .seh_endprologue
    .endm
    .macro EPILOG
    add $0x148, %rsp
    pop %rsi
    pop %rbx
    ret
    .endm
    .macro FUNCLET_PROLOG
    mov %rdx, 16(%rsp)
    push %rbx
    .seh_pushreg %rbx
    sub $0x20, %rsp
    .seh_stackalloc 0x20
    .seh_endprologue
    mov %rdx, %rbx
    .endm
    .macro FUNCLET_EPILOG
    add $0x20, %rsp
    pop %rbx
    ret
    .endm
    .text
)asm");

#endif
