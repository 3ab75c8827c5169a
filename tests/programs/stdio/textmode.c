/* Text mode vs binary mode: "\n" is written as "\r\n" in text mode,
 * "\r\n" reads back as "\n", a lone "\r" stays, and Ctrl-Z (0x1A) ends a
 * text-mode read.  Binary mode leaves every byte alone. */
#include <stdio.h>
#include <string.h>
#include "test.h"

static long file_bytes(const char *name, char *out, int max)
{
    FILE *f = fopen(name, "rb");
    long n;
    if (!f)
        return -1;
    n = (long)fread(out, 1, max, f);
    fclose(f);
    return n;
}

int main(void)
{
    FILE *f;
    char buf[64];
    long n;
    int c, i;

    f = fopen("t.txt", "w");
    fputs("a\nb\n", f);
    fputc('\n', f);
    fprintf(f, "c\r\n");
    fclose(f);
    n = file_bytes("t.txt", buf, sizeof buf);
    ok(n == 12 && !memcmp(buf, "a\r\nb\r\n\r\nc\r\r\n", 12), "text write translates LF: %ld bytes", n);

    f = fopen("t.txt", "r");
    n = (long)fread(buf, 1, sizeof buf, f);
    ok(n == 8 && !memcmp(buf, "a\nb\n\nc\r\n", 8), "text read translates CRLF: %ld", n);
    fclose(f);

    f = fopen("b.bin", "wb");
    fputs("a\nb\r\n", f);
    fclose(f);
    n = file_bytes("b.bin", buf, sizeof buf);
    ok(n == 5 && !memcmp(buf, "a\nb\r\n", 5), "binary write untouched: %ld", n);

    /* "wt" is text, explicit */
    f = fopen("t2.txt", "wt");
    fputs("x\n", f);
    fclose(f);
    n = file_bytes("t2.txt", buf, sizeof buf);
    ok(n == 3 && !memcmp(buf, "x\r\n", 3), "wt is text: %ld", n);

    /* Ctrl-Z ends text-mode reading */
    f = fopen("z.bin", "wb");
    fwrite("ab\x1a" "cd", 1, 5, f);
    fclose(f);
    f = fopen("z.bin", "r");
    n = (long)fread(buf, 1, sizeof buf, f);
    ok(n == 2 && feof(f), "Ctrl-Z is EOF in text mode: %ld", n);
    fclose(f);
    f = fopen("z.bin", "rb");
    n = (long)fread(buf, 1, sizeof buf, f);
    ok(n == 5, "binary mode reads past Ctrl-Z: %ld", n);
    fclose(f);

    /* fgetc on CRLF in text mode */
    f = fopen("t.txt", "r");
    i = 0;
    while ((c = fgetc(f)) != EOF && i < 20)
        buf[i++] = (char)c;
    ok(i == 8 && !memcmp(buf, "a\nb\n\nc\r\n", 8), "fgetc sees %d chars", i);
    fclose(f);

    /* ftell in text mode reports file positions (bytes) */
    f = fopen("t.txt", "r");
    fgets(buf, sizeof buf, f);
    ok(ftell(f) == 3, "ftell after first text line: %ld", ftell(f));
    fclose(f);

    /* fgets in text mode drops the CR */
    f = fopen("t.txt", "r");
    fgets(buf, sizeof buf, f);
    ok(!strcmp(buf, "a\n"), "fgets text line");
    fclose(f);
    f = fopen("t.txt", "rb");
    fgets(buf, sizeof buf, f);
    ok(!strcmp(buf, "a\r\n"), "fgets binary line keeps CR");
    fclose(f);
    return test_summary();
}
