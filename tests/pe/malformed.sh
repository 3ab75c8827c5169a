#!/usr/bin/env bash
# (g) Files decant must refuse with one line on stderr, "decant: FILE: why",
# a non-zero status and no crash. Wine's messages differ, so under Wine only
# its status is shown. Wine 8.0 (64-bit only here, no wine32) fails to
# start these with status 1, except: pe32.exe, status 0 and nothing printed
# (no 32-bit side to run it in); cut_section.exe, which it runs with the
# missing bytes of .text zero-filled, so it faults (status 5).
. "$(dirname "$0")/common.bash"

CASE=truncated_headers
assemble ret42 full.exe
head -c 256 "$WORK/full.exe" >"$WORK/cut_headers.exe"
run cut_headers.exe
expect_load_error cut_headers.exe 'truncated'

CASE=truncated_section
head -c 515 "$WORK/full.exe" >"$WORK/cut_section.exe"   # .text is 6 bytes at 512
run cut_section.exe
expect_load_error cut_section.exe 'truncated'

CASE=pe32
assemble pe32 pe32.exe
run pe32.exe
expect_load_error pe32.exe '32-bit'

CASE=i386_machine
assemble ret42 i386.exe -DMACHINE=0x14c
run i386.exe
expect_load_error i386.exe '32-bit'

CASE=arm64
assemble ret42 arm64.exe -DMACHINE=0xaa64
run arm64.exe
expect_load_error arm64.exe 'ARM64'

CASE=text_file
printf 'This is not a program.\n' >"$WORK/notes.exe"
run notes.exe
expect_load_error notes.exe 'not a Windows executable'

CASE=empty_file
: >"$WORK/empty.exe"
run empty.exe
expect_load_error empty.exe

CASE=dll_as_program
assemble ordlib ordlib.dll
run ordlib.dll
expect_load_error ordlib.dll
finish
