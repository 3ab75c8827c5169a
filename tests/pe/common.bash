# Sourced by tests/pe/*.sh, which make PE files from hand-written nasm
# sources (pe.inc) and run them:
#   bash tests/pe/NAME.sh path/to/decant    the test (exit 0 = pass, 77 = skip)
#   bash tests/pe/NAME.sh wine              the same files under Wine, to see
#                                           what Windows does with them
# Not named *.sh, so tests/run.sh does not take it for a test.
set -u
PE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RUNNER=${1:?usage: $0 path/to/decant (or wine)}
if ! command -v nasm >/dev/null 2>&1; then
    echo "nasm not installed"
    exit 77
fi
if [ "$(basename "$RUNNER")" = wine ]; then
    UNDER_WINE=1
    WINEPREFIX=$("$PE_DIR/../../scripts/wine-prefix.sh")
    export WINEPREFIX WINEDEBUG=-all
else
    UNDER_WINE=0
    RUNNER=$(cd "$(dirname "$RUNNER")" && pwd)/$(basename "$RUNNER")
fi
WORK=$(mktemp -d /tmp/decant-pe.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
FAILED=0

fail() {
    echo "FAIL: $*"
    FAILED=1
}

# assemble SOURCE OUTPUT [nasm options]: tests/pe/SOURCE.asm -> $WORK/OUTPUT
assemble() {
    local src=$1 out=$2
    shift 2
    nasm -f bin -I"$PE_DIR/" "$@" -o "$WORK/$out" "$PE_DIR/$src.asm" ||
        { echo "FAIL: nasm $src.asm $*"; exit 1; }
}

# run FILE [args]: runs $WORK/FILE from inside $WORK, as `decant FILE`;
# sets STATUS, OUT (stdout) and ERR (stderr).
run() {
    (cd "$WORK" && timeout 60 "$RUNNER" "$@" >"$WORK/.out" 2>"$WORK/.err")
    STATUS=$?
    OUT=$(cat "$WORK/.out")
    ERR=$(cat "$WORK/.err")
}

expect_status() {
    [ "$STATUS" -eq "$1" ] || fail "$CASE: exit status $STATUS, expected $1${ERR:+ (stderr: $(head -c 300 <<<"$ERR"))}"
}

# expect_stdout TEXT: the exact output (without the final newline).
expect_stdout() {
    [ "$OUT" = "$1" ] || fail "$CASE: stdout was
$OUT
expected
$1"
}

# expect_stderr TEXT [COUNT]: stderr holds the fixed string TEXT (exactly
# COUNT times, when given; 0 = never).
expect_stderr() {
    local n
    n=$(grep -oF -- "$1" <<<"$ERR" | wc -l)
    if [ $# -ge 2 ]; then
        [ "$n" -eq "$2" ] || fail "$CASE: stderr holds '$1' $n times, expected $2:
$ERR"
    else
        [ "$n" -gt 0 ] || fail "$CASE: stderr does not hold '$1':
$ERR"
    fi
}

# expect_load_error FILE [PATTERN...]: decant refused FILE cleanly: non-zero
# status and no crash, one line on stderr "decant: ...", naming the file
# and matching each extended regex PATTERN. Under Wine only the status is
# reported (its messages differ).
expect_load_error() {
    local file=$1 pat
    shift
    if [ $UNDER_WINE = 1 ]; then
        echo "wine $CASE: status $STATUS, stderr: $(head -c 200 <<<"$ERR")"
        return
    fi
    [ "$STATUS" -ne 0 ] || fail "$CASE: exit status 0, expected a load error"
    [ "$STATUS" -lt 128 ] || fail "$CASE: crashed (status $STATUS)"
    [ "$(wc -l <"$WORK/.err")" -eq 1 ] || fail "$CASE: stderr is not one line:
$ERR"
    [[ $ERR == "decant: "* ]] || fail "$CASE: stderr does not start with 'decant: ': $ERR"
    [[ $ERR == *"$file"* ]] || fail "$CASE: stderr does not name $file: $ERR"
    for pat in "$@"; do
        grep -Eq -- "$pat" <<<"$ERR" || fail "$CASE: stderr does not match /$pat/: $ERR"
    done
}

finish() {
    [ $FAILED = 0 ] && echo "ok"
    exit $FAILED
}
