#!/usr/bin/env bash
# esbuild 0.28.2 (Go) for Windows, from the npm package @esbuild/win32-x64,
# against its Linux build, @esbuild/linux-x64 of the same version: the same
# inputs give byte-identical outputs and the same exit status.
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
fetch WPKG @esbuild/win32-x64@0.28.2 sha512-5ebpxr3nWMzrL/rnUI755Jkuee0bHL/Gq0WTF9lvcpv73wAp5eu8MfBUgWK9bhWvZjj7yX8etf/8tI8Ney695g==
fetch LPKG @esbuild/linux-x64@0.28.2 sha512-4xTZr1FUmSoQW4XIWmit3tzQrUTZM+N3P0XV8xROKYF50XfI7xeO90+1bZvNwxIufQ9hDQVRJH5YhgPVF8A/HQ==
EXE=$WPKG/esbuild.exe
LIN=$LPKG/bin/esbuild
"$LIN" --version >/dev/null 2>&1 || skip_all "the Linux esbuild does not run here"

# The project: TypeScript, JSON, a subdirectory, and 200 generated modules
# so that the bundle takes measurable time.
PROJ=$WORK/proj
mkdir -p "$PROJ/src/lib" "$PROJ/src/gen"
cat >"$PROJ/src/lib/util.ts" <<'EOF'
export interface Point { x: number; y: number }
export const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
export function greet(name: string): string { return `hello, ${name}!`; }
export enum Colour { Red = "red", Green = "green" }
EOF
echo '{ "items": [1, 2, 3], "name": "data" }' >"$PROJ/src/data.json"
for i in $(seq 0 199); do
    {
        [ "$i" -lt 199 ] && echo "import { f$((i + 1)) } from \"./m$((i + 1))\";"
        echo "export class C$i { constructor(public v: number) {} twice() { return this.v * 2; } }"
        echo "export function f$i(n: number): number {"
        echo "  const xs = Array.from({ length: n }, (_, k) => new C$i(k).twice());"
        [ "$i" -lt 199 ] && echo "  return xs.reduce((a, b) => a + b, 0) + f$((i + 1))(n > 0 ? n - 1 : 0);" ||
            echo "  return xs.reduce((a, b) => a + b, 0);"
        echo "}"
    } >"$PROJ/src/gen/m$i.ts"
done
cat >"$PROJ/src/main.ts" <<'EOF'
import { dist, greet, Colour } from "./lib/util";
import data from "./data.json";
import { f0 } from "./gen/m0";
console.log(greet("decant"), dist({ x: 0, y: 0 }, { x: 3, y: 4 }), data.items.length, Colour.Red, f0(3));
EOF
printf 'export const z = ;\n' >"$PROJ/src/lib/broken.ts"

# run_both ARGS...: the Windows build under decant in ./win, the Linux build
# in ./lin (each a copy of the project), stdin from ./in when it exists.
# Outputs: decant.out/.err, linux.out/.err; statuses RW and RL.
run_both() {
    local in=/dev/null
    [ -f in ] && in=$PWD/in
    cp -a "$PROJ" win && cp -a "$PROJ" lin
    cd win && win decant "$EXE" "$@" <"$in"
    RW=$RC
    cd ../lin && timed linux "$LIN" "$@" <"$in"
    RL=$RC
    cd ..
    [ $RW = $RL ] || bad "exit status $RW under decant, $RL on Linux$(err_hint decant)"
}

# On Windows esbuild marks errors with "X", not "✘", unless WT_SESSION says
# it runs in Windows Terminal (internal/logger/logger.go, Icon); the error
# cases set it. Paths in messages use the system's separator.
unslash() { tr '\\' '/' <"$1" >"$1.unslashed"; }

case_version() {
    run_both --version
    same "stdout" decant.out linux.out
}

case_transform() { # stdin to stdout, TypeScript to JavaScript
    cp "$PROJ/src/lib/util.ts" in
    run_both --loader=ts
    [ $RW = 0 ] || bad "status $RW$(err_hint decant)"
    same "stdout" decant.out linux.out
}

case_transform_minify() {
    cat "$PROJ/src/lib/util.ts" "$PROJ/src/gen/m5.ts" >in
    run_both --loader=ts --minify --target=es2017
    [ $RW = 0 ] || bad "status $RW$(err_hint decant)"
    same "stdout" decant.out linux.out
}

case_transform_error() { # a syntax error: status 1 and the same message
    export WT_SESSION=decant
    cp "$PROJ/src/lib/broken.ts" in
    run_both --loader=ts
    [ $RW = 1 ] || bad "status $RW, expected 1$(err_hint decant)"
    same "stderr" decant.err linux.err
}

case_minify() { # a file on disk to a file on disk
    run_both src/lib/util.ts --minify --outfile=out/util.js --log-level=warning
    [ $RW = 0 ] || bad "status $RW$(err_hint decant)"
    same "out/util.js" win/out/util.js lin/out/util.js
}

case_bundle() { # 203 files, with a source map
    run_both src/main.ts --bundle --sourcemap --outfile=out/app.js --log-level=warning
    [ $RW = 0 ] || bad "status $RW$(err_hint decant)"
    same "out/app.js" win/out/app.js lin/out/app.js
    same "out/app.js.map" win/out/app.js.map lin/out/app.js.map
}

case_bundle_minify() {
    run_both src/main.ts --bundle --minify --format=esm --outdir=dist --log-level=warning
    [ $RW = 0 ] || bad "status $RW$(err_hint decant)"
    same "dist/main.js" win/dist/main.js lin/dist/main.js
}

case_bundle_error() { # an error in a file in a subdirectory
    export WT_SESSION=decant
    run_both src/lib/broken.ts --bundle --outfile=out/x.js
    [ $RW = 1 ] || bad "status $RW, expected 1$(err_hint decant)"
    unslash decant.err
    same "stderr (path separators aside)" decant.err.unslashed linux.err
}

case_run version case_version
case_run transform case_transform
case_run transform_minify case_transform_minify
case_run transform_error case_transform_error
case_run minify case_minify
case_run bundle case_bundle
case_run bundle_minify case_bundle_minify
case_run bundle_error case_bundle_error
finish
