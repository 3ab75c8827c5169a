// wine: skip Wine 8's ntdll stubs call its own dispatcher; a raw syscall from program code reaches Linux (see raw.h)
/* Raw Windows system calls from the program's own code on the main thread:
 * NtWriteFile, NtQuerySystemTime, NtAllocateVirtualMemory and NtClose with
 * numbers read out of ntdll at run time, through the export and three raw
 * forms, then two numbers no service has (raw.h says how and why). */
#include "raw.h"

int main(int argc, char **argv)
{
    BOOL through_ntdll = through_ntdll_arg(argc, argv);
    if (setup_forms(through_ntdll))
        run_all("", through_ntdll);
    return test_summary();
}
