/* stdio on files: fopen modes, fread/fwrite counts, fseek/ftell/rewind,
 * fgets/fputs/fgetc/ungetc, feof/ferror/clearerr, fopen failure errno. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include "test.h"

int main(void)
{
    FILE *f;
    char buf[64];
    size_t n;
    int c;

    f = fopen("data.bin", "wb");
    ok(f != NULL, "fopen wb");
    n = fwrite("0123456789", 1, 10, f);
    ok(n == 10, "fwrite count %u", (unsigned)n);
    n = fwrite("ABCDEF", 2, 3, f);
    ok(n == 3, "fwrite items of 2: %u", (unsigned)n);
    ok(ftell(f) == 16, "ftell after writes %ld", ftell(f));
    ok(fclose(f) == 0, "fclose");

    f = fopen("data.bin", "rb");
    ok(f != NULL, "fopen rb");
    n = fread(buf, 1, 4, f);
    ok(n == 4 && !memcmp(buf, "0123", 4), "fread 4");
    ok(ftell(f) == 4, "ftell 4: %ld", ftell(f));
    ok(fseek(f, -3, SEEK_END) == 0, "fseek from end");
    ok(fgetc(f) == 'D', "fgetc after SEEK_END");
    ok(fseek(f, 2, SEEK_SET) == 0 && fgetc(f) == '2', "SEEK_SET");
    ok(fseek(f, 3, SEEK_CUR) == 0 && fgetc(f) == '6', "SEEK_CUR");
    c = fgetc(f);
    ok(c == '7', "next char");
    ok(ungetc('x', f) == 'x', "ungetc");
    ok(fgetc(f) == 'x', "ungetc'd char comes back");
    ok(fgetc(f) == '8', "then the stream continues");
    n = fread(buf, 4, 10, f);
    ok(n == 1, "fread of partial items returns whole items: %u", (unsigned)n);
    ok(feof(f), "feof after short read");
    ok(!ferror(f), "no error");
    ok(fgetc(f) == EOF, "fgetc at EOF");
    clearerr(f);
    ok(!feof(f), "clearerr resets eof");
    rewind(f);
    ok(ftell(f) == 0 && fgetc(f) == '0', "rewind");
    fclose(f);

    /* writing to a read-only stream fails and sets the error flag */
    f = fopen("data.bin", "rb");
    ok(fputc('z', f) == EOF, "fputc on read-only stream fails");
    ok(ferror(f), "ferror set");
    fclose(f);

    /* append mode writes at the end regardless of seeks */
    f = fopen("data.bin", "ab");
    ok(f != NULL, "fopen ab");
    fseek(f, 0, SEEK_SET);
    fputs("END", f);
    fclose(f);
    f = fopen("data.bin", "rb");
    fseek(f, 0, SEEK_END);
    ok(ftell(f) == 19, "append size %ld", ftell(f));
    fseek(f, -3, SEEK_END);
    n = fread(buf, 1, 3, f);
    ok(n == 3 && !memcmp(buf, "END", 3), "appended at end");
    fclose(f);

    /* r+ updates in place */
    f = fopen("data.bin", "r+b");
    ok(f != NULL, "fopen r+b");
    fseek(f, 1, SEEK_SET);
    fputs("xy", f);
    fseek(f, 0, SEEK_SET);
    n = fread(buf, 1, 5, f);
    ok(n == 5 && !memcmp(buf, "0xy34", 5), "r+ update: %.5s", buf);
    fclose(f);

    /* fgets keeps the newline and stops at size-1 */
    f = fopen("lines.txt", "w");
    fputs("first line\nsecond\n", f);
    fprintf(f, "%s=%d", "third", 3);
    fclose(f);
    f = fopen("lines.txt", "r");
    ok(fgets(buf, sizeof buf, f) && !strcmp(buf, "first line\n"), "fgets 1 [%s]", buf);
    ok(fgets(buf, 4, f) && !strcmp(buf, "sec"), "fgets short buffer [%s]", buf);
    ok(fgets(buf, sizeof buf, f) && !strcmp(buf, "ond\n"), "fgets rest [%s]", buf);
    ok(fgets(buf, sizeof buf, f) && !strcmp(buf, "third=3"), "fgets last, no newline [%s]", buf);
    ok(fgets(buf, sizeof buf, f) == NULL, "fgets at EOF returns NULL");
    fclose(f);

    /* "w" truncates */
    f = fopen("lines.txt", "w");
    fclose(f);
    f = fopen("lines.txt", "rb");
    fseek(f, 0, SEEK_END);
    ok(ftell(f) == 0, "w truncates");
    fclose(f);

    /* failures set errno */
    errno = 0;
    f = fopen("no-such-file.txt", "r");
    ok(f == NULL && errno == ENOENT, "missing file: errno %d", errno);
    errno = 0;
    f = fopen("no-such-dir\\x.txt", "w");
    ok(f == NULL && errno == ENOENT, "missing directory: errno %d", errno);
    errno = 0;
    f = fopen("data.bin", "q");
    ok(f == NULL && errno == EINVAL, "bad mode: errno %d", errno);

    ok(remove("data.bin") == 0, "remove");
    ok(remove("data.bin") == -1 && errno == ENOENT, "remove missing: errno %d", errno);
    ok(rename("lines.txt", "renamed.txt") == 0, "rename");
    f = fopen("renamed.txt", "r");
    ok(f != NULL, "renamed file opens");
    if (f) fclose(f);
    f = fopen("other.txt", "w");
    fclose(f);
    /* Microsoft's documentation says EACCES; the CRT maps the underlying
     * ERROR_ALREADY_EXISTS to EEXIST, and that is what Wine reports. */
    errno = 0;
    c = rename("renamed.txt", "other.txt");
    ok(c == -1 && errno == EEXIST, "rename onto existing fails with EEXIST: %d errno %d", c, errno);
    remove("renamed.txt");
    remove("other.txt");

    /* tmpfile */
    f = tmpfile();
    ok(f != NULL, "tmpfile");
    if (f) {
        fputs("temp", f);
        rewind(f);
        ok(fgets(buf, sizeof buf, f) && !strcmp(buf, "temp"), "tmpfile read back");
        fclose(f);
    }
    return test_summary();
}
