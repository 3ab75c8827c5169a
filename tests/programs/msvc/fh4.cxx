// __CxxFrameHandler4 (vcruntime140_1.dll), the handler of MSVC 2019+'s
// compressed C++ EH tables (see fh4.h): catch by reference, by value and
// (...), continuations given by the catch funclet or by the tables
// (function-relative or RVAs, one or two), all four kinds of unwind-map
// entry, `throw;` and a new throw out of a catch funclet with tables of its
// own, a throw out of a catch caught by an outer try of the same function,
// a try inside a catch, functions with destructors only (/EHa and /EHs
// under an SEH exception), a separated ip map, compressed ints of 1 to 4
// bytes.
// libs: vcruntime140.lib vcruntime140_1.lib msvcrt.lib kernel32.lib
#include "fh4.h"

extern "C" {
int fh4_catch(int kind, int v);
void fh4_rethrow(int mode);
void fh4_cleanup(int kind);
void fh4_cleanup_ehs(int kind);
int fh4_nested(void);
int fh4_try_in_catch(void);
}

/* An SEH exception from fn(4), caught by __except. */
static int seh_through(void (*fn)(int))
{
    __try {
        fn(4);
    } __except (1) {
        return 1;
    }
    return 0;
}

asm(R"asm(
    .section .rdata,"dr"
.Ls_obj:    .asciz "catch Obj&"
.Ls_int:    .asciz "catch int"
.Ls_all:    .asciz "catch (...)"
.Ls_inner:  .asciz "inner catch Obj&"
.Ls_outer:  .asciz "outer catch Obj&"

    .section .xdata,"dr"
    .p2align 2
.Lno_ip:                        # an ip map without entries: state -1
    U1 0

# ---------------------------------------------------------------------------
# int fh4_catch(int kind, int v)
# {
#     int r = 0;                         // 0x110; v at 0x138
#     Guard g(1);                        // 0x100, state 0
#     try {                              // state 1
#         Guard h(2);                    // 0x108, state 2 (an unwind funclet)
#         Guard k(3), *kp = &k;          // 0x130, 0x128, state 3 (through kp)
#         thrower(kind, v);
#     } catch (Obj &o) {                 // 0x118; continuation 0 from the tables
#         note("catch Obj&", o.v);
#         r = o.v;
#     } catch (int i) {                  // 0x120; the funclet returns the address
#         note("catch int", i);
#         r = i * 10;
#     } catch (...) {                    // two continuations, as RVAs; state 4
#         note("catch (...)", v);
#         r = -1;
#         if (v == 7)
#             goto seven;
#     }
#     return r;
# seven:
#     r = -7;
#     return r;
# }
# (both returns run ~g)
    .text
    .p2align 4
    .globl fh4_catch
fh4_catch:
.seh_proc fh4_catch
    .seh_handler __CxxFrameHandler4, @unwind, @except
    PROLOG
    mov %ecx, %esi
    mov %edx, 0x138(%rsp)
    movl $0, 0x110(%rsp)
    lea 0x100(%rsp), %rcx
    mov $1, %edx
    call guard_init
    nop
.LA_s0:
    jmp 1f
    .fill 200, 1, 0xcc          # never run: a 2-byte ip delta
1:
.LA_s1:
    lea 0x108(%rsp), %rcx
    mov $2, %edx
    call guard_init
    nop
.LA_s2:
    lea 0x130(%rsp), %rcx
    mov $3, %edx
    call guard_init
    lea 0x130(%rsp), %rax
    mov %rax, 0x128(%rsp)
.LA_s3:
    mov %esi, %ecx
    mov 0x138(%rsp), %edx
    call thrower
    nop
.LA_s2b:
    mov 0x128(%rsp), %rcx
    call guard_fini
    nop
.LA_s1b:
    lea 0x108(%rsp), %rcx
    call guard_fini
    nop
.LA_cont:                       # state -1
    lea 0x100(%rsp), %rcx
    call guard_fini
    mov 0x110(%rsp), %eax
    EPILOG
.LA_seven:
    movl $-7, 0x110(%rsp)
    jmp .LA_cont
    .seh_handlerdata
    .long .LA_fi@IMGREL
    .text
    .seh_endproc

fh4_catch_dtor_h:               # state 2's unwind funclet: ~h
.seh_proc fh4_catch_dtor_h
    mov %rdx, 16(%rsp)
    sub $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_endprologue
    lea 0x108(%rdx), %rcx
    call guard_fini
    nop
    add $0x28, %rsp
    ret
    .seh_endproc

fh4_catch_obj:                  # catch (Obj &o)
.seh_proc fh4_catch_obj
    .seh_handler __CxxFrameHandler4, @unwind, @except
    FUNCLET_PROLOG
    mov 0x118(%rbx), %rax
    mov (%rax), %edx
    mov %edx, 0x110(%rbx)
    lea .Ls_obj(%rip), %rcx
    call note
    xor %eax, %eax              # continuation 0
    FUNCLET_EPILOG
    .seh_handlerdata
    .long .LA_fi_funclet@IMGREL
    .text
    .seh_endproc

fh4_catch_int:                  # catch (int i)
.seh_proc fh4_catch_int
    .seh_handler __CxxFrameHandler4, @unwind, @except
    FUNCLET_PROLOG
    mov 0x120(%rbx), %edx
    imul $10, %edx, %eax
    mov %eax, 0x110(%rbx)
    lea .Ls_int(%rip), %rcx
    call note
    lea .LA_cont(%rip), %rax
    FUNCLET_EPILOG
    .seh_handlerdata
    .long .LA_fi_funclet@IMGREL
    .text
    .seh_endproc

fh4_catch_all:                  # catch (...)
.seh_proc fh4_catch_all
    .seh_handler __CxxFrameHandler4, @unwind, @except
    FUNCLET_PROLOG
    movl $-1, 0x110(%rbx)
    mov 0x138(%rbx), %edx
    lea .Ls_all(%rip), %rcx
    call note
    xor %eax, %eax
    cmpl $7, 0x138(%rbx)
    sete %al                    # continuation 1 if v == 7
    FUNCLET_EPILOG
    .seh_handlerdata
    .long .LA_fi_funclet@IMGREL
    .text
    .seh_endproc

    .section .xdata,"dr"
.LA_fi:
    .byte 0x18                  # unwind map, try block map
    .long .LA_unwind@IMGREL
    .long .LA_try@IMGREL
    .long .LA_ip@IMGREL
.LA_fi_funclet:
    .byte 0x01                  # a catch funclet
    .long .Lno_ip@IMGREL
    U1 0x38
.LA_unwind:
    U1 5
.LA_u0:                         # g: destructor on frame+0x100, to -1
    U1 ((1 << 2) | 1)
    .long guard_fini@IMGREL
    U2 0x100
.LA_u1:                         # the try: no action, to 0
    U1 (((.LA_u1 - .LA_u0) << 2) | 0)
.LA_u2:                         # h: unwind funclet, to 1
    U1 (((.LA_u2 - .LA_u1) << 2) | 3)
    .long fh4_catch_dtor_h@IMGREL
.LA_u3:                         # k: destructor on *(frame+0x128), to 2
    U1 (((.LA_u3 - .LA_u2) << 2) | 2)
    .long guard_fini@IMGREL
    U2 0x128
.LA_u4:                         # the catches: to 0
    U1 (((.LA_u4 - .LA_u0) << 2) | 0)
.LA_try:
    U1 1
    U1 1                        # try states 1..3, catches' up to 4
    U1 3
    U4 4
    .long .LA_catches@IMGREL
.LA_catches:
    U1 3
    .byte 0x17                  # adjectives, type, object, 1 continuation
    U1 8                        # a reference
    .long "??_R0?AUObj@@@8"@IMGREL
    U2 0x118
    .long fh4_catch_obj@IMGREL
    U2 (.LA_cont - fh4_catch)
    .byte 0x06                  # type, object
    .long "??_R0H@8"@IMGREL
    U2 0x120
    .long fh4_catch_int@IMGREL
    .byte 0x28                  # 2 continuations, as RVAs
    .long fh4_catch_all@IMGREL
    .long .LA_cont@IMGREL
    .long .LA_seven@IMGREL
.LA_ip:
    U1 7
    U1 (.LA_s0 - fh4_catch)
    U1 1
    U2 (.LA_s1 - .LA_s0)
    U1 2
    U1 (.LA_s2 - .LA_s1)
    U1 3
    U1 (.LA_s3 - .LA_s2)
    U1 4
    U1 (.LA_s2b - .LA_s3)
    U1 3
    U1 (.LA_s1b - .LA_s2b)
    U1 2
    U1 (.LA_cont - .LA_s1b)
    U1 0

# ---------------------------------------------------------------------------
# void fh4_rethrow(int mode)             // mode at 0x118
# {
#     Guard g(10);                       // 0x100, state 0
#     try {                              // state 1
#         thrower(1, 20);
#     } catch (Obj &o) {                 // 0x108; the catch's own tables:
#         o.v++;
#         note("catch Obj&", o.v);
#         Guard c(11);                   // 0x110, its state 0
#         if (mode == 0)
#             throw;
#         if (mode == 1)
#             thrower(1, o.v + 100);
#     }
# }
    .text
    .p2align 4
    .globl fh4_rethrow
fh4_rethrow:
.seh_proc fh4_rethrow
    .seh_handler __CxxFrameHandler4, @unwind, @except
    PROLOG
    mov %ecx, 0x118(%rsp)
    lea 0x100(%rsp), %rcx
    mov $10, %edx
    call guard_init
    nop
.LB_s0:
    nop
.LB_s1:
    mov $1, %ecx
    mov $20, %edx
    call thrower
    nop
.LB_cont:                       # state -1
    lea 0x100(%rsp), %rcx
    call guard_fini
    nop
    EPILOG
    .seh_handlerdata
    .long .LB_fi@IMGREL
    .text
    .seh_endproc

fh4_rethrow_catch:              # catch (Obj &o)
.seh_proc fh4_rethrow_catch
    .seh_handler __CxxFrameHandler4, @unwind, @except
    FUNCLET_PROLOG
    mov 0x108(%rbx), %rax
    incl (%rax)
    mov (%rax), %edx
    lea .Ls_obj(%rip), %rcx
    call note
    lea 0x110(%rbx), %rcx
    mov $11, %edx
    call guard_init
    nop
.LBc_s0:
    mov 0x118(%rbx), %eax
    test %eax, %eax
    jnz 1f
    xor %ecx, %ecx
    xor %edx, %edx
    call _CxxThrowException     # throw;
1:
    cmp $1, %eax
    jne 2f
    mov 0x108(%rbx), %rax
    mov (%rax), %edx
    add $100, %edx
    mov $1, %ecx
    call thrower
2:
    nop
.LBc_sm1:
    lea 0x110(%rbx), %rcx
    call guard_fini
    lea .LB_cont(%rip), %rax
    FUNCLET_EPILOG
    .seh_handlerdata
    .long .LBc_fi@IMGREL
    .text
    .seh_endproc

    .section .xdata,"dr"
.LB_fi:
    .byte 0x18
    .long .LB_unwind@IMGREL
    .long .LB_try@IMGREL
    .long .LB_ip@IMGREL
.LB_unwind:
    U1 3
.LB_u0:
    U1 ((1 << 2) | 1)
    .long guard_fini@IMGREL
    U2 0x100
.LB_u1:
    U1 (((.LB_u1 - .LB_u0) << 2) | 0)
.LB_u2:
    U1 (((.LB_u2 - .LB_u0) << 2) | 0)
.LB_try:
    U1 1
    U1 1
    U1 1
    U1 2
    .long .LB_catches@IMGREL
.LB_catches:
    U1 1
    .byte 0x07                  # adjectives, type, object; the funclet returns the address
    U1 8
    .long "??_R0?AUObj@@@8"@IMGREL
    U2 0x108
    .long fh4_rethrow_catch@IMGREL
.LB_ip:
    U1 3
    U1 (.LB_s0 - fh4_rethrow)
    U1 1
    U1 (.LB_s1 - .LB_s0)
    U1 2
    U1 (.LB_cont - .LB_s1)
    U1 0
.LBc_fi:
    .byte 0x09                  # a catch funclet, with an unwind map
    .long .LBc_unwind@IMGREL
    .long .LBc_ip@IMGREL
    U2 0x38
.LBc_unwind:
    U1 1
.LBc_u0:                        # c: destructor on frame+0x110 (the parent's frame)
    U1 ((1 << 2) | 1)
    .long guard_fini@IMGREL
    U2 0x110
.LBc_ip:
    U1 2
    U1 (.LBc_s0 - fh4_rethrow_catch)
    U1 1
    U1 (.LBc_sm1 - .LBc_s0)
    U1 0

# ---------------------------------------------------------------------------
# void fh4_cleanup(int kind)             // built /EHa: no try block
# {
#     Guard g(50);                       // 0x100, state 0
#     thrower(kind, 50);
# }
# void fh4_cleanup_ehs(int kind)         // the same built /EHs: an SEH
# {                                      // exception destroys nothing
#     Guard g(51);
#     thrower(kind, 51);
# }
    .text
    .p2align 4
    .globl fh4_cleanup
fh4_cleanup:
.seh_proc fh4_cleanup
    .seh_handler __CxxFrameHandler4, @unwind, @except
    PROLOG
    mov %ecx, %esi
    lea 0x100(%rsp), %rcx
    mov $50, %edx
    call guard_init
    nop
.LE_s0:
    mov %esi, %ecx
    mov $50, %edx
    call thrower
    nop
.LE_sm1:
    lea 0x100(%rsp), %rcx
    call guard_fini
    nop
    EPILOG
    .seh_handlerdata
    .long .LE_fi@IMGREL
    .text
    .seh_endproc

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
.LE_fi:
    .byte 0x08                  # unwind map
    .long .LE_unwind@IMGREL
    .long .LE_ip@IMGREL
.LE_unwind:
    U1 1
    U1 ((1 << 2) | 1)
    .long guard_fini@IMGREL
    U2 0x100
.LE_ip:
    U1 2
    U1 (.LE_s0 - fh4_cleanup)
    U1 1
    U1 (.LE_sm1 - .LE_s0)
    U1 0
.LF_fi:
    .byte 0x28                  # unwind map, /EHs
    .long .LE_unwind@IMGREL
    .long .LF_ip@IMGREL
.LF_ip:
    U1 2
    U1 (.LF_s0 - fh4_cleanup_ehs)
    U1 1
    U1 (.LF_sm1 - .LF_s0)
    U1 0

# ---------------------------------------------------------------------------
# int fh4_nested(void)                   // separated ip map
# {
#     int r = 0;                         // 0x100
#     try {                              // state 0
#         try {                          // state 1
#             thrower(1, 30);
#         } catch (Obj &o) {             // 0x108, state 2
#             note("inner catch Obj&", o.v);
#             thrower(1, o.v + 1);
#         }
#     } catch (Obj &o) {                 // 0x110, state 3
#         note("outer catch Obj&", o.v);
#         r = o.v;
#     }
#     return r;
# }
    .text
    .p2align 4
    .globl fh4_nested
fh4_nested:
.seh_proc fh4_nested
    .seh_handler __CxxFrameHandler4, @unwind, @except
    PROLOG
    movl $0, 0x100(%rsp)
    jmp 1f
    .fill 16400, 1, 0xcc        # never run: a 3-byte ip delta
1:
.LC_s0:
    nop
.LC_s1:
    mov $1, %ecx
    mov $30, %edx
    call thrower
    nop
.LC_s0b:
    nop
.LC_cont:                       # state -1
    mov 0x100(%rsp), %eax
    EPILOG
    .seh_handlerdata
    .long .LC_fi@IMGREL
    .text
    .seh_endproc

fh4_nested_inner:               # the inner catch (Obj &o)
.seh_proc fh4_nested_inner
    .seh_handler __CxxFrameHandler4, @unwind, @except
    FUNCLET_PROLOG
    mov 0x108(%rbx), %rax
    mov (%rax), %edx
    lea .Ls_inner(%rip), %rcx
    call note
    mov 0x108(%rbx), %rax
    mov (%rax), %edx
    inc %edx
    mov $1, %ecx
    call thrower
    nop
    lea .LC_s0b(%rip), %rax
    FUNCLET_EPILOG
    .seh_handlerdata
    .long .LC_fi_funclet@IMGREL
    .text
    .seh_endproc

fh4_nested_outer:               # the outer catch (Obj &o)
.seh_proc fh4_nested_outer
    .seh_handler __CxxFrameHandler4, @unwind, @except
    FUNCLET_PROLOG
    mov 0x110(%rbx), %rax
    mov (%rax), %edx
    mov %edx, 0x100(%rbx)
    lea .Ls_outer(%rip), %rcx
    call note
    xor %eax, %eax
    FUNCLET_EPILOG
    .seh_handlerdata
    .long .LC_fi_funclet@IMGREL
    .text
    .seh_endproc

    .section .xdata,"dr"
.LC_fi:
    .byte 0x1a                  # separated, unwind map, try block map
    .long .LC_unwind@IMGREL
    .long .LC_try@IMGREL
    .long .LC_segments@IMGREL
.LC_fi_funclet:
    .byte 0x01
    .long .Lno_ip@IMGREL
    U4 0x38
.LC_unwind:
    U1 4
.LC_u0:
    U1 ((1 << 2) | 0)
.LC_u1:
    U1 (((.LC_u1 - .LC_u0) << 2) | 0)
.LC_u2:
    U1 (((.LC_u2 - .LC_u0) << 2) | 0)
.LC_u3:
    U1 (((.LC_u3 - .LC_u0 + 1) << 2) | 0)
.LC_try:
    U1 2
    U1 1                        # the inner try, first
    U1 1
    U1 2
    .long .LC_inner@IMGREL
    U1 0                        # the outer try
    U1 2
    U1 3
    .long .LC_outer@IMGREL
.LC_inner:
    U1 1
    .byte 0x07
    U1 8
    .long "??_R0?AUObj@@@8"@IMGREL
    U2 0x108
    .long fh4_nested_inner@IMGREL
.LC_outer:
    U1 1
    .byte 0x17
    U1 8
    .long "??_R0?AUObj@@@8"@IMGREL
    U2 0x110
    .long fh4_nested_outer@IMGREL
    U3 (.LC_cont - fh4_nested)
.LC_segments:                   # one segment: the whole function
    U1 1
    .long fh4_nested@IMGREL
    .long .LC_ip@IMGREL
.LC_ip:
    U1 4
    U3 (.LC_s0 - fh4_nested)
    U1 1
    U1 (.LC_s1 - .LC_s0)
    U1 2
    U1 (.LC_s0b - .LC_s1)
    U1 1
    U1 (.LC_cont - .LC_s0b)
    U1 0

# ---------------------------------------------------------------------------
# int fh4_try_in_catch(void)
# {
#     int r = 0;                         // 0x100
#     try {                              // state 0
#         thrower(1, 40);
#     } catch (Obj &o) {                 // 0x108, state 1; the catch's own tables:
#         note("catch Obj&", o.v);
#         try {                          //   its state 0
#             thrower(0, 2);
#         } catch (int i) {              //   0x110, its state 1; continuation 0
#             note("catch int", i);      //   (relative to the outer catch funclet)
#             r = o.v + i;
#         }
#         r *= 10;
#     }
#     return r;
# }
    .text
    .p2align 4
    .globl fh4_try_in_catch
fh4_try_in_catch:
.seh_proc fh4_try_in_catch
    .seh_handler __CxxFrameHandler4, @unwind, @except
    PROLOG
    movl $0, 0x100(%rsp)
.LD_s0:
    mov $1, %ecx
    mov $40, %edx
    call thrower
    nop
.LD_cont:                       # state -1
    mov 0x100(%rsp), %eax
    EPILOG
    .seh_handlerdata
    .long .LD_fi@IMGREL
    .text
    .seh_endproc

fh4_try_in_catch_obj:           # catch (Obj &o)
.seh_proc fh4_try_in_catch_obj
    .seh_handler __CxxFrameHandler4, @unwind, @except
    FUNCLET_PROLOG
    mov 0x108(%rbx), %rax
    mov (%rax), %edx
    lea .Ls_obj(%rip), %rcx
    call note
.LD1_s0:
    xor %ecx, %ecx
    mov $2, %edx
    call thrower
    nop
.LD1_cont:                      # state -1
    imull $10, 0x100(%rbx), %eax
    mov %eax, 0x100(%rbx)
    lea .LD_cont(%rip), %rax
    FUNCLET_EPILOG
    .seh_handlerdata
    .long .LD1_fi@IMGREL
    .text
    .seh_endproc

fh4_try_in_catch_int:           # catch (int i), inside the catch
.seh_proc fh4_try_in_catch_int
    .seh_handler __CxxFrameHandler4, @unwind, @except
    FUNCLET_PROLOG
    mov 0x110(%rbx), %edx
    lea .Ls_int(%rip), %rcx
    call note
    mov 0x108(%rbx), %rax
    mov (%rax), %eax
    add 0x110(%rbx), %eax
    mov %eax, 0x100(%rbx)
    xor %eax, %eax
    FUNCLET_EPILOG
    .seh_handlerdata
    .long .LC_fi_funclet@IMGREL
    .text
    .seh_endproc

    .section .xdata,"dr"
.LD_fi:
    .byte 0x18
    .long .LD_unwind@IMGREL
    .long .LD_try@IMGREL
    .long .LD_ip@IMGREL
.LD_unwind:
    U1 2
.LD_u0:
    U1 ((1 << 2) | 0)
.LD_u1:
    U1 (((.LD_u1 - .LD_u0 + 1) << 2) | 0)
.LD_try:
    U1 1
    U1 0
    U1 0
    U1 1
    .long .LD_catches@IMGREL
.LD_catches:
    U1 1
    .byte 0x07
    U1 8
    .long "??_R0?AUObj@@@8"@IMGREL
    U2 0x108
    .long fh4_try_in_catch_obj@IMGREL
.LD_ip:
    U1 2
    U1 (.LD_s0 - fh4_try_in_catch)
    U1 1
    U1 (.LD_cont - .LD_s0)
    U1 0
.LD1_fi:
    .byte 0x19                  # a catch funclet, unwind map, try block map
    .long .LD1_unwind@IMGREL
    .long .LD1_try@IMGREL
    .long .LD1_ip@IMGREL
    U1 0x38
.LD1_unwind:
    U1 2
.LD1_u0:
    U1 ((1 << 2) | 0)
.LD1_u1:
    U1 (((.LD1_u1 - .LD1_u0 + 1) << 2) | 0)
.LD1_try:
    U1 1
    U1 0
    U1 0
    U1 1
    .long .LD1_catches@IMGREL
.LD1_catches:
    U1 1
    .byte 0x16                  # type, object, 1 continuation
    .long "??_R0H@8"@IMGREL
    U2 0x110
    .long fh4_try_in_catch_int@IMGREL
    U1 (.LD1_cont - fh4_try_in_catch_obj)
.LD1_ip:
    U1 2
    U1 (.LD1_s0 - fh4_try_in_catch_obj)
    U1 1
    U1 (.LD1_cont - .LD1_s0)
    U1 0
    .text
)asm");

int main(void)
{
    int r;
    printf("catch Obj&:\n");
    r = fh4_catch(1, 5);
    printf("-> %d live %d\n", r, live);
    ok(r == 5 && live == 0, "catch Obj&: %d live %d", r, live);

    printf("catch int:\n");
    r = fh4_catch(0, 4);
    printf("-> %d live %d\n", r, live);
    ok(r == 40, "catch int: %d", r);

    printf("catch (...):\n");
    r = fh4_catch(2, 3);
    printf("-> %d\n", r);
    ok(r == -1, "catch (...): %d", r);

    printf("catch (...), second continuation:\n");
    r = fh4_catch(2, 7);
    printf("-> %d\n", r);
    ok(r == -7, "second continuation: %d", r);

    printf("no throw:\n");
    r = fh4_catch(3, 0);
    printf("-> %d\n", r);
    ok(r == 0, "no throw: %d", r);

    printf("rethrow:\n");
    r = 0;
    try {
        fh4_rethrow(0);
    } catch (Obj &o) {
        printf("  caught Obj& %d live %d\n", o.v, live);
        r = o.v;
    }
    printf("-> %d live %d\n", r, live);
    ok(r == 21 && live == 0, "rethrow: %d live %d", r, live);

    printf("throw out of a catch:\n");
    r = 0;
    try {
        fh4_rethrow(1);
    } catch (Obj &o) {
        printf("  caught Obj& %d live %d\n", o.v, live);
        ok(live == 1, "the first object destroyed when its catch was left: %d", live);
        r = o.v;
    }
    printf("-> %d live %d\n", r, live);
    ok(r == 121 && live == 0, "throw out of a catch: %d live %d", r, live);

    printf("catch ends:\n");
    fh4_rethrow(2);
    printf("-> live %d\n", live);
    ok(live == 0, "catch ends: live %d", live);

    printf("destructors only:\n");
    r = 0;
    try {
        fh4_cleanup(1);
    } catch (Obj &o) {
        r = o.v;
    }
    printf("-> %d live %d\n", r, live);
    ok(r == 50 && live == 0, "destructors only: %d live %d", r, live);

    printf("SEH exception, /EHa:\n");
    r = seh_through(fh4_cleanup);
    printf("-> %d\n", r);
    ok(r == 1, "SEH exception, /EHa: %d", r);

    printf("SEH exception, /EHs:\n");
    r = seh_through(fh4_cleanup_ehs);
    printf("-> %d\n", r);
    ok(r == 1, "SEH exception, /EHs: %d", r);

    printf("throw out of a catch to an outer try:\n");
    r = fh4_nested();
    printf("-> %d live %d\n", r, live);
    ok(r == 31 && live == 0, "outer try: %d live %d", r, live);

    printf("try inside a catch:\n");
    r = fh4_try_in_catch();
    printf("-> %d live %d\n", r, live);
    ok(r == 420 && live == 0, "try inside a catch: %d live %d", r, live);
    return test_summary();
}
