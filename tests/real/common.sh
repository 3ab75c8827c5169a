# Sourced by tests/real/*.sh: real Windows programs, fetched from the npm
# registry at test time, run under decant and checked by something that is
# not decant (the Linux build of the same program, or another program).
#
#   bash tests/real/NAME.sh [path/to/decant]   exit 0 = pass, 1 = fail, 77 = skip
#
# Each case prints one line, which tests/run.sh counts:
#   PASS name (decant 0.12s, linux 0.05s)
#   FAIL name: why           (followed by indented details)
#   SKIP name: why           (a case marked `broken`, see below)
# A script exits 77 with one line "SKIP: why" when nothing can run: no npm,
# no network, no independent checker.
#
# Sourced with REAL_BENCH set (bench/real.sh), a script only prepares:
# it fetches, builds its inputs and defines its cases, while case_run and
# finish do nothing; the bench then runs the cases it times with case_exec,
# under decant and under Wine (DECANT set to wine), so both are checked as
# the tests check decant.
#
# Downloads are cached, never committed: $DECANT_REAL_CACHE, else
# build/real-cache. Everything else lives in $WORK, removed at exit; HOME,
# TMPDIR, the XDG directories, npm's cache and decant's prefix point inside
# it, so neither the programs nor npm leave files anywhere else.
set -u
REAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$REAL_DIR/../.." && pwd)
DECANT=${1:-$ROOT/build/decant}
[ -x "$DECANT" ] || { echo "SKIP: no decant at $DECANT (run make)"; exit 77; }
DECANT=$(cd "$(dirname "$DECANT")" && pwd)/$(basename "$DECANT")
CACHE=${DECANT_REAL_CACHE:-$ROOT/build/real-cache}
WORK=$(mktemp -d /tmp/decant-real.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/tmp"
export npm_config_userconfig=${npm_config_userconfig:-${HOME:-}/.npmrc} # read only
export HOME=$WORK/home TMPDIR=$WORK/tmp XDG_CACHE_HOME=$WORK/home/.cache \
    XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share \
    DECANT_PREFIX=$WORK/prefix DECANT_DEBUG=${DECANT_DEBUG:--fixme} TZ=UTC \
    LC_ALL=C.UTF-8 npm_config_cache=$WORK/npm npm_config_update_notifier=false \
    npm_config_fetch_retries=1 npm_config_fetch_retry_mintimeout=2000 \
    npm_config_fetch_retry_maxtimeout=10000
FAILED=0
declare -A BROKEN=()

skip_all() { # reason: nothing in this script can run
    echo "SKIP: $*"
    exit 77
}

# first_cmd NAME...: the first NAME on PATH, or nothing.
first_cmd() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 && { echo "$c"; return; }
    done
}

# fetch VAR PACKAGE@VERSION INTEGRITY: sets VAR to the directory of the
# unpacked package (npm's "package/" folder), downloading it on first use.
# The tarball must match the pinned integrity (npm's "sha512-<base64>", from
# `npm view PACKAGE@VERSION dist.integrity`). Skips the whole script when npm
# or the registry cannot be reached.
fetch() {
    local var=$1 spec=$2 want=$3 dir tgz got
    dir=$CACHE/$(printf '%s' "${spec#@}" | tr '/@' '__')
    mkdir -p "$CACHE" || exit 1
    exec 9>>"$CACHE/.lock"   # one download at a time, when tests run in parallel
    command -v flock >/dev/null 2>&1 && flock 9
    if [ ! -f "$dir/.done" ]; then
        command -v npm >/dev/null 2>&1 || skip_all "npm not installed (needed to fetch $spec)"
        rm -rf "$dir" && mkdir -p "$dir/pack" || exit 1
        if ! (cd "$WORK/tmp" && timeout 300 npm pack --loglevel=error "$spec" \
            --pack-destination "$dir/pack" >"$WORK/npm.log" 2>&1); then
            rm -rf "$dir"
            skip_all "npm pack $spec failed (offline?): $(grep -i "^npm error" "$WORK/npm.log" | head -n 1)"
        fi
        tgz=$(ls "$dir"/pack/*.tgz)
        got=sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)
        if [ "$got" != "$want" ]; then
            rm -rf "$dir"
            echo "FAIL: $spec: tarball integrity $got, pinned $want"
            exit 1
        fi
        tar -xzf "$tgz" -C "$dir" && rm -rf "$dir/pack" && touch "$dir/.done" ||
            { rm -rf "$dir"; echo "FAIL: cannot unpack $spec"; exit 1; }
    fi
    exec 9>&-
    printf -v "$var" '%s' "$dir/package"
}

# broken NAME REASON: case NAME is known not to work under decant yet
# ("needs kernel32!Foo"). It still runs: failing, it reports SKIP with
# REASON; passing, it reports PASS and asks for the mark to be removed.
broken() {
    BROKEN[$1]=$2
}

# case_exec NAME FUNCTION: runs FUNCTION in a subshell, inside a fresh
# directory $WORK/case-NAME, stdin from /dev/null, its output in .log
# there; returns its status. It passes by returning 0 and fails with
# `bad "why"`.
case_exec() {
    local dir=$WORK/case-$1
    rm -rf "$dir" && mkdir -p "$dir" || return 1
    (CASE_DIR=$dir && cd "$dir" && "$2") </dev/null >"$dir/.log" 2>&1
}

# case_run NAME FUNCTION: case_exec, then one line; its `timed` runs are
# listed on the PASS line.
case_run() {
    [ -z "${REAL_BENCH:-}" ] || return 0
    local name=$1 fn=$2 dir=$WORK/case-$1 rc times why
    case_exec "$name" "$fn"
    rc=$?
    times=$(awk '$1 == "TIME" { printf "%s%s %.2fs", n++ ? ", " : "", $2, $3 }' "$dir/.log")
    why=$(sed -n 's/^BAD //p' "$dir/.log" | head -n 1)
    if [ $rc = 0 ]; then
        echo "PASS $name${times:+ ($times)}${BROKEN[$name]:+ [marked broken (${BROKEN[$name]}): remove the mark]}"
    elif [ -n "${BROKEN[$name]:-}" ]; then
        # decant's own word on what is missing, when it said it
        why=$(cat "$dir"/*.err 2>/dev/null | sed -n -E \
            -e 's/^decant: unimplemented: ([^ ]+) called from .*/needs \1/p' \
            -e 's/^decant: cannot find ([^ ]+) .*/needs \1/p' \
            -e 's/^panic: Failed to find ([^ ]+) procedure in ([^:]+):.*/needs \2!\1 (Go looks it up)/p' |
            head -n 1)
        echo "SKIP $name: ${why:-${BROKEN[$name]}}"
    else
        FAILED=1
        echo "FAIL $name: ${why:-status $rc}"
        { grep -v '^TIME \|^BAD ' "$dir/.log"
          # what decant or the program said when it stopped
          cat "$dir"/*.err 2>/dev/null | grep -E '^decant:|^panic:|[Ee]xception|^fatal' ; } |
            head -n 12 | sed 's/^/    /'
    fi
}

bad() { # inside a case: fail it, with the reason
    echo "BAD $*"
    exit 1
}

# timed LABEL CMD...: runs CMD in the current directory, stdout to
# $CASE_DIR/LABEL.out, stderr to $CASE_DIR/LABEL.err, its status in RC; its
# wall time goes on the PASS line as "LABEL 1.23s" (in the log, "TIME LABEL
# SECONDS" to the microsecond, for bench/real.sh).
timed() {
    local label=$1 t0
    shift
    t0=$EPOCHREALTIME
    timeout -k 5 120 "$@" >"$CASE_DIR/$label.out" 2>"$CASE_DIR/$label.err"
    RC=$?
    awk -v l="$label" -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "TIME %s %.6f\n", l, b - a }'
    [ $RC != 124 ] || bad "$label: timed out after 120 s"
    return 0
}

# win LABEL PROGRAM.exe ARGS...: timed, under decant.
win() {
    local label=$1
    shift
    timed "$label" "$DECANT" "$@"
}

# expect_rc LABEL WANT: the status of the last `timed` run.
expect_rc() {
    [ "$RC" = "$2" ] || bad "$1: exit status $RC, expected $2$(err_hint "$1")"
}

# same WHAT FILE1 FILE2: byte-identical, or fail showing the first difference.
same() {
    cmp -s "$2" "$3" && return
    bad "$1 differs: $(diff "$2" "$3" 2>&1 | head -n 5 | cut -c 1-120 | paste -sd'|' -)"
}

err_hint() { # label: decant's or the program's last words, if any
    local f=$CASE_DIR/$1.err
    [ -s "$f" ] && printf ' (stderr: %s)' "$(grep -v '^$' "$f" | head -n 2 | cut -c 1-200 | paste -sd'|' -)"
}

finish() {
    [ -z "${REAL_BENCH:-}" ] || return 0
    exit $FAILED
}
