#!/usr/bin/env bash
# decant's test runner: builds and runs every Windows test program under
# decant (or, with --wine, under Wine to check the expected outputs), then
# every native unit test, and ends with "N passed, N failed[, N skipped]".
#
#   tests/run.sh [--wine] [--keep] [FILTER]
#
# Windows programs: tests/programs/<area>/<name>.c, built with mingw-w64
# (<name>.cpp with mingw-w64's g++; <name>.cxx, MSVC's C++ ABI, with the
# area's build.sh, which exits 77 when clang or lld is missing: a skip).
# Directives in the first 15 lines, as comments:
#   // build: FLAGS      extra compiler flags
#   // args: ARGS        arguments (shell words)
#   // exit: N           expected exit status (default 0; compared modulo 256,
#                        as Linux reports it)
#   // stdin: FILE       file (next to the source) fed to standard input
#   // wine: skip REASON  not run with --wine (a documented Wine deviation)
#   // env: NAME=VALUE   environment for the run (shell words; $HELPERS is
#                        the directory the area's helpers are built in)
#   // postbuild: CMD    shell command run after a build, $OUT the file built
# <name>.expected, if present, is the exact expected stdout (bytes, CRLF
# included: text-mode stdout writes \r\n, as on Windows).
# tests/programs/<area>/helpers/*.c are built next to the tests of that area
# and not run: foo.c -> foo.exe, foo.dll.c -> foo.dll (-shared), and
# foo.so.c -> foo.so, a Linux library built with the host's gcc (-shared
# -fPIC; $HOST_CC to override) for the bridges to Linux (tests/programs/unixlib).
# Each test runs in a fresh empty directory; find helpers through
# GetModuleFileName (they sit beside the test's .exe).
# tests/pe/*.sh: scripts that make and run hand-made PE files (exit 0 = pass).
# tests/real/*.sh: real Windows programs fetched from npm into build/real-cache
# and checked against their Linux builds; each prints one line per case,
# "PASS|FAIL|SKIP name[: why]", and exits 0, 1, or 77 (nothing could run).
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
MINGW_CXX=${MINGW_CXX:-x86_64-w64-mingw32-g++}
BUILD=$ROOT/build/tests/programs
WINE=0 KEEP=0 FILTER=
for a in "$@"; do
    case $a in
    --wine) WINE=1 ;;
    --keep) KEEP=1 ;;
    *) FILTER=$a ;;
    esac
done
if [ $WINE = 1 ]; then
    export WINEPREFIX=$(scripts/wine-prefix.sh) WINEDEBUG=-all
    RUNNER=(wine)
else
    RUNNER=("$ROOT/build/decant")
fi

pass=0 fail=0 skipped=0
failed_names=()
report() { # status name [detail]
    case $1 in
    pass) pass=$((pass + 1)) ;;
    skip) skipped=$((skipped + 1)); echo "SKIP $2${3:+: $3}" ;;
    *) fail=$((fail + 1)); failed_names+=("$2"); echo "FAIL $2${3:+: $3}" ;;
    esac
}

directive() { # file key
    head -n 15 "$1" | sed -n "s|^// $2: *||p" | head -n 1
}

build_exe() { # src out
    case $1 in *.cxx) # MSVC-ABI C++: the area's build.sh (clang + lld-link)
        mkdir -p "$(dirname "$2")"
        sh "$(dirname "$1")/build.sh" >"$2.log" 2>&1
        local rc=$?
        [ $rc = 0 ] || [ $rc = 77 ] || cat "$2.log"
        return $rc ;;
    esac
    local flags
    flags=$(directive "$1" build)
    local extra=() cc=$MINGW_CC
    case $2 in *.dll) extra=(-shared) ;; *.so) extra=(-shared -fPIC); cc=${HOST_CC:-gcc} ;; esac
    case $1 in *.cpp) cc=$MINGW_CXX ;; esac
    if [ ! -f "$2" ] || [ "$1" -nt "$2" ] || [ tests/programs/test.h -nt "$2" ]; then
        mkdir -p "$(dirname "$2")"
        # shellcheck disable=SC2086
        "$cc" -O1 -Wall -Itests/programs "${extra[@]}" -o "$2" "$1" $flags \
            2>"$2.log" || { cat "$2.log"; return 1; }
        local post
        post=$(directive "$1" postbuild)
        [ -z "$post" ] || (OUT=$2; eval "$post") || { rm -f "$2"; return 1; }
    fi
}

# Helpers first: the tests of an area may start them or load them.
for h in tests/programs/*/helpers/*.c tests/programs/*/helpers/*.cpp; do
    [ -e "$h" ] || continue
    area=$(basename "$(dirname "$(dirname "$h")")")
    name=$(basename "$h"); name=${name%.c}; name=${name%.cpp}
    case $name in *.dll | *.so) out=$BUILD/$area/$name ;; *) out=$BUILD/$area/$name.exe ;; esac
    build_exe "$h" "$out" || report fail "build $h"
done

TMPROOT=$(mktemp -d /tmp/decant-tests.XXXXXX)
for src in tests/programs/*/*.c tests/programs/*/*.cpp tests/programs/*/*.cxx; do
    [ -e "$src" ] || continue
    area=$(basename "$(dirname "$src")")
    name=$(basename "$src"); name=${name%.c}; name=${name%.cpp}; name=${name%.cxx}
    id=$area/$name
    [ -n "$FILTER" ] && [[ $id != *$FILTER* ]] && continue
    if [ $WINE = 1 ] && [ -n "$(directive "$src" wine)" ]; then
        report skip "$id" "wine: $(directive "$src" wine)"
        continue
    fi
    exe=$BUILD/$area/$name.exe
    build_exe "$src" "$exe"
    case $? in
    0) ;;
    77) report skip "$id" "$(tail -n 1 "$exe.log")"; continue ;;
    *) report fail "$id" "build failed"; continue ;;
    esac
    dir=$TMPROOT/$area-$name
    mkdir -p "$dir"
    eval "args=($(directive "$src" args))"
    HELPERS=$BUILD/$area eval "envs=($(directive "$src" env))"
    stdin_file=$(directive "$src" stdin)
    if [ -n "$stdin_file" ]; then stdin_file=$ROOT/tests/programs/$area/$stdin_file; else stdin_file=/dev/null; fi
    want_status=$(directive "$src" exit)
    want_status=$(( ${want_status:-0} & 255 ))
    (cd "$dir" && env "${envs[@]}" timeout 60 "${RUNNER[@]}" "$exe" "${args[@]}" <"$stdin_file" >"$dir.out" 2>"$dir.err")
    status=$?
    detail=
    if [ $status -ne $want_status ]; then
        detail="exit status $status, expected $want_status"
    elif [ -f "tests/programs/$area/$name.expected" ] &&
        ! cmp -s "$dir.out" "tests/programs/$area/$name.expected"; then
        detail="stdout differs from $name.expected"
    fi
    if [ -z "$detail" ]; then
        report pass "$id"
    else
        report fail "$id" "$detail"
        if [ -f "tests/programs/$area/$name.expected" ]; then
            diff <(od -c "tests/programs/$area/$name.expected") <(od -c "$dir.out") | head -n 10
        else
            head -c 2000 "$dir.out"
        fi
        head -c 1000 "$dir.err"
    fi
done

if [ $WINE = 0 ]; then
    for t in build/tests/unit/*; do
        [ -x "$t" ] || continue
        id=unit/$(basename "$t")
        [ -n "$FILTER" ] && [[ $id != *$FILTER* ]] && continue
        if out=$("$t" 2>&1); then report pass "$id"; else report fail "$id"; echo "$out" | tail -n 20; fi
    done
    for t in tests/pe/*.sh; do
        [ -e "$t" ] || continue
        id=pe/$(basename "$t" .sh)
        [ -n "$FILTER" ] && [[ $id != *$FILTER* ]] && continue
        out=$(bash "$t" "$ROOT/build/decant" 2>&1); rc=$?
        if [ $rc = 0 ]; then report pass "$id"
        elif [ $rc = 77 ]; then report skip "$id" "$(echo "$out" | tail -n 1)"
        else report fail "$id"; echo "$out" | tail -n 20; fi
    done
    # tests/real/*.sh report each case on a line of its own: counted here.
    for t in tests/real/*.sh; do
        [ -e "$t" ] || continue
        id=real/$(basename "$t" .sh)
        [ -n "$FILTER" ] && [[ $id != *$FILTER* ]] && continue
        out=$(bash "$t" "$ROOT/build/decant" 2>&1); rc=$?
        if [ $rc = 77 ]; then report skip "$id" "$(echo "$out" | tail -n 1 | sed 's/^SKIP: //')"; continue; fi
        failed_cases=0
        while read -r word name why; do
            case $word in
            PASS) report pass "$id/$name" ;;
            SKIP) report skip "$id/${name%:}" "$why" ;;
            FAIL) report fail "$id/${name%:}" "$why"; failed_cases=1 ;;
            esac
        done <<<"$out"
        if [ $rc != 0 ]; then
            [ $failed_cases = 1 ] || report fail "$id" "exit status $rc"
            echo "$out" | grep -Ev '^(PASS|SKIP|FAIL) ' | head -n 30
        fi
    done
fi

[ $KEEP = 1 ] && echo "outputs kept in $TMPROOT" || rm -rf "$TMPROOT"
if [ ${#failed_names[@]} -gt 0 ]; then
    echo "failed: ${failed_names[*]}"
fi
if [ $skipped -gt 0 ]; then
    echo "$pass passed, $fail failed, $skipped skipped"
else
    echo "$pass passed, $fail failed"
fi
[ $fail -eq 0 ]
