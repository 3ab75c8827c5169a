// build: -static-libgcc -static-libstdc++ -Wno-catch-value
/* Rethrowing: "throw;" rethrows the same object (changes made through a
 * reference are seen by the outer handler, its dynamic type is kept even
 * when caught as a base or with catch (...)); throwing a new exception
 * from a handler replaces the old one, which is destroyed. */
#include <cstdio>

static int live;
struct E {
    int v;
    explicit E(int x) : v(x) { live++; }
    E(const E &o) : v(o.v) { live++; }
    virtual ~E() { live--; }
    virtual const char *name() const { return "E"; }
};
struct F : E {
    explicit F(int x) : E(x) {}
    const char *name() const override { return "F"; }
};

static void inner()
{
    try {
        throw F(1);
    } catch (E &e) {
        printf("inner caught %s %d\n", e.name(), e.v);
        e.v = 2;
        throw;
    }
}

static void middle()
{
    try {
        inner();
    } catch (...) {
        printf("middle: catch (...) rethrows\n");
        throw;
    }
}

int main()
{
    try {
        middle();
    } catch (F &f) {
        printf("outer caught %s %d (same object, change kept)\n", f.name(), f.v);
    }
    printf("live objects: %d\n", live);

    try {
        try {
            throw E(5);
        } catch (E &e) {
            printf("replacing E %d\n", e.v);
            throw 6;
        }
    } catch (int v) {
        printf("outer caught int %d\n", v);
    }
    printf("live objects: %d\n", live);

    try {
        try {
            throw F(8);
        } catch (E e) {
            printf("caught a sliced copy: %s\n", e.name());
            throw;
        }
    } catch (E &e) {
        printf("rethrow throws the original: %s %d\n", e.name(), e.v);
    }
    printf("live objects: %d\n", live);
    return 0;
}
