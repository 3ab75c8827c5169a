#!/usr/bin/env bash
# 7za.exe 21.07 (7-Zip's standalone console build, from the npm package
# 7zip-bin 5.2.0) archives, lists, tests and extracts a directory tree; what
# it does is checked with Debian's own 7-Zip (7zz, package 7zip; or p7zip's
# 7z): each extracts what the other archived, byte for byte, with the times.
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SZ=$(first_cmd 7zz 7z)
[ -n "$SZ" ] || skip_all "no 7zz or 7z to check 7za.exe with (apt-get install 7zip)"
fetch PKG 7zip-bin@5.2.0 sha512-ukTPVhqG4jNzMro2qA9HSCSSVJN3aN7tlb+hfqYCt3ER0yWroeA2VR38MNrOHLQ/cVj+DaIMad0kFCtWWowh/A==
EXE=$PKG/win/x64/7za.exe

# The tree: binary and text files, a subdirectory, an empty file, names with
# a space and with non-ASCII letters, fixed modification times.
TREE=$WORK/tree
mkdir -p "$TREE/sub/deeper"
head -c 300000 /dev/urandom >"$TREE/random.bin"
seq 1 400000 >"$TREE/numbers.txt"                       # 2.6 MB, compresses well
printf 'hello world\r\nsecond line\n' >"$TREE/sub/with space.txt"
printf 'unicode\n' >"$TREE/sub/"$'h\xc3\xa9llo w\xc3\xb6rld \xe2\x82\xac.txt'
: >"$TREE/sub/empty"
yes 'abcdefghij' | head -c 5000 >"$TREE/sub/deeper/letters.txt"
touch -d '2001-02-03 04:05:06' "$TREE/numbers.txt"
touch -d '2019-12-31 23:59:58' "$TREE/sub/with space.txt"
(cd "$WORK" && "$SZ" a -bd ref.7z tree >/dev/null) || skip_all "$SZ cannot make an archive"

# same_tree DIR: DIR is a copy of the tree: contents, names, file mtimes.
same_tree() {
    diff -r "$TREE" "$1" >diff.txt 2>&1 || bad "extracted tree differs: $(head -n 3 diff.txt | paste -sd'|' -)"
    local f
    while IFS= read -r f; do
        [ "$(stat -c %Y "$TREE/$f")" = "$(stat -c %Y "$1/$f")" ] ||
            bad "modification time of $f: $(stat -c %y "$1/$f"), expected $(stat -c %y "$TREE/$f")"
    done < <(cd "$TREE" && find . -type f)
}

# The listing that matters, in one form for both programs: the path (with
# '/'), size, CRC, attributes and modification time (to the second) of
# each item. 7za.exe writes CRLF line ends, as Windows programs do.
listing() {
    tr -d '\r' <"$1" | sed -n 's/^\(Path\|Size\|CRC\|Modified\|Attributes\) = /\1=/p' |
        sed 's|\\|/|g; s/^\(Modified=[^.]*\)\..*/\1/' | sed '1d'   # 1d: the archive's own Path
}

case_add() { # 7za.exe archives the tree; 7zz extracts it
    cp -a "$TREE" tree
    win decant "$EXE" a -bd -mmt=2 a.7z tree
    expect_rc decant 0
    timed 7zz "$SZ" a -bd -mmt=2 b.7z tree
    "$SZ" t a.7z >check.log 2>&1 || bad "7zz t: $(tail -n 3 check.log | paste -sd'|' -)"
    "$SZ" x -bd -oout a.7z >check.log 2>&1 || bad "7zz x: $(tail -n 3 check.log | paste -sd'|' -)"
    same_tree out/tree
}

case_list() { # 7za.exe lists what 7zz archived, as 7zz does
    win decant "$EXE" l -slt "$WORK/ref.7z"
    expect_rc decant 0
    timed 7zz "$SZ" l -slt "$WORK/ref.7z"
    listing decant.out >w.txt
    listing 7zz.out >l.txt
    [ -s l.txt ] || bad "7zz l -slt printed nothing usable"
    same "listing (7za.exe < > 7zz)" w.txt l.txt
    "$DECANT" "$EXE" l "$WORK/ref.7z" >plain.out 2>&1 || bad "7za.exe l: status $?"
    tr -d '\r' <plain.out >plain.txt
    grep -q ' 6 files, 3 folders$' plain.txt || bad "plain listing lacks '6 files, 3 folders': $(tail -n 1 plain.txt)"
    grep -qF 'tree\sub\with space.txt' plain.txt || bad "plain listing lacks tree\\sub\\with space.txt"
}

case_test() { # 7za.exe t on a good archive
    win decant "$EXE" t "$WORK/ref.7z"
    expect_rc decant 0
    timed 7zz "$SZ" t "$WORK/ref.7z"
    grep -q '^Everything is Ok' decant.out || bad "no 'Everything is Ok': $(tail -n 2 decant.out | paste -sd'|' -)"
}

case_extract() { # 7za.exe extracts what 7zz archived
    win decant "$EXE" x -bd -oout "$WORK/ref.7z"
    expect_rc decant 0
    timed 7zz "$SZ" x -bd -oref "$WORK/ref.7z"
    same_tree out/tree
}

case_corrupt() { # t on a damaged archive fails, for both
    cp "$WORK/ref.7z" bad.7z
    printf '\xde\xad\xbe\xef\xde\xad\xbe\xef' | dd of=bad.7z bs=1 seek=100000 conv=notrunc 2>/dev/null
    timed 7zz "$SZ" t bad.7z
    local rl=$RC
    [ $rl != 0 ] || bad "7zz does not see the damage (status 0): not a useful test"
    win decant "$EXE" t bad.7z
    [ $RC = 2 ] || bad "7za.exe t on a damaged archive: status $RC, expected 2 (7zz: $rl)$(err_hint decant)"
    grep -q 'ERROR' decant.out decant.err || bad "7za.exe t printed no ERROR line"
}

case_zip() { # a .zip (Deflate) made by 7za.exe, extracted by 7zz
    cp -a "$TREE" tree
    win decant "$EXE" a -bd -tzip a.zip tree
    expect_rc decant 0
    timed 7zz "$SZ" a -bd -tzip b.zip tree
    "$SZ" x -bd -oout a.zip >check.log 2>&1 || bad "7zz x: $(tail -n 3 check.log | paste -sd'|' -)"
    diff -r "$TREE" out/tree >/dev/null || bad "tree extracted from a.zip differs"
}

case_pipes() { # -si reads the data from stdin, x -so writes it to stdout
    win decant "$EXE" a -bd -si'numbers.txt' p.7z <"$TREE/numbers.txt"
    expect_rc decant 0
    timed 7zz "$SZ" a -bd -si'numbers.txt' q.7z <"$TREE/numbers.txt"
    "$SZ" x -bd -so p.7z numbers.txt >from7zz.txt 2>/dev/null || bad "7zz cannot extract p.7z"
    same "numbers.txt archived from stdin" "$TREE/numbers.txt" from7zz.txt
    win decant_so "$EXE" x -so "$WORK/ref.7z" tree/random.bin
    expect_rc decant_so 0
    same "random.bin written to stdout" "$TREE/random.bin" decant_so.out
}

case_run add case_add
case_run list case_list
case_run test case_test
case_run extract case_extract
case_run corrupt case_corrupt
case_run zip case_zip
case_run pipes case_pipes
finish
