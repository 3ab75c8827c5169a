// build: -static-libgcc -static-libstdc++
/* Helper DLL for dll_throw: throws C++ exceptions of library and own
 * types, and calls back into the program, whose exceptions pass through
 * this DLL's frames (with a local that must be destroyed). */
#include <cstdio>
#include <stdexcept>

struct DllError : std::runtime_error {
    int code;
    DllError(const char *m, int c) : std::runtime_error(m), code(c) {}
};

struct DllLocal {
    ~DllLocal() { printf("dll: local destroyed\n"); }
};

extern "C" __declspec(dllexport) void dll_throw_runtime(const char *msg)
{
    throw std::runtime_error(msg);
}

extern "C" __declspec(dllexport) void dll_throw_int(int v)
{
    throw v;
}

extern "C" __declspec(dllexport) int dll_catch_and_report(void (*fn)())
{
    try {
        fn();
    } catch (const std::exception &e) {
        printf("dll caught program's exception: %s\n", e.what());
        return 1;
    }
    return 0;
}

extern "C" __declspec(dllexport) void dll_call_through(void (*fn)())
{
    DllLocal local;
    fn();
}
