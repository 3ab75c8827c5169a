// build: -static-libgcc -static-libstdc++
/* Nested try blocks: an inner try without a matching handler passes the
 * exception out; an exception thrown inside a handler goes to the
 * enclosing try, not to the handlers of its own try; try blocks inside
 * handlers work; unwinding resumes in the right frame each time. */
#include <cstdio>
#include <stdexcept>

static int depth_reached;

static void thrower(int kind)
{
    if (kind == 0) throw std::logic_error("logic");
    if (kind == 1) throw std::runtime_error("runtime");
    throw 3.5;
}

static void level(int n, int kind)
{
    try {
        if (n == 0) {
            depth_reached = 1;
            thrower(kind);
        }
        level(n - 1, kind);
    } catch (std::logic_error &e) {
        if (n == 2) {
            printf("level %d caught %s\n", n, e.what());
            return;
        }
        throw;
    }
}

int main()
{
    level(5, 0);
    try {
        level(5, 1);
    } catch (std::runtime_error &e) {
        printf("main caught %s (no level matched)\n", e.what());
    }
    try {
        try {
            thrower(2);
        } catch (double d) {
            printf("inner caught %g, throwing from the handler\n", d);
            throw std::runtime_error("from handler");
        } catch (std::runtime_error &) {
            printf("wrong: sibling handler\n");
        }
    } catch (std::runtime_error &e) {
        printf("outer caught %s\n", e.what());
    }
    try {
        throw 1;
    } catch (int) {
        try {
            throw 2;
        } catch (int v) {
            printf("try inside a handler caught %d\n", v);
        }
        printf("back in the first handler\n");
    }
    printf("done %d\n", depth_reached);
    return 0;
}
