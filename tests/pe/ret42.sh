#!/usr/bin/env bash
# (a) An image without imports whose entry point returns 42.
# Wine 8.0: exit status 42, no output.
. "$(dirname "$0")/common.bash"
CASE=ret42
assemble ret42 ret42.exe
run ret42.exe
expect_status 42
expect_stdout ""
finish
