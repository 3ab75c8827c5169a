/* The demo: a plain C program, built for Windows with mingw-w64. */
#include <stdio.h>
#include <windows.h>

int main(int argc, char **argv)
{
    OSVERSIONINFOA v = {sizeof v};
    GetVersionExA(&v);
    printf("Hello %s! This is Windows %lu.%lu (build %lu), as far as I can tell.\n",
           argc > 1 ? argv[1] : "world", v.dwMajorVersion, v.dwMinorVersion,
           v.dwBuildNumber);
    return 0;
}
