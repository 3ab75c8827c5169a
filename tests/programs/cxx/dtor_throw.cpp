// build: -static-libgcc -static-libstdc++
/* A destructor declared noexcept(false) may throw when it is not run by
 * unwinding: the exception propagates from the end of the scope, and the
 * other locals of that scope are still destroyed. */
#include <cstdio>

struct Thrower {
    int n;
    explicit Thrower(int i) : n(i) {}
    ~Thrower() noexcept(false) {
        printf("~Thrower %d throws\n", n);
        throw n;
    }
};

struct Quiet {
    ~Quiet() { printf("~Quiet\n"); }
};

int main()
{
    try {
        Quiet q;
        Thrower t(1);
        printf("leaving the scope\n");
    } catch (int v) {
        printf("caught %d from a destructor\n", v);
    }
    try {
        Thrower *p = new Thrower(2);
        delete p;
    } catch (int v) {
        printf("caught %d from delete\n", v);
    }
    return 0;
}
