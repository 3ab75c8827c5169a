/* Directory masks as FsRtlIsNameInExpression matches them (Microsoft's
 * documentation of DOS_STAR '<', DOS_QM '>' and DOS_DOT '"'), and a
 * listing's order: "." and ".." first, then names compared upcased. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dirscan.h"
#include "unit.h"
#include "wstr.h"

static int match(const char *mask, const char *name)
{
    WCHAR m[64], n[64];
    size_t ml = utf8_to_wstr(mask, -1, m, 64) - 1, nl = utf8_to_wstr(name, -1, n, 64) - 1;
    return dirscan_match(m, ml, n, nl);
}

#define YES(m, n) CHECK(match(m, n), "\"%s\" should match \"%s\"", m, n)
#define NO(m, n) CHECK(!match(m, n), "\"%s\" should not match \"%s\"", m, n)

int main(void)
{
    YES("*", "anything.txt");
    YES("*.*", "noext");        /* everything, as FAT and NTFS take it */
    NO("*.?", "noext");
    YES("*.txt", "a.TXT");
    YES("*.txt", "b.c.txt");
    NO("*.txt", "a.txt.bak");
    YES("a?c", "abc");
    NO("a?c", "ac");
    YES("<.txt", "a.b.txt");    /* "*.txt" from FindFirstFile */
    NO("<.txt", "a.txt.gz");
    YES("<\"", "noext");        /* "*." */
    NO("<\"", "a.b");
    YES("<\"", ".");
    YES("x\"*", "x");           /* "x.*" */
    YES("x\"*", "x.c");
    NO("x\"*", "xy.c");
    YES(">>.c", "x.c");         /* "??.c": '?' is nothing before a dot */
    YES(">>.c", "xy.c");
    NO(">>.c", "xyz.c");
    YES("x>>", "x");            /* and nothing at the end */
    YES("x>>", "xab");
    NO("x>>", "x.c");
    YES("**a*", "bab");
    NO("*b*b", "abba!");
    YES("\xc3\xa9t\xc3\xa9", "\xc3\x89T\xc3\x89"); /* é, É: case folded beyond ASCII */

    char tmpl[] = "/tmp/decant-dirscan-XXXXXX";
    char *dir = mkdtemp(tmpl);
    const char *names[] = {"b", "A", "_x", "a.b", "Zed", "0", "ab"};
    for (int i = 0; i < 7; i++) {
        char p[256];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        close(open(p, O_CREAT | O_WRONLY, 0644));
    }
    int err;
    struct dirscan *s = dirscan_open(open(dir, O_RDONLY | O_DIRECTORY), dir, NULL, 0, 1, &err);
    CHECK(s != NULL, "dirscan_open: %d", err);
    char got[256] = "";
    const struct dirscan_entry *e;
    while (s && (e = dirscan_next(s))) {
        strcat(got, e->name);
        strcat(got, " ");
    }
    CHECK(!strcmp(got, ". .. 0 A a.b ab b Zed _x "), "order: %s", got);
    if (s) {
        dirscan_unread(s);
        e = dirscan_next(s);
        CHECK(e && !strcmp(e->name, "_x"), "unread gives the last entry back");
        CHECK(!dirscan_next(s), "then the end");
        CHECK(dirscan_restart(s) == 0 && (e = dirscan_next(s)) && !strcmp(e->name, "."),
              "restart");
        dirscan_free(s);
    }
    WCHAR mask[] = {'a', '*'};
    s = dirscan_open(open(dir, O_RDONLY | O_DIRECTORY), dir, mask, 2, 0, &err);
    got[0] = 0;
    while (s && (e = dirscan_next(s))) {
        strcat(got, e->name);
        strcat(got, " ");
    }
    CHECK(!strcmp(got, "A a.b ab "), "a*, no dots: %s", got);
    dirscan_free(s);
    for (int i = 0; i < 7; i++) {
        char p[256];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
    return unit_done("dirscan");
}
