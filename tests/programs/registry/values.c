/* Registry keys and values: RegCreateKeyEx dispositions, RegSetValueEx /
 * RegQueryValueEx (W and A) for every common type with the sizes Windows
 * reports (terminating NULs, ERROR_MORE_DATA with the needed size, size-only
 * queries), RegGetValueW's type filters and expansion, case-insensitive
 * names, RegQueryInfoKeyW, enumeration buffers, deleting values, keys and
 * trees, handles to deleted keys, and two processes writing at once.
 * Expectations from Microsoft's documentation and Wine's advapi32 tests
 * (which pass on Windows). */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

#ifndef RRF_RT_ANY
#define RRF_RT_ANY 0xffff
#endif

static WCHAR base[64]; /* Software\decant-test\values-<pid> */

static const char *type_name(DWORD t)
{
    switch (t) {
    case REG_SZ: return "REG_SZ";
    case REG_EXPAND_SZ: return "REG_EXPAND_SZ";
    case REG_DWORD: return "REG_DWORD";
    case REG_MULTI_SZ: return "REG_MULTI_SZ";
    default: return "other";
    }
}

/* Child mode: write 100 values named <tag>N into the key given. */
static int writer(const char *tag, const char *key)
{
    HKEY k;
    WCHAR wkey[128];
    char name[32];
    int i, bad = 0;
    MultiByteToWideChar(CP_ACP, 0, key, -1, wkey, 128);
    if (RegCreateKeyExW(HKEY_CURRENT_USER, wkey, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL))
        return 100;
    for (i = 0; i < 100; i++) {
        DWORD v = i;
        sprintf(name, "%s%d", tag, i);
        bad += RegSetValueExA(k, name, 0, REG_DWORD, (const BYTE *)&v, 4) != 0;
    }
    RegCloseKey(k);
    return bad;
}

static void concurrent_writers(HKEY k)
{
    char exe[MAX_PATH], cmd[2 * MAX_PATH], key[128];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi[2];
    HANDLE procs[2];
    DWORD code, n, values = 0;
    int i, j, started = 0;

    WideCharToMultiByte(CP_ACP, 0, base, -1, key, sizeof key, NULL, NULL);
    strcat(key, "\\conc");
    GetModuleFileNameA(NULL, exe, sizeof exe);
    fflush(stdout);
    for (i = 0; i < 2; i++) {
        snprintf(cmd, sizeof cmd, "\"%s\" %s %s", exe, i ? "b" : "a", key);
        if (CreateProcessA(exe, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi[i]))
            procs[started++] = pi[i].hProcess;
    }
    ok(started == 2, "both writers started");
    ok(WaitForMultipleObjects(started, procs, TRUE, 30000) == WAIT_OBJECT_0, "writers finished");
    for (i = 0; i < started; i++) {
        ok(GetExitCodeProcess(pi[i].hProcess, &code) && code == 0, "writer %d: %lu failed", i, code);
        CloseHandle(pi[i].hProcess);
        CloseHandle(pi[i].hThread);
    }
    HKEY c;
    ok(!RegOpenKeyExW(k, L"conc", 0, KEY_READ, &c), "open conc");
    ok(!RegQueryInfoKeyW(c, NULL, NULL, NULL, NULL, NULL, NULL, &values, NULL, NULL, NULL, NULL),
       "info conc");
    ok(values == 200, "200 values after two writers: %lu", values);
    int missing = 0;
    for (j = 0; j < 2; j++)
        for (i = 0; i < 100; i++) {
            char name[32];
            DWORD v = 0xdead, t;
            n = 4;
            sprintf(name, "%s%d", j ? "b" : "a", i);
            if (RegQueryValueExA(c, name, NULL, &t, (BYTE *)&v, &n) || t != REG_DWORD || v != (DWORD)i)
                missing++;
        }
    ok(!missing, "%d values missing or wrong", missing);
    RegCloseKey(c);
}

int main(int argc, char **argv)
{
    HKEY k, k2, sub;
    DWORD disp, type, size, dw, i;
    LONG r;
    BYTE buf[256];
    WCHAR wbuf[128];
    char abuf[128];

    if (argc == 3)
        return writer(argv[1], argv[2]);

    swprintf(base, 64, L"Software\\decant-test\\values-%lu", GetCurrentProcessId());
    RegDeleteTreeW(HKEY_CURRENT_USER, base);

    /* create: new, then existing; A and W */
    disp = 0;
    r = RegCreateKeyExW(HKEY_CURRENT_USER, base, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    ok(r == ERROR_SUCCESS && disp == REG_CREATED_NEW_KEY, "create: %ld disp %lu", r, disp);
    r = RegCreateKeyExW(HKEY_CURRENT_USER, base, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, &disp);
    ok(r == ERROR_SUCCESS && disp == REG_OPENED_EXISTING_KEY, "create again: %ld disp %lu", r, disp);
    ok(k2 != k, "a second handle");
    RegCloseKey(k2);
    r = RegCreateKeyExA(k, "SubA\\Deeper", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, &disp);
    ok(r == ERROR_SUCCESS && disp == REG_CREATED_NEW_KEY, "create A two levels: %ld disp %lu", r, disp);
    RegCloseKey(k2);
    r = RegCreateKeyExA(k, "suba", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, &disp);
    ok(r == ERROR_SUCCESS && disp == REG_OPENED_EXISTING_KEY, "create other case: %ld disp %lu", r, disp);
    RegCloseKey(k2);
    r = RegCreateKeyExW(k, L"Trailing\\\\", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, NULL);
    ok(r == ERROR_SUCCESS, "trailing backslashes: %ld", r);
    RegCloseKey(k2);
    r = RegCreateKeyExW(k, L"\\Leading", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, NULL);
    ok(r == ERROR_BAD_PATHNAME, "leading backslash: %ld", r);

    /* open */
    r = RegOpenKeyExW(HKEY_CURRENT_USER, L"Software\\decant-test\\does-not-exist", 0, KEY_READ, &k2);
    ok(r == ERROR_FILE_NOT_FOUND, "open missing: %ld", r);
    r = RegOpenKeyExW(k, L"SUBA\\deeper", 0, KEY_READ, &k2);
    ok(r == ERROR_SUCCESS, "open other case: %ld", r);
    RegCloseKey(k2);
    r = RegOpenKeyExW(k, NULL, 0, KEY_READ, &k2);
    ok(r == ERROR_SUCCESS && k2 != k, "open NULL subkey: a new handle (%ld)", r);
    RegCloseKey(k2);
    r = RegOpenKeyExW(k, L"", 0, KEY_READ, &k2);
    ok(r == ERROR_SUCCESS && k2 != k, "open empty subkey: a new handle (%ld)", r);
    RegCloseKey(k2);

    /* REG_SZ through W: size includes the terminator */
    r = RegSetValueExW(k, L"Str", 0, REG_SZ, (const BYTE *)L"hello", 12);
    ok(r == ERROR_SUCCESS, "set REG_SZ: %ld", r);
    size = 0xdead; type = 0xdead;
    r = RegQueryValueExW(k, L"Str", NULL, &type, NULL, &size);
    ok(r == ERROR_SUCCESS && type == REG_SZ && size == 12, "size query: %ld type %lu size %lu", r, type, size);
    size = sizeof buf;
    r = RegQueryValueExW(k, L"str", NULL, &type, buf, &size);
    ok(r == ERROR_SUCCESS && size == 12 && !memcmp(buf, L"hello", 12), "query other case: %ld size %lu", r, size);
    size = 4;
    memset(buf, 0xbd, sizeof buf);
    r = RegQueryValueExW(k, L"Str", NULL, &type, buf, &size);
    ok(r == ERROR_MORE_DATA && size == 12, "small buffer: %ld size %lu", r, size);
    r = RegQueryValueExW(k, L"Str", NULL, &type, buf, NULL);
    ok(r == ERROR_INVALID_PARAMETER, "data without size: %ld", r);
    r = RegQueryValueExW(k, L"Str", NULL, NULL, NULL, NULL);
    ok(r == ERROR_SUCCESS, "existence check: %ld", r);

    /* the same value through A: converted, with the ANSI size */
    size = 0xdead;
    r = RegQueryValueExA(k, "Str", NULL, &type, NULL, &size);
    ok(r == ERROR_SUCCESS && type == REG_SZ && size == 6, "A size query: %ld size %lu", r, size);
    size = sizeof abuf;
    r = RegQueryValueExA(k, "STR", NULL, &type, (BYTE *)abuf, &size);
    ok(r == ERROR_SUCCESS && size == 6 && !strcmp(abuf, "hello"), "A query: %ld size %lu", r, size);
    size = 3;
    r = RegQueryValueExA(k, "Str", NULL, &type, (BYTE *)abuf, &size);
    ok(r == ERROR_MORE_DATA && size == 6, "A small buffer: %ld size %lu", r, size);

    /* REG_SZ through A: stored as UTF-16 */
    r = RegSetValueExA(k, "AStr", 0, REG_SZ, (const BYTE *)"ansi", 5);
    ok(r == ERROR_SUCCESS, "set A REG_SZ: %ld", r);
    size = sizeof buf;
    r = RegQueryValueExW(k, L"AStr", NULL, &type, buf, &size);
    ok(r == ERROR_SUCCESS && size == 10 && !memcmp(buf, L"ansi", 10), "A-set read as W: size %lu", size);

    /* a string given without its terminator gets one */
    r = RegSetValueExW(k, L"NoNul", 0, REG_SZ, (const BYTE *)L"abc", 6);
    ok(r == ERROR_SUCCESS, "set without NUL: %ld", r);
    size = sizeof buf;
    r = RegQueryValueExW(k, L"NoNul", NULL, &type, buf, &size);
    ok(r == ERROR_SUCCESS && size == 8 && !memcmp(buf, L"abc", 8), "terminator added (W): size %lu", size);
    r = RegSetValueExA(k, "NoNulA", 0, REG_SZ, (const BYTE *)"abcd", 4);
    size = sizeof abuf;
    r = RegQueryValueExA(k, "NoNulA", NULL, &type, (BYTE *)abuf, &size);
    ok(r == ERROR_SUCCESS && size == 5 && !strcmp(abuf, "abcd"), "terminator added (A): size %lu", size);
    /* an empty string of zero bytes stays zero bytes */
    r = RegSetValueExW(k, L"Empty", 0, REG_SZ, (const BYTE *)L"", 0);
    size = 0xdead;
    r = RegQueryValueExW(k, L"Empty", NULL, &type, NULL, &size);
    ok(r == ERROR_SUCCESS && size == 0 && type == REG_SZ, "zero-byte string: size %lu", size);

    /* NULL data with a length */
    r = RegSetValueExW(k, L"Bad", 0, REG_BINARY, NULL, 4);
    ok(r == ERROR_NOACCESS, "NULL data, length 4: %ld", r);
    r = RegSetValueExW(k, L"NullBin", 0, REG_BINARY, NULL, 0);
    ok(r == ERROR_SUCCESS, "NULL data, length 0: %ld", r);

    /* the default value: NULL and "" name the same one */
    r = RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)L"dflt", 10);
    ok(r == ERROR_SUCCESS, "set default: %ld", r);
    size = sizeof buf;
    r = RegQueryValueExW(k, L"", NULL, &type, buf, &size);
    ok(r == ERROR_SUCCESS && size == 10 && !memcmp(buf, L"dflt", 10), "default through \"\": %ld", r);

    /* REG_EXPAND_SZ: RegQueryValueEx gives it raw */
    SetEnvironmentVariableW(L"DECANT_REG_VAR", L"expanded");
    static const WCHAR exp[] = L"%DECANT_REG_VAR%\\x";
    r = RegSetValueExW(k, L"Exp", 0, REG_EXPAND_SZ, (const BYTE *)exp, sizeof exp);
    ok(r == ERROR_SUCCESS, "set REG_EXPAND_SZ: %ld", r);
    size = sizeof buf;
    r = RegQueryValueExW(k, L"Exp", NULL, &type, buf, &size);
    ok(r == ERROR_SUCCESS && type == REG_EXPAND_SZ && size == sizeof exp && !memcmp(buf, exp, sizeof exp),
       "raw REG_EXPAND_SZ: type %lu size %lu", type, size);

    /* REG_MULTI_SZ: every terminator counts */
    static const WCHAR multi[] = L"one\0two\0"; /* + the array's own NUL */
    r = RegSetValueExW(k, L"Multi", 0, REG_MULTI_SZ, (const BYTE *)multi, sizeof multi);
    ok(r == ERROR_SUCCESS && sizeof multi == 18, "set REG_MULTI_SZ: %ld", r);
    size = sizeof buf;
    r = RegQueryValueExW(k, L"Multi", NULL, &type, buf, &size);
    ok(r == ERROR_SUCCESS && type == REG_MULTI_SZ && size == 18 && !memcmp(buf, multi, 18),
       "REG_MULTI_SZ W: size %lu", size);
    size = sizeof abuf;
    r = RegQueryValueExA(k, "Multi", NULL, &type, (BYTE *)abuf, &size);
    ok(r == ERROR_SUCCESS && size == 9 && !memcmp(abuf, "one\0two\0", 9), "REG_MULTI_SZ A: size %lu", size);

    /* REG_DWORD, REG_QWORD, REG_BINARY */
    dw = 0x12345678;
    r = RegSetValueExW(k, L"Dword", 0, REG_DWORD, (const BYTE *)&dw, 4);
    ok(r == ERROR_SUCCESS, "set REG_DWORD: %ld", r);
    ULONGLONG qw = 0x1122334455667788ull, q2 = 0;
    r = RegSetValueExW(k, L"Qword", 0, REG_QWORD, (const BYTE *)&qw, 8);
    ok(r == ERROR_SUCCESS, "set REG_QWORD: %ld", r);
    static const BYTE bin8[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    r = RegSetValueExW(k, L"Bin8", 0, REG_BINARY, bin8, 8);
    ok(r == ERROR_SUCCESS, "set REG_BINARY: %ld", r);
    r = RegSetValueExW(k, L"Bin4", 0, REG_BINARY, bin8, 4);
    dw = 0;
    size = 4;
    r = RegQueryValueExW(k, L"Dword", NULL, &type, (BYTE *)&dw, &size);
    ok(r == ERROR_SUCCESS && type == REG_DWORD && size == 4 && dw == 0x12345678, "REG_DWORD: %lx", dw);
    size = 8;
    r = RegQueryValueExW(k, L"Qword", NULL, &type, (BYTE *)&q2, &size);
    ok(r == ERROR_SUCCESS && type == REG_QWORD && size == 8 && q2 == qw, "REG_QWORD");
    size = 2;
    r = RegQueryValueExA(k, "Bin8", NULL, &type, buf, &size);
    ok(r == ERROR_MORE_DATA && type == REG_BINARY && size == 8, "REG_BINARY small buffer: %ld size %lu", r, size);
    size = sizeof buf;
    r = RegQueryValueExA(k, "Bin8", NULL, &type, buf, &size);
    ok(r == ERROR_SUCCESS && size == 8 && !memcmp(buf, bin8, 8), "REG_BINARY through A is not converted");

    /* overwriting changes type and size */
    r = RegSetValueExW(k, L"Dword", 0, REG_SZ, (const BYTE *)L"now a string", 26);
    size = 0;
    r = RegQueryValueExW(k, L"DWORD", NULL, &type, NULL, &size);
    ok(r == ERROR_SUCCESS && type == REG_SZ && size == 26, "overwritten: type %lu size %lu", type, size);
    dw = 0x12345678; /* in another case: the name keeps its first spelling */
    RegSetValueExW(k, L"DWORD", 0, REG_DWORD, (const BYTE *)&dw, 4);

    /* RegGetValueW: type filters */
    dw = 0; size = 4;
    r = RegGetValueW(k, NULL, L"Dword", RRF_RT_REG_DWORD, &type, &dw, &size);
    ok(r == ERROR_SUCCESS && dw == 0x12345678 && size == 4, "RRF_RT_REG_DWORD: %ld", r);
    dw = 0; size = 4;
    r = RegGetValueW(k, NULL, L"Dword", RRF_RT_DWORD, &type, &dw, &size);
    ok(r == ERROR_SUCCESS && dw == 0x12345678, "RRF_RT_DWORD on REG_DWORD: %ld", r);
    r = RegGetValueW(k, NULL, L"Dword", RRF_RT_REG_DWORD, &type, &dw, NULL);
    ok(r == ERROR_INVALID_PARAMETER, "data without size: %ld", r);
    dw = 0; size = 4; type = 0;
    r = RegGetValueW(k, NULL, L"Dword", RRF_RT_REG_BINARY, &type, &dw, &size);
    ok(r == ERROR_UNSUPPORTED_TYPE, "filtered out: %ld", r);
    ok(size == 4 && type == REG_DWORD && dw == 0x12345678, "filtered out, but all retrieved: %lu %lu %lx",
       size, type, dw);
    dw = 0xdead; size = 4;
    r = RegGetValueW(k, NULL, L"Dword", RRF_RT_REG_SZ | RRF_ZEROONFAILURE, &type, &dw, &size);
    ok(r == ERROR_UNSUPPORTED_TYPE && dw == 0 && size == 4, "RRF_ZEROONFAILURE: %ld %lx", r, dw);
    dw = 0; size = 4;
    r = RegGetValueW(k, NULL, L"Bin4", RRF_RT_DWORD, &type, &dw, &size);
    ok(r == ERROR_SUCCESS && type == REG_BINARY && size == 4, "RRF_RT_DWORD on 4-byte REG_BINARY: %ld", r);
    q2 = 0; size = 8;
    r = RegGetValueW(k, NULL, L"Bin8", RRF_RT_DWORD, &type, &q2, &size);
    ok(r == ERROR_DATATYPE_MISMATCH && size == 8, "RRF_RT_DWORD on 8-byte REG_BINARY: %ld size %lu", r, size);
    q2 = 0; size = 8;
    r = RegGetValueW(k, NULL, L"Bin8", RRF_RT_QWORD, &type, &q2, &size);
    ok(r == ERROR_SUCCESS && !memcmp(&q2, bin8, 8), "RRF_RT_QWORD on 8-byte REG_BINARY: %ld", r);
    q2 = 0; size = 8;
    r = RegGetValueW(k, NULL, L"Qword", RRF_RT_QWORD, &type, &q2, &size);
    ok(r == ERROR_SUCCESS && type == REG_QWORD && q2 == qw, "RRF_RT_QWORD on REG_QWORD: %ld", r);
    dw = 0xdead; size = 4;
    r = RegGetValueW(k, NULL, L"Bin8", RRF_RT_REG_BINARY, &type, &dw, &size);
    ok(r == ERROR_MORE_DATA && size == 8 && dw == 0xdead, "RegGetValue small buffer: %ld size %lu", r, size);
    size = sizeof buf;
    r = RegGetValueW(HKEY_CURRENT_USER, base, L"Str", RRF_RT_REG_SZ, &type, buf, &size);
    ok(r == ERROR_SUCCESS && size == 12 && !wcscmp((WCHAR *)buf, L"hello"), "through a subkey path: %ld", r);
    r = RegGetValueW(k, NULL, L"Missing", RRF_RT_ANY, NULL, NULL, NULL);
    ok(r == ERROR_FILE_NOT_FOUND, "RegGetValue missing value: %ld", r);
    r = RegGetValueW(k, L"NoSuchKey", L"Str", RRF_RT_ANY, NULL, NULL, NULL);
    ok(r == ERROR_FILE_NOT_FOUND, "RegGetValue missing key: %ld", r);

    /* RegGetValueW: REG_EXPAND_SZ is expanded to REG_SZ unless RRF_NOEXPAND */
    size = 0; type = 0;
    r = RegGetValueW(k, NULL, L"Exp", RRF_RT_REG_SZ, &type, NULL, &size);
    ok(r == ERROR_SUCCESS && size == sizeof(L"expanded\\x"), "expanded size: %ld size %lu", r, size);
    size = sizeof wbuf; type = 0;
    r = RegGetValueW(k, NULL, L"Exp", RRF_RT_REG_SZ, &type, wbuf, &size);
    ok(r == ERROR_SUCCESS && type == REG_SZ && !wcscmp(wbuf, L"expanded\\x"), "expanded: %ld type %lu", r, type);
    size = sizeof wbuf; type = 0;
    r = RegGetValueW(k, NULL, L"Exp", RRF_RT_ANY, &type, wbuf, &size);
    ok(r == ERROR_SUCCESS && type == REG_SZ && !wcscmp(wbuf, L"expanded\\x"), "RRF_RT_ANY expands: %ld", r);
    size = sizeof wbuf; type = 0;
    r = RegGetValueW(k, NULL, L"Exp", RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, &type, wbuf, &size);
    ok(r == ERROR_SUCCESS && type == REG_EXPAND_SZ && size == sizeof exp && !wcscmp(wbuf, exp),
       "RRF_NOEXPAND: %ld type %lu size %lu", r, type, size);
    r = RegGetValueW(k, NULL, L"Exp", RRF_RT_REG_SZ | RRF_NOEXPAND, NULL, NULL, NULL);
    ok(r == ERROR_UNSUPPORTED_TYPE, "RRF_RT_REG_SZ|RRF_NOEXPAND on REG_EXPAND_SZ: %ld", r);
    /* Windows 8 and later: ERROR_UNSUPPORTED_TYPE; before: ERROR_INVALID_PARAMETER */
    r = RegGetValueW(k, NULL, L"Exp", RRF_RT_REG_EXPAND_SZ, NULL, NULL, NULL);
    ok(r == ERROR_UNSUPPORTED_TYPE || r == ERROR_INVALID_PARAMETER, "RRF_RT_REG_EXPAND_SZ alone: %ld", r);
    size = sizeof wbuf;
    r = RegGetValueW(k, NULL, L"Multi", RRF_RT_REG_MULTI_SZ, &type, wbuf, &size);
    ok(r == ERROR_SUCCESS && size == 18 && type == REG_MULTI_SZ, "RRF_RT_REG_MULTI_SZ: %ld size %lu", r, size);

    /* missing values */
    r = RegQueryValueExW(k, L"Missing", NULL, &type, NULL, &size);
    ok(r == ERROR_FILE_NOT_FOUND, "missing value: %ld", r);

    /* key information: names in characters without the NUL, data in bytes */
    DWORD nsub, maxsub, nval, maxname, maxdata;
    r = RegQueryInfoKeyW(k, NULL, NULL, NULL, &nsub, &maxsub, NULL, &nval, &maxname, &maxdata, NULL, NULL);
    ok(r == ERROR_SUCCESS, "RegQueryInfoKeyW: %ld", r);
    ok(nsub == 2 && maxsub == 8, "subkeys %lu, longest %lu", nsub, maxsub); /* SubA, Trailing */
    ok(nval == 13, "values %lu", nval);
    ok(maxname == 7, "longest value name %lu", maxname); /* NullBin */
    ok(maxdata == 38, "largest data %lu", maxdata); /* Exp: 19 characters */

    /* enumeration: every value once, ERROR_NO_MORE_ITEMS after the last */
    static const WCHAR *const names[] = {L"Str", L"AStr", L"NoNul", L"NoNulA", L"Empty", L"NullBin", L"",
                                         L"Exp", L"Multi", L"Dword", L"Qword", L"Bin8", L"Bin4"};
    int seen[sizeof names / sizeof *names] = {0}, extra = 0;
    for (i = 0;; i++) {
        DWORD nl = 128;
        size = sizeof buf;
        r = RegEnumValueW(k, i, wbuf, &nl, NULL, &type, buf, &size);
        if (r)
            break;
        unsigned j;
        for (j = 0; j < sizeof names / sizeof *names; j++)
            if (!wcscmp(wbuf, names[j])) {
                seen[j]++;
                ok(nl == wcslen(names[j]), "enum name length %lu", nl);
                break;
            }
        if (j == sizeof names / sizeof *names)
            extra++;
    }
    ok(r == ERROR_NO_MORE_ITEMS, "end of values: %ld", r);
    for (i = 0; i < sizeof names / sizeof *names; i++)
        ok(seen[i] == 1, "value %lu seen %d times", i, seen[i]);
    ok(!extra, "%d unexpected values", extra);

    /* enumeration buffers (a key with one value) */
    RegCreateKeyExW(k, L"One", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &sub, NULL);
    RegSetValueExW(sub, L"Test", 0, REG_SZ, (const BYTE *)L"foobar", 14);
    {
        DWORD nl = 3, dl = 20;
        wcscpy(wbuf, L"xxxxxxxx");
        memset(buf, 'x', 20);
        r = RegEnumValueW(sub, 0, wbuf, &nl, NULL, &type, buf, &dl);
        ok(r == ERROR_MORE_DATA && nl == 3, "name too long: %ld name length %lu", r, nl);
        ok(dl == 14 && type == REG_SZ, "name too long: data %lu type %lu", dl, type);
        ok(!wcscmp(wbuf, L"xxxxxxxx"), "name buffer untouched");
        nl = 20; dl = 2;
        r = RegEnumValueW(sub, 0, wbuf, &nl, NULL, &type, buf, &dl);
        ok(r == ERROR_MORE_DATA && nl == 4 && dl == 14, "data too long: %ld %lu %lu", r, nl, dl);
        ok(!wcscmp(wbuf, L"Test"), "name given when only the data is too long");
        nl = 20; dl = 20;
        r = RegEnumValueW(sub, 0, NULL, &nl, NULL, &type, buf, &dl);
        ok(r == ERROR_INVALID_PARAMETER, "no name buffer: %ld", r);
        nl = 20;
        r = RegEnumValueW(sub, 1, wbuf, &nl, NULL, NULL, NULL, NULL);
        ok(r == ERROR_NO_MORE_ITEMS, "past the end: %ld", r);
    }

    /* subkeys come back in case-insensitive alphabetical order */
    HKEY ord;
    RegCreateKeyExW(k, L"Order", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &ord, NULL);
    static const WCHAR *const created[] = {L"beta", L"Alpha", L"gamma", L"DELTA", L"alpha2"};
    for (i = 0; i < 5; i++) {
        RegCreateKeyExW(ord, created[i], 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, NULL);
        RegCloseKey(k2);
    }
    wbuf[0] = 0;
    printf("subkeys:");
    for (i = 0;; i++) {
        DWORD nl = 128;
        r = RegEnumKeyExW(ord, i, wbuf, &nl, NULL, NULL, NULL, NULL);
        if (r)
            break;
        printf(" %ls", wbuf);
    }
    printf("\n");
    ok(r == ERROR_NO_MORE_ITEMS, "end of subkeys: %ld", r);
    {
        DWORD nl = 3;
        r = RegEnumKeyExW(ord, 0, wbuf, &nl, NULL, NULL, NULL, NULL);
        ok(r == ERROR_MORE_DATA, "key name too long: %ld", r);
    }

    /* deleting values */
    r = RegDeleteValueW(k, L"ASTR");
    ok(r == ERROR_SUCCESS, "delete value (other case): %ld", r);
    r = RegQueryValueExW(k, L"AStr", NULL, NULL, NULL, NULL);
    ok(r == ERROR_FILE_NOT_FOUND, "deleted value is gone: %ld", r);
    r = RegDeleteValueW(k, L"AStr");
    ok(r == ERROR_FILE_NOT_FOUND, "delete it again: %ld", r);

    /* deleting keys: not with subkeys; RegDeleteTree for that */
    r = RegDeleteKeyW(k, L"SubA");
    ok(r == ERROR_ACCESS_DENIED, "delete a key with subkeys: %ld", r);
    r = RegDeleteKeyW(k, L"SubA\\Deeper");
    ok(r == ERROR_SUCCESS, "delete a leaf: %ld", r);
    r = RegDeleteKeyW(k, L"SubA\\Deeper");
    ok(r == ERROR_FILE_NOT_FOUND, "delete it again: %ld", r);
    r = RegDeleteKeyW(k, NULL);
    ok(r == ERROR_INVALID_PARAMETER, "RegDeleteKeyW NULL subkey: %ld", r);

    /* a handle to a deleted key */
    RegCreateKeyExW(k, L"Doomed", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, NULL);
    r = RegDeleteKeyW(k, L"Doomed");
    ok(r == ERROR_SUCCESS, "delete a key that is open: %ld", r);
    dw = 1;
    r = RegSetValueExW(k2, L"v", 0, REG_DWORD, (const BYTE *)&dw, 4);
    ok(r == ERROR_KEY_DELETED, "set value in a deleted key: %ld", r);
    r = RegQueryValueExW(k2, L"v", NULL, NULL, NULL, NULL);
    ok(r == ERROR_KEY_DELETED, "query a deleted key: %ld", r);
    r = RegCreateKeyExW(k2, L"child", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &sub, NULL);
    ok(r == ERROR_KEY_DELETED, "create under a deleted key: %ld", r);
    ok(RegCloseKey(k2) == ERROR_SUCCESS, "close a deleted key's handle");
    RegCreateKeyExW(k, L"Doomed", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, &disp);
    ok(disp == REG_CREATED_NEW_KEY, "a deleted key is created anew");
    r = RegDeleteKeyW(k2, L"");
    ok(r == ERROR_SUCCESS, "RegDeleteKeyW(key, \"\") deletes the key itself: %ld", r);
    RegCloseKey(k2);
    r = RegOpenKeyExW(k, L"Doomed", 0, KEY_READ, &k2);
    ok(r == ERROR_FILE_NOT_FOUND, "gone: %ld", r);

    /* RegDeleteTreeW with a subkey removes it; without, empties the key */
    RegCreateKeyExW(k, L"Tree\\a\\b\\c", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, NULL);
    RegSetValueExW(k2, L"deep", 0, REG_SZ, (const BYTE *)L"x", 4);
    RegCloseKey(k2);
    RegCreateKeyExW(k, L"Tree\\a2", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, NULL);
    RegCloseKey(k2);
    RegOpenKeyExW(k, L"Tree", 0, KEY_ALL_ACCESS, &k2);
    RegSetValueExW(k2, L"top", 0, REG_SZ, (const BYTE *)L"x", 4);
    r = RegDeleteTreeW(k2, L"a");
    ok(r == ERROR_SUCCESS, "RegDeleteTreeW subkey: %ld", r);
    r = RegOpenKeyExW(k2, L"a", 0, KEY_READ, &sub);
    ok(r == ERROR_FILE_NOT_FOUND, "tree a gone: %ld", r);
    r = RegDeleteTreeW(k2, NULL);
    ok(r == ERROR_SUCCESS, "RegDeleteTreeW NULL: %ld", r);
    r = RegQueryInfoKeyW(k2, NULL, NULL, NULL, &nsub, NULL, NULL, &nval, NULL, NULL, NULL, NULL);
    ok(r == ERROR_SUCCESS && nsub == 0 && nval == 0, "emptied: %ld %lu subkeys %lu values", r, nsub, nval);
    RegCloseKey(k2);
    r = RegOpenKeyExW(k, L"Tree", 0, KEY_READ, &k2);
    ok(r == ERROR_SUCCESS, "the key itself stays: %ld", r);
    RegCloseKey(k2);
    r = RegDeleteTreeW(k, L"NoSuchTree");
    ok(r == ERROR_FILE_NOT_FOUND, "RegDeleteTreeW missing: %ld", r);

    /* two processes writing into one key at once */
    concurrent_writers(k);

    /* predefined keys: what exists, not what it says */
    r = RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", 0, KEY_READ, &k2);
    ok(r == ERROR_SUCCESS, "open CurrentVersion: %ld", r);
    static const WCHAR *const cv[] = {L"ProductName", L"CurrentBuild", L"CurrentBuildNumber",
                                      L"CurrentMajorVersionNumber"};
    for (i = 0; i < 4; i++) {
        type = 0;
        r = RegQueryValueExW(k2, cv[i], NULL, &type, NULL, NULL);
        printf("%ls: %s %s\n", cv[i], r ? "missing" : "present", r ? "" : type_name(type));
    }
    RegCloseKey(k2);
    r = RegOpenKeyExW(HKEY_CURRENT_USER, L"software", 0, KEY_READ, &k2);
    ok(r == ERROR_SUCCESS, "HKCU\\Software: %ld", r);
    RegCloseKey(k2);
    r = RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Classes", 0, KEY_READ, &k2);
    ok(r == ERROR_SUCCESS, "HKLM\\SOFTWARE\\Classes: %ld", r);
    RegCloseKey(k2);

    RegCloseKey(sub);
    RegCloseKey(ord);
    RegCloseKey(k);
    r = RegDeleteTreeW(HKEY_CURRENT_USER, base);
    ok(r == ERROR_SUCCESS, "clean up: %ld", r);
    r = RegOpenKeyExW(HKEY_CURRENT_USER, base, 0, KEY_READ, &k);
    ok(r == ERROR_FILE_NOT_FOUND, "cleaned up: %ld", r);
    RegDeleteKeyW(HKEY_CURRENT_USER, L"Software\\decant-test"); /* if empty */
    return test_summary();
}
