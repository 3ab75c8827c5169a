// MSVC C++ exceptions: catch by value, reference, pointer, base class,
// catch(...), clause order, destructors during unwinding, copies and the
// exception object's destruction after the catch.
#include "msvc.h"

static int live, ctors, dtors;
static char trace[512];
static int tlen;
static void note(const char *s)
{
    while (*s && tlen < (int)sizeof trace - 1)
        trace[tlen++] = *s++;
    trace[tlen] = 0;
}
static void reset(void) { tlen = 0; trace[0] = 0; }

struct Guard {
    const char *n;
    Guard(const char *n) : n(n) {}
    ~Guard() { note(n); }
};

struct Counted {
    int v;
    Counted(int v) : v(v) { live++; ctors++; }
    Counted(const Counted &o) : v(o.v) { live++; ctors++; }
    ~Counted() { live--; dtors++; }
};

struct Base {
    int b;
    Base() : b(11) {}
    virtual ~Base() {}
};
struct Other {
    int o;
    Other() : o(22) {}
    virtual ~Other() {}
};
struct Derived : Base, Other {
    int d;
    Derived() : d(33) {}
};
struct VBase {
    int vb;
    VBase() : vb(44) {}
    virtual ~VBase() {}
};
struct VLeft : virtual VBase { int l = 1; };
struct VRight : virtual VBase { int r = 2; };
struct Diamond : VLeft, VRight { int x = 3; };

__declspec(noinline) void throw_int(int v) { Guard g("a"); throw v; }
__declspec(noinline) void deep(int n)
{
    Guard g(n == 3 ? "3" : n == 2 ? "2" : n == 1 ? "1" : "0");
    if (!n)
        throw Counted(7);
    deep(n - 1);
}
__declspec(noinline) void throw_derived() { throw Derived(); }
__declspec(noinline) void throw_diamond() { throw Diamond(); }
static const char *msg = "text";
__declspec(noinline) void throw_str() { throw msg; }
__declspec(noinline) void throw_double() { throw 2.5; }
static Derived *global_derived;
__declspec(noinline) void throw_ptr() { throw global_derived; }

int main(void)
{
    Derived the_derived;
    global_derived = &the_derived;
    int r = 0;
    reset();
    try {
        Guard g("b");
        throw_int(5);
    } catch (int e) {
        r = e;
        note("c");
    }
    ok(r == 5 && !strcmp(trace, "abc"), "int: %d %s", r, trace);
    printf("int: %d %s\n", r, trace);

    reset();
    try {
        deep(3);
    } catch (Counted &c) {
        r = c.v;
        ok(live == 1, "one object alive in the catch: %d", live);
    }
    ok(r == 7 && !strcmp(trace, "0123"), "deep: %d %s", r, trace);
    ok(live == 0, "object destroyed after the catch: %d live", live);
    printf("deep: %d %s live %d\n", r, trace, live);

    ctors = dtors = 0;
    try {
        deep(0);
    } catch (Counted c) {
        r = c.v + 1;
        ok(live == 2, "a copy for the catch by value: %d", live);
    }
    ok(r == 8 && live == 0 && ctors == dtors, "by value: %d live %d %d/%d", r, live, ctors, dtors);
    printf("by value: %d live %d\n", r, live);

    try {
        throw_derived();
    } catch (Other &o) {
        r = o.o;
    }
    ok(r == 22, "second base by reference: %d", r);
    try {
        throw_derived();
    } catch (Base b) {
        r = b.b;
    }
    ok(r == 11, "first base by value: %d", r);
    try {
        throw_ptr();
    } catch (Other *o) {
        r = o->o;
        ok((char *)o == (char *)global_derived + sizeof(Base), "pointer adjusted to the base");
    }
    ok(r == 22, "pointer to second base: %d", r);
    try {
        throw_diamond();
    } catch (VBase &v) {
        r = v.vb;
    }
    ok(r == 44, "virtual base: %d", r);
    printf("bases: ok\n");

    /* clause order: the first that matches */
    try {
        throw_derived();
    } catch (int) {
        r = 1;
    } catch (Base &) {
        r = 2;
    } catch (Derived &) {
        r = 3;
    } catch (...) {
        r = 4;
    }
    ok(r == 2, "first matching clause: %d", r);
    try {
        throw_double();
    } catch (int) {
        r = 1;
    } catch (...) {
        r = 5;
    }
    ok(r == 5, "catch(...): %d", r);
    try {
        throw_str();
    } catch (char *) {
        r = 1;
    } catch (const char *s) {
        r = s == msg ? 6 : 0;
    }
    ok(r == 6, "const char* not taken by char*: %d", r);
    try {
        throw_double();
    } catch (double d) {
        r = (int)(d * 2);
    }
    ok(r == 5, "double: %d", r);
    printf("clauses: ok\n");

    /* nested try blocks in one function */
    reset();
    try {
        try {
            Guard g("x");
            throw_int(1);
        } catch (double) {
            note("!");
        }
    } catch (int i) {
        note("y");
        r = i;
    }
    ok(!strcmp(trace, "axy"), "inner try does not take it: %s", trace);
    printf("nested: %s\n", trace);

    /* many in a row */
    int sum = 0;
    for (int i = 0; i < 1000; i++) {
        try {
            throw_int(i);
        } catch (int v) {
            sum += v;
        }
    }
    ok(sum == 499500, "1000 throws: %d", sum);
    printf("loop: %d\n", sum);
    return test_summary();
}
