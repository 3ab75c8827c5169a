// A C++ exception unwinding through a __CxxFrameHandler4 function built
// /EHs (MSVC's default, /EHsc) to a catch of __CxxFrameHandler3 code (an
// older library): the frame's destructors run. Microsoft's FH4 skips /EHs
// frames for exceptions other than C++ ones, but takes the unwind a catch
// starts for C++ code of either kind (its record: STATUS_UNWIND_CONSOLIDATE,
// 15 parameters, [8] = 0x19930520). The tables also use the 5-byte form
// of compressed ints, which Wine 8 does not decode either.
// wine: skip Wine 8's FH4 knows only its own catch unwind record, so it skips the /EHs frame's destructors here
// libs: vcruntime140.lib vcruntime140_1.lib msvcrt.lib kernel32.lib
#include "fh4.h"

extern "C" void fh4_cleanup_ehs(int kind);

asm(R"asm(
# void fh4_cleanup_ehs(int kind)         // /EHs
# {
#     Guard g(51);                       // 0x100, state 0
#     thrower(kind, 51);
# }
    .text
    .p2align 4
    .globl fh4_cleanup_ehs
fh4_cleanup_ehs:
.seh_proc fh4_cleanup_ehs
    .seh_handler __CxxFrameHandler4, @unwind, @except
    PROLOG
    mov %ecx, %esi
    lea 0x100(%rsp), %rcx
    mov $51, %edx
    call guard_init
    nop
.LF_s0:
    mov %esi, %ecx
    mov $51, %edx
    call thrower
    nop
.LF_sm1:
    lea 0x100(%rsp), %rcx
    call guard_fini
    nop
    EPILOG
    .seh_handlerdata
    .long .LF_fi@IMGREL
    .text
    .seh_endproc

    .section .xdata,"dr"
.LF_fi:
    .byte 0x28                  # unwind map, /EHs
    .long .LF_unwind@IMGREL
    .long .LF_ip@IMGREL
.LF_unwind:
    U1 1
    U1 ((1 << 2) | 1)
    .long guard_fini@IMGREL
    U5 0x100
.LF_ip:
    U1 2
    U1 (.LF_s0 - fh4_cleanup_ehs)
    U1 1
    U1 (.LF_sm1 - .LF_s0)
    U1 0
    .text
)asm");

int main(void)
{
    int r = 0;
    printf("C++ exception through a /EHs frame to an FH3 catch:\n");
    try {
        fh4_cleanup_ehs(1);
    } catch (Obj &o) {
        r = o.v;
    }
    printf("-> %d live %d\n", r, live);
    ok(r == 51 && live == 0, "C++ exception, /EHs: %d live %d", r, live);
    return test_summary();
}
