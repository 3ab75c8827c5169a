// build: -static-libgcc -static-libstdc++
// exit: 7
/* An exception leaving a noexcept function calls std::terminate, which
 * calls the handler installed with std::set_terminate; inside it,
 * std::current_exception still holds the exception.  The handler ends
 * the process with its own code. */
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>

static void handler()
{
    printf("terminate handler called\n");
    try {
        std::exception_ptr p = std::current_exception();
        if (p)
            std::rethrow_exception(p);
        printf("no current exception\n");
    } catch (const std::exception &e) {
        printf("current exception: %s\n", e.what());
    }
    fflush(stdout);
    _Exit(7);
}

static void may_throw(int x)
{
    if (x > 0)
        throw std::logic_error("thrown through noexcept");
}

static void promise(int x) noexcept
{
    may_throw(x);
}

int main()
{
    std::set_terminate(handler);
    printf("get_terminate is the handler: %s\n", std::get_terminate() == handler ? "yes" : "no");
    promise(0);
    printf("calling the noexcept function\n");
    fflush(stdout);
    promise(1);
    printf("not reached\n");
    return 0;
}
