// build: tests/programs/loader/helpers/dlla.def
/* Helper DLL for the loader tests: reports its DllMain calls (thread
 * notifications only after dlla_trace_threads(1)), exports functions by
 * name and ordinal (see dlla.def), one only by ordinal, and a data item. */
#include "../say.h"

int dlla_counter = 1000;
static int trace_threads;

int dlla_add(int a, int b) { return a + b; }
const char *dlla_name(void) { return "dlla"; }
int dlla_hidden(void) { return 55; }
void dlla_trace_threads(int on) { trace_threads = on; }

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    if (reason == DLL_PROCESS_ATTACH || reason == DLL_PROCESS_DETACH)
        say("dlla: %s (lpReserved %s)", reason_name(reason), reserved ? "non-NULL" : "NULL");
    else if (trace_threads)
        say("dlla: %s", reason_name(reason));
    return TRUE;
}
