/* A big image (over 4 MiB: 5 MiB of initialised data) for image_cache.sh:
 * prints its build's version, a sum over the data and whether a pointer to
 * the data, fixed up by a relocation, points at it. */
#include <stdio.h>

static unsigned char blob[5 << 20] = {[0] = 1, [4096 * 3] = 2, [(5 << 20) - 1] = VERSION};
static unsigned char *volatile where = blob; /* a base relocation */

int main(void)
{
    unsigned sum = 0;
    for (unsigned i = 0; i < sizeof blob; i++)
        sum += blob[i];
    printf("v%d sum %u, relocated pointer %s\n", VERSION, sum, where == blob ? "right" : "WRONG");
    blob[0] = 7; /* the image's pages are the process's own */
    return 0;
}
