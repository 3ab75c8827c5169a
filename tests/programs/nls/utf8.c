/* MultiByteToWideChar/WideCharToMultiByte with CP_UTF8: 1-4 byte
 * sequences, surrogate pairs, lengths with and without the NUL
 * (cchMultiByte -1 counts it), size queries, ERROR_INSUFFICIENT_BUFFER,
 * invalid input with and without MB_ERR_INVALID_CHARS (U+FFFD
 * replacement, ERROR_NO_UNICODE_TRANSLATION 1113), lone surrogates. */
#include <windows.h>
#include <string.h>
#include "test.h"

int main(void)
{
    /* "aé€😀" = 61 | C3 A9 | E2 82 AC | F0 9F 98 80 */
    const char utf8[] = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    const WCHAR wide[] = { 'a', 0xE9, 0x20AC, 0xD83D, 0xDE00, 0 };
    WCHAR w[32];
    char m[32];
    int n;

    n = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, NULL, 0);
    ok(n == 6, "size query with -1 counts the NUL: %d", n);
    n = MultiByteToWideChar(CP_UTF8, 0, utf8, (int)strlen(utf8), NULL, 0);
    ok(n == 5, "size query without NUL: %d", n);
    memset(w, 0xcc, sizeof w);
    n = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, w, 32);
    ok(n == 6 && !memcmp(w, wide, sizeof wide), "decode with surrogate pair: %d", n);
    memset(w, 0xcc, sizeof w);
    n = MultiByteToWideChar(CP_UTF8, 0, utf8, 3, w, 32);
    ok(n == 2 && w[2] == 0xcccc, "explicit length writes no NUL: %d", n);

    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, w, 3);
    ok(n == 0 && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "small buffer: %d err %lu", n, GetLastError());

    n = WideCharToMultiByte(CP_UTF8, 0, wide, -1, NULL, 0, NULL, NULL);
    ok(n == 11, "encode size query: %d", n);
    n = WideCharToMultiByte(CP_UTF8, 0, wide, -1, m, 32, NULL, NULL);
    ok(n == 11 && !strcmp(m, utf8), "encode: %d", n);
    SetLastError(0xdeadbeef);
    n = WideCharToMultiByte(CP_UTF8, 0, wide, -1, m, 5, NULL, NULL);
    ok(n == 0 && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "encode small buffer: err %lu", GetLastError());
    /* CP_UTF8 with lpUsedDefaultChar: utf8_defaultchar.c */

    /* invalid input: lone continuation, truncated sequence, overlong, surrogate encoded */
    memset(w, 0, sizeof w);
    n = MultiByteToWideChar(CP_UTF8, 0, "a\x80z", 3, w, 32);
    ok(n == 3 && w[0] == 'a' && w[1] == 0xFFFD && w[2] == 'z', "lone continuation -> U+FFFD: %d %04x", n, w[1]);
    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "a\x80z", 3, w, 32);
    ok(n == 0 && GetLastError() == ERROR_NO_UNICODE_TRANSLATION, "MB_ERR_INVALID_CHARS: %d err %lu", n, GetLastError());
    n = MultiByteToWideChar(CP_UTF8, 0, "\xE2\x82", 2, w, 32);
    ok(n == 1 && w[0] == 0xFFFD, "truncated sequence -> one U+FFFD: %d", n);
    n = MultiByteToWideChar(CP_UTF8, 0, "\xC0\xAF", 2, w, 32);
    ok(n == 2 && w[0] == 0xFFFD && w[1] == 0xFFFD, "overlong: two U+FFFD: %d", n);
    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xED\xA0\x80", 3, w, 32);
    ok(n == 0 && GetLastError() == ERROR_NO_UNICODE_TRANSLATION, "encoded surrogate rejected: %d", n);
    n = MultiByteToWideChar(CP_UTF8, 0, "\xF4\x90\x80\x80", 4, w, 32);
    ok(n >= 1 && w[0] == 0xFFFD, "above U+10FFFF is invalid: %d", n);

    /* lone surrogate when encoding */
    {
        const WCHAR lone[] = { 'x', 0xD800, 'y', 0 };
        n = WideCharToMultiByte(CP_UTF8, 0, lone, -1, m, 32, NULL, NULL);
        ok(n == 6 && !strcmp(m, "x\xEF\xBF\xBDy"), "lone surrogate -> EF BF BD: %d", n);
        SetLastError(0xdeadbeef);
        n = WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, lone, -1, m, 32, NULL, NULL);
        ok(n == 0 && GetLastError() == ERROR_NO_UNICODE_TRANSLATION, "WC_ERR_INVALID_CHARS: %d err %lu", n, GetLastError());
    }

    /* empty and zero-length input */
    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(CP_UTF8, 0, "", 0, w, 32);
    ok(n == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "zero length input: %d err %lu", n, GetLastError());
    n = MultiByteToWideChar(CP_UTF8, 0, "", -1, w, 32);
    ok(n == 1 && w[0] == 0, "empty string with -1 gives just the NUL");
    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(CP_UTF8, 0, NULL, -1, w, 32);
    ok(n == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "NULL input: err %lu", GetLastError());
    /* embedded NUL with an explicit length is converted */
    n = MultiByteToWideChar(CP_UTF8, 0, "a\0b", 3, w, 32);
    ok(n == 3 && w[1] == 0 && w[2] == 'b', "embedded NUL kept");
    return test_summary();
}
