/* `decant reg`: inspect and edit the registry from Linux with reg.exe's
 * verbs and output format:
 *   decant reg query KEY [/v NAME | /ve] [/s]
 *   decant reg add KEY [/v NAME | /ve] [/t TYPE] [/d DATA] [/f]
 *   decant reg delete KEY [/v NAME | /ve | /va] [/f]
 * KEY starts with HKLM, HKCU, HKCR, HKU or HKCC (or the long names). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "regcmd.h"
#include "status.h"
#include "win32.h"
#include "wstr.h"

typedef HANDLE HKEY;
LONG WINAPI RegOpenKeyExW(HKEY, LPCWSTR, DWORD, DWORD, HKEY *);
LONG WINAPI RegCreateKeyExW(HKEY, LPCWSTR, DWORD, LPWSTR, DWORD, DWORD, SECURITY_ATTRIBUTES *,
                            HKEY *, LPDWORD);
LONG WINAPI RegCloseKey(HKEY);
LONG WINAPI RegQueryValueExW(HKEY, LPCWSTR, LPDWORD, LPDWORD, BYTE *, LPDWORD);
LONG WINAPI RegSetValueExW(HKEY, LPCWSTR, DWORD, DWORD, const BYTE *, DWORD);
LONG WINAPI RegDeleteValueW(HKEY, LPCWSTR);
LONG WINAPI RegDeleteTreeW(HKEY, LPCWSTR);
LONG WINAPI RegDeleteKeyW(HKEY, LPCWSTR);
LONG WINAPI RegEnumKeyExW(HKEY, DWORD, LPWSTR, LPDWORD, LPDWORD, LPWSTR, LPDWORD, FILETIME *);
LONG WINAPI RegEnumValueW(HKEY, DWORD, LPWSTR, LPDWORD, LPDWORD, LPDWORD, BYTE *, LPDWORD);

static const struct {
    const char *short_name, *long_name;
    ULONG_PTR hkey;
} roots[] = {
    {"HKLM", "HKEY_LOCAL_MACHINE", 0x80000002}, {"HKCU", "HKEY_CURRENT_USER", 0x80000001},
    {"HKCR", "HKEY_CLASSES_ROOT", 0x80000000},  {"HKU", "HKEY_USERS", 0x80000003},
    {"HKCC", "HKEY_CURRENT_CONFIG", 0x80000005},
};

static const char *const type_names[] = {"REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY",
                                         "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_LINK",
                                         "REG_MULTI_SZ", "", "", "", "REG_QWORD"};

/* "HKLM\\Software\\x" -> root handle and "Software\\x" */
static int split_key(const char *key, HKEY *root, const char **sub, const char **long_root)
{
    for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
        size_t n1 = strlen(roots[i].short_name), n2 = strlen(roots[i].long_name), n = 0;
        if (!strncasecmp(key, roots[i].short_name, n1) && (!key[n1] || key[n1] == '\\'))
            n = n1;
        else if (!strncasecmp(key, roots[i].long_name, n2) && (!key[n2] || key[n2] == '\\'))
            n = n2;
        if (!n)
            continue;
        *root = (HKEY)roots[i].hkey;
        *sub = key[n] ? key + n + 1 : "";
        *long_root = roots[i].long_name;
        return 0;
    }
    fprintf(stderr, "decant reg: invalid key name '%s' (start with HKLM, HKCU, HKCR, HKU or HKCC)\n",
            key);
    return -1;
}

static void print_value(const WCHAR *name, DWORD type, const BYTE *data, DWORD len)
{
    char *n = name && *name ? wstr_to_utf8_alloc(name) : strdup("(Default)");
    printf("    %s    %s    ", n, type < 12 && *type_names[type] ? type_names[type] : "REG_NONE");
    free(n);
    if (type == 1 || type == 2) {
        char *s = wstr_to_utf8_alloc((const WCHAR *)data);
        printf("%s", s);
        free(s);
    } else if (type == 7) {
        for (const WCHAR *p = (const WCHAR *)data; *p; p += wstr_len(p) + 1) {
            char *s = wstr_to_utf8_alloc(p);
            printf("%s%s", p == (const WCHAR *)data ? "" : "\\0", s);
            free(s);
        }
    } else if (type == 4 && len >= 4) {
        printf("0x%x", *(const DWORD *)data);
    } else if (type == 11 && len >= 8) {
        printf("0x%llx", *(const unsigned long long *)data);
    } else {
        for (DWORD i = 0; i < len; i++)
            printf("%02X", data[i]);
    }
    printf("\n");
}

/* Prints a key as reg.exe does: its path, its values indented, a blank
 * line, then its subkeys (their paths, or with /s each in full). Returns
 * how many values were printed. */
static int query_key(HKEY k, const char *path, const WCHAR *only, int only_set, int recurse)
{
    int shown = 0;
    printf("%s\n", path);
    BYTE *data = malloc((1 << 20) + 2);
    for (DWORD i = 0;; i++) {
        WCHAR name[16384];
        DWORD nl = 16384, type, dl = 1 << 20;
        if (RegEnumValueW(k, i, name, &nl, NULL, &type, data, &dl))
            break;
        data[dl] = data[dl + 1] = 0;
        if (!only_set || !wstr_icmp(name, only)) {
            print_value(name, type, data, dl);
            shown++;
        }
    }
    free(data);
    printf("\n");
    for (DWORD i = 0;; i++) {
        WCHAR name[256];
        DWORD nl = 256;
        if (RegEnumKeyExW(k, i, name, &nl, NULL, NULL, NULL, NULL))
            break;
        char *n = wstr_to_utf8_alloc(name), *child;
        if (asprintf(&child, "%s\\%s", path, n) < 0)
            child = NULL;
        if (recurse) {
            HKEY sub;
            if (!RegOpenKeyExW(k, name, 0, 0, &sub)) {
                shown += query_key(sub, child, only, only_set, 1);
                RegCloseKey(sub);
            }
        } else if (!only_set) {
            printf("%s\n", child);
        }
        free(child);
        free(n);
    }
    return shown;
}

static int not_found(void)
{
    fprintf(stderr, "ERROR: The system was unable to find the specified registry key or value.\n");
    return 1;
}

static int parse_type(const char *t)
{
    for (int i = 0; i < 12; i++)
        if (*type_names[i] && !strcasecmp(t, type_names[i]))
            return i;
    return -1;
}

int regcmd_main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: decant reg query|add|delete KEY [/v NAME | /ve] [/t TYPE] "
                        "[/d DATA] [/s] [/f]\n");
        return 1;
    }
    const char *verb = argv[0], *key = argv[1], *vname = NULL, *type = "REG_SZ", *data = "";
    int ve = 0, va = 0, recurse = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcasecmp(argv[i], "/v") && i + 1 < argc)
            vname = argv[++i];
        else if (!strcasecmp(argv[i], "/ve"))
            ve = 1;
        else if (!strcasecmp(argv[i], "/va"))
            va = 1;
        else if (!strcasecmp(argv[i], "/t") && i + 1 < argc)
            type = argv[++i];
        else if (!strcasecmp(argv[i], "/d") && i + 1 < argc)
            data = argv[++i];
        else if (!strcasecmp(argv[i], "/s"))
            recurse = 1;
        else if (!strcasecmp(argv[i], "/f"))
            ;
        else {
            fprintf(stderr, "decant reg: unknown option %s\n", argv[i]);
            return 1;
        }
    }
    HKEY root, k;
    const char *sub, *long_root;
    if (split_key(key, &root, &sub, &long_root))
        return 1;
    WCHAR *wsub = utf8_to_wstr_alloc(sub), *wname = vname ? utf8_to_wstr_alloc(vname) : NULL;
    char *path;
    if (asprintf(&path, "%s%s%s", long_root, *sub ? "\\" : "", sub) < 0)
        return 1;
    LONG r;
    if (!strcasecmp(verb, "query")) {
        if ((r = RegOpenKeyExW(root, wsub, 0, 0, &k)))
            return not_found();
        if ((vname || ve) && !recurse &&
            RegQueryValueExW(k, ve ? u"" : wname, NULL, NULL, NULL, NULL)) {
            RegCloseKey(k);
            return not_found();
        }
        printf("\n");
        query_key(k, path, ve ? u"" : wname, vname || ve, recurse);
        RegCloseKey(k);
        return 0;
    }
    if (!strcasecmp(verb, "add")) {
        if ((r = RegCreateKeyExW(root, wsub, 0, NULL, 0, 0, NULL, &k, NULL))) {
            fprintf(stderr, "ERROR: cannot create the key (error %d)\n", (int)r);
            return 1;
        }
        if (vname || ve) {
            int t = parse_type(type);
            if (t < 0) {
                fprintf(stderr, "ERROR: unknown type %s\n", type);
                return 1;
            }
            BYTE buf[8];
            const BYTE *bytes = buf;
            DWORD len = 0;
            WCHAR *w = NULL;
            BYTE *bin = NULL;
            if (t == 4 || t == 11) {
                int hex = data[0] == '0' && (data[1] == 'x' || data[1] == 'X');
                char *end;
                errno = 0;
                unsigned long long v = strtoull(data, &end, hex ? 16 : 10);
                if (*end || end == data + 2 * hex || errno || (t == 4 && v > 0xffffffffu) ||
                    *data == '-') {
                    fprintf(stderr, "ERROR: Invalid value for %s: %s\n", type_names[t], data);
                    return 1;
                }
                len = t == 4 ? 4 : 8;
                if (t == 4)
                    *(DWORD *)buf = (DWORD)v;
                else
                    memcpy(buf, &v, 8);
            } else if (t == 3 || t == 0) { /* hex digits, two per byte */
                size_t n = strlen(data);
                BYTE *b = bin = malloc(n / 2 + 1);
                for (size_t i = 0; i < n; i++) {
                    int d = data[i] >= '0' && data[i] <= '9' ? data[i] - '0'
                          : (data[i] | 0x20) >= 'a' && (data[i] | 0x20) <= 'f' ? (data[i] | 0x20) - 'a' + 10
                          : -1;
                    if (d < 0 || n % 2) {
                        fprintf(stderr, "ERROR: Invalid value for %s: %s\n", type_names[t], data);
                        free(b);
                        return 1;
                    }
                    if (i % 2)
                        b[i / 2] |= d;
                    else
                        b[i / 2] = d << 4;
                }
                bytes = b;
                len = n / 2;
            } else {
                w = utf8_to_wstr_alloc(data);
                len = (wstr_len(w) + 1) * sizeof(WCHAR);
                if (t == 7) { /* "a\0b" -> a NUL b NUL NUL */
                    WCHAR *m = calloc(wstr_len(w) + 2, sizeof(WCHAR));
                    size_t o = 0;
                    for (WCHAR *p = w; *p; p++) {
                        if (p[0] == '\\' && p[1] == '0') {
                            m[o++] = 0;
                            p++;
                        } else {
                            m[o++] = *p;
                        }
                    }
                    m[o++] = 0;
                    m[o++] = 0;
                    free(w);
                    w = m;
                    len = o * sizeof(WCHAR);
                }
                bytes = (const BYTE *)w;
            }
            r = RegSetValueExW(k, ve ? NULL : wname, 0, t, bytes, len);
            free(w);
            free(bin);
        }
        RegCloseKey(k);
        if (r) {
            fprintf(stderr, "ERROR: cannot set the value (error %d)\n", (int)r);
            return 1;
        }
        printf("The operation completed successfully.\n");
        return 0;
    }
    if (!strcasecmp(verb, "delete")) {
        if (vname || ve || va) {
            if ((r = RegOpenKeyExW(root, wsub, 0, 0, &k)))
                return not_found();
            if (va) {
                WCHAR name[16384];
                DWORD nl;
                while (nl = 16384, !RegEnumValueW(k, 0, name, &nl, NULL, NULL, NULL, NULL))
                    RegDeleteValueW(k, name);
                r = 0;
            } else {
                r = RegDeleteValueW(k, ve ? NULL : wname);
            }
            RegCloseKey(k);
        } else {
            r = RegDeleteTreeW(root, wsub);
        }
        if (r)
            return not_found();
        printf("The operation completed successfully.\n");
        return 0;
    }
    fprintf(stderr, "decant reg: unknown verb %s (query, add, delete)\n", verb);
    return 1;
}
