#!/bin/sh
# Regenerates a DLL's exports.h: one EXPORT(Name) per "/* Name (dll) */"
# banner above a function in the given folders, plus the EXPORT_AS, DATA,
# CODE, EXPORT_ORD and FORWARD lines the file already has (they win over a
# banner of the same name), all sorted by export name in strcmp order
# (tests/unit/builtin_exports.c checks that).
#   scripts/update-exports.sh src/dlls/kernel32 'kernel32|kernelbase' src/dlls/kernel32 src/nt
set -e
out=$1/exports.h pat=$2; shift 2
tmp=$(mktemp)
{
    [ -f "$out" ] && grep -E '^(EXPORT_AS|EXPORT_ORD|DATA|CODE|FORWARD)\(' "$out" || true
    for d in "$@"; do cat "$d"/*.c; done |
        grep -oE "^/\* [A-Za-z_][A-Za-z0-9_]* \(($pat)\)" |
        sed -E 's|^/\* ([A-Za-z0-9_]+) .*|EXPORT(\1)|'
} | awk -F'[(,)]' '{ printf "%s\t%d\t%s\n", $2, NR, $0 }' |
    LC_ALL=C sort -t"$(printf '\t')" -k1,1 -k2,2n |
    awk -F'\t' '!seen[$1]++ { print $3 }' >"$tmp"
{ echo "/* $(basename "$1").dll exports, sorted by name (strcmp order): see builtin_table.h."
  echo " * Regenerate with scripts/update-exports.sh after adding exports. */"
  cat "$tmp"; } >"$out"
rm -f "$tmp"
