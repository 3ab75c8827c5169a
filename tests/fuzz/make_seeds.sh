#!/usr/bin/env bash
# Regenerates tests/fuzz/seeds: small valid PE32+ files, one per layout the
# fuzzer should start from (all under -max_len=4096):
#   nasm, from tests/pe: no imports, imports, exports by ordinal, base
#   relocations, TLS, low alignment, VirtualSize 0 and bss tails;
#   mingw-w64 -nostdlib -s: what a real linker lays out (.pdata, .xdata).
set -eu
cd "$(dirname "$0")"
PE=../pe
OUT=seeds
mkdir -p "$OUT"
asm() { nasm -f bin -I"$PE/" -o "$OUT/$2" "$PE/$1.asm" "${@:3}"; }
asm ret42 ret42.exe
asm hello hello.exe
asm ordlib ordlib.dll
asm relocdll reloc_a.dll
asm tls tls.exe
asm lowalign lowalign.exe
asm sections sections.exe

MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'int start(void) { return 7; }\n' >"$tmp/exe.c"
"$MINGW_CC" -O2 -nostdlib -s -Wl,--no-insert-timestamp -e start -o "$OUT/mingw.exe" "$tmp/exe.c"
printf '%s\n' '__declspec(dllexport) int inc(int x) { return x + 1; }' \
    'int start(void *h, unsigned reason, void *r) { return 1; }' >"$tmp/dll.c"
"$MINGW_CC" -O2 -nostdlib -s -shared -Wl,--no-insert-timestamp -e start -o "$OUT/mingw.dll" "$tmp/dll.c"
ls -l "$OUT"
