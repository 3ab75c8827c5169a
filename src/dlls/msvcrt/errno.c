/* Per-thread CRT state, errno/_doserrno with msvcrt's numbers, the
 * Win32-error -> errno map (_dosmaperr) and msvcrt's strerror texts. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"
#include "status.h"

/* Windows threads are Linux threads created through glibc, so glibc's TLS
 * holds the CRT's per-thread block (msvcrt keeps it in a TLS slot). The
 * buffers it points to live until the thread ends (_endthread frees). */
static __thread struct crt_thread thread_data;
static __thread int thread_data_ready;

struct crt_thread *crt_thread(void)
{
    struct crt_thread *t = &thread_data;
    if (!thread_data_ready) {
        thread_data_ready = 1;
        t->rand_next = 1;
    }
    return t;
}

void CDECL crt_set_errno(int err) { crt_thread()->err = err; }

/* _errno (msvcrt) */
int *CDECL msvcrt__errno(void) { return &crt_thread()->err; }

/* __doserrno (msvcrt) */
ULONG *CDECL msvcrt___doserrno(void) { return &crt_thread()->doserr; }

/* _get_errno (msvcrt) */
int CDECL msvcrt__get_errno(int *p)
{
    if (!p)
        return M_EINVAL;
    *p = crt_thread()->err;
    return 0;
}

/* _set_errno (msvcrt) */
int CDECL msvcrt__set_errno(int v)
{
    crt_thread()->err = v;
    return 0;
}

/* _get_doserrno (msvcrt) */
int CDECL msvcrt__get_doserrno(ULONG *p)
{
    if (!p)
        return M_EINVAL;
    *p = crt_thread()->doserr;
    return 0;
}

/* _set_doserrno (msvcrt) */
int CDECL msvcrt__set_doserrno(ULONG v)
{
    crt_thread()->doserr = v;
    return 0;
}

/* msvcrt's _dosmaperr table; anything absent maps to EINVAL, and two
 * ranges (write-protect..sharing-buffer, exec-format errors) are below. */
static const struct { DWORD win; int err; } dos_map[] = {
    {1, M_EINVAL},    {2, M_ENOENT},   {3, M_ENOENT},   {4, M_EMFILE},
    {5, M_EACCES},    {6, M_EBADF},    {7, M_ENOMEM},   {8, M_ENOMEM},
    {9, M_ENOMEM},    {10, M_E2BIG},   {11, M_ENOEXEC}, {12, M_EINVAL},
    {13, M_EINVAL},   {15, M_ENOENT},  {16, M_EACCES},  {17, M_EXDEV},
    {18, M_ENOENT},   {33, M_EACCES},  {53, M_ENOENT},  {65, M_EACCES},
    {67, M_ENOENT},   {80, M_EEXIST},  {82, M_EACCES},  {83, M_EACCES},
    {87, M_EINVAL},   {89, M_EAGAIN},  {108, M_EACCES}, {109, M_EPIPE},
    {112, M_ENOSPC},  {114, M_EBADF},  {124, M_EINVAL}, {128, M_ECHILD},
    {129, M_ECHILD},  {130, M_EBADF},  {131, M_EINVAL}, {132, M_EACCES},
    {145, M_ENOTEMPTY}, {158, M_EACCES}, {161, M_ENOENT}, {164, M_EAGAIN},
    {167, M_EACCES},  {183, M_EEXIST}, {206, M_ENOENT}, {215, M_EAGAIN},
    {1816, M_ENOMEM},
};

static int dos_to_errno(DWORD win)
{
    for (size_t i = 0; i < ARRAY_SIZE(dos_map); i++)
        if (dos_map[i].win == win)
            return dos_map[i].err;
    if (win >= 19 && win <= 36)
        return M_EACCES;
    if (win >= 188 && win <= 202)
        return M_ENOEXEC;
    return M_EINVAL;
}

void crt_dosmaperr(DWORD winerr)
{
    struct crt_thread *t = crt_thread();
    t->doserr = winerr;
    t->err = dos_to_errno(winerr);
}

/* _dosmaperr (msvcrt) */
void CDECL msvcrt__dosmaperr(ULONG winerr) { crt_dosmaperr(winerr); }

/* glibc errno (from libm or a host call) -> msvcrt errno. */
int crt_errno_from_linux(int e)
{
    switch (e) {
    case 35: return M_EDEADLK;      /* EDEADLK */
    case 36: return M_ENAMETOOLONG; /* ENAMETOOLONG */
    case 37: return M_ENOLCK;
    case 38: return M_ENOSYS;
    case 39: return M_ENOTEMPTY;
    case 84: return M_EILSEQ;
    default: return e <= 34 ? e : M_EINVAL;
    }
}

/* _sys_errlist (msvcrt data), word for word (they differ from glibc's). */
const char *msvcrt__sys_errlist[] = {
    "No error", "Operation not permitted", "No such file or directory",
    "No such process", "Interrupted function call", "Input/output error",
    "No such device or address", "Arg list too long", "Exec format error",
    "Bad file descriptor", "No child processes",
    "Resource temporarily unavailable", "Not enough space",
    "Permission denied", "Bad address", "Unknown error",
    "Resource device", "File exists", "Improper link", "No such device",
    "Not a directory", "Is a directory", "Invalid argument",
    "Too many open files in system", "Too many open files",
    "Inappropriate I/O control operation", "Unknown error",
    "File too large", "No space left on device", "Invalid seek",
    "Read-only file system", "Too many links", "Broken pipe",
    "Domain error", "Result too large", "Unknown error",
    "Resource deadlock avoided", "Unknown error", "Filename too long",
    "No locks available", "Function not implemented",
    "Directory not empty", "Illegal byte sequence", "Unknown error",
};

/* _sys_nerr (msvcrt data): the last entry is the "Unknown error" slot. */
int msvcrt__sys_nerr = ARRAY_SIZE(msvcrt__sys_errlist) - 1;

static const char *errtext(int e)
{
    if (e < 0 || e >= msvcrt__sys_nerr)
        e = msvcrt__sys_nerr;
    return msvcrt__sys_errlist[e];
}

/* __sys_errlist / __sys_nerr (msvcrt) */
const char **CDECL msvcrt___sys_errlist(void) { return msvcrt__sys_errlist; }
int *CDECL msvcrt___sys_nerr(void) { return &msvcrt__sys_nerr; }

/* strerror (msvcrt): the text is copied to a per-thread buffer, so two
 * calls in one expression see the same (last) text, as on Windows. */
char *CDECL msvcrt_strerror(int e)
{
    static __thread char buf[96];
    const char *s = errtext(e);
    size_t n = strlen(s);
    memcpy(buf, s, n + 1);
    return buf;
}

/* strerror_s (msvcrt) */
int CDECL msvcrt_strerror_s(char *buf, size_t n, int e)
{
    if (!buf || !n) {
        crt_set_errno(M_EINVAL);
        return M_EINVAL;
    }
    const char *s = errtext(e);
    size_t l = strlen(s);
    if (l >= n) l = n - 1;
    memcpy(buf, s, l);
    buf[l] = 0;
    return 0;
}

/* _strerror (msvcrt): "msg: text\n", or "text\n" without msg. */
char *CDECL msvcrt__strerror(const char *msg)
{
    struct crt_thread *t = crt_thread();
    if (!t->strerror_buf && !(t->strerror_buf = msvcrt_malloc(256)))
        return NULL;
    const char *s = errtext(t->err);
    size_t n = 0;
    if (msg && *msg) {
        size_t l = strnlen(msg, 94);
        memcpy(t->strerror_buf, msg, l);
        memcpy(t->strerror_buf + l, ": ", 2);
        n = l + 2;
    }
    size_t l = strlen(s);
    memcpy(t->strerror_buf + n, s, l);
    t->strerror_buf[n + l] = '\n';
    t->strerror_buf[n + l + 1] = 0;
    return t->strerror_buf;
}

/* _wcserror (msvcrt) */
WCHAR *CDECL msvcrt__wcserror(int e)
{
    static __thread WCHAR buf[64];
    const char *s = errtext(e);
    size_t i = 0;
    for (; s[i] && i < ARRAY_SIZE(buf) - 1; i++)
        buf[i] = (unsigned char)s[i];
    buf[i] = 0;
    return buf;
}

/* perror (msvcrt): writes straight to fd 2 like msvcrt's _write path. */
void CDECL msvcrt_perror(const char *msg)
{
    const char *s = errtext(crt_thread()->err);
    crt_init();
    crt_flush(crt_stream(2));
    if (msg && *msg) {
        crt_write(2, msg, strlen(msg));
        crt_write(2, ": ", 2);
    }
    crt_write(2, s, strlen(s));
    crt_write(2, "\n", 1);
}

/* _wperror (msvcrt) */
void CDECL msvcrt__wperror(const WCHAR *msg)
{
    char *m = msg ? crt_wcs_to_acp(msg) : NULL;
    msvcrt_perror(m);
    msvcrt_free(m);
}
