/* Access violations: ExceptionCode 0xC0000005, NumberParameters 2,
 * ExceptionInformation[0] = 0 for a read, 1 for a write, 8 for an
 * execute (DEP) fault, [1] = the exact address touched; ExceptionAddress
 * and Rip at the faulting instruction (execute: the address jumped to).
 * https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-exception_record */
#include <windows.h>
#include "test.h"

extern int do_read(void *p);
extern void do_write(void *p);
__asm__(".text\n"
        ".globl do_read\ndo_read:\n"
        ".globl read_insn\nread_insn:\n"
        "  movl (%rcx), %eax\n"
        ".globl read_done\nread_done:\n"
        "  ret\n"
        ".globl do_write\ndo_write:\n"
        ".globl write_insn\nwrite_insn:\n"
        "  movl $1, (%rcx)\n"
        ".globl write_done\nwrite_done:\n"
        "  ret\n");
extern char read_insn[], read_done[], write_insn[], write_done[];

static int faults;
static EXCEPTION_RECORD last;
static DWORD64 last_rip;

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    CONTEXT *c = ep->ContextRecord;
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION)
        return EXCEPTION_CONTINUE_SEARCH;
    faults++;
    last = *ep->ExceptionRecord;
    last_rip = c->Rip;
    if (c->Rip == (DWORD64)read_insn) {
        c->Rax = 0x77;
        c->Rip = (DWORD64)read_done;
    } else if (c->Rip == (DWORD64)write_insn) {
        c->Rip = (DWORD64)write_done;
    } else { /* execute fault: return to the caller, as if the call returned 0x88 */
        c->Rip = *(DWORD64 *)c->Rsp;
        c->Rsp += 8;
        c->Rax = 0x88;
    }
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void check(const char *what, ULONG_PTR kind, void *addr, void *insn)
{
    ok(last.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "%s: code %#lx", what, last.ExceptionCode);
    ok(last.ExceptionFlags == 0, "%s: flags %#lx", what, last.ExceptionFlags);
    ok(last.NumberParameters == 2, "%s: %lu parameters", what, last.NumberParameters);
    ok(last.ExceptionInformation[0] == kind, "%s: information[0] = %llu, want %llu", what,
       (unsigned long long)last.ExceptionInformation[0], (unsigned long long)kind);
    ok(last.ExceptionInformation[1] == (ULONG_PTR)addr, "%s: information[1] is the address", what);
    ok(last.ExceptionAddress == insn && last_rip == (DWORD64)insn, "%s: ExceptionAddress and Rip", what);
}

int main(void)
{
    char *ro, *na, *rw, *gone;
    DWORD old;
    int (*fn)(void);
    void *h = AddVectoredExceptionHandler(1, veh);

    ro = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    ro[0x10] = 5;
    VirtualProtect(ro, 4096, PAGE_READONLY, &old);
    na = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_NOACCESS);
    rw = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    gone = VirtualAlloc(NULL, 65536, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    VirtualFree(gone, 0, MEM_RELEASE);

    ok(do_read(ro + 0x10) == 5 && faults == 0, "read of a read-only page");
    ok(do_read((void *)0x123) == 0x77 && faults == 1, "read of address 0x123");
    check("read 0x123", 0, (void *)0x123, read_insn);
    ok(do_read(na + 0x44) == 0x77 && faults == 2, "read of a PAGE_NOACCESS page");
    check("read noaccess", 0, na + 0x44, read_insn);
    ok(do_read(gone + 0x2001) == 0x77 && faults == 3, "read of released memory");
    check("read released", 0, gone + 0x2001, read_insn);

    do_write(ro + 0x18);
    ok(faults == 4, "write to a read-only page");
    check("write readonly", 1, ro + 0x18, write_insn);
    ok(ro[0x18] == 0, "nothing written");
    do_write((void *)0x40);
    ok(faults == 5, "write to address 0x40");
    check("write 0x40", 1, (void *)0x40, write_insn);

    rw[0] = (char)0xc3; /* ret, in a page without execute access */
    fn = (int (*)(void))rw;
    ok(fn() == 0x88 && faults == 6, "call into a PAGE_READWRITE page");
    check("execute readwrite", 8, rw, rw);
    fn = (int (*)(void))(gone + 0x100);
    ok(fn() == 0x88 && faults == 7, "call into released memory");
    check("execute released", 8, gone + 0x100, gone + 0x100);

    RemoveVectoredExceptionHandler(h);
    return test_summary();
}
