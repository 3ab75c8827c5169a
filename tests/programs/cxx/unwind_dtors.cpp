// build: -static-libgcc -static-libstdc++
/* Destructors run during unwinding, innermost first and in reverse order
 * of construction within each frame, for locals, temporaries, array
 * elements and objects of frames between the throw and the handler;
 * objects of the frame that catches but outside the try block survive. */
#include <cstdio>

struct Noisy {
    const char *name;
    explicit Noisy(const char *n) : name(n) { printf("  construct %s\n", name); }
    ~Noisy() { printf("  destroy %s\n", name); }
};

static void c_level()
{
    Noisy c1("c1");
    {
        Noisy scoped("c-scoped (ends before the throw)");
    }
    Noisy c2("c2");
    printf("  throwing\n");
    throw 1;
}

static void b_level()
{
    Noisy b1("b1");
    Noisy arr[2] = { Noisy("b-array-0"), Noisy("b-array-1") };
    c_level();
    printf("not reached\n");
}

static int use(const Noisy &n) { throw n.name; }

int main()
{
    Noisy outside("main-outside-try");
    try {
        Noisy a("main-in-try");
        b_level();
    } catch (int) {
        printf("caught\n");
    }
    printf("-- temporary\n");
    try {
        use(Noisy("temporary"));
    } catch (const char *n) {
        printf("caught name of %s\n", n);
    }
    printf("-- end of main\n");
    return 0;
}
