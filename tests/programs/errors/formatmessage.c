// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
// wine: skip Wine 8's system message table has its own texts ("File not found." for error 2)
/* FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM) texts of common Win32
 * errors, in US English as Windows words them (each ends with "\r\n"),
 * FORMAT_MESSAGE_ALLOCATE_BUFFER, and an unknown code failing with
 * ERROR_MR_MID_NOT_FOUND (317).  Expected output: the Windows texts. */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static void show(DWORD code)
{
    char msg[512];
    DWORD len = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code,
                               MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), msg, sizeof msg, NULL);
    if (!len) {
        printf("%lu: failed, error %lu\n", code, GetLastError());
        return;
    }
    /* print the CR LF visibly */
    if (len >= 2 && msg[len - 2] == '\r' && msg[len - 1] == '\n')
        msg[len - 2] = 0;
    printf("%lu: [%s]%s (len %lu)\n", code, msg, msg[len - 2] == 0 ? "\\r\\n" : "", len);
}

int main(void)
{
    char *p = NULL;
    DWORD len;

    show(ERROR_SUCCESS);
    show(ERROR_FILE_NOT_FOUND);
    show(ERROR_PATH_NOT_FOUND);
    show(ERROR_ACCESS_DENIED);
    show(ERROR_INVALID_HANDLE);
    show(ERROR_NOT_ENOUGH_MEMORY);
    show(ERROR_INVALID_PARAMETER);
    show(ERROR_ALREADY_EXISTS);
    show(ERROR_MOD_NOT_FOUND);
    show(ERROR_PROC_NOT_FOUND);
    show(0x12345678);

    len = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS,
                         NULL, ERROR_FILE_EXISTS, MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), (LPSTR)&p, 0, NULL);
    printf("allocated: %s, len %lu, matches strlen: %s\n", p ? "yes" : "no", len, p && strlen(p) == len ? "yes" : "no");
    LocalFree(p);
    return 0;
}
