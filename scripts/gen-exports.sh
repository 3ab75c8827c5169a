#!/bin/sh
# Print a sorted exports.h body from the "/* Name (dll) */" banners in a
# DLL folder's C files: a starting point when adding many exports at once.
# Usage: scripts/gen-exports.sh src/dlls/kernel32 kernel32 [kernelbase ...]
dir=$1; shift
pat=$(printf '%s|' "$@"); pat=${pat%|}
grep -hoE "^/\* [A-Za-z_][A-Za-z0-9_]* \(($pat)\)" "$dir"/*.c |
    sed -E 's|^/\* ([A-Za-z0-9_]+) .*|EXPORT(\1)|' | LC_ALL=C sort -u
