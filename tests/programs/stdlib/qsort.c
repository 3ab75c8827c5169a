/* qsort (ascending/descending, strings, structs), bsearch hits and misses,
 * abs/labs/_abs64/div/ldiv. */
#include <stdlib.h>
#include <string.h>
#include "test.h"

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

struct rec { int key; char name[8]; };

static int cmp_rec(const void *a, const void *b)
{
    return cmp_int(&((const struct rec *)a)->key, &((const struct rec *)b)->key);
}

int main(void)
{
    int v[] = { 5, -3, 99, 0, 42, 7, 7, -100, 13, 1 };
    int sorted[] = { -100, -3, 0, 1, 5, 7, 7, 13, 42, 99 };
    const char *words[] = { "pear", "apple", "fig", "banana", "cherry" };
    struct rec recs[] = { { 3, "c" }, { 1, "a" }, { 2, "b" } };
    int big[1000], i, okay, key, *hit;
    div_t d;
    ldiv_t ld;

    qsort(v, 10, sizeof v[0], cmp_int);
    ok(!memcmp(v, sorted, sizeof v), "qsort ints");
    qsort(v, 10, sizeof v[0], cmp_int_desc);
    ok(v[0] == 99 && v[9] == -100, "qsort descending");
    qsort(words, 5, sizeof words[0], cmp_str);
    ok(!strcmp(words[0], "apple") && !strcmp(words[1], "banana") && !strcmp(words[4], "pear"), "qsort strings");
    qsort(recs, 3, sizeof recs[0], cmp_rec);
    ok(!strcmp(recs[0].name, "a") && !strcmp(recs[2].name, "c"), "qsort structs");
    qsort(v, 0, sizeof v[0], cmp_int);
    qsort(v, 1, sizeof v[0], cmp_int);
    ok(1, "qsort of 0 and 1 elements");

    for (i = 0; i < 1000; i++)
        big[i] = (i * 7919) % 1000;
    qsort(big, 1000, sizeof big[0], cmp_int);
    okay = 1;
    for (i = 0; i < 1000; i++)
        if (big[i] != i)
            okay = 0;
    ok(okay, "qsort 1000 ints");

    key = 437;
    hit = bsearch(&key, big, 1000, sizeof big[0], cmp_int);
    ok(hit == &big[437], "bsearch hit");
    key = 1000;
    ok(bsearch(&key, big, 1000, sizeof big[0], cmp_int) == NULL, "bsearch miss");
    key = 13;
    ok(bsearch(&key, sorted, 10, sizeof sorted[0], cmp_int) == &sorted[7], "bsearch small");

    ok(abs(-5) == 5 && labs(-70000L) == 70000L && _abs64(-5000000000LL) == 5000000000LL, "abs");
    d = div(17, 5);
    ok(d.quot == 3 && d.rem == 2, "div");
    d = div(-17, 5);
    ok(d.quot == -3 && d.rem == -2, "div truncates toward zero");
    ld = ldiv(-100000L, 7L);
    ok(ld.quot == -14285 && ld.rem == -5, "ldiv");
    ok(__max(3, 9) == 9 && __min(3, 9) == 3, "__max/__min");
    return test_summary();
}
