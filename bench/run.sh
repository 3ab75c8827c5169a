#!/usr/bin/env bash
# decant's benchmarks, side by side in one run: each C source in bench/ built
# natively for Linux and with mingw for Windows, run natively, under decant
# and under wine (when installed, warm wineserver). Prints one table, writes
# it to build/bench/results.md and plots the ratios to build/bench/results.png.
#   bench/run.sh [RUNS]    RUNS: hyperfine runs of start-up (default 20, >= 5)
# bench/harness.py says what each case measures; docs/performance.md has a run.
# About 9 minutes on 2 cores, most of it wine creating 10k small files.
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-20}
[ "$RUNS" -ge 5 ] || RUNS=5
B=$PWD/build/bench
mkdir -p "$B"
missing=""
command -v hyperfine >/dev/null || missing="$missing hyperfine"
command -v python3 >/dev/null || missing="$missing python3"
[ -x /usr/bin/time ] || missing="$missing time"  # peak RSS
if [ -n "$missing" ]; then
    echo "bench: missing:$missing. Run:"
    echo "    sudo apt-get install -y --no-install-recommends$missing"
    exit 1
fi
command -v gnuplot >/dev/null ||
    echo "bench: gnuplot not installed, no plot (sudo apt-get install -y --no-install-recommends gnuplot-nox)"
DECANT=$PWD/build/decant
[ -x "$DECANT" ] || { echo "bench: build decant first (make)"; exit 1; }
HAVE_WINE=0
if command -v wine >/dev/null; then
    HAVE_WINE=1
    WINEPREFIX=$(scripts/wine-prefix.sh)
    export WINEPREFIX WINEDEBUG=-all
    wineserver -p120 >/dev/null 2>&1 || true  # warm: stays up 2 minutes after its last client
    wine cmd /c exit >/dev/null 2>&1 || true
fi
for src in bench/*.c; do
    n=$(basename "$src" .c)
    gcc -O2 -pthread -o "$B/$n" "$src"
    x86_64-w64-mingw32-gcc -O2 -o "$B/$n.exe" "$src"
done
exec python3 bench/harness.py "$B" "$DECANT" "$HAVE_WINE" "$RUNS"
