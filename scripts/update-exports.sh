#!/bin/sh
# Regenerates a DLL's exports.h: one EXPORT(Name) per "/* Name (dll) */"
# banner above a function in the given folders, plus the EXPORT_AS, DATA
# and FORWARD lines the file already has, all sorted by export name in
# strcmp order (tests/unit/builtin_exports.c checks that).
#   scripts/update-exports.sh src/dlls/kernel32 'kernel32|kernelbase' src/dlls/kernel32 src/nt
set -e
out=$1/exports.h pat=$2; shift 2
tmp=$(mktemp)
{
    for d in "$@"; do cat "$d"/*.c; done |
        grep -oE "^/\* [A-Za-z_][A-Za-z0-9_]* \(($pat)\)" |
        sed -E 's|^/\* ([A-Za-z0-9_]+) .*|EXPORT(\1)|'
    [ -f "$out" ] && grep -E '^(EXPORT_AS|DATA|FORWARD)\(' "$out" || true
} | LC_ALL=C sort -u -t'(' -k2,2 | awk -F'[(,)]' '!seen[$2]++' >"$tmp"
{ echo "/* $(basename "$1").dll exports, sorted by name (strcmp order): see builtin_table.h."
  echo " * Regenerate with scripts/update-exports.sh after adding exports. */"
  cat "$tmp"; } >"$out"
rm -f "$tmp"
