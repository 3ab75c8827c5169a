// std::terminate: an exception leaving a noexcept function reaches the
// compiler's terminate block, which calls vcruntime140's __std_terminate,
// which calls the handler set with ucrtbase's set_terminate; the handler
// ends the program (unwinding starts only when a handler is found: without
// one the exception is unhandled, and the CRT's filter, not installed by
// these test programs, would call terminate). __uncaught_exception is true while destructors run
// during unwinding.
// libs: vcruntime140.lib ucrtbase.lib msvcrt.lib
#include "msvc.h"

typedef void (*terminate_handler)(void);
extern "C" terminate_handler set_terminate(terminate_handler);
extern "C" int __uncaught_exception(void);

static int during_unwind = -1;
struct Probe {
    ~Probe() { during_unwind = __uncaught_exception(); }
};

__declspec(noinline) void thrower(void)
{
    Probe p;
    throw 1;
}

static void handler(void)
{
    printf("terminate handler called\n");
    test_summary();
    exit(0);
}

__declspec(noinline) void no_throw(void) noexcept
{
    thrower();
}

int main(void)
{
    ok(!__uncaught_exception(), "no exception yet");
    try {
        thrower();
    } catch (int) {
        ok(!__uncaught_exception(), "caught: none in flight");
    }
    ok(during_unwind == 1, "destructor during unwinding sees it: %d", during_unwind);
    printf("uncaught_exception: %d\n", during_unwind);
    set_terminate(handler);
    /* clang's noexcept is a cleanup that calls __std_terminate: it runs
     * in the unwind phase, so something must catch outside */
    void (*volatile call)(void) = no_throw; /* hides the noexcept from main */
    try {
        call();
    } catch (...) {
        printf("not reached\n");
    }
    return 1;
}
