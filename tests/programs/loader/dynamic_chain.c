/* LoadLibrary of dllb.dll, which imports dlla.dll: dlla's DllMain runs
 * first.  FreeLibrary(dllb) unloads both (dllb detaches first); when
 * dlla was also loaded on its own, it stays until its own FreeLibrary. */
#include "say.h"

int main(void)
{
    HMODULE a, b;

    say("load dllb");
    b = LoadLibraryA("dllb.dll");
    say("dlla loaded as a dependency: %s", GetModuleHandleA("dlla.dll") ? "yes" : "no");
    say("free dllb");
    FreeLibrary(b);
    say("dlla after: %s", GetModuleHandleA("dlla.dll") ? "loaded" : "unloaded");

    say("load dlla, then dllb");
    a = LoadLibraryA("dlla.dll");
    b = LoadLibraryA("dllb.dll");
    say("free dllb");
    FreeLibrary(b);
    say("dlla after: %s", GetModuleHandleA("dlla.dll") ? "loaded" : "unloaded");
    say("free dlla");
    FreeLibrary(a);
    say("end of main");
    return 0;
}
