#!/usr/bin/env bash
# A Windows program that makes raw Linux system calls (issue 5,
# linux_syscalls.asm): MessageBoxA, then write(2) to fd 1, fork(2), execve(2)
# of /bin/echo in the child, wait4(2) in the parent, a line with WriteFile
# and 42 returned from the entry point. The child's line comes before the
# parent's last one because the parent waits for the child first.
# Wine 8.0, run as is (Wine lets a `syscall` from Windows code reach Linux):
#   MessageBoxA did not return IDOK     (no display: it returns -1, error 1400)
#   hello from a raw Linux write
#   hello from /bin/echo, started with fork and execve
#   parent: wait4 returned the child, which exited with status 0
# and status 42. decant does the same with --syscalls=linux or
# DECANT_SYSCALLS=linux, and prints the message box on stderr, caption and
# text, returning IDOK (MB_OK's only button). By default decant's syscalls
# are Windows services, as on Windows, where eax = 1 is not write: the
# write does not return its length, the program tries it once more, says
# so and returns 3, and decant hints once on stderr that --syscalls=linux
# exists.
. "$(dirname "$0")/common.bash"
assemble linux_syscalls linux_syscalls.exe
LINUX_OUT="MessageBoxA returned IDOK
hello from a raw Linux write
hello from /bin/echo, started with fork and execve
parent: wait4 returned the child, which exited with status 0"
WINDOWS_OUT="MessageBoxA returned IDOK
the raw write did not return its length: not Linux system calls, no fork"

expect_box() {
    expect_stderr "linux_syscalls"
    expect_stderr "a message box before the raw Linux system calls"
}

CASE=linux_env
DECANT_SYSCALLS=linux run linux_syscalls.exe
expect_status 42
if [ $UNDER_WINE = 1 ]; then
    expect_stdout "MessageBoxA did not return IDOK${LINUX_OUT#MessageBoxA returned IDOK}"
else
    expect_stdout "$LINUX_OUT"
    expect_box
    expect_stderr "--syscalls=linux" 0
fi

if [ $UNDER_WINE = 1 ]; then
    echo "wine: the --syscalls option and the Windows-mode cases are decant's own"
    finish
fi

CASE=linux_option
run --syscalls=linux linux_syscalls.exe
expect_status 42
expect_stdout "$LINUX_OUT"
expect_box
expect_stderr "--syscalls=linux" 0

CASE=windows_default
run linux_syscalls.exe
expect_status 3
expect_stdout "$WINDOWS_OUT"
expect_box
expect_stderr "--syscalls=linux" 1

CASE=windows_env
DECANT_SYSCALLS=windows run linux_syscalls.exe
expect_status 3
expect_stdout "$WINDOWS_OUT"
expect_stderr "--syscalls=linux" 1
finish
