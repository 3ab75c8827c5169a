// build: -static-libgcc -static-libstdc++
/* An exception from a constructor: the object never existed, so its own
 * destructor does not run, but its fully constructed members and bases
 * are destroyed in reverse order; a new-expression frees the memory with
 * the matching operator delete; new[] destroys the elements built so
 * far. */
#include <cstdio>
#include <cstdlib>
#include <new>

static int counter;

struct Part {
    int n;
    explicit Part(int i) : n(i) {
        if (counter >= 0 && i == counter) {
            printf("  Part %d throws\n", n);
            throw n;
        }
        printf("  Part %d built\n", n);
    }
    ~Part() { printf("  Part %d destroyed\n", n); }
};

struct Base {
    Base() { printf("  Base built\n"); }
    ~Base() { printf("  Base destroyed\n"); }
};

struct Whole : Base {
    Part a, b, c;
    Whole() : a(1), b(2), c(3) { printf("  Whole body\n"); }
    ~Whole() { printf("  Whole destroyed (wrong if it fails)\n"); }
    static void *operator new(size_t n) {
        printf("  Whole::operator new\n");
        return malloc(n);
    }
    static void operator delete(void *p) {
        printf("  Whole::operator delete\n");
        free(p);
    }
};

struct Elem {
    static int made;
    int i;
    Elem() : i(made) {
        if (made == 3) {
            printf("  element 3 throws\n");
            throw 'x';
        }
        printf("  element %d built\n", made++);
    }
    ~Elem() { printf("  element %d destroyed\n", i); }
};
int Elem::made;

int main()
{
    printf("-- third member throws (automatic object)\n");
    counter = 3;
    try {
        Whole w;
    } catch (int n) {
        printf("caught %d\n", n);
    }
    printf("-- second member throws (new)\n");
    counter = 2;
    try {
        Whole *w = new Whole;
        delete w;
    } catch (int n) {
        printf("caught %d\n", n);
    }
    printf("-- nothing throws\n");
    counter = -1;
    {
        Whole w;
    }
    printf("-- new[] with the fourth element throwing\n");
    try {
        Elem *e = new Elem[5];
        delete[] e;
    } catch (char c) {
        printf("caught '%c'\n", c);
    }
    return 0;
}
