/* The system message table (English texts of common Win32 errors) and
 * FormatMessage. Texts are Windows' own, each ending in CR LF as the
 * resource table stores them. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define DEBUG_CHANNEL misc
#include "debug.h"
#include "kernel32_private.h"

static const struct {
    DWORD code;
    const char *text;
} messages[] = {
    {0, "The operation completed successfully."},
    {1, "Incorrect function."},
    {2, "The system cannot find the file specified."},
    {3, "The system cannot find the path specified."},
    {4, "The system cannot open the file."},
    {5, "Access is denied."},
    {6, "The handle is invalid."},
    {8, "Not enough memory resources are available to process this command."},
    {10, "The environment is incorrect."},
    {11, "An attempt was made to load a program with an incorrect format."},
    {12, "The access code is invalid."},
    {13, "The data is invalid."},
    {14, "Not enough memory resources are available to complete this operation."},
    {15, "The system cannot find the drive specified."},
    {16, "The directory cannot be removed."},
    {17, "The system cannot move the file to a different disk drive."},
    {18, "There are no more files."},
    {19, "The media is write protected."},
    {21, "The device is not ready."},
    {31, "A device attached to the system is not functioning."},
    {32, "The process cannot access the file because it is being used by another process."},
    {33, "The process cannot access the file because another process has locked a portion of the file."},
    {38, "Reached the end of the file."},
    {39, "The disk is full."},
    {50, "The request is not supported."},
    {53, "The network path was not found."},
    {80, "The file exists."},
    {82, "The directory or file cannot be created."},
    {87, "The parameter is incorrect."},
    {109, "The pipe has been ended."},
    {110, "The system cannot open the device or file specified."},
    {111, "The file name is too long."},
    {112, "There is not enough space on the disk."},
    {120, "This function is not supported on this system."},
    {121, "The semaphore timeout period has expired."},
    {122, "The data area passed to a system call is too small."},
    {123, "The filename, directory name, or volume label syntax is incorrect."},
    {126, "The specified module could not be found."},
    {127, "The specified procedure could not be found."},
    {128, "There are no child processes to wait for."},
    {131, "An attempt was made to move the file pointer before the beginning of the file."},
    {145, "The directory is not empty."},
    {158, "The segment is already unlocked."},
    {161, "The specified path is invalid."},
    {170, "The requested resource is in use."},
    {183, "Cannot create a file when that file already exists."},
    {193, "%1 is not a valid Win32 application."},
    {203, "The system could not find the environment option that was entered."},
    {206, "The filename or extension is too long."},
    {230, "The pipe state is invalid."},
    {231, "All pipe instances are busy."},
    {232, "The pipe is being closed."},
    {233, "No process is on the other end of the pipe."},
    {234, "More data is available."},
    {258, "The wait operation timed out."},
    {259, "No more data is available."},
    {266, "The copy functions cannot be used."},
    {267, "The directory name is invalid."},
    {288, "Attempt to release mutex not owned by caller."},
    {298, "Too many posts were made to a semaphore."},
    {299, "Only part of a ReadProcessMemory or WriteProcessMemory request was completed."},
    {317, "The system cannot find message text for message number 0x%1 in the message file for %2."},
    {487, "Attempt to access invalid address."},
    {995, "The I/O operation has been aborted because of either a thread exit or an application request."},
    {996, "Overlapped I/O event is not in a signaled state."},
    {997, "Overlapped I/O operation is in progress."},
    {998, "Invalid access to memory location."},
    {1004, "Invalid flags."},
    {1113, "No mapping for the Unicode character exists in the target multi-byte code page."},
    {1114, "A dynamic link library (DLL) initialization routine failed."},
    {1117, "The request could not be performed because of an I/O device error."},
    {1150, "The specified program requires a newer version of Windows."},
    {1314, "A required privilege is not held by the client."},
    {1450, "Insufficient system resources exist to complete the requested service."},
    {1460, "This operation returned because the timeout period expired."},
    {10004, "A blocking operation was interrupted by a call to WSACancelBlockingCall."},
    {10013, "An attempt was made to access a socket in a way forbidden by its access permissions."},
    {10022, "An invalid argument was supplied."},
    {10035, "A non-blocking socket operation could not be completed immediately."},
    {10048, "Only one usage of each socket address (protocol/network address/port) is normally permitted."},
    {10054, "An existing connection was forcibly closed by the remote host."},
    {10060, "A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond."},
    {10061, "No connection could be made because the target machine actively refused it."},
};

#define FORMAT_MESSAGE_ALLOCATE_BUFFER 0x100
#define FORMAT_MESSAGE_IGNORE_INSERTS 0x200
#define FORMAT_MESSAGE_FROM_STRING 0x400
#define FORMAT_MESSAGE_FROM_HMODULE 0x800
#define FORMAT_MESSAGE_FROM_SYSTEM 0x1000
#define FORMAT_MESSAGE_ARGUMENT_ARRAY 0x2000
#define FORMAT_MESSAGE_MAX_WIDTH_MASK 0xff

/* COM's own HRESULTs (FACILITY_NULL), worded as Windows' table words them. */
static const struct {
    DWORD code;
    const char *text;
} hresults[] = {
    {0x80004001, "Not implemented"},
    {0x80004002, "No such interface supported"},
    {0x80004003, "Invalid pointer"},
    {0x80004004, "Operation aborted"},
    {0x80004005, "Unspecified error"},
    {0x8000ffff, "Catastrophic failure"},
};

/* A Win32 error, or an HRESULT: HRESULT_FROM_WIN32(e) (0x8007xxxx) has
 * the text of e, as the system message table has it on Windows. */
static const char *system_text(DWORD code)
{
    if ((code & 0xffff0000) == 0x80070000)
        code &= 0xffff;
    for (size_t i = 0; i < sizeof messages / sizeof *messages; i++)
        if (messages[i].code == code)
            return messages[i].text;
    for (size_t i = 0; i < sizeof hresults / sizeof *hresults; i++)
        if (hresults[i].code == code)
            return hresults[i].text;
    return NULL;
}

struct out {
    char *buf;
    size_t len, cap;
};

static void put(struct out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->buf = realloc(o->buf, o->cap);
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = 0;
}

/* Expands %1..%99 (with !printf-format!), %n, %%, %0, %r, %t, %space,
 * %. and %! — over narrow strings; the W version converts around it.
 * `wide` says the arguments are WCHAR strings for %s. */
static int expand(const char *fmt, DWORD flags, void *argsrc, int wide, struct out *o)
{
    const ULONG_PTR *array = flags & FORMAT_MESSAGE_ARGUMENT_ARRAY ? argsrc : NULL;
    WIN_VA_LIST *ap = array ? NULL : argsrc;
    ULONG_PTR seen[100] = {0};
    int have[100] = {0};
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            if (*p == '\n' && (p == fmt || p[-1] != '\r'))
                put(o, "\r\n", 2); /* a bare LF becomes CR LF */
            else
                put(o, p, 1);
            continue;
        }
        p++;
        if (!*p)
            break;
        if (*p == '0')
            return 0; /* end of message, no newline */
        if (*p >= '1' && *p <= '9') {
            int n = *p - '0';
            if (p[1] >= '0' && p[1] <= '9')
                n = n * 10 + (*++p - '0');
            char spec[32] = "s";
            if (p[1] == '!') {
                const char *end = strchr(p + 2, '!');
                if (end && end - p - 2 < 30) {
                    memcpy(spec, p + 2, end - p - 2);
                    spec[end - p - 2] = 0;
                    p = end;
                }
            }
            if (flags & FORMAT_MESSAGE_IGNORE_INSERTS) {
                char tmp[48];
                int k = snprintf(tmp, sizeof tmp, "%%%d", n);
                put(o, tmp, k);
                continue;
            }
            ULONG_PTR arg;
            if (array) {
                arg = array[n - 1];
            } else if (have[n]) {
                arg = seen[n];
            } else {
                arg = __builtin_va_arg(*ap, ULONG_PTR);
                seen[n] = arg;
                have[n] = 1;
            }
            char tmp[512], f[40];
            int k;
            char conv = spec[strlen(spec) - 1];
            if (conv == 's' || conv == 'S') {
                int w = (conv == 'S') != wide; /* %S flips the width */
                if (strchr(spec, 'l') || strchr(spec, 'w'))
                    w = 1;
                if (strchr(spec, 'h'))
                    w = 0;
                char *s = w ? wstr_to_utf8_alloc((const WCHAR *)arg) : NULL;
                const char *str = w ? s : (const char *)arg;
                put(o, str ? str : "(null)", str ? strlen(str) : 6);
                free(s);
                continue;
            }
            snprintf(f, sizeof f, "%%%s", spec);
            /* integer conversions: Windows longs are 32 bits */
            if (strchr("diuxXoc", conv) && !strstr(spec, "I64") && !strstr(spec, "ll"))
                k = snprintf(tmp, sizeof tmp, f, (int)arg);
            else
                k = snprintf(tmp, sizeof tmp, f, arg);
            put(o, tmp, k < (int)sizeof tmp ? k : (int)sizeof tmp - 1);
            continue;
        }
        switch (*p) {
        case 'n': put(o, "\r\n", 2); break;
        case 'r': put(o, "\r", 1); break;
        case 't': put(o, "\t", 1); break;
        default: put(o, p, 1); break; /* %%, %space, %., %! */
        }
    }
    return 1;
}

static DWORD format(DWORD flags, const void *source, DWORD id, void *args, int wide,
                    struct out *o)
{
    const char *text;
    char *owned = NULL;
    if (flags & FORMAT_MESSAGE_FROM_STRING) {
        text = wide ? (owned = wstr_to_utf8_alloc(source)) : source;
    } else if (flags & FORMAT_MESSAGE_FROM_SYSTEM) {
        text = system_text(id);
        if (!text) {
            set_last_error(ERROR_MR_MID_NOT_FOUND_WIN32);
            return 0;
        }
        if (!(flags & FORMAT_MESSAGE_IGNORE_INSERTS) && strchr(text, '%') && !args)
            flags |= FORMAT_MESSAGE_IGNORE_INSERTS;
    } else {
        FIXME("FormatMessage from a module's message table");
        set_last_error(ERROR_RESOURCE_TYPE_NOT_FOUND);
        return 0;
    }
    int newline = expand(text, flags, args, wide, o);
    free(owned);
    if (newline && !(flags & FORMAT_MESSAGE_FROM_STRING))
        put(o, "\r\n", 2);
    return o->len;
}

static DWORD deliver(DWORD flags, struct out *o, void *buf, DWORD size, int wide)
{
    if (!o->len && !o->buf)
        return 0;
    size_t units = wide ? utf8_to_wstr(o->buf, o->len, NULL, 0) : o->len;
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        size_t bytes = (units + 1) * (wide ? 2 : 1);
        void *p = LocalAlloc(0, bytes < size * (wide ? 2u : 1u) ? size * (wide ? 2 : 1) : bytes);
        if (wide) {
            utf8_to_wstr(o->buf, o->len, p, units);
            ((WCHAR *)p)[units] = 0;
        } else {
            memcpy(p, o->buf, units + 1);
        }
        *(void **)buf = p;
    } else {
        if (units + 1 > size) {
            set_last_error(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        if (wide) {
            utf8_to_wstr(o->buf, o->len, buf, units);
            ((WCHAR *)buf)[units] = 0;
        } else {
            memcpy(buf, o->buf, units + 1);
        }
    }
    return units;
}

/* FormatMessageA (kernel32) */
DWORD WINAPI FormatMessageA(DWORD flags, LPCVOID source, DWORD id, DWORD lang,
                            LPSTR buf, DWORD size, WIN_VA_LIST *args)
{
    struct out o = {0};
    DWORD r = format(flags, source, id, args, 0, &o) ? deliver(flags, &o, buf, size, 0) : 0;
    free(o.buf);
    return r;
}

/* FormatMessageW (kernel32) */
DWORD WINAPI FormatMessageW(DWORD flags, LPCVOID source, DWORD id, DWORD lang,
                            LPWSTR buf, DWORD size, WIN_VA_LIST *args)
{
    struct out o = {0};
    DWORD r = format(flags, source, id, args, 1, &o) ? deliver(flags, &o, buf, size, 1) : 0;
    free(o.buf);
    return r;
}
