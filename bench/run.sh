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

# name | args | what | operations per run (time shown per operation)
cases=("hello||start-up, hello world|1"
       "sha256|64|SHA-256 of 64 MiB|1"
       "fault|100000|exception delivery (access violation)|100000")
printf '| benchmark | native | decant | wine | decant/native | wine/decant |\n' >"$B/results.md"
printf '| --- | --- | --- | --- | --- | --- |\n' >>"$B/results.md"
median() { # json file, command index -> median seconds
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median'])" "$1" "$2"
}
for c in "${cases[@]}"; do
    IFS='|' read -r n args unit per <<<"$c"
    cmds=("$B/$n $args" "$DECANT $B/$n.exe $args")
    [ $HAVE_WINE = 1 ] && cmds+=("wine $B/$n.exe $args")
    runs=$RUNS
    [ "$per" != 1 ] || [ "$n" = sha256 ] && runs=5
    hyperfine -N --warmup 3 -r "$runs" --export-json "$B/$n.json" "${cmds[@]}" >/dev/null
    nat=$(median "$B/$n.json" 0)
    dec=$(median "$B/$n.json" 1)
    wn=-
    [ $HAVE_WINE = 1 ] && wn=$(median "$B/$n.json" 2)
    python3 - "$unit" "$nat" "$dec" "$wn" "$per" >>"$B/results.md" <<'PY'
import sys
unit, nat, dec, wn, per = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], int(sys.argv[5])
def fmt(s):
    s /= per
    if s < 1e-6: return f"{s*1e9:.0f} ns"
    if s < 1e-3: return f"{s*1e6:.2f} µs"
    if s < 1: return f"{s*1e3:.2f} ms"
    return f"{s:.3f} s"
w = "-" if wn == "-" else fmt(float(wn))
ratio = "-" if wn == "-" else f"{float(wn)/dec:.1f}x"
print(f"| {unit} | {fmt(nat)} | {fmt(dec)} | {w} | {dec/nat:.2f} | {ratio} |")
PY
done
echo "machine: $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%d)" >>"$B/results.md"
cat "$B/results.md"
