#!/usr/bin/env bash
# (e) TLS callbacks of the program: called in array order with
# DLL_PROCESS_ATTACH (1) before the entry point, whose static TLS slot holds
# the template, and with DLL_PROCESS_DETACH (0) when ExitProcess runs.
# Wine 8.0 prints the first four lines only and exits 0: it never calls the
# program's own TLS callbacks at process exit. Windows does (LdrShutdownProcess
# calls the main image's TLS callbacks with DLL_PROCESS_DETACH after the
# DLLs' detach, as ReactOS's reimplementation of it does), so the last two
# lines are expected from decant.
. "$(dirname "$0")/common.bash"
CASE=tls
assemble tls tls.exe
run tls.exe
expect_status 0
expect_stdout "first TLS callback, reason 1
second TLS callback, reason 1
entry point
TLS slot initialised
first TLS callback, reason 0
second TLS callback, reason 0"
finish
