/* Exports forwarded to another DLL ("fwd_add = dlla.dlla_add" in
 * dllfwd.def): GetProcAddress returns dlla's function and dlla gets
 * loaded. */
#include "say.h"

int main(void)
{
    HMODULE f, a;
    FARPROC p;

    say("dlla before: %s", GetModuleHandleA("dlla.dll") ? "loaded" : "not loaded");
    f = LoadLibraryA("dllfwd.dll");
    say("LoadLibrary(dllfwd): %s", f ? "ok" : "failed");
    say("dllfwd_own: %d", ((int (*)(void))GetProcAddress(f, "dllfwd_own"))());
    p = GetProcAddress(f, "fwd_add");
    a = GetModuleHandleA("dlla.dll");
    say("dlla after resolving the forwarder: %s", a ? "loaded" : "not loaded");
    say("fwd_add is dlla_add: %s", a && p == GetProcAddress(a, "dlla_add") ? "yes" : "no");
    say("fwd_add(20, 22) = %d", p ? ((int (*)(int, int))p)(20, 22) : -1);
    /* dllfwd is not freed: whether the forwarder's reference on dlla goes
     * with it is not specified, so both stay until the process exits. */
    say("end of main");
    return 0;
}
