// wine: skip Wine 8's ntdll stubs call its own dispatcher; a raw syscall from program code reaches Linux (see raw.h)
/* "Indirect syscalls" (SysWhispers3 and the like): the program loads r10
 * and eax itself, then jumps to the `syscall; ret` inside ntdll's own stub,
 * so the system call seems to come from ntdll. On Windows 10 and later
 * the stub is mov r10, rcx; mov eax, N; test byte [0x7ffe0308], 1;
 * jne +3; syscall; ret; int 0x2e; ret, so `0f 05 c3` is at offset 0x12.
 * A decant stub that reaches its implementation some other way must still
 * serve the syscall instruction there. */
#include "raw.h"

int main(int argc, char **argv)
{
    static struct form indirect = {"indirect"};
    BOOL through_ntdll = through_ntdll_arg(argc, argv);
    int s, found = 0, offset = -1;
    if (!setup_forms(through_ntdll))
        return test_summary();
    for (s = 0; s < S_UNKNOWN; s++) {
        const unsigned char *p = (const unsigned char *)forms[0].fn[s];
        int i;
        for (i = 8; i <= 32 - 3; i++)
            if (p[i] == 0x0f && p[i + 1] == 0x05 && p[i + 2] == 0xc3)
                break;
        ok(i <= 32 - 3, "no syscall; ret in %s's stub", service_names[s]);
        if (i > 32 - 3)
            continue;
        found++;
        if (s == 0)
            offset = i;
        ok(i == offset, "syscall; ret at 0x%x in %s's stub, 0x%x in NtWriteFile's", i,
           service_names[s], offset);
        if (through_ntdll)
            indirect.fn[s] = forms[0].fn[s];
        else
            indirect.indirect[s] = p + i;
    }
    printf("syscall; ret found in %d of %d stubs, at offset 0x%x\n", found, S_UNKNOWN, offset);
    fflush(stdout);
    if (found == S_UNKNOWN)
        run_form("", &indirect);
    return test_summary();
}
