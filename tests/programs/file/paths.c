// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* GetFullPathNameW of relative and odd paths, printed relative to the
 * current directory (the absolute part differs between hosts); the file
 * part pointer; forward slashes; case-insensitive opens; GetTempPathW;
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

static WCHAR cwd[MAX_PATH], parent[MAX_PATH];
static size_t cwdlen, parentlen;
static const WCHAR *cwdname;

static void full(const WCHAR *p)
{
    WCHAR buf[MAX_PATH], *part = NULL;
    DWORD n = GetFullPathNameW(p, MAX_PATH, buf, &part);
    if (!n) {
        printf("[%ls] -> error %lu\n", p, GetLastError());
        return;
    }
    if (n != wcslen(buf))
        printf("[%ls] -> length mismatch %lu\n", p, n);
    if (!_wcsnicmp(buf, cwd, cwdlen))
        printf("[%ls] -> <cwd>%ls", p, buf + cwdlen);
    else if (!_wcsnicmp(buf, parent, parentlen))
        printf("[%ls] -> <parent of cwd>%ls", p, buf + parentlen);
    else if (buf[1] == L':' && buf[2] == L'\\')
        printf("[%ls] -> <drive>%ls", p, buf + 2);
    else
        printf("[%ls] -> %ls", p, buf);
    if (part && !wcscmp(part, cwdname))
        printf("  file part: <name of cwd>\n");
    else if (part && !wcscmp(part, wcsrchr(parent, L'\\') + 1))
        printf("  file part: <name of parent>\n");
    else
        printf("  file part: %ls\n", part ? part : L"(NULL)");
}

int main(void)
{
    WCHAR buf[MAX_PATH];
    DWORD n;
    HANDLE h;

    cwdlen = GetCurrentDirectoryW(MAX_PATH, cwd);
    wcscpy(parent, cwd);
    *wcsrchr(parent, L'\\') = 0;
    parentlen = wcslen(parent);
    cwdname = cwd + parentlen + 1;
    full(L"file.txt");
    full(L"sub\\file.txt");
    full(L"sub/dir/../file.txt");
    full(L".\\a\\.\\b");
    full(L"dir\\");
    full(L".");
    full(L"..");
    full(L"a\\b\\..\\..\\..\\c");
    full(L"trailing.dots...");
    full(L"trailing spaces  ");
    full(L"\\rooted\\path");
    full(L"C:\\abs\\..\\x");
    full(L"C:/fwd/slash");
    full(L"C:\\a\\\\b");
    full(L"\\\\server\\share\\x\\..\\y");
    full(L"NUL");
    full(L"con");
    /* Not checked: "sub\\nul.txt" (a device on Windows 10, a file on 11),
     * "\\\\?\\C:\\a\\..\\b" (whether ".." is resolved after \\?\\). */

    /* size query */
    n = GetFullPathNameW(L"x", 0, NULL, NULL);
    printf("size query: %s\n", n == cwdlen + 3 ? "length + 2 incl NUL" : "other");
    n = GetFullPathNameW(L"x", 2, buf, NULL);
    printf("too small: %s\n", n == cwdlen + 3 ? "returns size needed" : "other");

    /* forward slashes and case-insensitive names */
    CreateDirectoryW(L"Mixed", NULL);
    h = CreateFileW(L"Mixed/lower.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    printf("create with forward slash: %s\n", h != INVALID_HANDLE_VALUE ? "ok" : "failed");
    CloseHandle(h);
    h = CreateFileW(L"MIXED\\LOWER.TXT", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("open in other case: %s\n", h != INVALID_HANDLE_VALUE ? "ok" : "failed");
    CloseHandle(h);
    h = CreateFileW(L"mixed\\Lower.Txt", GENERIC_READ, 0, NULL, CREATE_NEW, 0, NULL);
    printf("CREATE_NEW in other case: %s, error %lu\n", h == INVALID_HANDLE_VALUE ? "fails" : "created", GetLastError());
    {
        WIN32_FIND_DATAW fd;
        HANDLE f = FindFirstFileW(L"MIXED\\*", &fd);
        do {
            if (fd.cFileName[0] != L'.')
                printf("stored name: %ls\n", fd.cFileName);
        } while (FindNextFileW(f, &fd));
        FindClose(f);
    }

    /* temp path */
    n = GetTempPathW(MAX_PATH, buf);
    printf("GetTempPathW: %s, ends with backslash: %s, exists: %s\n", n == wcslen(buf) ? "length ok" : "length wrong",
           buf[n - 1] == L'\\' ? "yes" : "no", GetFileAttributesW(buf) & FILE_ATTRIBUTE_DIRECTORY ? "yes" : "no");
    {
        WCHAR tmp[MAX_PATH];
        UINT u = GetTempFileNameW(L".", L"dec", 0, tmp);
        printf("GetTempFileNameW: %s, created: %s, name: %.3ls<hex>%ls\n", u ? "ok" : "failed",
               GetFileAttributesW(tmp) != INVALID_FILE_ATTRIBUTES ? "yes" : "no",
               wcsrchr(tmp, L'\\') + 1, wcsrchr(tmp, L'.'));
        DeleteFileW(tmp);
    }
    return 0;
}
