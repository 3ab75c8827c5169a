/* ucrtbase internals shared between its files. The UCRT runs on msvcrt's
 * implementation (../msvcrt/msvcrt.h): these are only the UCRT's own
 * pieces. Exports carry a ucrt_ C prefix. */
#ifndef DECANT_UCRT_H
#define DECANT_UCRT_H

#include "../msvcrt/msvcrt.h"

typedef void(CDECL *ucrt_vfv)(void);
typedef int(CDECL *ucrt_onexit_fn)(void);

/* The UCRT's _onexit_table_t: a module's atexit list, which the module
 * (its static start-up code) owns and ucrtbase grows. */
typedef struct {
    ucrt_onexit_fn *first, *last, *end;
} ucrt_onexit_table;

/* msvcrt.dll functions the UCRT's own build on */
int CDECL msvcrt__XcptFilter(ULONG code, void *pointers);
int CDECL msvcrt_fflush(MSVCRT_FILE *f);
unsigned CDECL msvcrt__set_abort_behavior(unsigned flags, unsigned mask);
int CDECL msvcrt_fclose(MSVCRT_FILE *f);
MSVCRT_FILE *CDECL msvcrt_freopen(const char *path, const char *mode, MSVCRT_FILE *f);
MSVCRT_FILE *CDECL msvcrt__wfreopen(const WCHAR *path, const WCHAR *mode, MSVCRT_FILE *f);
size_t CDECL msvcrt_fread(void *p, size_t size, size_t n, MSVCRT_FILE *f);
void CDECL msvcrt_clearerr(MSVCRT_FILE *f);
char *CDECL msvcrt_strerror(int e);
crt_sighandler CDECL msvcrt_signal(int sig, crt_sighandler h);
typedef void(CDECL *ucrt_invalid_param_fn)(const WCHAR *, const WCHAR *,
                                           const WCHAR *, unsigned, UINT_PTR);
ucrt_invalid_param_fn CDECL msvcrt__get_invalid_parameter_handler(void);
typedef int(CDECL *ucrt_new_handler_fn)(size_t);
ucrt_new_handler_fn CDECL msvcrt__query_new_handler(void);

extern char *msvcrt__acmdln;
extern WCHAR *msvcrt__wcmdln;

/* startup.c */
int CDECL ucrt__execute_onexit_table(ucrt_onexit_table *t);
void ucrt_run_exit_callbacks(void); /* TLS destructors, then atexit */

/* The _locale_t the UCRT hands out: one immutable "C"/ANSI-code-page
 * locale, as msvcrt's functions implement (locale.c). */
typedef struct ucrt_locale *ucrt_locale_t;

#endif
