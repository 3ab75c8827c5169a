#!/bin/bash
# Builds (build.sh) and runs the MSVC-ABI C++ tests under decant, or under
# Wine with --wine, comparing stdout with <name>.expected and the exit
# status with the `// exit: N` directive (default 0); with --wine, a
# `// wine: REASON` directive (a documented Wine deviation) skips it. Prints
# "N passed, N failed" and fails if any did. Until tests/run.sh builds
# these itself, this is how they run.
set -u
cd "$(dirname "$0")/../../.."
ROOT=$PWD
SRC=tests/programs/msvc
OUT=$ROOT/build/tests/programs/msvc
WINE=0
if [ "${1:-}" = --wine ]; then
    export WINEPREFIX=$(scripts/wine-prefix.sh) WINEDEBUG=-all
    RUNNER=(wine)
    WINE=1
    shift
else
    RUNNER=("$ROOT/build/decant")
fi
FILTER=${1:-}
sh "$SRC/build.sh" || exit $?
pass=0 fail=0
tmp=$(mktemp -d /tmp/decant-msvc.XXXXXX)
for src in "$SRC"/*.cxx; do
    name=$(basename "$src" .cxx)
    [ -n "$FILTER" ] && [[ $name != *$FILTER* ]] && continue
    if [ $WINE = 1 ] && head -n 15 "$src" | grep -q '^// wine:'; then
        echo "SKIP msvc/$name: $(head -n 15 "$src" | sed -n 's|^// wine: *||p' | head -n 1)"
        continue
    fi
    want=$(head -n 15 "$src" | sed -n 's|^// exit: *||p' | head -n 1)
    (cd "$tmp" && timeout 60 "${RUNNER[@]}" "$OUT/$name.exe" >"$tmp/$name.out" 2>"$tmp/$name.err")
    status=$?
    detail=
    if [ $status -ne $(( ${want:-0} & 255 )) ]; then
        detail="exit status $status, expected ${want:-0}"
    elif [ -f "$SRC/$name.expected" ] && ! cmp -s "$tmp/$name.out" "$SRC/$name.expected"; then
        detail="stdout differs from $name.expected"
    fi
    if [ -z "$detail" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL msvc/$name: $detail"
        [ -f "$SRC/$name.expected" ] && diff "$SRC/$name.expected" "$tmp/$name.out" | head -n 20
        head -c 1000 "$tmp/$name.err"
    fi
done
rm -rf "$tmp"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
