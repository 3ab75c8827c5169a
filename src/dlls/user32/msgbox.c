/* Message boxes in a terminal (issue #5 and DESIGN.md §9): without a
 * display the caption and text go to stderr as one block, and the answer
 * is the default button — IDOK for an OK box. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "windef.h"
#include "wstr.h"

#define MB_TYPEMASK 0x0f
#define MB_DEFMASK 0xf00
#define IDOK 1
#define IDCANCEL 2
#define IDABORT 3
#define IDRETRY 4
#define IDIGNORE 5
#define IDYES 6
#define IDNO 7
#define IDTRYAGAIN 10
#define IDCONTINUE 11

static int default_button(UINT type)
{
    static const int buttons[][3] = {
        {IDOK, 0, 0},                      /* MB_OK */
        {IDOK, IDCANCEL, 0},               /* MB_OKCANCEL */
        {IDABORT, IDRETRY, IDIGNORE},      /* MB_ABORTRETRYIGNORE */
        {IDYES, IDNO, IDCANCEL},           /* MB_YESNOCANCEL */
        {IDYES, IDNO, 0},                  /* MB_YESNO */
        {IDRETRY, IDCANCEL, 0},            /* MB_RETRYCANCEL */
        {IDCANCEL, IDTRYAGAIN, IDCONTINUE} /* MB_CANCELTRYCONTINUE */
    };
    unsigned t = type & MB_TYPEMASK, d = (type & MB_DEFMASK) >> 8;
    if (t > 6)
        t = 0;
    if (d > 2 || !buttons[t][d])
        d = 0;
    return buttons[t][d];
}

static int show(const char *caption, const char *text, UINT type)
{
    char block[8192];
    int n = snprintf(block, sizeof block, "\n[%s]\n%s\n\n", caption ? caption : "Error",
                     text ? text : "");
    if (n > (int)sizeof block)
        n = sizeof block;
    ssize_t r = write(2, block, n); /* one write: not split by other output */
    (void)r;
    return default_button(type);
}

/* MessageBoxA (user32) */
int WINAPI MessageBoxA(HANDLE owner, LPCSTR text, LPCSTR caption, UINT type)
{
    return show(caption, text, type);
}

/* MessageBoxW (user32) */
int WINAPI MessageBoxW(HANDLE owner, LPCWSTR text, LPCWSTR caption, UINT type)
{
    char *t = wstr_to_utf8_alloc(text), *c = wstr_to_utf8_alloc(caption);
    int r = show(c, t, type);
    free(t);
    free(c);
    return r;
}

/* MessageBoxExW (user32) */
int WINAPI MessageBoxExW(HANDLE owner, LPCWSTR text, LPCWSTR caption, UINT type, WORD lang)
{
    return MessageBoxW(owner, text, caption, type);
}

/* MessageBoxExA (user32) */
int WINAPI MessageBoxExA(HANDLE owner, LPCSTR text, LPCSTR caption, UINT type, WORD lang)
{
    return show(caption, text, type);
}

/* MessageBeep (user32) */
BOOL WINAPI MessageBeep(UINT type) { return TRUE; }

/* GetSystemMetrics (user32): no screen. */
int WINAPI GetSystemMetrics(int index) { return 0; }

/* GetDesktopWindow (user32) */
HANDLE WINAPI GetDesktopWindow(void) { return NULL; }
