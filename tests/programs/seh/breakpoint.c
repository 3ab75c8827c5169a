/* int3 raises EXCEPTION_BREAKPOINT (0x80000003).  On x64 Windows both
 * ExceptionAddress and the CONTEXT's Rip point at the int3 itself (the
 * kernel backs Rip up over it), so a handler that returns
 * EXCEPTION_CONTINUE_EXECUTION unchanged would run it again: it must
 * step over the one byte.  NumberParameters is 1 with
 * ExceptionInformation[0] = 0 (BREAKPOINT_BREAK).  DebugBreak() raises
 * the same exception from inside the system DLL. */
#include <windows.h>
#include "test.h"

extern int do_int3(void);
__asm__(".text\n"
        ".globl do_int3\ndo_int3:\n"
        "  mov $5, %eax\n"
        ".globl int3_insn\nint3_insn:\n"
        "  int3\n"
        "  add $1, %eax\n"
        "  ret\n");
extern char int3_insn[];

static int hits;
static EXCEPTION_RECORD rec;
static DWORD64 rip;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_BREAKPOINT)
        return EXCEPTION_CONTINUE_SEARCH;
    hits++;
    rec = *ep->ExceptionRecord;
    rip = ep->ContextRecord->Rip;
    if (*(unsigned char *)rip == 0xcc)
        ep->ContextRecord->Rip++;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    HMODULE self = GetModuleHandleW(NULL);
    void *h = AddVectoredExceptionHandler(1, veh);

    ok(do_int3() == 6, "execution resumes after the int3");
    ok(hits == 1, "one breakpoint: %d", hits);
    ok(rec.ExceptionCode == EXCEPTION_BREAKPOINT, "code %#lx", rec.ExceptionCode);
    ok(rec.ExceptionFlags == 0, "flags %#lx", rec.ExceptionFlags);
    ok(rec.ExceptionAddress == int3_insn, "ExceptionAddress at the int3");
    ok(rip == (DWORD64)int3_insn, "Rip at the int3, not after it");
    ok(rec.NumberParameters == 1 && rec.ExceptionInformation[0] == 0, "parameters: %lu, [0]=%llu",
       rec.NumberParameters, (unsigned long long)rec.ExceptionInformation[0]);

    DebugBreak();
    ok(hits == 2, "DebugBreak raises a breakpoint");
    ok(rec.ExceptionCode == EXCEPTION_BREAKPOINT, "DebugBreak code %#lx", rec.ExceptionCode);
    ok(rec.ExceptionAddress == (void *)rip, "DebugBreak: ExceptionAddress = Rip");
    {
        MEMORY_BASIC_INFORMATION mbi;
        VirtualQuery(rec.ExceptionAddress, &mbi, sizeof(mbi));
        ok(mbi.AllocationBase != self, "DebugBreak's int3 is in a system DLL, not the program");
    }

    __debugbreak();
    ok(hits == 3, "__debugbreak");
    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
