#!/usr/bin/env bash
# (f) A section with VirtualSize 0 (mapped with its SizeOfRawData) and one
# with VirtualSize > SizeOfRawData (a zero-filled, writable tail two pages
# long, followed in the file by 0xff bytes that must not leak into it).
# Wine 8.0: prints both lines, exit status 0.
. "$(dirname "$0")/common.bash"
CASE=sections
assemble sections sections.exe
run sections.exe
expect_status 0
expect_stdout "VirtualSize 0: SizeOfRawData mapped
VirtualSize > SizeOfRawData: zero-filled tail"
finish
