// build: -static-libgcc -static-libstdc++
/* std::throw_with_nested / std::rethrow_if_nested / std::nested_exception:
 * an exception that carries the one being handled; walking the chain. */
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>

static void print_chain(const std::exception &e, int level = 0)
{
    printf("%*s%s\n", level * 2, "", e.what());
    try {
        std::rethrow_if_nested(e);
    } catch (const std::exception &inner) {
        print_chain(inner, level + 1);
    } catch (int v) {
        printf("%*sint %d\n", (level + 1) * 2, "", v);
    }
}

static void open_file() { throw std::runtime_error("cannot open config.txt"); }
static void read_config()
{
    try {
        open_file();
    } catch (...) {
        std::throw_with_nested(std::runtime_error("reading the configuration failed"));
    }
}
static void start()
{
    try {
        read_config();
    } catch (...) {
        std::throw_with_nested(std::logic_error("start-up failed"));
    }
}

int main()
{
    try {
        start();
    } catch (const std::exception &e) {
        print_chain(e);
        const std::nested_exception *n = dynamic_cast<const std::nested_exception *>(&e);
        printf("outer is a nested_exception: %s, holds one: %s\n", n ? "yes" : "no",
               n && n->nested_ptr() ? "yes" : "no");
    }
    try {
        try {
            throw 17;
        } catch (...) {
            std::throw_with_nested(std::out_of_range("wrapped an int"));
        }
    } catch (const std::exception &e) {
        print_chain(e);
    }
    std::runtime_error plain("not nested");
    try {
        std::rethrow_if_nested(plain);
        printf("rethrow_if_nested on a plain exception does nothing\n");
    } catch (...) {
        printf("wrong\n");
    }
    try {
        std::nested_exception empty;
        printf("nested_exception outside a handler holds: %s\n", empty.nested_ptr() ? "something" : "nothing");
    } catch (...) {
        printf("wrong\n");
    }
    return 0;
}
