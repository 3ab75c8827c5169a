/* msvcrt.dll internals shared between its files: msvcrt's own types and
 * constants (which differ from glibc's: errno numbers, FILE layout, open
 * flags), the per-thread data, and the cross-file helpers (crt_ prefix).
 * Exported functions keep their msvcrt name with an `msvcrt_` C prefix so
 * that nothing collides with the glibc decant itself links. */
#ifndef DECANT_MSVCRT_H
#define DECANT_MSVCRT_H

#include "windef.h"
#include "win32.h"

/* msvcrt's errno values: equal to Linux up to 34, different above. */
#define M_EPERM 1
#define M_ENOENT 2
#define M_ESRCH 3
#define M_EINTR 4
#define M_EIO 5
#define M_ENXIO 6
#define M_E2BIG 7
#define M_ENOEXEC 8
#define M_EBADF 9
#define M_ECHILD 10
#define M_EAGAIN 11
#define M_ENOMEM 12
#define M_EACCES 13
#define M_EFAULT 14
#define M_EBUSY 16
#define M_EEXIST 17
#define M_EXDEV 18
#define M_ENODEV 19
#define M_ENOTDIR 20
#define M_EISDIR 21
#define M_EINVAL 22
#define M_ENFILE 23
#define M_EMFILE 24
#define M_ENOTTY 25
#define M_EFBIG 27
#define M_ENOSPC 28
#define M_ESPIPE 29
#define M_EROFS 30
#define M_EMLINK 31
#define M_EPIPE 32
#define M_EDOM 33
#define M_ERANGE 34
#define M_EDEADLK 36
#define M_ENAMETOOLONG 38
#define M_ENOLCK 39
#define M_ENOSYS 40
#define M_ENOTEMPTY 41
#define M_EILSEQ 42

/* struct _iobuf exactly as msvcrt lays it out (48 bytes): programs built
 * with old headers expand getc/putc into direct _ptr/_cnt accesses. */
typedef struct msvcrt_iobuf {
    char *_ptr;
    int _cnt;
    char *_base;
    int _flag;
    int _file;
    int _charbuf;
    int _bufsiz;
    char *_tmpfname;
} MSVCRT_FILE;

#define M_IOREAD 0x0001
#define M_IOWRT 0x0002
#define M_IONBF 0x0004
#define M_IOMYBUF 0x0008
#define M_IOEOF 0x0010
#define M_IOERR 0x0020
#define M_IOSTRG 0x0040
#define M_IOLBF 0x0040 /* same bit as _IOSTRG: msvcrt treats _IOLBF as full */
#define M_IORW 0x0080
#define M_USERBUF 0x0100
#define M_IOFBF 0x0000

#define M_IOB_ENTRIES 20   /* the exported _iob array */
#define M_STREAM_LOCKS 16  /* _lock(16 + i) is _iob[i]'s lock (mingw's _lock_file) */
#define M_TOTAL_LOCKS (M_STREAM_LOCKS + M_IOB_ENTRIES)
#define M_MAX_STREAMS 512  /* msvcrt's default _getmaxstdio limit */
#define M_BUFSIZ 512
#define M_INTERNAL_BUFSIZ 4096
#define M_EOF (-1)
#define M_WEOF 0xffff

/* _open flags (msvcrt values) */
#define M_O_RDONLY 0x0000
#define M_O_WRONLY 0x0001
#define M_O_RDWR 0x0002
#define M_O_ACCMODE 0x0003
#define M_O_APPEND 0x0008
#define M_O_RANDOM 0x0010
#define M_O_SEQUENTIAL 0x0020
#define M_O_TEMPORARY 0x0040
#define M_O_NOINHERIT 0x0080
#define M_O_CREAT 0x0100
#define M_O_TRUNC 0x0200
#define M_O_EXCL 0x0400
#define M_O_SHORT_LIVED 0x1000
#define M_O_TEXT 0x4000
#define M_O_BINARY 0x8000
#define M_O_WTEXT 0x10000
#define M_O_U16TEXT 0x20000
#define M_O_U8TEXT 0x40000

#define M_S_IFIFO 0x1000
#define M_S_IFCHR 0x2000
#define M_S_IFDIR 0x4000
#define M_S_IFREG 0x8000
#define M_S_IREAD 0x0100
#define M_S_IWRITE 0x0080
#define M_S_IEXEC 0x0040

/* One fd's state. Layout of msvcrt.dll's `ioinfo`, because __pioinfo is
 * exported and some programs (gnulib) peek at the flags byte. */
typedef struct {
    HANDLE handle;
    unsigned char wxflag;
    char lookahead[3]; /* pipech: a char read ahead on a pipe, '\n' = none */
    int exflag;        /* EF_* below */
    CRITICAL_SECTION crit;
} crt_ioinfo;

#define WX_OPEN 0x01
#define WX_ATEOF 0x02  /* a ^Z was read: reads return 0 until a seek */
#define WX_READCR 0x04 /* last read ended with a CR (FCRLF) */
#define WX_PIPE 0x08
#define WX_DONTINHERIT 0x10
#define WX_APPEND 0x20
#define WX_TTY 0x40    /* FDEV: a character device */
#define WX_TEXT 0x80

#define EF_CRIT_INIT 0x01 /* crit is initialised */
#define EF_UTF8 0x02      /* _O_U8TEXT: wide text stored as UTF-8 */
#define EF_UTF16 0x04     /* _O_U16TEXT / _O_WTEXT: UTF-16LE */

#define IOINFO_L2E 5
#define IOINFO_ARRAY_ELTS (1 << IOINFO_L2E)
#define IOINFO_ARRAYS 64
#define M_MAX_FILES (IOINFO_ARRAY_ELTS * IOINFO_ARRAYS)

/* Per-thread CRT state (msvcrt's _tiddata). */
struct crt_thread {
    int err;          /* errno */
    ULONG doserr;     /* _doserrno */
    unsigned rand_next;
    char *strtok_next;
    WCHAR *wcstok_next;
    char *strerror_buf;
    char *asctime_buf;
    WCHAR *wasctime_buf;
    void *tm_buf;     /* struct tm for gmtime/localtime */
    char *tmpnam_buf;
    char *efcvt_buf;
};

struct crt_thread *crt_thread(void);

/* errno.c */
int *msvcrt__errno(void) CDECL;
ULONG *msvcrt___doserrno(void) CDECL;
void CDECL crt_set_errno(int err); /* Windows ABI: no xmm6-15 saves in the exports */
void crt_dosmaperr(DWORD winerr); /* sets errno and _doserrno */
int crt_errno_from_linux(int e);

/* startup.c */
/* Process attach; idempotent, and called lazily by entry points that may
 * run before attach. Once done it costs those exports one load: the work
 * is out of line and in the Windows ABI, since a System V call makes an
 * ms_abi function save xmm6-15 on every entry (__iob_func, which mingw's
 * printf calls for every line, was mostly that). */
extern int crt_init_state; /* 2 when done */
void CDECL crt_init_run(void);
static inline void crt_init(void)
{
    if (__atomic_load_n(&crt_init_state, __ATOMIC_ACQUIRE) != 2)
        crt_init_run();
}
void crt_process_attach(void); /* DLL_ATTACH: crt_init */
extern int crt_initialized;
extern int msvcrt__fmode, msvcrt__commode;

/* exit.c */
__attribute__((noreturn)) void CDECL msvcrt__exit(int code);
__attribute__((noreturn)) void CDECL msvcrt__amsg_exit(int num);
void crt_run_atexit(void);
void crt_process_detach(void);
__attribute__((noreturn)) void crt_fatal(const char *msg);

/* heap.c (exported malloc family, used internally too) */
void *msvcrt_malloc(size_t) CDECL;
void *msvcrt_calloc(size_t, size_t) CDECL;
void *msvcrt_realloc(void *, size_t) CDECL;
void msvcrt_free(void *) CDECL;
char *crt_strdup(const char *s);
WCHAR *crt_wcsdup(const WCHAR *s);

/* io.c */
void crt_io_init(void);
crt_ioinfo *crt_fdinfo(int fd);        /* NULL if fd out of range */
crt_ioinfo *crt_fdinfo_open(int fd);   /* NULL + EBADF if not open */
int crt_alloc_fd(HANDLE h, int wxflag); /* -1 + EMFILE when full */
void crt_lock_fd(int fd);
void crt_unlock_fd(int fd);
int crt_read(int fd, void *buf, unsigned count);
int crt_write(int fd, const void *buf, unsigned count);
LONGLONG crt_lseek(int fd, LONGLONG off, int whence);
int crt_isatty(int fd);
int crt_wx_from_type(HANDLE h); /* WX_TTY, WX_PIPE or 0 */
int crt_close(int fd);
int crt_flags_from_mode(const char *mode, int *open_flags, int *stream_flags);
int crt_wopen(const WCHAR *path, int oflag, int shflag, int pmode);
void crt_close_all_fds(void);

/* stdio_file.c, stdio_rw.c */
/* _iob's streams with their locks beside them, the lock of _iob[i] (which
 * is _lock(16 + i)) at the same distance from it for every i: fputc,
 * which mingw's printf calls for every character, finds a stream's lock
 * with an add. The array is exported as _iob (the struct's address). */
struct crt_iob_lock {
    CRITICAL_SECTION cs;
    char pad[sizeof(MSVCRT_FILE) - sizeof(CRITICAL_SECTION)];
};
struct crt_iob {
    MSVCRT_FILE file[M_IOB_ENTRIES];
    struct crt_iob_lock lock[M_IOB_ENTRIES];
};
extern struct crt_iob crt_iob;
#define msvcrt__iob (crt_iob.file)
void crt_stdio_init(void);
void crt_getbuf(MSVCRT_FILE *f);
int CDECL msvcrt__filbuf(MSVCRT_FILE *f);
int CDECL msvcrt__flsbuf(int c, MSVCRT_FILE *f);
MSVCRT_FILE *CDECL msvcrt___iob_func(void);
MSVCRT_FILE *crt_stream(int i);          /* stream i or NULL */
int crt_flush(MSVCRT_FILE *f);           /* unlocked */
int crt_flush_all(int only_writes);
int crt_fwrite_nolock(const void *p, size_t n, MSVCRT_FILE *f); /* bytes ok */
int crt_getc_nolock(MSVCRT_FILE *f);
int crt_ungetc_nolock(int c, MSVCRT_FILE *f);
MSVCRT_FILE *crt_alloc_stream(int fd, int flags);
int crt_stbuf(MSVCRT_FILE *f);           /* temporary buffer on a tty */
void crt_ftbuf(int had, MSVCRT_FILE *f);
int crt_fputws_nolock(const WCHAR *s, size_t n, MSVCRT_FILE *f); /* 0/-1 */
int crt_fputwc_nolock(WCHAR c, MSVCRT_FILE *f);
int crt_fgetwc_nolock(MSVCRT_FILE *f);

/* misc.c: _lock's table below the stream locks (_lock(n), n < 16). */
extern CRITICAL_SECTION crt_locks[M_STREAM_LOCKS];
#define CRT_CS_FREE {.DebugInfo = (PVOID)(LONG_PTR)-1, .LockCount = -1}

/* Streams past _iob carry their lock with them, like msvcrt's _FILEX. */
struct crt_filex {
    MSVCRT_FILE file;
    CRITICAL_SECTION lock;
};

/* Inline, as is the putc fast path below, so that the exports built on
 * them call nothing in the System V ABI (which would make them save
 * xmm6-15 on every call): mingw's printf calls fputc for every character. */
static inline CRITICAL_SECTION *crt_file_lock(MSVCRT_FILE *f)
{
    if (__builtin_expect((uintptr_t)f - (uintptr_t)crt_iob.file < sizeof crt_iob.file, 1))
        return (CRITICAL_SECTION *)((char *)f + offsetof(struct crt_iob, lock));
    return &((struct crt_filex *)f)->lock;
}
static inline void crt_lock_file(MSVCRT_FILE *f) { EnterCriticalSection(crt_file_lock(f)); }
static inline void crt_unlock_file(MSVCRT_FILE *f) { LeaveCriticalSection(crt_file_lock(f)); }

static inline int crt_putc_nolock(int c, MSVCRT_FILE *f)
{
    if (__builtin_expect((f->_flag & M_IOWRT) && --f->_cnt >= 0, 1))
        return (unsigned char)(*f->_ptr++ = (char)c);
    if (f->_cnt < 0)
        f->_cnt = 0;
    return msvcrt__flsbuf(c, f);
}

/* printf.c: one engine, narrow or wide output through a sink. */
struct pf_sink {
    int wide;                /* output unit is WCHAR */
    /* Append n units; return 0, or -1 to stop (error). */
    int (*put)(struct pf_sink *, const void *units, size_t n);
    size_t count;            /* units produced so far (even if dropped) */
    ULONGLONG opts;          /* 0: msvcrt.dll's rules; else PF_UCRT | ... */
};

/* printf rules. 0 is msvcrt.dll. ucrtbase sets PF_UCRT plus the caller's
 * _CRT_INTERNAL_PRINTF_* options word, whose bits these keep: C99 by
 * default ("inf", "nan(ind)", two-digit exponents, %F, %hh, %n refused,
 * %s in wprintf narrow), each legacy bit bringing back msvcrt's way. */
#define PF_LEGACY_VSPRINTF_NULL 0x0001ull /* _vsnprintf's truncation */
#define PF_STANDARD_SNPRINTF 0x0002ull    /* C99 snprintf's truncation */
#define PF_LEGACY_WIDE 0x0004ull          /* %s/%c in wprintf are wide */
#define PF_LEGACY_MSVCRT 0x0008ull        /* "1.#INF", "-1.#IND" */
#define PF_THREE_DIGIT_EXP 0x0010ull
#define PF_STANDARD_ROUNDING 0x0020ull    /* ties to even, not away */
#define PF_UCRT (1ull << 32)
/* The same switches, as crt_fp_format takes them in its flags */
#define FPF_TWO_DIGIT_EXP 0x100
#define FPF_C99_SPECIAL 0x200
#define FPF_STD_ROUNDING 0x400
/* _set_printf_count_output: %n allowed in the UCRT (off by default). */
extern int crt_printf_count_output;
/* The UCRT's invalid-parameter path: the handler, else the process ends
 * with STATUS_INVALID_CRUNTIME_PARAMETER (msvcrt.dll's does nothing). */
void crt_ucrt_invalid_parameter(void);
int crt_format(struct pf_sink *out, const void *fmt, int fmt_wide,
               WIN_VA_LIST ap);
/* printf_api.c: the sinks with explicit rules, for ucrtbase */
int crt_vfprintf_opts(MSVCRT_FILE *f, const void *fmt, int wide,
                      ULONGLONG opts, WIN_VA_LIST ap);
int crt_vsprintf_ucrt(void *buf, size_t size, const void *fmt, int wide,
                      ULONGLONG opts, WIN_VA_LIST ap);
int crt_vsprintf_s_ucrt(void *buf, size_t size, size_t count, const void *fmt,
                        int wide, ULONGLONG opts, WIN_VA_LIST ap);
/* Writes n units of narrow text (bytes, UTF-8) or wide text into any sink,
 * converting as needed. */
int pf_put_narrow(struct pf_sink *out, const char *s, size_t n);
int pf_put_wide(struct pf_sink *out, const WCHAR *s, size_t n);
int crt_fp_format(char *buf, size_t size, double v, char conv, int prec,
                  int flags);

/* scanf.c */
struct sf_source {
    int wide;
    int (*get)(struct sf_source *); /* next unit or -1 */
    void (*unget)(struct sf_source *, int c);
    int consumed;
    ULONGLONG opts;                 /* 0: msvcrt.dll; else SF_UCRT | ... */
};
/* scanf rules: ucrtbase's _CRT_INTERNAL_SCANF_* options word plus SF_UCRT
 * (%hh is a char, %L/%ll a double/64 bits, %s in wscanf narrow unless
 * legacy wide). */
#define SF_SECURECRT 0x0001ull    /* %s %c %[ take a buffer size after */
#define SF_LEGACY_WIDE 0x0002ull
#define SF_LEGACY_MSVCRT 0x0004ull
#define SF_UCRT (1ull << 32)
int crt_scan(struct sf_source *in, const void *fmt, int fmt_wide,
             WIN_VA_LIST ap);
int crt_scan_string_opts(const void *s, size_t len, int wide, const void *fmt,
                         ULONGLONG opts, WIN_VA_LIST ap);
int crt_scan_file_opts(MSVCRT_FILE *f, const void *fmt, int wide,
                       ULONGLONG opts, WIN_VA_LIST ap);

/* Character set: decant's ANSI code page, normally UTF-8 (locale.c). */
extern UINT crt_acp;
extern UINT msvcrt___lc_codepage;
void crt_locale_init(void);
/* ...and the CRT locale's code page (0 in "C": bytes are U+0000-U+00FF) */
int crt_lc_w2mb(const WCHAR *s, int n, char *out, int size);
int crt_lc_mb2w(const char *s, int n, WCHAR *out, int size);
int crt_mbtowc(WCHAR *out, const char *s, size_t n); /* locale; bytes, -1 */
int crt_wctomb(char *out, WCHAR c);                  /* locale; bytes, -1 */
char *crt_wcs_to_acp(const WCHAR *s);                /* malloc'd */
WCHAR *crt_acp_to_wcs(const char *s);                /* malloc'd */

/* ctype.c */
extern unsigned short msvcrt__ctype[257]; /* [0] is EOF */
int crt_iswctype(WCHAR c, unsigned short mask);

/* env.c */
void crt_env_init(void);
char *crt_getenv(const char *name);
extern char **msvcrt__environ;
extern WCHAR **msvcrt__wenviron;

/* time.c */
void crt_time_init(void);
LONGLONG crt_filetime_to_time(const FILETIME *ft);
void crt_time_to_filetime(LONGLONG t, FILETIME *ft);

/* misc.c */
typedef void (CDECL *crt_sighandler)(int);
int msvcrt_raise(int sig) CDECL;

/* ctype bits (msvcrt's _UPPER ...) */
#define C_UPPER 0x1
#define C_LOWER 0x2
#define C_DIGIT 0x4
#define C_SPACE 0x8
#define C_PUNCT 0x10
#define C_CONTROL 0x20
#define C_BLANK 0x40
#define C_HEX 0x80
#define C_LEADBYTE 0x8000
#define C_ALPHA (0x0100 | C_UPPER | C_LOWER)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
