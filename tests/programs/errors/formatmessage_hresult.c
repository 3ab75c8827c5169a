// wine: skip Wine 8's system message table has its own texts ("File not found." for 0x80070002) and lacks E_NOINTERFACE
/* FormatMessage(FORMAT_MESSAGE_FROM_SYSTEM) of HRESULTs: a
 * HRESULT_FROM_WIN32 code (0x8007xxxx) has the text of Win32 error xxxx
 * (7-Zip prints "The system cannot find the file specified." for
 * 0x80070002 on Windows), COM's own codes have theirs, and an unknown
 * one fails with ERROR_MR_MID_NOT_FOUND. Expected texts: Windows'. */
#include <windows.h>
#include <stdio.h>

static void show(DWORD code)
{
    WCHAR w[512];
    char a[512];
    DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code,
                             0, w, 512, NULL);
    if (!n) {
        printf("%#lx: error %lu\n", code, GetLastError());
        return;
    }
    DWORD m = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code,
                             0, a, 512, NULL);
    while (n && (w[n - 1] == '\r' || w[n - 1] == '\n'))
        w[--n] = 0;
    printf("%#lx: [%ls] A and W agree: %d\n", code, w, m == n + 2);
}

int main(void)
{
    show(0x80070002); /* HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) */
    show(0x80070005);
    show(0x8007000e); /* E_OUTOFMEMORY */
    show(0x80070057); /* E_INVALIDARG */
    show(0x80004001); /* E_NOTIMPL */
    show(0x80004002); /* E_NOINTERFACE */
    show(0x80004005); /* E_FAIL */
    show(0x8007ffff); /* no such Win32 error */
    return 0;
}
