/* Console: the std handles are fds 0/1/2; a console is a terminal. Text
 * written with WriteConsoleW reaches the terminal as UTF-8, and character
 * attributes become ANSI colour sequences (DESIGN.md §9). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define DEBUG_CHANNEL console
#include "blocking.h"
#include "debug.h"
#include "file.h"
#include "kernel32_private.h"

#define ENABLE_PROCESSED_INPUT 0x1
#define ENABLE_LINE_INPUT 0x2
#define ENABLE_ECHO_INPUT 0x4
#define ENABLE_PROCESSED_OUTPUT 0x1
#define ENABLE_WRAP_AT_EOL_OUTPUT 0x2
#define ENABLE_VIRTUAL_TERMINAL_PROCESSING 0x4

static UINT console_cp = 65001, console_output_cp = 65001;
static DWORD output_mode = ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT;
static DWORD input_mode = ENABLE_PROCESSED_INPUT | ENABLE_LINE_INPUT |
                          ENABLE_ECHO_INPUT | 0x80 /* EXTENDED_FLAGS */ | 0x40;

static HANDLE *std_slot(DWORD which)
{
    RTL_USER_PROCESS_PARAMETERS *pp = nt_peb()->ProcessParameters;
    switch (which) {
    case STD_INPUT_HANDLE: return &pp->StandardInput;
    case STD_OUTPUT_HANDLE: return &pp->StandardOutput;
    case STD_ERROR_HANDLE: return &pp->StandardError;
    default: return NULL;
    }
}

/* GetStdHandle (kernel32) */
HANDLE WINAPI GetStdHandle(DWORD which)
{
    HANDLE *slot = std_slot(which);
    if (!slot) {
        set_last_error(ERROR_INVALID_HANDLE);
        return INVALID_HANDLE_VALUE;
    }
    return *slot;
}

/* SetStdHandle (kernel32) */
BOOL WINAPI SetStdHandle(DWORD which, HANDLE h)
{
    HANDLE *slot = std_slot(which);
    if (!slot) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    *slot = h;
    return TRUE;
}

/* The terminal behind a console handle, or -1 (a file or pipe is not a
 * console: the console functions fail on it, as on Windows). */
static int console_fd(HANDLE h)
{
    struct file *f = file_ref(h);
    if (!f)
        return -1;
    int fd = f->kind == FILE_TYPE_CHAR && isatty(f->fd) ? f->fd : -1;
    object_put(&f->obj);
    return fd;
}

/* GetConsoleMode (kernel32) */
BOOL WINAPI GetConsoleMode(HANDLE h, LPDWORD mode)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    struct termios t;
    int is_input = tcgetattr(fd, &t) == 0 && h == GetStdHandle(STD_INPUT_HANDLE);
    *mode = is_input ? input_mode : output_mode;
    return TRUE;
}

/* SetConsoleMode (kernel32) */
BOOL WINAPI SetConsoleMode(HANDLE h, DWORD mode)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (h == GetStdHandle(STD_INPUT_HANDLE)) {
        struct termios t;
        if (tcgetattr(fd, &t) == 0) {
            t.c_lflag = (mode & ENABLE_LINE_INPUT) ? t.c_lflag | ICANON : t.c_lflag & ~ICANON;
            t.c_lflag = (mode & ENABLE_ECHO_INPUT) ? t.c_lflag | ECHO : t.c_lflag & ~ECHO;
            t.c_lflag = (mode & ENABLE_PROCESSED_INPUT) ? t.c_lflag | ISIG : t.c_lflag & ~ISIG;
            tcsetattr(fd, TCSANOW, &t);
        }
        input_mode = mode;
    } else {
        output_mode = mode;
    }
    return TRUE;
}

/* WriteConsoleW (kernel32) */
BOOL WINAPI WriteConsoleW(HANDLE h, const void *buf, DWORD n, LPDWORD written,
                          LPVOID reserved)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    size_t len = wstr_to_utf8(buf, n, NULL, 0);
    char small[1024], *s = len <= sizeof small ? small : malloc(len);
    wstr_to_utf8(buf, n, s, len);
    size_t off = 0;
    while (off < len) {
        ssize_t r = BLOCKING(write(fd, s + off, len - off));
        if (r <= 0)
            break;
        off += r;
    }
    if (s != small)
        free(s);
    if (written)
        *written = n;
    return TRUE;
}

/* WriteConsoleA (kernel32) */
BOOL WINAPI WriteConsoleA(HANDLE h, const void *buf, DWORD n, LPDWORD written,
                          LPVOID reserved)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    ssize_t r = BLOCKING(write(fd, buf, n));
    if (written)
        *written = r > 0 ? r : 0;
    return r >= 0;
}

/* ReadConsoleW (kernel32): a line from the terminal, as UTF-16. */
BOOL WINAPI ReadConsoleW(HANDLE h, LPVOID buf, DWORD n, LPDWORD nread,
                         LPVOID control)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    char tmp[4096];
    size_t want = n < sizeof tmp / 3 ? n : sizeof tmp / 3;
    ssize_t r = BLOCKING(read(fd, tmp, want ? want : 1));
    if (r < 0) {
        set_ntstatus(errno_to_status(errno));
        return FALSE;
    }
    /* the console delivers CRLF at the end of a line */
    size_t units = 0;
    WCHAR *w = buf;
    for (ssize_t i = 0; i < r; i++) {
        if (tmp[i] == '\n' && units + 1 < n)
            w[units++] = '\r';
        units += utf8_to_wstr(tmp + i, 1, w + units, n - units) ;
    }
    if (nread)
        *nread = units;
    return TRUE;
}

/* ReadConsoleA (kernel32) */
BOOL WINAPI ReadConsoleA(HANDLE h, LPVOID buf, DWORD n, LPDWORD nread,
                         LPVOID control)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    ssize_t r = BLOCKING(read(fd, buf, n));
    if (nread)
        *nread = r > 0 ? r : 0;
    return r >= 0;
}

/* GetConsoleCP (kernel32) */
UINT WINAPI GetConsoleCP(void) { return console_cp; }

/* GetConsoleOutputCP (kernel32) */
UINT WINAPI GetConsoleOutputCP(void) { return console_output_cp; }

/* SetConsoleCP (kernel32) */
BOOL WINAPI SetConsoleCP(UINT cp)
{
    console_cp = cp;
    return TRUE;
}

/* SetConsoleOutputCP (kernel32) */
BOOL WINAPI SetConsoleOutputCP(UINT cp)
{
    console_output_cp = cp;
    return TRUE;
}

typedef BOOL(WINAPI *PHANDLER_ROUTINE)(DWORD);

/* SetConsoleCtrlHandler (kernel32): FIXME handlers are recorded but
 * Ctrl-C does not reach them yet. */
BOOL WINAPI SetConsoleCtrlHandler(PHANDLER_ROUTINE fn, BOOL add)
{
    FIXME("Ctrl-C handlers are not called yet");
    return TRUE;
}

typedef struct { SHORT X, Y; } COORD;
typedef struct { SHORT Left, Top, Right, Bottom; } SMALL_RECT;
typedef struct {
    COORD dwSize, dwCursorPosition;
    WORD wAttributes;
    SMALL_RECT srWindow;
    COORD dwMaximumWindowSize;
} CONSOLE_SCREEN_BUFFER_INFO;

static WORD text_attr = 7;

/* GetConsoleScreenBufferInfo (kernel32): the terminal's size. */
BOOL WINAPI GetConsoleScreenBufferInfo(HANDLE h, CONSOLE_SCREEN_BUFFER_INFO *info)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    struct winsize ws = {24, 80, 0, 0};
    ioctl(fd, TIOCGWINSZ, &ws);
    if (!ws.ws_col)
        ws.ws_col = 80;
    if (!ws.ws_row)
        ws.ws_row = 24;
    memset(info, 0, sizeof *info);
    info->dwSize.X = ws.ws_col;
    info->dwSize.Y = ws.ws_row;
    info->wAttributes = text_attr;
    info->srWindow.Right = ws.ws_col - 1;
    info->srWindow.Bottom = ws.ws_row - 1;
    info->dwMaximumWindowSize = info->dwSize;
    return TRUE;
}

/* SetConsoleTextAttribute (kernel32): foreground/background/intensity
 * bits become an SGR sequence. */
BOOL WINAPI SetConsoleTextAttribute(HANDLE h, WORD attr)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    static const int ansi[8] = {0, 4, 2, 6, 1, 5, 3, 7}; /* BGR -> RGB order */
    int fg = ansi[attr & 7] + (attr & 8 ? 90 : 30);
    int bg = ansi[(attr >> 4) & 7] + (attr & 0x80 ? 100 : 40);
    char seq[32];
    int n = snprintf(seq, sizeof seq, "\033[0;%d;%dm", fg, bg);
    if (attr == 7)
        n = snprintf(seq, sizeof seq, "\033[0m");
    ssize_t r = write(fd, seq, n);
    (void)r;
    text_attr = attr;
    return TRUE;
}

/* The screen buffer is the terminal itself (GetConsoleScreenBufferInfo):
 * width x height cells, with (0,0) its top-left corner. */
static void term_size(int fd, int *w, int *h)
{
    struct winsize ws = {24, 80, 0, 0};
    ioctl(fd, TIOCGWINSZ, &ws);
    *w = ws.ws_col ? ws.ws_col : 80;
    *h = ws.ws_row ? ws.ws_row : 24;
}

static void put_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t r = write(fd, s, n);
        if (r <= 0)
            return;
        s += r;
        n -= r;
    }
}

/* Cells from pos to the end of the buffer, at most n; -1 when pos is
 * outside the buffer. */
static long cells_from(int fd, COORD pos, DWORD n)
{
    int w, h;
    term_size(fd, &w, &h);
    if (pos.X < 0 || pos.Y < 0 || pos.X >= w || pos.Y >= h)
        return -1;
    long room = (long)(h - pos.Y) * w - pos.X;
    return (long)n < room ? (long)n : room;
}

/* SetConsoleCursorPosition (kernel32): a cursor-position sequence. */
BOOL WINAPI SetConsoleCursorPosition(HANDLE h, COORD pos)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (cells_from(fd, pos, 1) < 0) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    char seq[32];
    int k = snprintf(seq, sizeof seq, "\033[%d;%dH", pos.Y + 1, pos.X + 1);
    put_all(fd, seq, k);
    return TRUE;
}

/* FillConsoleOutputCharacterW (kernel32): n copies of c from pos on,
 * wrapping at the right edge and stopping at the end of the buffer; the
 * cursor stays where it was (saved and restored around the fill). */
BOOL WINAPI FillConsoleOutputCharacterW(HANDLE h, WCHAR c, DWORD n, COORD pos, LPDWORD written)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    long cells = cells_from(fd, pos, n);
    if (cells <= 0) { /* outside the buffer: nothing written, no error */
        if (written)
            *written = 0;
        return TRUE;
    }
    if (c < 0x20 || c == 0x7f)
        c = ' '; /* a control character would act, not show */
    char ch[8];
    size_t cl = wstr_to_utf8(&c, 1, ch, sizeof ch);
    size_t len = 32 + cells * cl;
    char *buf = malloc(len), *p = buf;
    p += snprintf(p, 32, "\0337\033[%d;%dH", pos.Y + 1, pos.X + 1);
    for (long i = 0; i < cells; i++, p += cl)
        memcpy(p, ch, cl);
    memcpy(p, "\0338", 2);
    p += 2;
    put_all(fd, buf, p - buf);
    free(buf);
    if (written)
        *written = cells;
    return TRUE;
}

/* FillConsoleOutputCharacterA (kernel32): c in the console output code
 * page (UTF-8: a lone byte above 0x7f is no character). */
BOOL WINAPI FillConsoleOutputCharacterA(HANDLE h, CHAR c, DWORD n, COORD pos, LPDWORD written)
{
    WCHAR w = (BYTE)c < 0x80 ? (BYTE)c : 0xfffd;
    return FillConsoleOutputCharacterW(h, w, n, pos, written);
}

/* FillConsoleOutputAttribute (kernel32): FIXME a terminal cannot change
 * the colours of cells without writing their characters again, and
 * decant keeps no copy of the screen, so the cells keep their colours.
 * The count and the errors are Windows'; clearing the screen (spaces,
 * then attributes) still clears it. */
BOOL WINAPI FillConsoleOutputAttribute(HANDLE h, WORD attr, DWORD n, COORD pos, LPDWORD written)
{
    int fd = console_fd(h);
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    long cells = cells_from(fd, pos, n);
    if (cells <= 0) { /* outside the buffer: nothing written, no error */
        if (written)
            *written = 0;
        return TRUE;
    }
    FIXME("cells are not recoloured on a terminal");
    if (written)
        *written = cells;
    return TRUE;
}

/* AllocConsole (kernel32): the terminal decant runs in is the console. */
BOOL WINAPI AllocConsole(void)
{
    set_last_error(ERROR_ACCESS_DENIED);
    return FALSE;
}

/* FreeConsole (kernel32) */
BOOL WINAPI FreeConsole(void) { return TRUE; }

/* AttachConsole (kernel32) */
BOOL WINAPI AttachConsole(DWORD pid)
{
    set_last_error(ERROR_ACCESS_DENIED);
    return FALSE;
}

/* GetConsoleWindow (kernel32): no window. */
HANDLE WINAPI GetConsoleWindow(void) { return NULL; }

/* FlushConsoleInputBuffer (kernel32) */
BOOL WINAPI FlushConsoleInputBuffer(HANDLE h)
{
    int fd = console_fd(h);
    if (fd >= 0)
        tcflush(fd, TCIFLUSH);
    return fd >= 0;
}

/* GetNumberOfConsoleInputEvents (kernel32) */
BOOL WINAPI GetNumberOfConsoleInputEvents(HANDLE h, LPDWORD n)
{
    int fd = console_fd(h), avail = 0;
    if (fd < 0) {
        set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    ioctl(fd, FIONREAD, &avail);
    *n = avail;
    return TRUE;
}

/* GetConsoleTitleW (kernel32) */
DWORD WINAPI GetConsoleTitleW(LPWSTR buf, DWORD size)
{
    const WCHAR *t = nt_peb()->ProcessParameters->WindowTitle.Buffer;
    return w_result_to_w(t ? t : u"", buf, size);
}

/* SetConsoleTitleW (kernel32): the terminal title, when there is one. */
BOOL WINAPI SetConsoleTitleW(LPCWSTR title)
{
    int fd = console_fd(GetStdHandle(STD_OUTPUT_HANDLE));
    if (fd >= 0 && title) {
        char *t = wstr_to_utf8_alloc(title);
        dprintf(fd, "\033]0;%s\007", t);
        free(t);
    }
    return TRUE;
}

/* SetConsoleTitleA (kernel32) */
BOOL WINAPI SetConsoleTitleA(LPCSTR title)
{
    WCHAR *w = a_to_w(title);
    BOOL r = SetConsoleTitleW(w);
    free(w);
    return r;
}
