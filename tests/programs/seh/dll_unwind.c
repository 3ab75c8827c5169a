/* Exceptions crossing a module boundary: raised or faulting in a DLL
 * (helpers/faulter.dll), caught by a frame handler in the program; and
 * raised in the program from a callback the DLL called, again caught in
 * the program.  The dispatcher and RtlUnwindEx walk the DLL's frames
 * with the DLL's own unwind data; RtlLookupFunctionEntry on a DLL
 * address gives the DLL's base. */
#include <windows.h>
#include <string.h>
#include <stdlib.h>
#include "test.h"
#include "sehframe.h"

static int (*p_dll_load)(volatile int *);
static int (*p_dll_raise)(DWORD, int);
static int (*p_dll_callback)(int (*)(int), int);
static HMODULE dll;
static int unwinds;
static void *fault_addr;

EXCEPTION_DISPOSITION seh_frame_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    if (rec->ExceptionFlags & EXCEPTION_UNWINDING) {
        unwinds++;
        return ExceptionContinueSearch;
    }
    fault_addr = rec->ExceptionAddress;
    RtlUnwindEx(frame, seh_call_landing, rec, (void *)(ULONG_PTR)rec->ExceptionCode, ctx, dc->HistoryTable);
    return ExceptionContinueSearch;
}

static ULONG_PTR call_load(void *arg) { return p_dll_load((volatile int *)arg); }
static ULONG_PTR call_raise(void *arg) { return p_dll_raise(0xE0000300, 5); }
static int callback(int x)
{
    RaiseException(0xE0000301, 0, 0, NULL);
    return x;
}
static ULONG_PTR call_callback(void *arg) { return p_dll_callback(callback, 4); }

static int in_module(void *addr, HMODULE m)
{
    DWORD64 base;
    return RtlLookupFunctionEntry((DWORD64)addr, &base, NULL) && base == (DWORD64)m;
}

int main(void)
{
    char path[MAX_PATH];
    int good = 41;
    volatile ULONG_PTR r;

    GetModuleFileNameA(NULL, path, sizeof(path));
    strcpy(strrchr(path, '\\') + 1, "faulter.dll");
    dll = LoadLibraryA(path);
    ok(dll != NULL, "load faulter.dll: %lu", GetLastError());
    if (!dll)
        return test_summary();
    p_dll_load = (void *)GetProcAddress(dll, "dll_load");
    p_dll_raise = (void *)GetProcAddress(dll, "dll_raise");
    p_dll_callback = (void *)GetProcAddress(dll, "dll_callback");

    ok(in_module(p_dll_raise, dll), "RtlLookupFunctionEntry finds the DLL's function with the DLL's base");

    ok(seh_call(call_load, &good) == 42, "no fault");
    r = seh_call(call_load, (void *)0x28);
    ok(r == EXCEPTION_ACCESS_VIOLATION, "fault in the DLL caught in the program: %#lx", (unsigned long)r);
    ok(in_module(fault_addr, dll), "fault address in the DLL");

    unwinds = 0;
    r = seh_call(call_raise, NULL);
    ok(r == 0xE0000300, "exception raised six frames deep in the DLL caught: %#lx", (unsigned long)r);
    ok(unwinds == 1, "target frame unwound once: %d", unwinds);

    r = seh_call(call_callback, NULL);
    ok(r == 0xE0000301, "exception from a callback, through the DLL's frame: %#lx", (unsigned long)r);
    ok(p_dll_callback(abs, -3) == 3 - 9, "the DLL still works afterwards");
    return test_summary();
}
