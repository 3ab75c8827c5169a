#!/usr/bin/env bash
# (d) A program whose preferred ImageBase is 0x7ffe0000, the fixed address
# of KUSER_SHARED_DATA, with base relocations: it must be loaded elsewhere
# and fixed up, then it checks its own absolute pointers.
# Wine 8.0 cannot run it ("wine: failed to start", status 1): its new
# process dies after mapping the image elsewhere; the same file with an
# ImageBase Wine can honour (0x400000, 0x140000000) runs there and says
# "loaded at 0x7ffe0000"-style "not moved". Windows maps a relocatable
# image elsewhere when its preferred range is taken, so the expected output
# below is what Windows prints (not verified on Windows itself).
. "$(dirname "$0")/common.bash"
CASE=reloc_exe
assemble reloc_exe reloc_exe.exe
run reloc_exe.exe
expect_status 0
expect_stdout "relocated away from 0x7ffe0000
absolute pointers ok"
finish
