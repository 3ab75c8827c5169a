#!/usr/bin/env bash
# (g) An import of KERNEL32.dll!DecantNoSuchFunction, a function no kernel32
# has. Never called, the program must run normally; called, decant stops it
# with one line naming the function and the return address as module+RVA.
# Wine 8.0: the unused import runs (prints the line, status 0); the called
# one prints "wine: Call from ... to unimplemented function
# KERNEL32.dll.DecantNoSuchFunction, aborting", status 1. (Windows itself
# refuses to start either program: the procedure entry point is not found.)
. "$(dirname "$0")/common.bash"
CASE=unimpl_unused
assemble unimpl unimpl.exe
run unimpl.exe
expect_status 0
expect_stdout "unimplemented import never called"

CASE=unimpl_called
assemble unimpl unimpl_called.exe -DCALL_IT
run unimpl_called.exe
if [ $UNDER_WINE = 1 ]; then
    echo "wine $CASE: status $STATUS"
else
    expect_stdout ""
    want="decant: unimplemented: KERNEL32.dll!DecantNoSuchFunction called from unimpl_called.exe+0x100a"
    [ "$STATUS" -ne 0 ] && [ "$STATUS" -lt 128 ] ||
        fail "$CASE: exit status $STATUS, expected a non-zero status without a crash"
    [ "$ERR" = "$want" ] || fail "$CASE: stderr was
$ERR
expected
$want"
fi
finish
