#!/usr/bin/env bash
# (c) Imports by ordinal (and one by name) from a hand-made DLL whose
# export table starts at ordinal 5 and names only ordinal 7.
# Wine 8.0: prints the four "ok" lines, exit status 0.
. "$(dirname "$0")/common.bash"
CASE=ordinal
assemble ordlib ordlib.dll
assemble ordinal ordinal.exe
run ordinal.exe
expect_status 0
expect_stdout "ordinal 5 ok
ordinal 6 ok
ordinal 7 ok
seven ok"
finish
