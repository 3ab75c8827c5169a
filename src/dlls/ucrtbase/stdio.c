/* The UCRT's stdio entry points. Its headers expand printf, sprintf,
 * snprintf, scanf and friends inline into a handful of __stdio_common_*
 * calls that carry an options word (corecrt_stdio_config.h); those land
 * in msvcrt's one printf and scanf engine with the options as its rules
 * (PF_* and SF_* in msvcrt.h). Streams are msvcrt's: the UCRT's FILE is
 * opaque to programs, which only pass pointers from __acrt_iob_func,
 * fopen and the like. The locale arguments are the one "C" locale. */
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "ucrt.h"
#include "wstr.h"

#define NARROW 0
#define WIDE 1

/* __stdio_common_vfprintf / _s / _p, and the wide ones (ucrtbase). The
 * _s forms check what the engine checks anyway; the _p forms would also
 * take positional arguments ("%1$d"), which is not done. */
int CDECL ucrt___stdio_common_vfprintf(ULONGLONG opts, MSVCRT_FILE *f,
                                       const char *fmt, void *locale,
                                       WIN_VA_LIST ap)
{
    return crt_vfprintf_opts(f, fmt, NARROW, opts | PF_UCRT, ap);
}
int CDECL ucrt___stdio_common_vfprintf_s(ULONGLONG opts, MSVCRT_FILE *f,
                                         const char *fmt, void *locale,
                                         WIN_VA_LIST ap)
{
    return crt_vfprintf_opts(f, fmt, NARROW, opts | PF_UCRT, ap);
}
int CDECL ucrt___stdio_common_vfprintf_p(ULONGLONG opts, MSVCRT_FILE *f,
                                         const char *fmt, void *locale,
                                         WIN_VA_LIST ap)
{
    FIXME("positional arguments not supported");
    return crt_vfprintf_opts(f, fmt, NARROW, opts | PF_UCRT, ap);
}
int CDECL ucrt___stdio_common_vfwprintf(ULONGLONG opts, MSVCRT_FILE *f,
                                        const WCHAR *fmt, void *locale,
                                        WIN_VA_LIST ap)
{
    return crt_vfprintf_opts(f, fmt, WIDE, opts | PF_UCRT, ap);
}
int CDECL ucrt___stdio_common_vfwprintf_s(ULONGLONG opts, MSVCRT_FILE *f,
                                          const WCHAR *fmt, void *locale,
                                          WIN_VA_LIST ap)
{
    return crt_vfprintf_opts(f, fmt, WIDE, opts | PF_UCRT, ap);
}
int CDECL ucrt___stdio_common_vfwprintf_p(ULONGLONG opts, MSVCRT_FILE *f,
                                          const WCHAR *fmt, void *locale,
                                          WIN_VA_LIST ap)
{
    FIXME("positional arguments not supported");
    return crt_vfprintf_opts(f, fmt, WIDE, opts | PF_UCRT, ap);
}

/* __stdio_common_vsprintf / __stdio_common_vswprintf (ucrtbase): sprintf,
 * snprintf, _snprintf, vsnprintf, _scprintf...: the options tell them
 * apart (crt_vsprintf_ucrt). */
int CDECL ucrt___stdio_common_vsprintf(ULONGLONG opts, char *buf, size_t size,
                                       const char *fmt, void *locale,
                                       WIN_VA_LIST ap)
{
    return crt_vsprintf_ucrt(buf, size, fmt, NARROW, opts, ap);
}
int CDECL ucrt___stdio_common_vswprintf(ULONGLONG opts, WCHAR *buf, size_t size,
                                        const WCHAR *fmt, void *locale,
                                        WIN_VA_LIST ap)
{
    return crt_vsprintf_ucrt(buf, size, fmt, WIDE, opts, ap);
}
int CDECL ucrt___stdio_common_vsprintf_p(ULONGLONG opts, char *buf, size_t size,
                                         const char *fmt, void *locale,
                                         WIN_VA_LIST ap)
{
    FIXME("positional arguments not supported");
    return crt_vsprintf_s_ucrt(buf, size, (size_t)-1, fmt, NARROW, opts, ap);
}
int CDECL ucrt___stdio_common_vswprintf_p(ULONGLONG opts, WCHAR *buf, size_t size,
                                          const WCHAR *fmt, void *locale,
                                          WIN_VA_LIST ap)
{
    FIXME("positional arguments not supported");
    return crt_vsprintf_s_ucrt(buf, size, (size_t)-1, fmt, WIDE, opts, ap);
}

/* __stdio_common_vsprintf_s / __stdio_common_vsnprintf_s and the wide
 * ones (ucrtbase): sprintf_s and _snprintf_s. */
int CDECL ucrt___stdio_common_vsprintf_s(ULONGLONG opts, char *buf, size_t size,
                                         const char *fmt, void *locale,
                                         WIN_VA_LIST ap)
{
    return crt_vsprintf_s_ucrt(buf, size, size, fmt, NARROW, opts, ap);
}
int CDECL ucrt___stdio_common_vswprintf_s(ULONGLONG opts, WCHAR *buf, size_t size,
                                          const WCHAR *fmt, void *locale,
                                          WIN_VA_LIST ap)
{
    return crt_vsprintf_s_ucrt(buf, size, size, fmt, WIDE, opts, ap);
}
int CDECL ucrt___stdio_common_vsnprintf_s(ULONGLONG opts, char *buf, size_t size,
                                          size_t count, const char *fmt,
                                          void *locale, WIN_VA_LIST ap)
{
    return crt_vsprintf_s_ucrt(buf, size, count, fmt, NARROW, opts, ap);
}
int CDECL ucrt___stdio_common_vsnwprintf_s(ULONGLONG opts, WCHAR *buf,
                                           size_t size, size_t count,
                                           const WCHAR *fmt, void *locale,
                                           WIN_VA_LIST ap)
{
    return crt_vsprintf_s_ucrt(buf, size, count, fmt, WIDE, opts, ap);
}

/* __stdio_common_vfscanf / vfwscanf / vsscanf / vswscanf (ucrtbase):
 * the secure forms (scanf_s) set _CRT_INTERNAL_SCANF_SECURECRT. */
int CDECL ucrt___stdio_common_vfscanf(ULONGLONG opts, MSVCRT_FILE *f,
                                      const char *fmt, void *locale,
                                      WIN_VA_LIST ap)
{
    return crt_scan_file_opts(f, fmt, NARROW, opts | SF_UCRT, ap);
}
int CDECL ucrt___stdio_common_vfwscanf(ULONGLONG opts, MSVCRT_FILE *f,
                                       const WCHAR *fmt, void *locale,
                                       WIN_VA_LIST ap)
{
    return crt_scan_file_opts(f, fmt, WIDE, opts | SF_UCRT, ap);
}
int CDECL ucrt___stdio_common_vsscanf(ULONGLONG opts, const char *s, size_t len,
                                      const char *fmt, void *locale,
                                      WIN_VA_LIST ap)
{
    return crt_scan_string_opts(s, len, NARROW, fmt, opts | SF_UCRT, ap);
}
int CDECL ucrt___stdio_common_vswscanf(ULONGLONG opts, const WCHAR *s,
                                       size_t len, const WCHAR *fmt,
                                       void *locale, WIN_VA_LIST ap)
{
    return crt_scan_string_opts(s, len, WIDE, fmt, opts | SF_UCRT, ap);
}

/* Formats into a heap buffer and writes it to the console (stdout's
 * handle, which is the terminal here), as _cprintf does. */
static int console_vprintf(const void *fmt, int wide, ULONGLONG opts,
                           WIN_VA_LIST ap)
{
    WIN_VA_LIST ap2;
    win_va_copy(ap2, ap);
    int n = crt_vsprintf_ucrt(NULL, 0, fmt, wide, opts, ap);
    void *buf = n >= 0 ? msvcrt_malloc((size_t)(n + 1) * (wide ? 2 : 1)) : NULL;
    if (buf)
        crt_vsprintf_ucrt(buf, n + 1, fmt, wide, opts, ap2);
    win_va_end(ap2);
    if (!buf)
        return -1;
    char *text = buf;
    size_t len = n;
    if (wide) {
        text = wstr_to_utf8_alloc(buf);
        len = text ? strlen(text) : 0;
    }
    DWORD w;
    if (text)
        WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), text, (DWORD)len, &w, NULL);
    if (wide)
        free(text);
    msvcrt_free(buf);
    return n;
}

/* __conio_common_vcprintf / __conio_common_vcwprintf (ucrtbase) */
int CDECL ucrt___conio_common_vcprintf(ULONGLONG opts, const char *fmt,
                                       void *locale, WIN_VA_LIST ap)
{
    return console_vprintf(fmt, NARROW, opts, ap);
}
int CDECL ucrt___conio_common_vcwprintf(ULONGLONG opts, const WCHAR *fmt,
                                        void *locale, WIN_VA_LIST ap)
{
    return console_vprintf(fmt, WIDE, opts, ap);
}

/* _set_printf_count_output / _get_printf_count_output (ucrtbase) */
int CDECL ucrt__set_printf_count_output(int enable)
{
    int old = crt_printf_count_output;
    crt_printf_count_output = enable != 0;
    return old;
}
int CDECL ucrt__get_printf_count_output(void) { return crt_printf_count_output; }

/* _get_stream_buffer_pointers (ucrtbase): where a stream keeps its buffer
 * base, position and count, for code that inlines getc (the C++
 * library's basic_filebuf). */
int CDECL ucrt__get_stream_buffer_pointers(MSVCRT_FILE *f, char ***base,
                                           char ***ptr, int **count)
{
    if (!f) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    if (base)
        *base = &f->_base;
    if (ptr)
        *ptr = &f->_ptr;
    if (count)
        *count = &f->_cnt;
    return 0;
}

/* clearerr_s (ucrtbase) */
int CDECL ucrt_clearerr_s(MSVCRT_FILE *f)
{
    if (!f) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    msvcrt_clearerr(f);
    return 0;
}

/* fread_s (ucrtbase): fread into a buffer of known size; asking for more
 * than fits is an invalid parameter (ERANGE), nothing read. */
size_t CDECL ucrt_fread_s(void *buf, size_t bufsize, size_t elsize, size_t count,
                          MSVCRT_FILE *f)
{
    if (!elsize || !count)
        return 0;
    if (!buf || !f) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return 0;
    }
    if (count > bufsize / elsize) {
        memset(buf, 0, bufsize);
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_ERANGE);
        return 0;
    }
    return msvcrt_fread(buf, elsize, count, f);
}

/* freopen_s / _wfreopen_s (ucrtbase) */
int CDECL ucrt_freopen_s(MSVCRT_FILE **out, const char *path, const char *mode,
                         MSVCRT_FILE *f)
{
    if (!out || !mode || !f) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    *out = msvcrt_freopen(path, mode, f);
    return *out ? 0 : *msvcrt__errno();
}
int CDECL ucrt__wfreopen_s(MSVCRT_FILE **out, const WCHAR *path,
                           const WCHAR *mode, MSVCRT_FILE *f)
{
    if (!out || !mode || !f) {
        crt_ucrt_invalid_parameter();
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    *out = msvcrt__wfreopen(path, mode, f);
    return *out ? 0 : *msvcrt__errno();
}
