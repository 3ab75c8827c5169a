// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
// wine: skip Wine 8's msvcrt strerror returns glibc's texts ("Success", "Cannot allocate memory", ...)
/* msvcrt's strerror texts (its _sys_errlist, 0..42; anything else is
 * "Unknown error"), and _strerror: "prefix: message\n", or just
 * "message\n" for NULL, per Microsoft's documentation of _strerror.
 * The expected texts are the Microsoft CRT's table as measured on
 * msvcrt.dll; Wine 8 prints glibc's messages instead (the format of
 * _strerror is the same under Wine). */
#include <stdio.h>
#include <string.h>
#include <errno.h>

int main(void)
{
    int e;
    for (e = 0; e <= 43; e++)
        printf("%2d: %s\n", e, strerror(e));
    printf("99: %s\n", strerror(99));
    errno = ENOENT;
    printf("_strerror: [%s]\n", _strerror("prefix"));
    errno = EACCES;
    printf("_strerror NULL: [%s]\n", _strerror(NULL));
    return 0;
}
