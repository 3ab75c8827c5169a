/* Helper DLL for dll_unwind.c: code in another module that faults, raises,
 * or calls back into the program, with frames of its own (saved
 * non-volatile registers, unwind info in the DLL's .pdata). */
#include <windows.h>

__declspec(dllexport) int __attribute__((noinline)) dll_load(volatile int *p)
{
    return *p + 1;
}

__declspec(dllexport) int __attribute__((noinline)) dll_raise(DWORD code, int depth)
{
    volatile int locals[16];
    int i, sum = 0;
    for (i = 0; i < 16; i++)
        locals[i] = i * depth;
    if (depth == 0)
        RaiseException(code, 0, 0, NULL);
    else
        sum = dll_raise(code, depth - 1);
    for (i = 0; i < 16; i++)
        sum += locals[i];
    return sum;
}

__declspec(dllexport) int __attribute__((noinline)) dll_callback(int (*fn)(int), int x)
{
    volatile int before = x * 3;
    int r = fn(x);
    return r + before;
}
