// args: plain "with space" 'embedded"quote' 'back\slash' 'trail\' 'two\\"q' '' 'tab	in' "*.c" '\\server\share'
/* argv as main sees it must be exactly the words the Linux caller passed:
 * the loader builds a Windows command line from them (quoting as needed)
 * and msvcrt's parser must give the same words back.  argv[0] is not
 * printed: it is the program path, which differs between hosts. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    int i;
    printf("argc=%d\n", argc);
    for (i = 1; i < argc; i++)
        printf("argv[%d]=[%s] len=%d\n", i, argv[i], (int)strlen(argv[i]));
    printf("argv[argc]=%s\n", argv[argc] ? "non-NULL" : "NULL");
    return 0;
}
