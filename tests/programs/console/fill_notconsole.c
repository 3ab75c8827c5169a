/* The console output functions on a handle that is not a console (the
 * tests' stdout is a file): FillConsoleOutputCharacterA/W,
 * FillConsoleOutputAttribute and SetConsoleCursorPosition fail with
 * ERROR_INVALID_HANDLE and write nothing into the file. */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    COORD at = {0, 0};
    DWORD n = 77;
    BOOL r;
    SetLastError(0);
    r = FillConsoleOutputCharacterW(out, L'x', 10, at, &n);
    printf("FillConsoleOutputCharacterW: %d, error %lu\n", r, GetLastError());
    SetLastError(0);
    r = FillConsoleOutputCharacterA(out, 'x', 10, at, &n);
    printf("FillConsoleOutputCharacterA: %d, error %lu\n", r, GetLastError());
    SetLastError(0);
    r = FillConsoleOutputAttribute(out, FOREGROUND_RED, 10, at, &n);
    printf("FillConsoleOutputAttribute: %d, error %lu\n", r, GetLastError());
    SetLastError(0);
    r = SetConsoleCursorPosition(out, at);
    printf("SetConsoleCursorPosition: %d, error %lu\n", r, GetLastError());
    fflush(stdout);
    return 0;
}
