#!/usr/bin/env bash
# Real programs against Wine (issue 6): the four programs of tests/real/,
# a representative set of their cases, each run under decant and under
# Wine 8 (warm wineserver), and the Linux build where the test has one.
# Prints one markdown table of medians.
#   bench/real.sh [ROUNDS]    timed rounds after one warm-up (default 7, >= 5)
#
# The cases are the tests' own: each tests/real/NAME.sh is sourced with
# REAL_BENCH set, which fetches the pinned packages (the cache of the tests,
# build/real-cache) and builds the inputs; then every round runs case_X once
# with DECANT=build/decant and once with DECANT=wine, in alternating order,
# so that a busy machine weighs on both alike. Each run is checked as the
# test checks decant, and only a run that passes is counted: the time is
# the test's own `timed` wall time of the Windows program (the Linux column
# is the same case's Linux run).
#
# Wine 8.0 has no bcryptprimitives.dll, so Biome and esbuild stop at start
# under it; the bench gives its Wine prefix (build/wine-real, made by
# scripts/wine-prefix.sh) a ProcessPrng of its own (bench/wine/) so that
# they can be timed at all. About 2 minutes on 2 cores.
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
ROUNDS=${1:-7}
[ "$ROUNDS" -ge 5 ] 2>/dev/null || ROUNDS=5
DECANT_BIN=$ROOT/build/decant
[ -x "$DECANT_BIN" ] || { echo "bench: build decant first (make)"; exit 1; }
OUT=$ROOT/build/bench/real
rm -rf "$OUT" && mkdir -p "$OUT"
NOTES=$OUT/notes

# The cases: program (tests/real/PROGRAM.sh), case (its case_CASE), what it does.
CASES=(
    "7za|add|a: archive a 3 MB tree, LZMA2, 2 threads"
    "7za|list|l -slt of a 7z archive"
    "7za|test|t: test a 7z archive"
    "7za|extract|x: extract a 7z archive"
    "biome|version|--version"
    "biome|format_stdin|format JavaScript from stdin"
    "biome|lint|lint a file, two errors"
    "esbuild|version|--version"
    "esbuild|transform|TypeScript from stdin"
    "esbuild|bundle|bundle 203 files, source map"
    "ffmpeg|version|-version"
    "ffmpeg|x264|encode testsrc with libx264, threads"
    "ffmpeg|flac|encode a sine with FLAC"
    "ffmpeg|ffv1_file|encode testsrc with FFV1 to .mkv"
    "ffmpeg|decode|decode H.264 in MP4"
)

# Wine runs that complete but fail the test's check for a reason of Wine's
# own (case|pattern of the test's reason|footnote): timed all the same.
DEVIATIONS=(
    "7za/list|listing (7za.exe < > 7zz) differs*Path=tree/sub/h*|Wine 8 writes the non-ASCII file name in code page 437 (decant: UTF-8); the rest of the listing is the same"
)

WINE=
if ! command -v wine >/dev/null 2>&1; then
    echo "bench: no wine on PATH, so no Wine column (sudo apt-get install -y wine)" | tee -a "$NOTES"
else
    WINE=$(command -v wine)
    WINEPREFIX=$(WINEPREFIX=$ROOT/build/wine-real scripts/wine-prefix.sh)
    export WINEPREFIX WINEDEBUG=-all
    shim=$ROOT/build/bench/wine/bcryptprimitives.dll
    mkdir -p "$(dirname "$shim")"
    if [ bench/wine/bcryptprimitives.c -nt "$shim" ] &&
        ! ${MINGW_CC:-x86_64-w64-mingw32-gcc} -O2 -shared -s -o "$shim" bench/wine/bcryptprimitives.c -ladvapi32; then
        echo "bench: cannot build bench/wine/bcryptprimitives.c: Biome and esbuild will fail under Wine" | tee -a "$NOTES"
    fi
    [ -f "$shim" ] && cp "$shim" "$WINEPREFIX/drive_c/windows/system32/"
    wineserver -p120 >/dev/null 2>&1 || true  # warm: stays up 2 minutes after its last client
    wine cmd /c exit >/dev/null 2>&1 || true
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

median() { # values...: their median
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR) print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# run_once RUNNER CASE ROUND: the test's case_CASE with RUNNER (decant or
# wine) as its DECANT. Adds the times to T_RUNNER (and T_native), or sets
# FAIL_RUNNER to why it failed. Runs inside the program's subshell, where
# the test script's functions and variables live.
run_once() {
    local runner=$1 name=$2 round=$3 log why t n dev dcase dpat dnote rc
    local -n times=T_$runner fail=FAIL_$runner
    [ -z "$fail" ] || return 0
    if [ "$runner" = decant ]; then DECANT=$DECANT_BIN; else DECANT=$WINE; fi
    case_exec "$name" "case_$name"
    rc=$?
    log=$WORK/case-$name/.log
    why=$(sed -n 's/^BAD //p' "$log" | head -n 1)
    if [ $rc != 0 ] && [ "$runner" = wine ]; then
        for dev in "${DEVIATIONS[@]}"; do
            IFS='|' read -r dcase dpat dnote <<<"$dev"
            # shellcheck disable=SC2053 # a glob, on purpose
            if [ "$dcase" = "$PROG/$name" ] && [[ $why == $dpat ]]; then
                rc=0
                DEVIATED=$dnote
            fi
        done
    fi
    if [ $rc != 0 ]; then
        fail=${why:-status $rc}
        # what the run left, for whoever looks into it
        mkdir -p "$OUT/failed/$PROG-$name-$runner"
        cp -a "$WORK/case-$name/." "$OUT/failed/$PROG-$name-$runner/" 2>/dev/null
        return 0
    fi
    t=$(awk '$1 == "TIME" && $2 == "decant" { print $3 }' "$log")
    [ -n "$t" ] || { fail="no time in the log"; return 0; }
    [ "$round" = 0 ] && return 0  # the warm-up
    times+=("$t")
    for n in $(awk '$1 == "TIME" && ($2 == "linux" || $2 == "7zz") { print $3 }' "$log"); do
        T_native+=("$n")
    done
}

sec() { # seconds, or nothing: 3 significant digits, or "-"
    if [ -n "$1" ]; then awk -v v="$1" 'BEGIN { printf "%.3g", v }'; else echo -; fi
}

# row PROGRAM CASE WHAT: a table row from T_decant, T_wine, T_native.
row() {
    local d w l ratio="" lratio="" verdict
    d=$(median "${T_decant[@]}") w=$(median "${T_wine[@]}") l=$(median "${T_native[@]}")
    [ -n "$d" ] && [ -n "$w" ] && ratio=$(awk -v d="$d" -v w="$w" 'BEGIN { printf "%.2f", w / d }')
    [ -n "$d" ] && [ -n "$l" ] && lratio=$(awk -v d="$d" -v l="$l" 'BEGIN { printf "%.2f", d / l }')
    [ -z "$FAIL_decant$FAIL_wine" ] || ratio=""
    if [ -n "$FAIL_decant" ]; then verdict="**decant fails**"
    elif [ -z "$WINE" ]; then verdict="no wine"
    elif [ -n "$FAIL_wine" ]; then verdict="wine fails"
    elif awk -v d="$d" -v w="$w" 'BEGIN { exit !(d < w) }'; then verdict="decant faster"
    else verdict="**wine faster**"
    fi
    # a busy machine moves medians by a few percent: say when it is that close
    if [ -n "$ratio" ] && awk -v r="$ratio" 'BEGIN { exit !(r > 0.9 && r < 1.1) }'; then
        verdict="$verdict (within 10%)"
    fi
    d=$(sec "$d") w=$(sec "$w") l=$(sec "$l")
    [ -z "$FAIL_decant" ] || d=fail
    [ -z "$FAIL_wine" ] || w=fail
    [ -z "$DEVIATED" ] || w="$w ¹"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" \
        "$d" "$w" "$l" "${ratio:--}" "${lratio:--}" "$verdict"
    [ -z "$FAIL_decant" ] || echo "$1 $2: decant failed: $FAIL_decant (its files: build/bench/real/failed/$1-$2-decant)" >>"$NOTES"
    [ -z "$FAIL_wine" ] || echo "$1 $2: wine failed: ${FAIL_wine//under decant/under wine}" >>"$NOTES"
    [ -z "$DEVIATED" ] || echo "¹ $1 $2: $DEVIATED." >>"$NOTES"
    # every time, for the reader who wants the spread
    printf '%s %s: decant %s | wine %s | linux %s\n' "$1" "$2" "${T_decant[*]:-}" "${T_wine[*]:-}" "${T_native[*]:-}" >>"$OUT/times"
}

# bench PROGRAM: its cases, in a subshell that sources the test script
# (which exits 77 with "SKIP: why" when it cannot run here).
bench() {
    PROG=$1
    (
        REAL_BENCH=1
        # shellcheck source=/dev/null
        . "$ROOT/tests/real/$PROG.sh" "$DECANT_BIN" >"$OUT/$PROG.setup" 2>&1
        for c in "${CASES[@]}"; do
            IFS='|' read -r prog name what <<<"$c"
            [ "$prog" = "$PROG" ] || continue
            T_decant=() T_wine=() T_native=() FAIL_decant="" FAIL_wine="" DEVIATED=""
            [ -n "$WINE" ] || FAIL_wine="no wine"
            for ((r = 0; r <= ROUNDS; r++)); do
                if ((r % 2)); then order="wine decant"; else order="decant wine"; fi
                for runner in $order; do run_once "$runner" "$name" "$r"; done
            done
            [ -n "$WINE" ] || FAIL_wine=
            row "$PROG" "$name" "$what" >>"$OUT/rows"
            echo "bench: $PROG $name: $(tail -n 1 "$OUT/rows" | cut -d'|' -f5-)" >&2
        done
    )
    local rc=$?
    if [ $rc = 77 ]; then
        echo "$PROG: skipped: $(sed -n 's/^SKIP: //p' "$OUT/$PROG.setup" | head -n 1)" | tee -a "$NOTES"
    elif [ $rc != 0 ]; then
        echo "$PROG: the test script stopped (status $rc): $(tail -n 2 "$OUT/$PROG.setup" | paste -sd'|' -)" | tee -a "$NOTES"
    fi
}

for p in 7za biome esbuild ffmpeg; do bench "$p"; done

{
    echo "| program | case | what | decant (s) | wine (s) | linux (s) | wine/decant | decant/linux | verdict |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    cat "$OUT/rows" 2>/dev/null
    echo
    echo "Medians of $ROUNDS runs each after one warm-up, decant and Wine interleaved; wall time of the"
    echo "Windows program as the test times it. linux: the package's Linux build (ffmpeg's is a week older);"
    echo "for 7za, $(7zz 2>/dev/null | sed -n 's/^\(7-Zip[^:]*\):.*/\1/p' | head -n 1 | sed 's/ *$//') (Debian's, not 7za 21.07)."
    [ -n "$WINE" ] && echo "wine: $(wine --version 2>/dev/null), warm wineserver; bcryptprimitives.dll from bench/wine/ for Biome and esbuild."
    [ -s "$NOTES" ] && sed 's/^/- /' "$NOTES"
    echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, Linux $(uname -r); $(date -u +%Y-%m-%d);"
    echo "load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/results.md"
