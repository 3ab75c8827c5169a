/* The system service table (DESIGN.md §6): one line per Nt* service that
 * ntdll's export stubs name and that a raw `syscall` from program code
 * reaches (src/nt/syscall.c). SERVICE(number, function, argument count).
 * Numbers are Windows 10's (j00ru's table, column "Windows 10 (1903)"),
 * so programs with hard-coded numbers for the common services work too;
 * the low ones (below 0x63) have not changed since Windows 10 1507.
 * Sorted by number; tests/unit/services.c checks order and uniqueness. */
SERVICE(0x006, NtReadFile, 9)
SERVICE(0x008, NtWriteFile, 9)
SERVICE(0x011, NtQueryInformationFile, 5)
SERVICE(0x023, NtQueryVirtualMemory, 6)
SERVICE(0x031, NtQueryPerformanceCounter, 2)
SERVICE(0x033, NtOpenFile, 6)
SERVICE(0x035, NtQueryDirectoryFile, 11)
SERVICE(0x043, NtContinue, 2)
SERVICE(0x055, NtCreateFile, 11)
SERVICE(0x05a, NtQuerySystemTime, 1)
SERVICE(0x05d, NtCancelIoFile, 2)
SERVICE(0x090, NtCancelIoFileEx, 3)
