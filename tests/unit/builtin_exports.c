/* Every builtin DLL's export table is sorted in strcmp order (the
 * synthesized export directory is binary-searched) and has no duplicate. */
#include <string.h>

#include "builtin.h"
#include "unit.h"

int main(void)
{
    int ndlls = 0;
    for (const struct builtin_dll *b = builtin_first(); b; b = builtin_next(b)) {
        ndlls++;
        CHECK(b->nexports > 0, "%s has no exports", b->name);
        for (unsigned i = 1; i < b->nexports; i++) {
            int c = strcmp(b->exports[i - 1].name, b->exports[i].name);
            CHECK(c < 0, "%s: %s %s %s", b->name, b->exports[i - 1].name,
                  c ? "sorts after" : "duplicates", b->exports[i].name);
        }
        for (unsigned i = 0; i < b->nexports; i++)
            CHECK(b->exports[i].addr || b->exports[i].forward, "%s!%s has no target",
                  b->name, b->exports[i].name);
        /* a second list, from another folder: sorted too, and no name in
         * both lists */
        for (unsigned i = 0; b->exports2 && i < b->nexports2; i++) {
            if (i)
                CHECK(strcmp(b->exports2[i - 1].name, b->exports2[i].name) < 0,
                      "%s (second list): %s out of order", b->name, b->exports2[i].name);
            for (unsigned j = 0; j < b->nexports; j++)
                CHECK(strcmp(b->exports2[i].name, b->exports[j].name),
                      "%s!%s is in both lists", b->name, b->exports2[i].name);
        }
    }
    CHECK(builtin_find("KERNEL32.DLL") != NULL, "kernel32 is found case-insensitively");
    CHECK(builtin_find("kernel32") != NULL, "kernel32 is found without .dll");
    CHECK(builtin_find("nosuch.dll") == NULL, "an unknown name is not found");
    CHECK(ndlls >= 3, "only %d builtin DLLs", ndlls);
    return unit_done("builtin_exports");
}
