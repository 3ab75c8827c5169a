/* Trace channels in the spirit of WINEDEBUG: DECANT_DEBUG=+file,+loader,-fixme.
 * Each source file names its channel once:  #define DEBUG_CHANNEL loader
 * and then writes TRACE("...")/FIXME("...")/WARN("..."). FIXME is on by
 * default and logs each call site once. */
#ifndef DECANT_DEBUG_H
#define DECANT_DEBUG_H

#include <stdio.h>

enum debug_channel {
#define CHANNEL(n) DBCH_##n,
#include "debug_channels.h"
#undef CHANNEL
    DBCH_COUNT
};

extern unsigned long long debug_enabled; /* bit per channel */
extern int debug_fixme;                  /* FIXME lines on (default) */

void debug_init(const char *spec);
void debug_printf(const char *cls, const char *channel, const char *func,
                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#define DEBUG_ON(ch) (debug_enabled & (1ull << DBCH_##ch))
#define DEBUG_STR2(x) #x
#define DEBUG_STR(x) DEBUG_STR2(x)
#define DEBUG_CH_ON(ch) DEBUG_ON(ch)
#define TRACE_ON() DEBUG_CH_ON2(DEBUG_CHANNEL)
#define DEBUG_CH_ON2(ch) DEBUG_ON(ch)

#define TRACE(...)                                                          \
    do {                                                                    \
        if (TRACE_ON())                                                     \
            debug_printf("trace", DEBUG_STR(DEBUG_CHANNEL), __func__,       \
                         __VA_ARGS__);                                      \
    } while (0)
#define WARN(...)                                                           \
    do {                                                                    \
        if (TRACE_ON())                                                     \
            debug_printf("warn", DEBUG_STR(DEBUG_CHANNEL), __func__,        \
                         __VA_ARGS__);                                      \
    } while (0)
/* Partial or missing behaviour: always greppable, logged once per site. */
#define FIXME(...)                                                          \
    do {                                                                    \
        static int fixme_once;                                              \
        if (debug_fixme && !fixme_once) {                                   \
            fixme_once = 1;                                                 \
            debug_printf("fixme", DEBUG_STR(DEBUG_CHANNEL), __func__,       \
                         __VA_ARGS__);                                      \
        }                                                                   \
    } while (0)

#endif
