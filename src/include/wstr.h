/* UTF-16 strings (WCHAR) and their conversion to and from UTF-8, which is
 * what every Linux-facing call needs. Invalid sequences never abort:
 * unpaired surrogates and bad UTF-8 become U+FFFD, as Windows does. */
#ifndef DECANT_WSTR_H
#define DECANT_WSTR_H

#include <sys/types.h>
#include "windef.h"

size_t wstr_len(const WCHAR *s);
WCHAR *wstr_dup(const WCHAR *s);
int wstr_cmp(const WCHAR *a, const WCHAR *b);
int wstr_icmp(const WCHAR *a, const WCHAR *b);   /* ASCII/Latin case fold */
int wstr_nicmp(const WCHAR *a, const WCHAR *b, size_t n);
WCHAR wstr_upper(WCHAR c);
WCHAR wstr_lower(WCHAR c);

/* UTF-16 (len units, or -1 for NUL-terminated) to UTF-8. Writes at most
 * outsize bytes including a terminator when len == -1; returns the number
 * of bytes the whole conversion needs (like snprintf). */
size_t wstr_to_utf8(const WCHAR *s, ssize_t len, char *out, size_t outsize);
/* UTF-8 to UTF-16; returns units needed (terminator counted when len == -1). */
size_t utf8_to_wstr(const char *s, ssize_t len, WCHAR *out, size_t outsize);

/* No ill-formed sequence in the n bytes (the strict check behind
 * MB_ERR_INVALID_CHARS). */
int utf8_is_valid(const char *s, size_t n);

/* Newly allocated conversions (malloc; NULL in -> NULL out). */
char *wstr_to_utf8_alloc(const WCHAR *s);
WCHAR *utf8_to_wstr_alloc(const char *s);

#endif
