#!/usr/bin/env bash
# Go programs that dereference nil: the load faults, the Windows build takes
# the access violation in the Go runtime's vectored exception handler on a
# goroutine's stack (not the thread's), turns it into a run-time panic, and
# prints "panic: ..." with the goroutine's trace and exits 2, as its Linux
# build does from SIGSEGV.
#   esbuild 0.23.0 (Go 1.22): `esbuild --analyze` (evanw/esbuild#3834, fixed
#     in 0.23.1), nil build options in addAnalyzePlugin, on goroutine 1.
#   lefthook 2.2.2 (Go): a command with no body (`x:` = null) in
#     lefthook.yml, config.CommandsToJobs, on goroutine 1.
# On Windows the signal line reads "[signal 0xc0000005 code=0x0 addr=...]"
# (the exception code, and ExceptionInformation[0] = 0, a read) where Linux
# says "[signal SIGSEGV: segmentation violation code=0x1 addr=...]".
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
fetch EWPKG @esbuild/win32-x64@0.23.0 sha512-Arm+WgUFLUATuoxCJcahGuk6Yj9Pzxd6l11Zb/2aAuv5kWWvvfhLFo2fni4uSK5vzlUdCGZ/BdV5tH8klj8p8g==
fetch ELPKG @esbuild/linux-x64@0.23.0 sha512-a3pMQhUEJkITgAw6e0bWA+F+vFtCciMjW/LPtoj99MhVt+Mfb6bbL9hu2wmTZgNd994qTAEw+U/r6k3qHWWaOQ==
fetch LWPKG lefthook-windows-x64@2.2.2 sha512-9Ck4zancQilBfXT3ZeRipm7Lcq4RQfxyMpy8SAVINw0t/BrbjsT25V46ZuziERcwdajnE4myfMzC33GoCBwr7g==
fetch LLPKG lefthook-linux-x64@2.2.2 sha512-N/OlQyAhcU6RAXjrwFxLsh70sn96rBoi+XkuLJ8CVBkk9Ci3VDXQayDZTNz5B1xML8RwoMcV8Wblniy1xFOmSA==
"$ELPKG/bin/esbuild" --version >/dev/null 2>&1 || skip_all "the Linux esbuild does not run here"

# same_panic: decant.err against linux.err, both exit status 2: the panic
# line, the signal line in each system's form with the same fault address,
# and the same functions on the goroutine's stack (arguments aside).
same_panic() {
    [ $RW = 2 ] || bad "status $RW, expected 2$(err_hint decant)"
    local want got addr
    want=$(grep -m1 '^panic: ' linux.err)
    [ -n "$want" ] || bad "the Linux build did not panic: not a useful test"
    got=$(grep -m1 '^panic: ' decant.err)
    [ "$got" = "$want" ] || bad "panic line: '$got', expected '$want'$(err_hint decant)"
    addr=$(sed -n 's/^\[signal SIGSEGV: segmentation violation code=0x1 addr=\(0x[0-9a-f]*\) .*/\1/p' linux.err)
    [ -n "$addr" ] || bad "the Linux build did not fault on a read: not a useful test"
    grep -q "^\[signal 0xc0000005 code=0x0 addr=$addr pc=0x[0-9a-f]*\]\$" decant.err ||
        bad "signal line: '$(grep -m1 '^\[signal' decant.err)', expected '[signal 0xc0000005 code=0x0 addr=$addr pc=...]'"
    frames() { sed -n '/^goroutine 1 \[running\]:/,/^$/{/^[^\t]/s/(.*//p}' "$1"; }
    frames linux.err >linux.frames
    frames decant.err >decant.frames
    same "goroutine 1's functions" decant.frames linux.frames
}

case_esbuild_analyze_nil() {
    win decant "$EWPKG/esbuild.exe" --analyze
    RW=$RC
    timed linux "$ELPKG/bin/esbuild" --analyze
    [ $RW = $RC ] || bad "exit status $RW under decant, $RC on Linux$(err_hint decant)"
    same "stdout" decant.out linux.out
    same_panic
}

case_lefthook_nil_command() {
    [ -n "$(first_cmd git)" ] || bad "no git here (lefthook needs it)"
    # lefthook asks git for the repository first; an ELF child runs as it is
    mkdir -p bin repo && ln -s "$(command -v git)" bin/git.exe
    cd repo && git init -q . && printf 'pre-commit:\n  commands:\n    x:\n' >lefthook.yml
    PATH=$CASE_DIR/bin:$PATH win decant "$LWPKG/bin/lefthook.exe" run pre-commit --force --colors=off --no-tty --no-auto-install
    RW=$RC
    timed linux "$LLPKG/bin/lefthook" run pre-commit --force --colors=off --no-tty --no-auto-install
    cd "$CASE_DIR"
    [ $RW = $RC ] || bad "exit status $RW under decant, $RC on Linux$(err_hint decant)"
    same "stdout" decant.out linux.out
    same_panic
}

case_run esbuild_analyze_nil case_esbuild_analyze_nil
case_run lefthook_nil_command case_lefthook_nil_command
finish
