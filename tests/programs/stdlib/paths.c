// build: -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin
/* _splitpath/_makepath on fixed strings, and _fullpath of relative names
 * (only the part after the current directory is printed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <direct.h>

static void split(const char *p)
{
    char drive[_MAX_DRIVE], dir[_MAX_DIR], fname[_MAX_FNAME], ext[_MAX_EXT];
    _splitpath(p, drive, dir, fname, ext);
    printf("split(%s): drive=[%s] dir=[%s] fname=[%s] ext=[%s]\n", p, drive, dir, fname, ext);
}

static void full(const char *rel, const char *cwd)
{
    char buf[_MAX_PATH];
    size_t n = strlen(cwd);
    if (!_fullpath(buf, rel, sizeof buf)) {
        printf("fullpath(%s): NULL\n", rel);
        return;
    }
    if (_strnicmp(buf, cwd, n) == 0)
        printf("fullpath(%s) = <cwd>%s\n", rel, buf + n);
    else
        printf("fullpath(%s) = not under cwd (%c:)\n", rel, buf[1] == ':' ? 'X' : '?');
}

int main(void)
{
    char buf[_MAX_PATH], cwd[_MAX_PATH];

    split("C:\\dir\\sub\\file.txt");
    split("C:file");
    split("\\\\server\\share\\x.tar.gz");
    split("relative/dir/name.");
    split("noext");
    split(".hidden");
    split("c:\\a.b\\c");
    split("");

    _makepath(buf, "D", "\\top\\mid", "name", "ext");
    printf("makepath: %s\n", buf);
    _makepath(buf, "D:", "top/", "name", ".ext");
    printf("makepath: %s\n", buf);
    _makepath(buf, NULL, "dir", "file", NULL);
    printf("makepath: %s\n", buf);
    _makepath(buf, "", "", "only", "");
    printf("makepath: %s\n", buf);

    _getcwd(cwd, sizeof cwd);
    printf("cwd has drive letter: %s\n", cwd[1] == ':' ? "yes" : "no");
    printf("cwd ends with backslash: %s\n", cwd[strlen(cwd) - 1] == '\\' ? "yes" : "no");
    full("file.txt", cwd);
    full("a\\b\\..\\c.txt", cwd);
    full("a/./b/c", cwd);
    full(".", cwd);
    full("sub\\", cwd);
    return 0;
}
