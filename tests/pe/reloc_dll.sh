#!/usr/bin/env bash
# (d) Two DLLs with the same preferred ImageBase (0x180000000) and no
# DYNAMIC_BASE: the second loaded must be relocated; each checks that the
# DIR64 fixups in its code and data point where it really is.
# Wine 8.0: prints both lines, exit status 0.
. "$(dirname "$0")/common.bash"
CASE=reloc_dll
assemble relocdll reloc_a.dll
assemble relocdll reloc_b.dll -DSECOND
assemble reloc_dll reloc_dll.exe
run reloc_dll.exe
expect_status 0
expect_stdout "reloc_a.dll ok
reloc_b.dll ok"
finish
