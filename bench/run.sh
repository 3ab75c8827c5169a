#!/usr/bin/env bash
# decant's benchmarks, side by side in one run: each C source built natively
# for Linux and with mingw for Windows, run natively, under decant and under
# wine (when installed, warm wineserver). Prints one table and writes it to
# build/bench/results.md.
#   bench/run.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-30}
B=build/bench
mkdir -p "$B"
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)"; exit 1; }
DECANT=$PWD/build/decant
HAVE_WINE=0
if command -v wine >/dev/null; then
    HAVE_WINE=1
    export WINEPREFIX=$(scripts/wine-prefix.sh) WINEDEBUG=-all
    wineserver -p >/dev/null 2>&1 || true  # keep it warm for the whole run
    wine cmd /c exit >/dev/null 2>&1 || true
fi
for src in bench/*.c; do
    n=$(basename "$src" .c)
    gcc -O2 -o "$B/$n" "$src"
    x86_64-w64-mingw32-gcc -O2 -o "$B/$n.exe" "$src"
done

# name | args | unit
cases=("hello||start-up" "sha256|64|64 MiB SHA-256")
printf '| benchmark | native | decant | wine | decant/native | wine/decant |\n' >"$B/results.md"
printf '| --- | --- | --- | --- | --- | --- |\n' >>"$B/results.md"
median() { # json file, command index -> median seconds
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median'])" "$1" "$2"
}
for c in "${cases[@]}"; do
    IFS='|' read -r n args unit <<<"$c"
    cmds=("$B/$n $args" "$DECANT $B/$n.exe $args")
    [ $HAVE_WINE = 1 ] && cmds+=("wine $B/$n.exe $args")
    runs=$RUNS
    [ "$n" = sha256 ] && runs=5
    hyperfine -N --warmup 3 -r "$runs" --export-json "$B/$n.json" "${cmds[@]}" >/dev/null
    nat=$(median "$B/$n.json" 0)
    dec=$(median "$B/$n.json" 1)
    wn=-
    [ $HAVE_WINE = 1 ] && wn=$(median "$B/$n.json" 2)
    python3 - "$unit" "$nat" "$dec" "$wn" >>"$B/results.md" <<'PY'
import sys
unit, nat, dec, wn = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
fmt = lambda s: f"{s*1000:.2f} ms" if s < 1 else f"{s:.3f} s"
w = "-" if wn == "-" else fmt(float(wn))
ratio = "-" if wn == "-" else f"{float(wn)/dec:.1f}x"
print(f"| {unit} | {fmt(nat)} | {fmt(dec)} | {w} | {dec/nat:.2f} | {ratio} |")
PY
done
echo "machine: $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%d)" >>"$B/results.md"
cat "$B/results.md"
