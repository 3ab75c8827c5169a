// build: build/tests/programs/loader/dllb.dll
/* A program linked against dllb.dll, which imports dlla.dll: before main
 * runs, dlla is initialized, then dllb (dependencies first), both with
 * lpReserved non-NULL (static load).  At exit they are detached in the
 * reverse order, again with lpReserved non-NULL. */
#include "say.h"

__declspec(dllimport) int dllb_add3(int a, int b, int c);

int main(void)
{
    HMODULE a = GetModuleHandleA("dlla.dll"), b = GetModuleHandleA("dllb.dll");
    say("main: dlla %s, dllb %s", a ? "loaded" : "missing", b ? "loaded" : "missing");
    say("main: dllb_add3(1, 2, 3) = %d", dllb_add3(1, 2, 3));
    say("main: FreeLibrary on a static DLL: %d", FreeLibrary(b));
    say("main: dllb still loaded: %s", GetModuleHandleA("dllb.dll") ? "yes" : "no");
    say("main: returning");
    return 0;
}
