/* The unwind data GCC emits (.pdata/.xdata) as the system reads it:
 * RtlLookupFunctionEntry finds each function's entry, RtlVirtualUnwind
 * walks from a captured context up through the callers, and
 * RtlCaptureStackBackTrace gives the same return addresses. */
#include <windows.h>
#include "test.h"

#define DEPTH 8
static DWORD64 walked[DEPTH];
static int nwalked;
static void *bt[DEPTH];
static USHORT nbt;

static __attribute__((noinline)) void level3(void)
{
    CONTEXT ctx;
    int i;
    RtlCaptureContext(&ctx);
    nbt = RtlCaptureStackBackTrace(0, DEPTH, bt, NULL);
    for (i = 0; i < DEPTH; i++) {
        DWORD64 base, frame;
        void *handler_data;
        PRUNTIME_FUNCTION rf = RtlLookupFunctionEntry(ctx.Rip, &base, NULL);
        walked[nwalked++] = ctx.Rip;
        if (!rf)
            break;
        RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, ctx.Rip, rf, &ctx, &handler_data, &frame, NULL);
        if (!ctx.Rip)
            break;
    }
    __asm__ volatile("" ::: "memory");
}

static __attribute__((noinline)) void level2(void) { level3(); __asm__ volatile("nop"); }
static __attribute__((noinline)) void level1(void) { level2(); __asm__ volatile("nop"); }

static int in_function(DWORD64 addr, void *fn)
{
    DWORD64 base;
    PRUNTIME_FUNCTION rf = RtlLookupFunctionEntry(addr, &base, NULL);
    return rf && base + rf->BeginAddress == (DWORD64)fn;
}

int main(void)
{
    DWORD64 base;
    PRUNTIME_FUNCTION rf;

    rf = RtlLookupFunctionEntry((DWORD64)level2, &base, NULL);
    ok(rf != NULL, "RtlLookupFunctionEntry(level2)");
    ok(base == (DWORD64)GetModuleHandleW(NULL), "image base is the exe");
    ok(rf && base + rf->BeginAddress == (DWORD64)level2, "entry begins at level2");

    level1();
    __asm__ volatile("nop");
    ok(nwalked >= 4, "walked %d frames", nwalked);
    ok(nwalked >= 4 && in_function(walked[0], level3), "frame 0 in level3");
    ok(nwalked >= 4 && in_function(walked[1], level2), "frame 1 in level2");
    ok(nwalked >= 4 && in_function(walked[2], level1), "frame 2 in level1");
    ok(nwalked >= 4 && in_function(walked[3], main), "frame 3 in main");
    ok(nbt >= 4, "RtlCaptureStackBackTrace: %u frames", nbt);
    ok(nbt >= 4 && in_function((DWORD64)bt[0], level3) && in_function((DWORD64)bt[1], level2) &&
       in_function((DWORD64)bt[2], level1) && in_function((DWORD64)bt[3], main), "backtrace frames level3..main");
    ok(RtlLookupFunctionEntry((DWORD64)&base, &base, NULL) == NULL, "no entry for a stack address");
    return test_summary();
}
