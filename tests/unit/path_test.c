/* Path translation: GetFullPathName's rules (checked against Microsoft's
 * "File path formats on Windows systems" and Wine), drive mapping, and the
 * case-insensitive lookup. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"
#include "status.h"
#include "unit.h"
#include "wstr.h"

static char *full(const char *in)
{
    WCHAR *w = utf8_to_wstr_alloc(in);
    WCHAR *f = path_full_dos(w);
    char *r = wstr_to_utf8_alloc(f);
    free(w);
    free(f);
    return r;
}

static void check_full(const char *in, const char *want)
{
    char *got = full(in);
    CHECK(!strcmp(got, want), "full(\"%s\") = \"%s\", want \"%s\"", in, got, want);
    free(got);
}

int main(void)
{
    char tmpl[] = "/tmp/decant-path-XXXXXX";
    char *dir = mkdtemp(tmpl);
    setenv("DECANT_PREFIX", dir, 1);
    char *cdir;
    if (asprintf(&cdir, "%s/work", dir) < 0)
        return 1;
    mkdir(cdir, 0777);
    if (chdir(cdir) < 0)
        return 1;
    path_init_cwd();

    /* the current directory is the Linux one seen through Z: */
    char *cwd = wstr_to_utf8_alloc(path_get_cwd());
    char want_cwd[512];
    snprintf(want_cwd, sizeof want_cwd, "Z:%s\\work\\", dir);
    for (char *s = want_cwd; *s; s++)
        if (*s == '/')
            *s = '\\';
    CHECK(!strcmp(cwd, want_cwd), "cwd %s, want %s", cwd, want_cwd);

    check_full("C:\\a\\b\\..\\c", "C:\\a\\c");
    check_full("C:/a//b/./c", "C:\\a\\b\\c");
    check_full("C:\\a\\..\\..\\..", "C:\\");
    check_full("C:\\", "C:\\");
    check_full("c:\\x", "C:\\x");
    check_full("C:\\dir\\", "C:\\dir\\");
    check_full("C:\\file.txt.", "C:\\file.txt");
    check_full("C:\\file   ", "C:\\file");
    check_full("C:\\dir.\\x", "C:\\dir\\x");
    check_full("C:\\a\\...\\b", "C:\\a\\...\\b");
    check_full("\\\\?\\C:\\a\\..\\b", "\\\\?\\C:\\a\\..\\b");
    check_full("nul", "\\\\.\\nul");
    char want[600];
    snprintf(want, sizeof want, "%sx.txt", want_cwd);
    check_full("x.txt", want);
    snprintf(want, sizeof want, "%.2s\\top", want_cwd);
    check_full("\\top", want);

    /* DOS -> Unix, with a case-insensitive fallback */
    char *f;
    if (asprintf(&f, "%s/MixedCase.TXT", cdir) < 0)
        return 1;
    fclose(fopen(f, "w"));
    enum path_device dev;
    NTSTATUS st;
    char *u = path_dos_to_unix(u"mixedcase.txt", &dev, &st);
    CHECK(u && !strcmp(u, f), "case-insensitive lookup gave %s", u ? u : "(null)");
    free(u);
    u = path_dos_to_unix(u"Z:\\tmp", &dev, &st);
    CHECK(u && !strcmp(u, "/tmp"), "Z:\\tmp -> %s", u ? u : "(null)");
    free(u);
    u = path_dos_to_unix(u"C:\\windows", &dev, &st);
    char *wantc;
    if (asprintf(&wantc, "%s/drive_c/windows", dir) < 0)
        return 1;
    CHECK(u && !strcmp(u, wantc), "C:\\windows -> %s", u ? u : "(null)");
    struct stat sb;
    CHECK(stat(wantc, &sb) == 0, "C: created on first use");
    free(u);
    /* Names the one-pass translation takes (plain relative or X:\\ names)
     * and those it leaves to the general one must agree. */
    char *sub, *subfile;
    if (asprintf(&sub, "%s/sub", cdir) < 0 || asprintf(&subfile, "%s/file.txt", sub) < 0)
        return 1;
    mkdir(sub, 0777);
    fclose(fopen(subfile, "w"));
    char zsub[600];
    snprintf(zsub, sizeof zsub, "Z:%s\\FILE.txt", sub);
    for (char *s = zsub; *s; s++)
        if (*s == '/')
            *s = '\\';
    const struct { const char *dos, *unix_tail; } same[] = {
        {"sub\\file.txt", "/sub/file.txt"},     {"sub/file.txt", "/sub/file.txt"},
        {"SUB\\FILE.TXT", "/sub/file.txt"},     {"sub\\new.txt", "/sub/new.txt"},
        {"sub\\.\\file.txt", "/sub/file.txt"}, {"sub\\file.txt.", "/sub/file.txt"},
        {"sub\\file.txt  ", "/sub/file.txt"},   {"sub\\\\file.txt", "/sub/file.txt"},
        {"x\\..\\sub\\file.txt", "/sub/file.txt"}, {"Sub.\\file.txt", "/sub/file.txt"},
        {"none\\X\\y", "/none/X/y"},         {"SUB\\None\\y", "/sub/None/y"},
        {zsub, "/sub/file.txt"},
    };
    for (unsigned i = 0; i < sizeof same / sizeof *same; i++) {
        WCHAR *wn = utf8_to_wstr_alloc(same[i].dos);
        char *wantu;
        if (asprintf(&wantu, "%s%s", cdir, same[i].unix_tail) < 0)
            return 1;
        u = path_dos_to_unix(wn, &dev, &st);
        CHECK(u && !strcmp(u, wantu), "%s -> %s, want %s", same[i].dos, u ? u : "(null)", wantu);
        free(u);
        free(wantu);
        free(wn);
    }
    u = path_dos_to_unix(u"sub\\con.txt", &dev, &st);
    CHECK(!u && dev == DEV_CON, "sub\\con.txt is the console");
    u = path_dos_to_unix(u"sub\\a<b.txt", &dev, &st);
    CHECK(!u && st == STATUS_OBJECT_NAME_INVALID, "< is no name character");
    u = path_dos_to_unix(u"NUL", &dev, &st);
    CHECK(!u && dev == DEV_NUL, "NUL is the null device");
    u = path_dos_to_unix(u"Q:\\x", &dev, &st);
    CHECK(!u && st == STATUS_OBJECT_PATH_NOT_FOUND, "an unmapped drive fails");

    /* Unix -> DOS */
    WCHAR *w = path_unix_to_dos("/usr/bin");
    char *a = wstr_to_utf8_alloc(w);
    CHECK(!strcmp(a, "Z:\\usr\\bin"), "/usr/bin -> %s", a);
    free(w);
    free(a);
    w = path_unix_to_dos(wantc);
    a = wstr_to_utf8_alloc(w);
    CHECK(!strcmp(a, "C:\\windows"), "%s -> %s", wantc, a);
    free(w);
    free(a);
    w = path_unix_to_dos("/");
    a = wstr_to_utf8_alloc(w);
    CHECK(!strcmp(a, "Z:\\"), "/ -> %s", a);

    CHECK(path_enoent_status("/nonexistent-dir/x") == STATUS_OBJECT_PATH_NOT_FOUND,
          "missing directory is error 3");
    CHECK(path_enoent_status("/tmp/nonexistent-file") == STATUS_OBJECT_NAME_NOT_FOUND,
          "missing file is error 2");
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd))
        return 1;
    return unit_done("path_test");
}
