// build: -static-libgcc -static-libstdc++
/* Stress: 10000 exceptions thrown through 10 frames each (every frame
 * with a destructor to run) and caught; then 10000 more caught right
 * where they are thrown.  Counts must be exact and it must be quick. */
#include <cstdio>
#include <stdexcept>

static long constructed, destroyed;

struct Frame {
    Frame() { constructed++; }
    ~Frame() { destroyed++; }
};

static int descend(int n, int value)
{
    Frame f;
    if (n == 0)
        throw std::out_of_range("bottom");
    return descend(n - 1, value) + 1;
}

int main()
{
    int caught = 0;
    for (int i = 0; i < 10000; i++) {
        try {
            descend(9, i);
        } catch (const std::out_of_range &) {
            caught++;
        }
    }
    printf("deep throws caught: %d\n", caught);
    printf("frames constructed %ld, destroyed %ld\n", constructed, destroyed);

    long sum = 0;
    for (int i = 0; i < 10000; i++) {
        try {
            throw i;
        } catch (int v) {
            sum += v;
        }
    }
    printf("local throws, sum of values: %ld\n", sum);
    return 0;
}
