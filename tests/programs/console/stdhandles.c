// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* The standard handles as the test runner sets them up: stdout and
 * stderr redirected to files (FILE_TYPE_DISK), stdin from /dev/null (the
 * NUL device: FILE_TYPE_CHAR).  WriteFile to the stdout handle works;
 * console-only functions (WriteConsoleA, GetConsoleMode) fail on a file
 * with ERROR_INVALID_HANDLE. */
#include <windows.h>
#include <stdio.h>
#include <io.h>
#include <stdint.h>

static const char *type_name(DWORD t)
{
    switch (t) {
    case FILE_TYPE_DISK: return "FILE_TYPE_DISK";
    case FILE_TYPE_CHAR: return "FILE_TYPE_CHAR";
    case FILE_TYPE_PIPE: return "FILE_TYPE_PIPE";
    case FILE_TYPE_UNKNOWN: return "FILE_TYPE_UNKNOWN";
    }
    return "?";
}

int main(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    DWORD n = 0, mode;
    BOOL r;
    char buf[8];

    printf("handles valid: %s\n", in && out && err && in != INVALID_HANDLE_VALUE && out != INVALID_HANDLE_VALUE &&
           err != INVALID_HANDLE_VALUE ? "yes" : "no");
    printf("distinct: %s\n", in != out && out != err ? "yes" : "no");
    printf("stdin  %s\n", type_name(GetFileType(in)));
    printf("stdout %s\n", type_name(GetFileType(out)));
    printf("stderr %s\n", type_name(GetFileType(err)));
    printf("_get_osfhandle(1) is the stdout handle: %s\n", (HANDLE)(intptr_t)_get_osfhandle(1) == out ? "yes" : "no");
    fflush(stdout);

    r = WriteFile(out, "WriteFile line\r\n", 16, &n, NULL);
    printf("WriteFile: %d, %lu bytes\n", r, n);
    fflush(stdout);

    SetLastError(0xdeadbeef);
    r = WriteConsoleA(out, "console?\r\n", 10, &n, NULL);
    printf("WriteConsoleA to a file: %d, error %lu\n", r, r ? 0 : GetLastError());
    SetLastError(0xdeadbeef);
    r = GetConsoleMode(out, &mode);
    printf("GetConsoleMode on a file: %d, error %lu\n", r, r ? 0 : GetLastError());

    r = ReadFile(in, buf, sizeof buf, &n, NULL);
    printf("ReadFile from stdin: %d, %lu bytes\n", r, n);

    fprintf(stderr, "this goes to stderr\n");
    printf("SetStdHandle round trip: %s\n", SetStdHandle(STD_ERROR_HANDLE, out) &&
           GetStdHandle(STD_ERROR_HANDLE) == out && SetStdHandle(STD_ERROR_HANDLE, err) ? "ok" : "failed");
    return 0;
}
