/* ntdll's system services for the tests in this folder, called the way
 * programs that avoid the import library call them: found with
 * GetProcAddress(GetModuleHandleA("ntdll.dll"), ...). NT(name) declares
 * the pointer p_name of the function's type; LOAD(name) finds it and
 * counts a failure when it is missing. */
#include <windows.h>
#include <winternl.h>
#include "test.h"

#define NT(name, args) static NTSTATUS(NTAPI *p_##name) args;
#define LOAD(name)                                                                          \
    ok((*(FARPROC *)&p_##name = GetProcAddress(GetModuleHandleA("ntdll.dll"), #name)) != 0, \
       "ntdll exports " #name)

/* An NT status as the tests print it. */
#define ST(s) ((unsigned long)(ULONG)(s))
