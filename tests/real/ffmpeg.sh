#!/usr/bin/env bash
# FFmpeg 4.1 for Windows (a static mingw-w64 build, git f22fcd4, from the npm
# package @ffmpeg-installer/win32-x64 4.1.0) against the Linux build of the
# same package version (@ffmpeg-installer/linux-x64 4.1.0, git 0e8eb07, a
# week older). The two builds are not the same commit, so only outputs that
# are bit-exact across them are compared: -f framemd5 of generated sources,
# of x264, FFV1 and FLAC encodes, and of decodes (checked beforehand with
# the Windows build under Wine; MPEG-4 part 2, MJPEG and AAC differ, left
# out). The "#software" line (the libavformat micro version) differs too.
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
fetch WPKG @ffmpeg-installer/win32-x64@4.1.0 sha512-Drt5u2vzDnIONf4ZEkKtFlbvwj6rI3kxw1Ck9fpudmtgaZIHD4ucsWB2lCZBXRxJgXR+2IMSti+4rtM4C4rXgg==
fetch LPKG @ffmpeg-installer/linux-x64@4.1.0 sha512-Y5BWhGLU/WpQjOArNIgXD3z5mxxdV8c41C+U15nsE5yF8tVcdCGet5zPs5Zy3Ta6bU7haGpIzryutqCGQA/W8A==
EXE=$WPKG/ffmpeg.exe
LIN=$LPKG/ffmpeg
"$LIN" -version >/dev/null 2>&1 || skip_all "the Linux ffmpeg does not run here"

SRC=testsrc=size=176x144:rate=10:duration=2
# run_both ARGS...: ffmpeg.exe under decant (decant.*) and the Linux ffmpeg
# (linux.*), quiet and bit-exact; statuses RW and RL, both must be 0.
run_both() {
    win decant "$EXE" -nostdin -v error -bitexact "$@"
    RW=$RC
    timed linux "$LIN" -nostdin -v error -bitexact "$@"
    RL=$RC
    [ $RL = 0 ] || bad "the Linux ffmpeg failed ($RL): $(head -c 200 linux.err)"
    [ $RW = 0 ] || bad "status $RW$(err_hint decant)"
}

# same_md5 A B: two framemd5 outputs agree, the #software line aside.
same_md5() {
    grep -v '^#software' "$1" | tr -d '\r' >"$1.n"
    grep -v '^#software' "$2" >"$2.n"
    [ "$(grep -vc '^#' "$2.n")" -gt 0 ] || bad "no frames in $2"
    same "framemd5" "$1.n" "$2.n"
}

case_version() {
    win decant "$EXE" -version
    expect_rc decant 0
    timed linux "$LIN" -version
    head -n 1 decant.out | grep -q '^ffmpeg version N-92722-gf22fcd4483 ' ||
        bad "first line: $(head -n 1 decant.out)"
    grep -q '^libavcodec *58\. 42\.' decant.out || bad "no libavcodec 58.42 line"
}

case_testsrc() { # lavfi source, scaled, to framemd5 on stdout
    run_both -f lavfi -i "$SRC" -vf scale=64:48 -pix_fmt yuv420p -f framemd5 -
    same_md5 decant.out linux.out
}

case_x264() { # libx264 (threads) encode, packets to framemd5
    run_both -f lavfi -i "$SRC" -c:v libx264 -f framemd5 -
    same_md5 decant.out linux.out
}

case_flac() {
    run_both -f lavfi -i sine=frequency=440:duration=1 -c:a flac -f framemd5 -
    same_md5 decant.out linux.out
}

case_ffv1_file() { # lossless encode to a file on disk, decoded by Linux
    win decant "$EXE" -nostdin -v error -f lavfi -i "$SRC" -pix_fmt yuv444p -c:v ffv1 -y out.mkv
    expect_rc decant 0
    [ -s out.mkv ] || bad "no out.mkv"
    "$LIN" -nostdin -v error -bitexact -i out.mkv -f framemd5 - >dec.md5 2>dec.err ||
        bad "the Linux ffmpeg cannot decode out.mkv: $(head -c 200 dec.err)"
    "$LIN" -nostdin -v error -bitexact -f lavfi -i "$SRC" -pix_fmt yuv444p -f framemd5 - >ref.md5 2>/dev/null
    # the frames, not the stream headers: columns 5- of each line
    grep -v '^#' dec.md5 | awk -F', *' '{ print $5, $6 }' >dec.frames
    grep -v '^#' ref.md5 | awk -F', *' '{ print $5, $6 }' >ref.frames
    [ -s ref.frames ] || bad "no reference frames"
    same "decoded frames" dec.frames ref.frames
}

case_decode() { # a file made by Linux (x264 in MP4), decoded under decant
    "$LIN" -nostdin -v error -f lavfi -i "$SRC" -c:v libx264 -y in.mp4 2>enc.err ||
        bad "the Linux ffmpeg cannot encode: $(head -c 200 enc.err)"
    run_both -i in.mp4 -f framemd5 -
    same_md5 decant.out linux.out
}

case_run version case_version
case_run testsrc case_testsrc
case_run x264 case_x264
case_run flac case_flac
case_run ffv1_file case_ffv1_file
case_run decode case_decode
finish
