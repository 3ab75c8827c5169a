#!/usr/bin/env bash
# Biome 2.5.15 (Rust, MSVC, the universal CRT) for Windows, from the npm
# package @biomejs/cli-win32-x64, against its Linux build,
# @biomejs/cli-linux-x64 of the same version: the same output, byte for
# byte (timings and path separators aside), and the same exit status.
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
fetch WPKG @biomejs/cli-win32-x64@2.5.15 sha512-yAzh4UqEImV6Hcy0zjUqNfJAsUhoD64FBQCdTG8Md/Z2wQeVP/ZmJ3XRYAs1g8J9fjTFyl2fCtc5FB5til47+g==
fetch LPKG @biomejs/cli-linux-x64@2.5.15 sha512-xE4iEW/3LqlYj9GFgGrFsFSH51dEEpUbYWBfeOv0q87WkUDxK2o/HhreSb7qMJqck70RVM6Lg96hgedcAYcOkA==
EXE=$WPKG/biome.exe
LIN=$LPKG/biome
"$LIN" --version >/dev/null 2>&1 || skip_all "the Linux biome does not run here"

# The project: badly formatted JavaScript, TypeScript and JSON, a file in a
# subdirectory, a file with two lint errors and one that does not parse.
PROJ=$WORK/proj
mkdir -p "$PROJ/src/sub"
cat >"$PROJ/src/app.js" <<'EOF'
const   a = {b:1,
  c : [1,2,3], 'd-e': "x"}
function  f( x ){ return x+1 }
export default async function main(){ const r = await Promise.all([f(1),f(2)]) ; console.log(r, a) }
EOF
cat >"$PROJ/src/sub/types.ts" <<'EOF'
interface P{x:number;y:number}
export const dist=(p:P,q:P):number=>Math.hypot(p.x-q.x,p.y-q.y)
let s:string='single'  ;export {s}
EOF
printf '{"name":"demo","list":[1,2,3],"nested":{"a":true,"b":null}}\n' >"$PROJ/src/data.json"
cat >"$PROJ/src/sub/bad.js" <<'EOF'
var a = 1;
if (a == 2) { debugger; }
EOF
printf 'let = ;\n' >"$PROJ/src/sub/broken.js"

# run_both ARGS...: biome.exe under decant in ./win, the Linux biome in
# ./lin (each a copy of the project), stdin from ./in when it exists;
# --colors=off so that neither asks its terminal.
run_both() {
    local in=/dev/null
    [ -f in ] && in=$PWD/in
    cp -a "$PROJ" win && cp -a "$PROJ" lin
    cd win && win decant "$EXE" "$@" --colors=off <"$in"
    RW=$RC
    cd ../lin && timed linux "$LIN" "$@" --colors=off <"$in"
    RL=$RC
    cd ..
    [ $RW = $RL ] || bad "exit status $RW under decant, $RL on Linux$(err_hint decant)"
}

# normal FILE: FILE.n, with the times biome reports ("in 1400µs", "in 4ms")
# and Windows path separators made neutral.
normal() {
    sed -E 's/ in [0-9]+(\.[0-9]+)?(ns|µs|ms|s)\./ in TIME./g' "$1" | tr '\\' '/' >"$1.n"
}

case_version() {
    run_both --version
    same "stdout" decant.out linux.out
}

case_format_stdin() {
    cp "$PROJ/src/app.js" in
    run_both format --stdin-file-path=app.js
    [ $RW = 0 ] || bad "status $RW$(err_hint decant)"
    same "stdout" decant.out linux.out
}

case_format_write() { # four files on disk, rewritten in place
    run_both format --write src/app.js src/sub/types.ts src/data.json src/sub/bad.js
    [ $RW = 0 ] || bad "status $RW$(err_hint decant)"
    local f
    for f in src/app.js src/sub/types.ts src/data.json src/sub/bad.js; do
        cmp -s "$PROJ/$f" "lin/$f" && bad "the Linux biome left $f as it was: not a useful test"
        same "$f" "win/$f" "lin/$f"
    done
    normal decant.out && normal linux.out
    same "stdout (times aside)" decant.out.n linux.out.n
}

case_lint() { # two errors, status 1, the same diagnostics
    run_both lint src/sub/bad.js
    [ $RW = 1 ] || bad "status $RW, expected 1$(err_hint decant)"
    normal decant.out && normal linux.out && normal decant.err && normal linux.err
    same "stdout (times and separators aside)" decant.out.n linux.out.n
    same "stderr (separators aside)" decant.err.n linux.err.n
}

case_format_error() { # a syntax error: status 1, the same diagnostics
    run_both format src/sub/broken.js
    [ $RW = 1 ] || bad "status $RW, expected 1$(err_hint decant)"
    normal decant.out && normal linux.out && normal decant.err && normal linux.err
    same "stdout (times and separators aside)" decant.out.n linux.out.n
    same "stderr (separators aside)" decant.err.n linux.err.n
}

# to_closed_pipe LABEL CMD...: like `timed`, but stdout is a pipe whose
# reader is gone (a FIFO opened read-write, a writer opened, the reader
# closed), so that every write fails: EPIPE on Linux, ERROR_NO_DATA on
# Windows. No time is reported.
to_closed_pipe() {
    local label=$1
    shift
    mkfifo "$CASE_DIR/$label.fifo" || bad "mkfifo failed"
    exec 3<>"$CASE_DIR/$label.fifo"
    exec 4>"$CASE_DIR/$label.fifo"
    exec 3<&-
    timeout -k 5 120 "$@" >&4 2>"$CASE_DIR/$label.err"
    RC=$?
    exec 4>&-
    [ $RC != 124 ] || bad "$label: timed out after 120 s"
}

# A Rust panic that unwinds: `biome --version` prints to a closed pipe, so
# print! panics with "failed printing to stdout: <the OS's error>". Biome's
# panic hook writes its report; the panic then unwinds (on Windows, as a C++
# exception thrown by _CxxThrowException through __CxxFrameHandler3 frames)
# to std's catch_unwind around main, and the status is 101. The report's
# lines, the OS's words for the error and path separators aside, are the
# same.
panic_report() { # FILE: FILE.p, the report's identifying lines
    grep -E '^(Biome encountered|Source Location|Thread Name|Message)' "$1" | tr '\\' '/' |
        sed -E 's/^(Message: failed printing to stdout): .* \(os error [0-9]+\)$/\1: OS ERROR/' >"$1.p"
}

case_panic_closed_stdout() {
    to_closed_pipe decant "$DECANT" "$EXE" --version
    RW=$RC
    to_closed_pipe linux "$LIN" --version
    [ $RC = 101 ] || bad "the Linux biome exited $RC, not 101: not a useful test"
    [ $RW = 101 ] || bad "exit status $RW under decant, expected 101$(err_hint decant)"
    panic_report decant.err && panic_report linux.err
    grep -q 'OS ERROR' linux.err.p || bad "the Linux biome did not panic printing: not a useful test"
    same "the panic report (the OS's error aside)" decant.err.p linux.err.p
}

case_panic_closed_stdout_error() { # Windows' words: ERROR_NO_DATA
    to_closed_pipe decant "$DECANT" "$EXE" --version
    grep -qx 'Message: failed printing to stdout: The pipe is being closed. (os error 232)' decant.err ||
        bad "the panic says '$(grep -m1 '^Message:' decant.err)', Windows says 'The pipe is being closed. (os error 232)'"
}

case_run version case_version
case_run format_stdin case_format_stdin
case_run format_write case_format_write
case_run lint case_lint
case_run format_error case_format_error
case_run panic_closed_stdout case_panic_closed_stdout
case_run panic_closed_stdout_error case_panic_closed_stdout_error
finish
