/* DECANT_DEBUG parsing and the one place trace lines are written. */
#include "debug.h"

#include <stdarg.h>
#include <string.h>
#include <unistd.h>

unsigned long long debug_enabled;
int debug_fixme = 1;

static const char *channel_names[] = {
#define CHANNEL(n) #n,
#include "debug_channels.h"
#undef CHANNEL
};

/* "+file,+loader,-fixme,+all" */
void debug_init(const char *spec)
{
    if (!spec)
        return;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", spec);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int on = *tok != '-';
        if (*tok == '+' || *tok == '-')
            tok++;
        if (!strcmp(tok, "fixme")) {
            debug_fixme = on;
            continue;
        }
        for (unsigned i = 0; i < DBCH_COUNT; i++) {
            if (strcmp(tok, "all") && strcmp(tok, channel_names[i]))
                continue;
            if (on)
                debug_enabled |= 1ull << i;
            else
                debug_enabled &= ~(1ull << i);
        }
    }
}

void debug_printf(const char *cls, const char *channel, const char *func,
                  const char *fmt, ...)
{
    char line[2048];
    int n = snprintf(line, sizeof line, "%04x:%s:%s:%s ", (unsigned)gettid(),
                     cls, channel, func);
    va_list ap;
    va_start(ap, fmt);
    if (n < (int)sizeof line)
        n += vsnprintf(line + n, sizeof line - n, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof line - 1)
        n = sizeof line - 2;
    if (n > 0 && line[n - 1] != '\n')
        line[n++] = '\n';
    /* One write per line so threads do not interleave mid-line. */
    ssize_t r = write(2, line, n);
    (void)r;
}
