// wine: skip Wine opens files in wineserver, so Z:\proc\self is the server's map, not the program's
/* The raw way, on the main thread, through Z:\proc\self\maps (raw.h). */
#include "raw.h"

int main(void)
{
    run_raw("Z:\\proc\\self\\maps", "Z:\\proc\\self\\maps");
    return test_summary();
}
