// MSVC C++ exceptions: `throw;` (in the catch block and in a function it
// calls), a new exception thrown from a catch block, try blocks inside
// catch blocks, and when the thrown object is destroyed in each case.
#include "msvc.h"

static int live, made;
struct Obj {
    int v;
    Obj(int v) : v(v) { live++; made++; }
    Obj(const Obj &o) : v(o.v) { live++; made++; }
    ~Obj() { live--; }
};
struct Guard {
    int *p;
    Guard(int *p) : p(p) {}
    ~Guard() { (*p)++; }
};

__declspec(noinline) void thrower(int v) { throw Obj(v); }
__declspec(noinline) void rethrow_it() { throw; }

__declspec(noinline) int rethrow_in_catch(void)
{
    try {
        thrower(1);
    } catch (Obj &o) {
        o.v = 2; /* the rethrown object is the same object */
        throw;
    }
    return 0;
}

__declspec(noinline) int rethrow_from_callee(void)
{
    try {
        thrower(3);
    } catch (Obj &) {
        rethrow_it();
    }
    return 0;
}

__declspec(noinline) int new_throw_in_catch(int *guards)
{
    try {
        thrower(4);
    } catch (Obj &o) {
        Guard g(guards);
        thrower(o.v + 1); /* leaves the catch: the first object dies */
    }
    return 0;
}

__declspec(noinline) int try_inside_catch(void)
{
    int r = 0;
    try {
        thrower(6);
    } catch (Obj &o) {
        try {
            thrower(o.v + 1);
        } catch (Obj &inner) {
            r = o.v * 10 + inner.v;
            ok(live == 2, "both objects alive in the inner catch: %d", live);
        }
        ok(live == 1, "inner object gone after the inner catch: %d", live);
        r = r * 10 + o.v;
    }
    return r;
}

__declspec(noinline) int rethrow_inside_catch(void)
{
    int r = 0;
    try {
        thrower(8);
    } catch (Obj &o) {
        try {
            throw;
        } catch (Obj &again) {
            r = &again == &o ? 1 : -1;
        }
        ok(live == 1, "object kept for the outer catch: %d", live);
        r = r * 10 + o.v;
    }
    return r;
}

__declspec(noinline) int caught_by_outer_in_same_function(void)
{
    int r = 0;
    try {
        try {
            thrower(9);
        } catch (Obj &o) {
            thrower(o.v + 1);
        }
    } catch (Obj &o) {
        r = o.v;
    }
    return r;
}

__declspec(noinline) void level3(void) { thrower(20); }
__declspec(noinline) void level2(void)
{
    try {
        level3();
    } catch (int) {
    }
}
__declspec(noinline) void level1(void)
{
    try {
        level2();
    } catch (Obj &) {
        throw;
    }
}

int main(void)
{
    int r = 0;
    try {
        rethrow_in_catch();
    } catch (Obj &o) {
        r = o.v;
    }
    ok(r == 2 && live == 0, "rethrow in catch: %d, %d live", r, live);
    printf("rethrow: %d live %d\n", r, live);

    try {
        rethrow_from_callee();
    } catch (Obj o) {
        r = o.v;
    }
    ok(r == 3 && live == 0, "rethrow from a callee: %d, %d live", r, live);
    printf("rethrow from callee: %d live %d\n", r, live);

    int guards = 0;
    try {
        new_throw_in_catch(&guards);
    } catch (Obj &o) {
        r = o.v;
        ok(live == 1, "first object destroyed when its catch was left: %d", live);
    }
    ok(r == 5 && guards == 1 && live == 0, "throw in catch: %d guards %d live %d", r, guards, live);
    printf("throw in catch: %d guards %d live %d\n", r, guards, live);

    r = try_inside_catch();
    ok(r == 676 && live == 0, "try inside catch: %d live %d", r, live);
    printf("try inside catch: %d live %d\n", r, live);

    r = rethrow_inside_catch();
    ok(r == 18 && live == 0, "rethrow inside catch: %d live %d", r, live);
    printf("rethrow inside catch: %d live %d\n", r, live);

    r = caught_by_outer_in_same_function();
    ok(r == 10 && live == 0, "outer try of the same function: %d live %d", r, live);
    printf("outer try: %d live %d\n", r, live);

    try {
        level1();
    } catch (Obj &o) {
        r = o.v;
    }
    ok(r == 20 && live == 0, "through frames: %d live %d", r, live);
    printf("levels: %d live %d made %d\n", r, live, made);
    return test_summary();
}
