// build: -fno-builtin
/* memcpy, memmove, memset and strlen at every length from 0 to 80 and every
 * alignment in a 16-byte block, memmove overlapping both ways, each against
 * a byte loop: the short lengths are copied in overlapping pieces, and
 * strlen reads aligned blocks around the string. A string ending just
 * before an unreadable page checks that strlen reads nothing past it. */
#include <string.h>
#include <windows.h>
#include "test.h"

static unsigned char src[256], dst[256], ref[256];

static void pattern(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i * 7 + 1);
}

int main(void)
{
    int bad_cpy = 0, bad_move = 0, bad_set = 0, bad_len = 0, bad_ret = 0;
    for (size_t n = 0; n <= 80; n++)
        for (size_t da = 0; da < 16; da++)
            for (size_t sa = 0; sa < 16; sa++) {
                pattern(src, sizeof src, (unsigned)(n + sa));
                pattern(dst, sizeof dst, 99);
                memcpy(ref, dst, sizeof ref);
                for (size_t i = 0; i < n; i++)
                    ref[64 + da + i] = src[64 + sa + i];
                if (memcpy(dst + 64 + da, src + 64 + sa, n) != dst + 64 + da)
                    bad_ret++;
                bad_cpy += memcmp(dst, ref, sizeof dst) != 0;

                /* overlapping: dst and src within one buffer, both directions */
                pattern(dst, sizeof dst, (unsigned)n);
                memcpy(ref, dst, sizeof ref);
                unsigned char tmp[96];
                for (size_t i = 0; i < n; i++)
                    tmp[i] = ref[64 + sa + i];
                for (size_t i = 0; i < n; i++)
                    ref[64 + da + i] = tmp[i];
                if (memmove(dst + 64 + da, dst + 64 + sa, n) != dst + 64 + da)
                    bad_ret++;
                bad_move += memcmp(dst, ref, sizeof dst) != 0;
            }
    for (size_t n = 0; n <= 80; n++)
        for (size_t a = 0; a < 16; a++) {
            int c = (int)(0x1a5 + n); /* memset stores (unsigned char)c */
            pattern(dst, sizeof dst, 5);
            memcpy(ref, dst, sizeof ref);
            for (size_t i = 0; i < n; i++)
                ref[64 + a + i] = (unsigned char)c;
            if (memset(dst + 64 + a, c, n) != dst + 64 + a)
                bad_ret++;
            bad_set += memcmp(dst, ref, sizeof dst) != 0;

            memset(dst, 'x', sizeof dst);
            dst[64 + a + n] = 0;
            bad_len += strlen((char *)dst + 64 + a) != n;
        }
    ok(!bad_cpy, "memcpy: %d of 20736 cases wrong", bad_cpy);
    ok(!bad_move, "memmove with overlap: %d of 20736 cases wrong", bad_move);
    ok(!bad_set, "memset: %d of 1296 cases wrong", bad_set);
    ok(!bad_len, "strlen: %d of 1296 cases wrong", bad_len);
    ok(!bad_ret, "memcpy/memmove/memset return their destination (%d wrong)", bad_ret);

    /* strings ending at the last byte before a no-access page */
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    char *pages = VirtualAlloc(NULL, 2 * si.dwPageSize, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    DWORD old;
    ok(pages && VirtualProtect(pages + si.dwPageSize, si.dwPageSize, PAGE_NOACCESS, &old),
       "a readable page before a no-access one");
    if (pages) {
        int bad_edge = 0;
        char *end = pages + si.dwPageSize;
        memset(pages, 'y', si.dwPageSize);
        for (size_t n = 0; n < 40; n++) {
            end[-1] = 0;
            bad_edge += strlen(end - 1 - n) != n;
        }
        ok(!bad_edge, "strlen at a page's end: %d of 40 wrong", bad_edge);
        ok(memcpy(end - 20, end - 40, 20) == end - 20 && memset(end - 7, 0, 7) == end - 7,
           "short memcpy and memset up to a page's end");
    }
    return test_summary();
}
