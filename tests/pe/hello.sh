#!/usr/bin/env bash
# (b) KERNEL32.dll imports by name: prints one line, ExitProcess(5).
# Wine 8.0: prints "hello from a hand-made PE", exit status 5.
. "$(dirname "$0")/common.bash"
CASE=hello
assemble hello hello.exe
run hello.exe
expect_status 5
expect_stdout "hello from a hand-made PE"
finish
