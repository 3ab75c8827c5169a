#!/usr/bin/env bash
# (f) SectionAlignment == FileAlignment == 0x200: a "low alignment" image,
# mapped as the file is, with code and writable data sharing a page.
# Wine 8.0: prints "low alignment image ok", exit status 0.
. "$(dirname "$0")/common.bash"
CASE=lowalign
assemble lowalign lowalign.exe
run lowalign.exe
expect_status 0
expect_stdout "low alignment image ok"
finish
