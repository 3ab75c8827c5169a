// build: -static-libgcc -static-libstdc++
/* std::uncaught_exceptions(): 0 normally, 1 in a destructor run by
 * unwinding, 2 when that destructor itself throws and catches inside, and
 * 0 again inside a handler (the exception is caught there). */
#include <cstdio>
#include <exception>

struct Inner {
    ~Inner() { printf("  Inner dtor: %d\n", std::uncaught_exceptions()); }
};

struct Reporter {
    const char *name;
    explicit Reporter(const char *n) : name(n) {}
    ~Reporter() {
        printf("%s dtor: %d\n", name, std::uncaught_exceptions());
        try {
            Inner i;
            throw 2;
        } catch (int) {
            printf("  in the nested handler: %d\n", std::uncaught_exceptions());
        }
    }
};

int main()
{
    printf("main: %d\n", std::uncaught_exceptions());
    {
        Reporter r("normal scope end");
    }
    try {
        Reporter r("unwinding");
        throw 1;
    } catch (int) {
        printf("handler: %d\n", std::uncaught_exceptions());
    }
    printf("after: %d\n", std::uncaught_exceptions());
    return 0;
}
