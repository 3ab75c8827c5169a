// build: -static-libgcc -static-libstdc++
/* Function-try-blocks: on a constructor the handler sees exceptions from
 * the member initializers too and the exception is rethrown when the
 * handler ends; on an ordinary function the handler may return a value. */
#include <cstdio>
#include <stdexcept>

struct Member {
    explicit Member(bool fail) {
        if (fail)
            throw std::runtime_error("member failed");
    }
};

struct Holder {
    Member m;
    explicit Holder(bool fail) try : m(fail) {
        printf("Holder body\n");
    } catch (const std::exception &e) {
        printf("constructor's handler: %s\n", e.what());
        /* implicitly rethrown */
    }
};

static int parse(int x) try {
    if (x < 0)
        throw std::invalid_argument("negative");
    return x * 2;
} catch (const std::invalid_argument &e) {
    printf("function's handler: %s\n", e.what());
    return -1;
}

int main()
{
    Holder ok(false);
    try {
        Holder bad(true);
        printf("not reached\n");
    } catch (const std::exception &e) {
        printf("main caught the rethrown: %s\n", e.what());
    }
    printf("parse(4) = %d\n", parse(4));
    printf("parse(-4) = %d\n", parse(-4));
    return 0;
}
