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
            int c = strcmp(builtin_export_name(&b->exports[i - 1]), builtin_export_name(&b->exports[i]));
            CHECK(c < 0, "%s: %s %s %s", b->name, builtin_export_name(&b->exports[i - 1]),
                  c ? "sorts after" : "duplicates", builtin_export_name(&b->exports[i]));
        }
        for (unsigned i = 0; i < b->nexports; i++)
            CHECK(b->exports[i].target_off || b->exports[i].forward_off, "%s!%s has no target",
                  b->name, builtin_export_name(&b->exports[i]));
        /* a second list, from another folder: sorted too, and no name in
         * both lists */
        for (unsigned i = 0; b->exports2 && i < b->nexports2; i++) {
            if (i)
                CHECK(strcmp(builtin_export_name(&b->exports2[i - 1]), builtin_export_name(&b->exports2[i])) < 0,
                      "%s (second list): %s out of order", b->name, builtin_export_name(&b->exports2[i]));
            for (unsigned j = 0; j < b->nexports; j++)
                CHECK(strcmp(builtin_export_name(&b->exports2[i]), builtin_export_name(&b->exports[j])),
                      "%s!%s is in both lists", b->name, builtin_export_name(&b->exports2[i]));
        }
    }
    CHECK(builtin_find("KERNEL32.DLL") != NULL, "kernel32 is found case-insensitively");
    CHECK(builtin_find("kernel32") != NULL, "kernel32 is found without .dll");
    CHECK(builtin_find("nosuch.dll") == NULL, "an unknown name is not found");
    CHECK(ndlls >= 3, "only %d builtin DLLs", ndlls);
    return unit_done("builtin_exports");
}
