// build: -static-libgcc -static-libstdc++ -Wno-catch-value -Wno-exceptions
/* C++ exceptions (mingw g++, SEH-based unwinding): catch by value, by
 * reference, by pointer, through a base class, catch (...), and the first
 * matching handler in source order wins; a by-value catch of a derived
 * object slices it; fundamental types and strings. */
#include <cstdio>
#include <stdexcept>
#include <string>

struct Base {
    int id;
    explicit Base(int i) : id(i) {}
    virtual ~Base() {}
    virtual const char *name() const { return "Base"; }
};
struct Derived : Base {
    explicit Derived(int i) : Base(i) {}
    const char *name() const override { return "Derived"; }
};
struct Other {};

static void throw_int() { throw 42; }
static void throw_str() { throw "literal"; }
static void throw_string() { throw std::string("a std::string"); }
static void throw_derived() { throw Derived(7); }
static void throw_ptr() { static Derived d(9); throw &d; }
static void throw_runtime() { throw std::runtime_error("runtime"); }
static void throw_other() { throw Other(); }

int main()
{
    try { throw_int(); } catch (int v) { printf("int by value: %d\n", v); }
    try { throw_str(); } catch (const char *s) { printf("const char *: %s\n", s); }
    try { throw_string(); } catch (const std::string &s) { printf("std::string by const ref: %s\n", s.c_str()); }
    try { throw_derived(); } catch (Base &b) { printf("Derived caught as Base&: %s %d\n", b.name(), b.id); }
    try { throw_derived(); } catch (Base b) { printf("Derived caught as Base by value: %s\n", b.name()); }
    try { throw_derived(); } catch (Derived &d) { printf("Derived caught as Derived&: %s\n", d.name()); } catch (Base &) { printf("wrong handler\n"); }
    try { throw_derived(); } catch (Base &) { printf("first matching handler wins: Base&\n"); } catch (Derived &) { printf("wrong handler\n"); }
    try { throw_ptr(); } catch (Base *p) { printf("pointer caught as Base*: %s %d\n", p->name(), p->id); }
    try { throw_runtime(); } catch (const std::exception &e) { printf("runtime_error as std::exception: %s\n", e.what()); }
    try { throw_other(); } catch (int) { printf("wrong handler\n"); } catch (...) { printf("catch (...) takes the rest\n"); }
    try { throw_int(); } catch (long) { printf("wrong: no int->long conversion\n"); } catch (unsigned) { printf("wrong\n"); } catch (int) { printf("no conversions: int handler\n"); }
    try { throw_derived(); } catch (const Other &) { printf("wrong\n"); } catch (const Base &b) { printf("skips unrelated types: %d\n", b.id); }
    int caught = 0;
    for (int i = 0; i < 5; i++) {
        try {
            if (i % 2) throw i;
            caught += 100;
        } catch (int v) {
            caught += v;
        }
    }
    printf("loop: %d\n", caught);
    return 0;
}
