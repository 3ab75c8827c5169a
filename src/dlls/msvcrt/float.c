/* The floating-point environment: _control87/_controlfp translate
 * msvcrt's _MCW_* bits to MXCSR (and the x87 control word, kept in step
 * as msvcrt does on x64), _statusfp/_clearfp read and clear the sticky
 * exception flags of both units, _fpreset restores Windows' start state. */
#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

#define EM_INEXACT 0x1
#define EM_UNDERFLOW 0x2
#define EM_OVERFLOW 0x4
#define EM_ZERODIVIDE 0x8
#define EM_INVALID 0x10
#define EM_DENORMAL 0x80000
#define MCW_EM 0x8001f
#define MCW_RC 0x300
#define MCW_PC 0x30000
#define MCW_DN 0x3000000
#define MCW_IC 0x40000
#define DN_FLUSH 0x1000000

static unsigned get_mxcsr(void)
{
    unsigned v;
    __asm__ volatile("stmxcsr %0" : "=m"(v));
    return v;
}
static void set_mxcsr(unsigned v) { __asm__ volatile("ldmxcsr %0" : : "m"(v)); }
static unsigned short get_x87cw(void)
{
    unsigned short v;
    __asm__ volatile("fnstcw %0" : "=m"(v));
    return v;
}
static void set_x87cw(unsigned short v) { __asm__ volatile("fldcw %0" : : "m"(v)); }

/* The mask bits of MXCSR (7-12) and of the x87 word (0-5) in msvcrt's
 * order: invalid, denormal, zero-divide, overflow, underflow, inexact. */
static const unsigned em_bits[6] = {EM_INVALID, EM_DENORMAL, EM_ZERODIVIDE,
                                    EM_OVERFLOW, EM_UNDERFLOW, EM_INEXACT};

static unsigned read_control(void)
{
    unsigned m = get_mxcsr(), cw = 0;
    for (int i = 0; i < 6; i++)
        if (m & (0x80 << i))
            cw |= em_bits[i];
    cw |= ((m >> 13) & 3) == 1 ? 0x100 : ((m >> 13) & 3) == 2 ? 0x200
          : ((m >> 13) & 3) == 3 ? 0x300 : 0;
    if (m & 0x8040)
        cw |= DN_FLUSH;
    unsigned short x = get_x87cw();
    int pc = (x >> 8) & 3; /* 0: 24-bit, 2: 53-bit, 3: 64-bit */
    cw |= pc == 0 ? 0x20000 : pc == 2 ? 0x10000 : 0;
    return cw;
}

static void write_control(unsigned cw)
{
    unsigned m = get_mxcsr() & ~(0x1f80u | 0x6000u | 0x8040u);
    unsigned short x = get_x87cw() & ~(0x3fu | 0xc00u | 0x300u);
    for (int i = 0; i < 6; i++)
        if (cw & em_bits[i]) {
            m |= 0x80 << i;
            x |= 1 << i;
        }
    unsigned rc = (cw & MCW_RC) == 0x100 ? 1 : (cw & MCW_RC) == 0x200 ? 2
                  : (cw & MCW_RC) == 0x300 ? 3 : 0;
    m |= rc << 13;
    x |= rc << 10;
    if (cw & DN_FLUSH)
        m |= 0x8040;
    unsigned pc = (cw & MCW_PC) == 0x20000 ? 0 : (cw & MCW_PC) == 0x10000 ? 2 : 3;
    x |= pc << 8;
    set_mxcsr(m);
    set_x87cw(x);
}

/* _control87 (msvcrt) */
unsigned CDECL msvcrt__control87(unsigned newval, unsigned mask)
{
    unsigned cw = read_control();
    if (mask) {
        cw = (cw & ~mask) | (newval & mask);
        write_control(cw);
    }
    return read_control();
}

/* _controlfp (msvcrt): _control87 without the denormal mask bit. */
unsigned CDECL msvcrt__controlfp(unsigned newval, unsigned mask)
{
    return msvcrt__control87(newval, mask & ~(EM_DENORMAL | MCW_IC));
}

/* _controlfp_s (msvcrt) */
int CDECL msvcrt__controlfp_s(unsigned *cur, unsigned newval, unsigned mask)
{
    if (mask & ~(MCW_EM | MCW_RC | MCW_PC | MCW_DN | MCW_IC)) {
        if (cur)
            *cur = read_control();
        return M_EINVAL;
    }
    unsigned v = msvcrt__controlfp(newval, mask);
    if (cur)
        *cur = v;
    return 0;
}

static unsigned read_status(void)
{
    unsigned m = get_mxcsr(), sw = 0;
    unsigned short x;
    __asm__ volatile("fnstsw %0" : "=m"(x));
    unsigned flags = (m & 0x3f) | (x & 0x3f);
    for (int i = 0; i < 6; i++)
        if (flags & (1 << i))
            sw |= em_bits[i];
    return sw;
}

/* _statusfp / _clearfp (msvcrt) */
unsigned CDECL msvcrt__statusfp(void) { return read_status(); }
unsigned CDECL msvcrt__clearfp(void)
{
    unsigned sw = read_status();
    set_mxcsr(get_mxcsr() & ~0x3fu);
    __asm__ volatile("fnclex");
    return sw;
}

/* _fpreset (msvcrt): Windows' initial state, x87 0x27f, MXCSR 0x1f80. */
void CDECL msvcrt__fpreset(void)
{
    __asm__ volatile("fninit");
    set_x87cw(0x27f);
    set_mxcsr(0x1f80);
}

/* _set_controlfp (msvcrt) */
void CDECL msvcrt__set_controlfp(unsigned newval, unsigned mask)
{
    msvcrt__controlfp(newval, mask);
}
