/* Reading and writing FILE streams: bytes, characters, lines, blocks, and
 * their wide-character forms. Wide characters on a text stream become
 * multibyte (UTF-8, decant's ANSI code page); on a binary or _O_U16TEXT
 * stream they are stored as 16-bit units, as msvcrt does. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "critsec.h"
#include "debug.h"
#include "msvcrt.h"

static int big_buf(const MSVCRT_FILE *f)
{
    return f->_flag & (M_IOMYBUF | M_USERBUF);
}

int crt_getc_nolock(MSVCRT_FILE *f)
{
    if (--f->_cnt >= 0)
        return (unsigned char)*f->_ptr++;
    f->_cnt = 0;
    return msvcrt__filbuf(f);
}

int crt_ungetc_nolock(int c, MSVCRT_FILE *f)
{
    if (c == M_EOF)
        return M_EOF;
    if (!(f->_flag & M_IOREAD) &&
        !((f->_flag & M_IORW) && !(f->_flag & M_IOWRT)))
        return M_EOF;
    if (!f->_base)
        crt_getbuf(f);
    if (f->_ptr == f->_base) {
        if (f->_cnt)
            return M_EOF;
        f->_ptr++;
    }
    *--f->_ptr = (char)c;
    f->_cnt++;
    f->_flag &= ~M_IOEOF;
    f->_flag |= M_IOREAD;
    return c & 0xff;
}

/* Returns bytes written. */
int crt_fwrite_nolock(const void *p, size_t total, MSVCRT_FILE *f)
{
    const char *data = p;
    size_t count = total;
    size_t bufsize = big_buf(f) ? (size_t)f->_bufsiz : M_INTERNAL_BUFSIZ;
    while (count) {
        if (big_buf(f) && (f->_flag & M_IOWRT) && f->_cnt > 0) {
            size_t n = count < (size_t)f->_cnt ? count : (size_t)f->_cnt;
            memcpy(f->_ptr, data, n);
            f->_cnt -= n;
            f->_ptr += n;
            data += n;
            count -= n;
        } else if (count >= bufsize) {
            if (big_buf(f) && crt_flush(f))
                break;
            size_t n = bufsize ? count - count % bufsize : count;
            if (n > 0x7fffffff)
                n = 0x7fffffff;
            int w = crt_write(f->_file, data, (unsigned)n);
            if (w < 0) {
                f->_flag |= M_IOERR;
                break;
            }
            data += w;
            count -= w;
            if ((size_t)w < n) {
                f->_flag |= M_IOERR;
                break;
            }
        } else {
            if (msvcrt__flsbuf((unsigned char)*data, f) == M_EOF)
                break;
            data++;
            count--;
            bufsize = f->_bufsiz > 0 ? (size_t)f->_bufsiz : 1;
        }
    }
    return (int)(total - count);
}

/* fwrite / _fwrite_nolock (msvcrt) */
size_t CDECL msvcrt__fwrite_nolock(const void *p, size_t size, size_t n,
                                   MSVCRT_FILE *f)
{
    if (!size || !n)
        return 0;
    size_t total = size * n;
    if (total / size != n) {
        crt_set_errno(M_EINVAL);
        return 0;
    }
    int had = crt_stbuf(f);
    size_t done = 0;
    /* crt_fwrite_nolock takes int-sized pieces */
    while (done < total) {
        size_t piece = total - done > 0x40000000 ? 0x40000000 : total - done;
        size_t w = crt_fwrite_nolock((const char *)p + done, piece, f);
        done += w;
        if (w < piece)
            break;
    }
    crt_ftbuf(had, f);
    return done / size;
}
size_t CDECL msvcrt_fwrite(const void *p, size_t size, size_t n, MSVCRT_FILE *f)
{
    crt_lock_file(f);
    size_t r = msvcrt__fwrite_nolock(p, size, n, f);
    crt_unlock_file(f);
    return r;
}

/* fread / _fread_nolock (msvcrt) */
size_t CDECL msvcrt__fread_nolock(void *p, size_t size, size_t n,
                                  MSVCRT_FILE *f)
{
    if (!size || !n)
        return 0;
    size_t total = size * n;
    if (total / size != n) {
        crt_set_errno(M_EINVAL);
        return 0;
    }
    char *data = p;
    size_t count = total;
    size_t bufsize = big_buf(f) ? (size_t)f->_bufsiz : M_INTERNAL_BUFSIZ;
    while (count) {
        if (big_buf(f) && (f->_flag & M_IOREAD) && f->_cnt > 0) {
            size_t k = count < (size_t)f->_cnt ? count : (size_t)f->_cnt;
            memcpy(data, f->_ptr, k);
            f->_cnt -= k;
            f->_ptr += k;
            data += k;
            count -= k;
        } else if (count >= bufsize) {
            if (f->_flag & M_IOWRT) {
                f->_flag |= M_IOERR;
                break;
            }
            f->_flag |= M_IOREAD;
            size_t k = bufsize ? count - count % bufsize : count;
            if (k > 0x7fffffff)
                k = 0x7fffffff & ~(bufsize - 1);
            int r = crt_read(f->_file, data, (unsigned)k);
            if (r == 0) {
                f->_flag |= M_IOEOF;
                break;
            }
            if (r < 0) {
                f->_flag |= M_IOERR;
                break;
            }
            data += r;
            count -= r;
        } else {
            int c = msvcrt__filbuf(f);
            if (c == M_EOF)
                break;
            *data++ = (char)c;
            count--;
            bufsize = f->_bufsiz;
        }
    }
    return (total - count) / size;
}
size_t CDECL msvcrt_fread(void *p, size_t size, size_t n, MSVCRT_FILE *f)
{
    crt_lock_file(f);
    size_t r = msvcrt__fread_nolock(p, size, n, f);
    crt_unlock_file(f);
    return r;
}

/* fgetc / getc / _fgetc_nolock / _getc_nolock / getchar / _fgetchar */
int CDECL msvcrt__fgetc_nolock(MSVCRT_FILE *f) { return crt_getc_nolock(f); }
int CDECL msvcrt_fgetc(MSVCRT_FILE *f)
{
    crt_lock_file(f);
    int c = crt_getc_nolock(f);
    crt_unlock_file(f);
    return c;
}
int CDECL msvcrt_getchar(void) { return msvcrt_fgetc(msvcrt___iob_func()); }

/* fputc / putc / _fputc_nolock / putchar / _fputchar (msvcrt) */
int CDECL msvcrt__fputc_nolock(int c, MSVCRT_FILE *f)
{
    return crt_putc_nolock(c, f);
}
static int CDECL __attribute__((noinline)) fputc_locking(int c, MSVCRT_FILE *f)
{
    crt_lock_file(f);
    int r = crt_putc_nolock(c, f);
    crt_unlock_file(f);
    return r;
}
/* mingw's printf holds the stream's lock and calls fputc for each
 * character: then there is nothing to lock, and fputc is a leaf. */
int CDECL msvcrt_fputc(int c, MSVCRT_FILE *f)
{
    if (!cs_held(crt_file_lock(f)))
        return fputc_locking(c, f);
    return crt_putc_nolock(c, f);
}
int CDECL msvcrt_putchar(int c)
{
    return msvcrt_fputc(c, &msvcrt___iob_func()[1]);
}

/* ungetc / _ungetc_nolock (msvcrt) */
int CDECL msvcrt__ungetc_nolock(int c, MSVCRT_FILE *f)
{
    return crt_ungetc_nolock(c, f);
}
int CDECL msvcrt_ungetc(int c, MSVCRT_FILE *f)
{
    crt_lock_file(f);
    int r = crt_ungetc_nolock(c, f);
    crt_unlock_file(f);
    return r;
}

/* fgets (msvcrt) */
char *CDECL msvcrt_fgets(char *s, int n, MSVCRT_FILE *f)
{
    if (!s || n <= 0 || !f) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    crt_lock_file(f);
    char *p = s;
    while (--n > 0) {
        int c = crt_getc_nolock(f);
        if (c == M_EOF) {
            if (p == s) {
                crt_unlock_file(f);
                return NULL;
            }
            break;
        }
        *p++ = (char)c;
        if (c == '\n')
            break;
    }
    *p = 0;
    crt_unlock_file(f);
    return s;
}

/* gets (msvcrt): the newline is dropped. */
char *CDECL msvcrt_gets(char *s)
{
    MSVCRT_FILE *f = &msvcrt___iob_func()[0];
    crt_lock_file(f);
    char *p = s;
    int c;
    while ((c = crt_getc_nolock(f)) != '\n') {
        if (c == M_EOF) {
            if (p == s) {
                crt_unlock_file(f);
                return NULL;
            }
            break;
        }
        *p++ = (char)c;
    }
    *p = 0;
    crt_unlock_file(f);
    return s;
}

/* fputs (msvcrt): 0 on success. */
int CDECL msvcrt_fputs(const char *s, MSVCRT_FILE *f)
{
    size_t n = strlen(s);
    crt_lock_file(f);
    int had = crt_stbuf(f);
    size_t w = crt_fwrite_nolock(s, n, f);
    crt_ftbuf(had, f);
    crt_unlock_file(f);
    return w == n ? 0 : M_EOF;
}

/* puts (msvcrt) */
int CDECL msvcrt_puts(const char *s)
{
    MSVCRT_FILE *f = &msvcrt___iob_func()[1];
    size_t n = strlen(s);
    crt_lock_file(f);
    int had = crt_stbuf(f);
    int ok = crt_fwrite_nolock(s, n, f) == (int)n &&
             crt_putc_nolock('\n', f) != M_EOF;
    crt_ftbuf(had, f);
    crt_unlock_file(f);
    return ok ? 0 : M_EOF;
}

/* _getw / _putw (msvcrt): a binary int. */
int CDECL msvcrt__getw(MSVCRT_FILE *f)
{
    int v;
    return msvcrt_fread(&v, sizeof v, 1, f) == 1 ? v : M_EOF;
}
int CDECL msvcrt__putw(int v, MSVCRT_FILE *f)
{
    return msvcrt_fwrite(&v, sizeof v, 1, f) == 1 ? v : M_EOF;
}

/* How wide characters are stored on this stream's fd. */
enum wmode { W_MBCS, W_RAW };
static enum wmode wide_mode(MSVCRT_FILE *f)
{
    crt_ioinfo *info = crt_fdinfo(f->_file);
    if (!info || !(info->wxflag & WX_TEXT) ||
        (info->exflag & (EF_UTF16 | EF_UTF8)))
        return W_RAW;
    return W_MBCS;
}

int crt_fputws_nolock(const WCHAR *s, size_t n, MSVCRT_FILE *f)
{
    if (wide_mode(f) == W_RAW)
        return crt_fwrite_nolock(s, n * 2, f) == (int)(n * 2) ? 0 : -1;
    /* Text stream: the locale's multibyte form. A high surrogate at the end
     * of one call waits for its low half in the fd's spare lookahead. */
    char buf[600];
    crt_ioinfo *info = crt_fdinfo(f->_file);
    while (n) {
        WCHAR tmp[130];
        size_t k = 0, used = 0;
        if (info->lookahead[1] || info->lookahead[2]) {
            tmp[k++] = (WCHAR)((unsigned char)info->lookahead[1] |
                               (unsigned char)info->lookahead[2] << 8);
            info->lookahead[1] = info->lookahead[2] = 0;
        }
        while (used < n && k < 128)
            tmp[k++] = s[used++];
        if (used == n && tmp[k - 1] >= 0xd800 && tmp[k - 1] < 0xdc00) {
            info->lookahead[1] = (char)(tmp[k - 1] & 0xff);
            info->lookahead[2] = (char)(tmp[k - 1] >> 8);
            k--;
        } else if (used < n && tmp[k - 1] >= 0xd800 && tmp[k - 1] < 0xdc00) {
            k--;
            used--;
        }
        int len = crt_lc_w2mb(tmp, (int)k, buf, sizeof buf);
        if (crt_fwrite_nolock(buf, len, f) != len)
            return -1;
        s += used;
        n -= used;
    }
    return 0;
}

int crt_fputwc_nolock(WCHAR c, MSVCRT_FILE *f)
{
    return crt_fputws_nolock(&c, 1, f) ? M_WEOF : c;
}

/* One UTF-8 sequence from the stream; a non-BMP character yields its
 * high surrogate now and its low one on the next call. */
int crt_fgetwc_nolock(MSVCRT_FILE *f)
{
    if (wide_mode(f) == W_RAW) {
        int lo = crt_getc_nolock(f);
        if (lo == M_EOF)
            return M_WEOF;
        int hi = crt_getc_nolock(f);
        if (hi == M_EOF)
            return M_WEOF;
        return lo | hi << 8;
    }
    crt_ioinfo *info = crt_fdinfo(f->_file);
    if (info->lookahead[1] || info->lookahead[2]) {
        WCHAR low = (WCHAR)((unsigned char)info->lookahead[1] |
                            (unsigned char)info->lookahead[2] << 8);
        info->lookahead[1] = info->lookahead[2] = 0;
        return low;
    }
    int c = crt_getc_nolock(f);
    if (c == M_EOF)
        return M_WEOF;
    if (c < 0x80 || msvcrt___lc_codepage != CP_UTF8)
        return c; /* FIXME: DBCS locales read one byte */
    int need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    char seq[4] = {(char)c};
    int len = 1;
    while (len <= need) {
        int d = crt_getc_nolock(f);
        if (d == M_EOF)
            break;
        if ((d & 0xc0) != 0x80) {
            crt_ungetc_nolock(d, f);
            break;
        }
        seq[len++] = (char)d;
    }
    WCHAR w[2];
    int n = MultiByteToWideChar(CP_UTF8, 0, seq, len, w, 2);
    if (n <= 0)
        return 0xfffd;
    if (n == 2) {
        info->lookahead[1] = (char)(w[1] & 0xff);
        info->lookahead[2] = (char)(w[1] >> 8);
    }
    return w[0];
}

/* fputwc / putwc / _fputwc_nolock / putwchar / _fputwchar (msvcrt) */
unsigned short CDECL msvcrt__fputwc_nolock(WCHAR c, MSVCRT_FILE *f)
{
    return crt_fputwc_nolock(c, f);
}
unsigned short CDECL msvcrt_fputwc(WCHAR c, MSVCRT_FILE *f)
{
    crt_lock_file(f);
    int had = crt_stbuf(f);
    int r = crt_fputwc_nolock(c, f);
    crt_ftbuf(had, f);
    crt_unlock_file(f);
    return r;
}
unsigned short CDECL msvcrt_putwchar(WCHAR c)
{
    return msvcrt_fputwc(c, &msvcrt___iob_func()[1]);
}

/* fgetwc / getwc / _fgetwc_nolock / getwchar / _fgetwchar (msvcrt) */
unsigned short CDECL msvcrt__fgetwc_nolock(MSVCRT_FILE *f)
{
    return crt_fgetwc_nolock(f);
}
unsigned short CDECL msvcrt_fgetwc(MSVCRT_FILE *f)
{
    crt_lock_file(f);
    int r = crt_fgetwc_nolock(f);
    crt_unlock_file(f);
    return r;
}
unsigned short CDECL msvcrt_getwchar(void)
{
    return msvcrt_fgetwc(msvcrt___iob_func());
}

/* ungetwc (msvcrt) */
unsigned short CDECL msvcrt_ungetwc(unsigned short c, MSVCRT_FILE *f)
{
    if (c == M_WEOF)
        return M_WEOF;
    crt_lock_file(f);
    int ok = 1;
    if (wide_mode(f) == W_RAW) {
        ok = crt_ungetc_nolock(c >> 8, f) != M_EOF &&
             crt_ungetc_nolock(c & 0xff, f) != M_EOF;
    } else {
        char mb[4];
        int n = crt_wctomb(mb, c);
        for (int i = n - 1; ok && i >= 0; i--)
            ok = crt_ungetc_nolock((unsigned char)mb[i], f) != M_EOF;
        ok = ok && n > 0;
    }
    crt_unlock_file(f);
    return ok ? c : M_WEOF;
}

/* fgetws (msvcrt) */
WCHAR *CDECL msvcrt_fgetws(WCHAR *s, int n, MSVCRT_FILE *f)
{
    if (!s || n <= 0 || !f) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    crt_lock_file(f);
    WCHAR *p = s;
    while (--n > 0) {
        int c = crt_fgetwc_nolock(f);
        if (c == M_WEOF) {
            if (p == s) {
                crt_unlock_file(f);
                return NULL;
            }
            break;
        }
        *p++ = (WCHAR)c;
        if (c == '\n')
            break;
    }
    *p = 0;
    crt_unlock_file(f);
    return s;
}

/* _getws (msvcrt) */
WCHAR *CDECL msvcrt__getws(WCHAR *s)
{
    MSVCRT_FILE *f = &msvcrt___iob_func()[0];
    crt_lock_file(f);
    WCHAR *p = s;
    int c;
    while ((c = crt_fgetwc_nolock(f)) != '\n') {
        if (c == M_WEOF) {
            if (p == s) {
                crt_unlock_file(f);
                return NULL;
            }
            break;
        }
        *p++ = (WCHAR)c;
    }
    *p = 0;
    crt_unlock_file(f);
    return s;
}

static size_t wlen(const WCHAR *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

/* fputws (msvcrt) */
int CDECL msvcrt_fputws(const WCHAR *s, MSVCRT_FILE *f)
{
    crt_lock_file(f);
    int had = crt_stbuf(f);
    int r = crt_fputws_nolock(s, wlen(s), f);
    crt_ftbuf(had, f);
    crt_unlock_file(f);
    return r ? M_EOF : 0;
}

/* _putws (msvcrt) */
int CDECL msvcrt__putws(const WCHAR *s)
{
    static const WCHAR nl = '\n';
    MSVCRT_FILE *f = &msvcrt___iob_func()[1];
    crt_lock_file(f);
    int had = crt_stbuf(f);
    int r = crt_fputws_nolock(s, wlen(s), f) || crt_fputws_nolock(&nl, 1, f);
    crt_ftbuf(had, f);
    crt_unlock_file(f);
    return r ? M_EOF : 0;
}
