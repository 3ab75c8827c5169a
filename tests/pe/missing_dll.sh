#!/usr/bin/env bash
# (g) A program importing from nosuchdll.dll, which does not exist: one line
# on stderr naming both the DLL and the program, non-zero status, no crash.
# Wine 8.0: "err:module:import_dll Library nosuchdll.dll (which is needed by
# L"Z:\\...\\missing_dll.exe") not found" with WINEDEBUG on, exit status 53
# (STATUS_DLL_NOT_FOUND 0xc0000135 & 0xff).
. "$(dirname "$0")/common.bash"
CASE=missing_dll
assemble missing_dll missing_dll.exe
run missing_dll.exe
[ $UNDER_WINE = 1 ] || expect_stdout ""
expect_load_error missing_dll.exe '[Nn][Oo][Ss][Uu][Cc][Hh][Dd][Ll][Ll]\.[Dd][Ll][Ll]'
finish
