// build: -static-libgcc -static-libstdc++
/* C++ exceptions across a DLL boundary (helpers/thrower.dll, with its own
 * static copy of libstdc++): thrown in the DLL and caught in the program,
 * thrown in the program through the DLL's frames (its locals destroyed),
 * and thrown in the program and caught in the DLL.  Types match by name,
 * as mingw compares type_info names. */
#include <windows.h>
#include <cstdio>
#include <cstring>
#include <stdexcept>

static void program_throws() { throw std::logic_error("from the program"); }
static void program_throws_int() { throw 99; }

int main()
{
    char path[MAX_PATH];
    GetModuleFileNameA(NULL, path, sizeof(path));
    strcpy(strrchr(path, '\\') + 1, "thrower.dll");
    HMODULE dll = LoadLibraryA(path);
    if (!dll) {
        printf("cannot load thrower.dll: %lu\n", GetLastError());
        return 1;
    }
    auto throw_runtime = (void (*)(const char *))GetProcAddress(dll, "dll_throw_runtime");
    auto throw_int = (void (*)(int))GetProcAddress(dll, "dll_throw_int");
    auto catch_and_report = (int (*)(void (*)()))GetProcAddress(dll, "dll_catch_and_report");
    auto call_through = (void (*)(void (*)()))GetProcAddress(dll, "dll_call_through");

    try {
        throw_runtime("from the dll");
    } catch (const std::exception &e) {
        printf("program caught: %s\n", e.what());
    }
    try {
        throw_int(5);
    } catch (int v) {
        printf("program caught int %d\n", v);
    }
    try {
        call_through(program_throws_int);
    } catch (int v) {
        printf("program caught its own int %d through the dll\n", v);
    }
    printf("dll handler returned %d\n", catch_and_report(program_throws));
    for (int i = 0; i < 100; i++) {
        try {
            throw_int(i);
        } catch (int) {
        }
    }
    printf("100 more throws from the dll caught\n");
    return 0;
}
