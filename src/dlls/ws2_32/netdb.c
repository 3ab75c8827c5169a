/* Name resolution over glibc's resolver: getaddrinfo/GetAddrInfoW with
 * Windows' ADDRINFO layout (ai_addrlen is a size_t and ai_canonname comes
 * before ai_addr), getnameinfo, gethostname, and the old per-thread
 * hostent/servent/protoent calls (Windows' structs use shorts where
 * glibc's use ints, and servent puts s_proto before s_port). */
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEBUG_CHANNEL winsock
#include "debug.h"
#include "wstr.h"
#include "ws2_32.h"

typedef struct ws_addrinfoa {
    int ai_flags, ai_family, ai_socktype, ai_protocol;
    SIZE_T ai_addrlen;
    char *ai_canonname;
    WS_SOCKADDR *ai_addr;
    struct ws_addrinfoa *ai_next;
} WS_ADDRINFOA;

typedef struct ws_addrinfow {
    int ai_flags, ai_family, ai_socktype, ai_protocol;
    SIZE_T ai_addrlen;
    WCHAR *ai_canonname;
    WS_SOCKADDR *ai_addr;
    struct ws_addrinfow *ai_next;
} WS_ADDRINFOW;

#define WS_AI_PASSIVE 0x1
#define WS_AI_CANONNAME 0x2
#define WS_AI_NUMERICHOST 0x4
#define WS_AI_NUMERICSERV 0x8
#define WS_AI_ALL 0x100
#define WS_AI_ADDRCONFIG 0x400
#define WS_AI_V4MAPPED 0x800

static DWORD eai_to_wsa(int e)
{
    switch (e) {
    case 0: return 0;
    case EAI_AGAIN: return WSATRY_AGAIN;
    case EAI_BADFLAGS: return WSAEINVAL;
    case EAI_FAIL: return WSANO_RECOVERY;
    case EAI_FAMILY: return WSAEAFNOSUPPORT;
    case EAI_MEMORY: return WSA_NOT_ENOUGH_MEMORY;
    case EAI_NONAME: return WSAHOST_NOT_FOUND;
    case EAI_SERVICE: return WSATYPE_NOT_FOUND;
    case EAI_SOCKTYPE: return WSAESOCKTNOSUPPORT;
#ifdef EAI_NODATA
    case EAI_NODATA: return WSANO_DATA;
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: return WSANO_DATA;
#endif
    case EAI_SYSTEM: return ws_errno_to_wsa(errno);
    default: return WSANO_RECOVERY;
    }
}

/* The resolver call both getaddrinfo and GetAddrInfoW make: UTF-8 in, a
 * chain of Windows ADDRINFOA out (canonical name as UTF-8). */
static int resolve(const char *node, const char *service, const WS_ADDRINFOA *hints,
                   WS_ADDRINFOA **res)
{
    *res = NULL;
    if (!ws_started)
        return WSANOTINITIALISED;
    if (!node && !service)
        return WSAHOST_NOT_FOUND;
    struct addrinfo h = {0}, *ai = NULL;
    int any_type = 1;
    if (hints) {
        int f = hints->ai_flags;
        if (f & ~(WS_AI_PASSIVE | WS_AI_CANONNAME | WS_AI_NUMERICHOST | WS_AI_NUMERICSERV |
                  WS_AI_ALL | WS_AI_ADDRCONFIG | WS_AI_V4MAPPED | 0x4000 /* AI_FQDN */ |
                  0x20000 /* AI_RETURN_PREFERRED_NAMES */ | 0x80000 /* AI_DISABLE_IDN */))
            return WSAEINVAL;
        if ((f & WS_AI_CANONNAME) && !node)
            return WSAEINVAL;
        h.ai_flags = (f & WS_AI_PASSIVE ? AI_PASSIVE : 0) | (f & WS_AI_CANONNAME ? AI_CANONNAME : 0) |
                     (f & WS_AI_NUMERICHOST ? AI_NUMERICHOST : 0) |
                     (f & WS_AI_NUMERICSERV ? AI_NUMERICSERV : 0) | (f & WS_AI_ALL ? AI_ALL : 0) |
                     (f & WS_AI_ADDRCONFIG ? AI_ADDRCONFIG : 0) |
                     (f & WS_AI_V4MAPPED ? AI_V4MAPPED : 0);
        h.ai_family = ws_family_to_unix(hints->ai_family);
        if (h.ai_family < 0 || h.ai_family == AF_UNIX)
            return WSAEAFNOSUPPORT;
        h.ai_socktype = hints->ai_socktype;
        h.ai_protocol = hints->ai_protocol;
        any_type = !hints->ai_socktype && !hints->ai_protocol;
    }
    char host[256];
    if (node && !node[0]) { /* "" is this computer, on Windows */
        if (gethostname(host, sizeof host) < 0)
            strcpy(host, "localhost");
        node = host;
    }
    int e = getaddrinfo(node, service, hints ? &h : NULL, &ai);
    if (e) {
        TRACE("%s:%s: %s", node ? node : "(null)", service ? service : "(null)", gai_strerror(e));
        return eai_to_wsa(e);
    }
    WS_ADDRINFOA **tail = res;
    int first = 1;
    for (struct addrinfo *p = ai; p; p = p->ai_next) {
        if (p->ai_family != AF_INET && p->ai_family != AF_INET6)
            continue;
        /* without a socket type asked for, Windows gives each address
         * once, with type and protocol 0; glibc gives one per type */
        if (any_type) {
            int dup = 0;
            for (WS_ADDRINFOA *q = *res; q && !dup; q = q->ai_next)
                dup = ws_family_to_unix(q->ai_family) == p->ai_family &&
                      !memcmp(q->ai_addr->data, p->ai_addr->sa_data,
                              p->ai_family == AF_INET ? 14 : 26);
            if (dup)
                continue;
        }
        int alen = ws_sockaddr_size(p->ai_addr, p->ai_addrlen);
        const char *canon = first && p->ai_canonname ? p->ai_canonname : NULL;
        size_t clen = canon ? strlen(canon) + 1 : 0;
        WS_ADDRINFOA *w = calloc(1, sizeof *w + alen + clen);
        if (!w)
            break;
        w->ai_flags = hints ? hints->ai_flags : 0;
        w->ai_family = ws_family_from_unix(p->ai_family);
        /* type and protocol are the hints', as Wine's tests show Windows
         * does (glibc fills in the protocol) */
        w->ai_socktype = any_type ? 0 : hints->ai_socktype ? hints->ai_socktype : p->ai_socktype;
        w->ai_protocol = hints ? hints->ai_protocol : 0;
        w->ai_addrlen = alen;
        w->ai_addr = (WS_SOCKADDR *)(w + 1);
        int l = alen;
        ws_sockaddr_from_unix(p->ai_addr, p->ai_addrlen, w->ai_addr, &l);
        if (canon) {
            w->ai_canonname = (char *)w->ai_addr + alen;
            memcpy(w->ai_canonname, canon, clen);
        }
        first = 0;
        *tail = w;
        tail = &w->ai_next;
    }
    freeaddrinfo(ai);
    return *res ? 0 : WSAHOST_NOT_FOUND;
}

/* getaddrinfo (ws2_32): returns the WSA error and sets it too. */
int WINAPI ws_getaddrinfo(const char *node, const char *service, const WS_ADDRINFOA *hints,
                          WS_ADDRINFOA **res)
{
    if (!res) {
        ws_set_error(WSAEINVAL);
        return WSAEINVAL;
    }
    int e = resolve(node, service, hints, res);
    ws_set_error(e);
    return e;
}

/* freeaddrinfo (ws2_32) */
void WINAPI ws_freeaddrinfo(WS_ADDRINFOA *ai)
{
    while (ai) {
        WS_ADDRINFOA *next = ai->ai_next;
        free(ai);
        ai = next;
    }
}

/* GetAddrInfoW (ws2_32) */
int WINAPI GetAddrInfoW(const WCHAR *node, const WCHAR *service, const WS_ADDRINFOW *hints,
                        WS_ADDRINFOW **res)
{
    if (!res) {
        ws_set_error(WSAEINVAL);
        return WSAEINVAL;
    }
    *res = NULL;
    char *n = node ? wstr_to_utf8_alloc(node) : NULL;
    char *s = service ? wstr_to_utf8_alloc(service) : NULL;
    WS_ADDRINFOA *a = NULL;
    int e = resolve(n, s, (const WS_ADDRINFOA *)hints, &a); /* same layout but the name */
    free(n);
    free(s);
    WS_ADDRINFOW **tail = res;
    for (WS_ADDRINFOA *p = a; p && !e; p = p->ai_next) {
        size_t cl = p->ai_canonname ? utf8_to_wstr(p->ai_canonname, -1, NULL, 0) : 0;
        WS_ADDRINFOW *w = calloc(1, sizeof *w + p->ai_addrlen + cl * sizeof(WCHAR) + 1);
        if (!w) {
            e = WSA_NOT_ENOUGH_MEMORY;
            break;
        }
        memcpy(w, p, offsetof(WS_ADDRINFOW, ai_canonname));
        w->ai_addr = (WS_SOCKADDR *)(w + 1);
        memcpy(w->ai_addr, p->ai_addr, p->ai_addrlen);
        if (cl) {
            /* after the address, 2-byte aligned */
            char *c = (char *)w->ai_addr + ((p->ai_addrlen + 1) & ~(SIZE_T)1);
            w->ai_canonname = (WCHAR *)c;
            utf8_to_wstr(p->ai_canonname, -1, w->ai_canonname, cl);
        }
        *tail = w;
        tail = &w->ai_next;
    }
    ws_freeaddrinfo(a);
    ws_set_error(e);
    return e;
}

/* FreeAddrInfoW (ws2_32) */
void WINAPI FreeAddrInfoW(WS_ADDRINFOW *ai) { ws_freeaddrinfo((WS_ADDRINFOA *)ai); }

#define WS_NI_NOFQDN 0x01
#define WS_NI_NUMERICHOST 0x02
#define WS_NI_NAMEREQD 0x04
#define WS_NI_NUMERICSERV 0x08
#define WS_NI_DGRAM 0x10

/* getnameinfo (ws2_32) */
int WINAPI ws_getnameinfo(const WS_SOCKADDR *sa, int salen, char *host, DWORD hostlen,
                          char *serv, DWORD servlen, int flags)
{
    struct sockaddr_storage ss;
    int len = ws_sockaddr_to_unix(sa, salen, &ss);
    if (len < 0 || ss.ss_family == AF_UNIX) {
        ws_set_error(len < 0 ? WSAEFAULT : WSAEAFNOSUPPORT);
        return len < 0 ? WSAEFAULT : WSAEAFNOSUPPORT;
    }
    int f = (flags & WS_NI_NOFQDN ? NI_NOFQDN : 0) | (flags & WS_NI_NUMERICHOST ? NI_NUMERICHOST : 0) |
            (flags & WS_NI_NAMEREQD ? NI_NAMEREQD : 0) |
            (flags & WS_NI_NUMERICSERV ? NI_NUMERICSERV : 0) | (flags & WS_NI_DGRAM ? NI_DGRAM : 0);
    int e = getnameinfo((struct sockaddr *)&ss, len, host, host ? hostlen : 0, serv,
                        serv ? servlen : 0, f);
    DWORD w = e == EAI_OVERFLOW ? WSAEFAULT : eai_to_wsa(e);
    ws_set_error(w);
    return w;
}

/* GetNameInfoW (ws2_32): buffer lengths in WCHARs. */
int WINAPI GetNameInfoW(const WS_SOCKADDR *sa, int salen, WCHAR *host, DWORD hostlen,
                        WCHAR *serv, DWORD servlen, int flags)
{
    char h[1025], s[32];
    int e = ws_getnameinfo(sa, salen, host ? h : NULL, sizeof h, serv ? s : NULL, sizeof s, flags);
    if (e)
        return e;
    if ((host && utf8_to_wstr(h, -1, NULL, 0) > hostlen) ||
        (serv && utf8_to_wstr(s, -1, NULL, 0) > servlen)) {
        ws_set_error(WSAEFAULT);
        return WSAEFAULT;
    }
    if (host)
        utf8_to_wstr(h, -1, host, hostlen);
    if (serv)
        utf8_to_wstr(s, -1, serv, servlen);
    return 0;
}

/* gethostname (ws2_32) */
int WINAPI ws_gethostname(char *name, int len)
{
    char buf[256];
    if (!ws_started)
        return ws_fail(WSANOTINITIALISED);
    if (!name)
        return ws_fail(WSAEFAULT);
    if (gethostname(buf, sizeof buf) < 0)
        strcpy(buf, "localhost");
    buf[sizeof buf - 1] = 0;
    if ((int)strlen(buf) >= len)
        return ws_fail(WSAEFAULT);
    strcpy(name, buf);
    ws_set_error(0);
    return 0;
}

/* GetHostNameW (ws2_32) */
int WINAPI GetHostNameW(WCHAR *name, int len)
{
    char buf[256];
    if (ws_gethostname(buf, sizeof buf))
        return SOCKET_ERROR;
    if (!name || (int)utf8_to_wstr(buf, -1, NULL, 0) > len)
        return ws_fail(WSAEFAULT);
    utf8_to_wstr(buf, -1, name, len);
    return 0;
}

/* ---- the per-thread database structs ------------------------------------------------ */

typedef struct {
    char *h_name;
    char **h_aliases;
    short h_addrtype;
    short h_length;
    char **h_addr_list;
} WS_HOSTENT;

typedef struct {
    char *s_name;
    char **s_aliases;
    char *s_proto;
    short s_port;
} WS_SERVENT;

typedef struct {
    char *p_name;
    char **p_aliases;
    short p_proto;
} WS_PROTOENT;

/* Windows keeps one of each per thread, valid until the thread's next
 * call. Made on a thread's first call and freed when it ends: in static
 * TLS, glibc would zero these 8 KiB at the start of every thread of every
 * program. */
struct db_result {
    union {
        WS_HOSTENT h;
        WS_SERVENT s;
        WS_PROTOENT p;
    } ent;
    char buf[8192];
    char scratch[8192]; /* for glibc's *_r calls, whose results go to buf */
};
static __thread struct db_result *db;
static pthread_key_t db_key;
static pthread_once_t db_once = PTHREAD_ONCE_INIT;

static void db_key_create(void) { pthread_key_create(&db_key, free); }

/* This thread's result, or NULL (the error set) when there is no memory. */
static struct db_result *db_result(void)
{
    if (!db) {
        pthread_once(&db_once, db_key_create);
        db = calloc(1, sizeof *db);
        if (!db) {
            ws_set_error(WSA_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        pthread_setspecific(db_key, db);
    }
    return db;
}

/* Copies a NULL-terminated string list into db->buf at *pos. */
static char **copy_list(char **list, size_t *pos, int is_addr, int addrlen)
{
    size_t n = 0;
    while (list && list[n])
        n++;
    *pos = (*pos + 7) & ~(size_t)7;
    if (*pos + (n + 1) * sizeof(char *) > sizeof db->buf)
        n = 0;
    char **out = (char **)(db->buf + *pos);
    *pos += (n + 1) * sizeof(char *);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = is_addr ? (size_t)addrlen : strlen(list[i]) + 1;
        if (*pos + len > sizeof db->buf)
            break;
        memcpy(db->buf + *pos, list[i], len);
        out[k++] = db->buf + *pos;
        *pos += len;
    }
    out[k] = NULL;
    return out;
}

static char *copy_str(const char *s, size_t *pos)
{
    size_t len = strlen(s) + 1;
    if (*pos + len > sizeof db->buf)
        len = 0;
    char *out = db->buf + *pos;
    memcpy(out, s, len);
    *pos += len;
    return out;
}

static WS_HOSTENT *host_result(struct hostent *he, int err)
{
    if (!he) {
        ws_set_error(err == TRY_AGAIN ? WSATRY_AGAIN : err == NO_RECOVERY ? WSANO_RECOVERY
                     : err == NO_DATA ? WSANO_DATA : WSAHOST_NOT_FOUND);
        return NULL;
    }
    size_t pos = 0; /* the caller has made db */
    WS_HOSTENT *h = &db->ent.h;
    h->h_name = copy_str(he->h_name, &pos);
    h->h_aliases = copy_list(he->h_aliases, &pos, 0, 0);
    h->h_addrtype = ws_family_from_unix(he->h_addrtype);
    h->h_length = he->h_length;
    h->h_addr_list = copy_list(he->h_addr_list, &pos, 1, he->h_length);
    ws_set_error(0);
    return h;
}

/* gethostbyname (ws2_32): IPv4 only; NULL or "" is this computer. */
WS_HOSTENT *WINAPI ws_gethostbyname(const char *name)
{
    if (!ws_started) {
        ws_set_error(WSANOTINITIALISED);
        return NULL;
    }
    char host[256];
    if (!name || !name[0]) {
        if (gethostname(host, sizeof host) < 0)
            strcpy(host, "localhost");
        name = host;
    }
    struct hostent he, *res = NULL;
    if (!db_result())
        return NULL;
    int err = 0;
    gethostbyname2_r(name, AF_INET, &he, db->scratch, sizeof db->scratch, &res, &err);
    return host_result(res, err);
}

/* gethostbyaddr (ws2_32) */
WS_HOSTENT *WINAPI ws_gethostbyaddr(const char *addr, int len, int type)
{
    if (!ws_started) {
        ws_set_error(WSANOTINITIALISED);
        return NULL;
    }
    int fam = ws_family_to_unix(type);
    if (fam != AF_INET && fam != AF_INET6) {
        ws_set_error(WSAEAFNOSUPPORT);
        return NULL;
    }
    if (!addr || len < (fam == AF_INET ? 4 : 16)) {
        ws_set_error(WSAEFAULT);
        return NULL;
    }
    struct hostent he, *res = NULL;
    if (!db_result())
        return NULL;
    int err = 0;
    gethostbyaddr_r(addr, len, fam, &he, db->scratch, sizeof db->scratch, &res, &err);
    return host_result(res, err);
}

static WS_SERVENT *serv_result(struct servent *se)
{
    if (!se) {
        ws_set_error(WSANO_DATA);
        return NULL;
    }
    size_t pos = 0; /* the caller has made db */
    WS_SERVENT *s = &db->ent.s;
    s->s_name = copy_str(se->s_name, &pos);
    s->s_aliases = copy_list(se->s_aliases, &pos, 0, 0);
    s->s_proto = copy_str(se->s_proto, &pos);
    s->s_port = se->s_port;
    ws_set_error(0);
    return s;
}

/* getservbyname (ws2_32) */
WS_SERVENT *WINAPI ws_getservbyname(const char *name, const char *proto)
{
    struct servent se, *res = NULL;
    if (!name) {
        ws_set_error(WSANO_DATA);
        return NULL;
    }
    if (!db_result())
        return NULL;
    getservbyname_r(name, proto, &se, db->scratch, sizeof db->scratch, &res);
    return serv_result(res);
}

/* getservbyport (ws2_32): port in network order */
WS_SERVENT *WINAPI ws_getservbyport(int port, const char *proto)
{
    struct servent se, *res = NULL;
    if (!db_result())
        return NULL;
    getservbyport_r(port, proto, &se, db->scratch, sizeof db->scratch, &res);
    return serv_result(res);
}

/* Protocols Windows knows without /etc/protocols. */
static const struct {
    const char *name;
    int num;
} builtin_protocols[] = {
    {"ip", 0}, {"icmp", 1}, {"ggp", 3}, {"tcp", 6}, {"egp", 8}, {"pup", 12}, {"udp", 17},
    {"hmp", 20}, {"xns-idp", 22}, {"rdp", 27}, {"ipv6", 41}, {"ipv6-icmp", 58}, {"rvd", 66},
};

static WS_PROTOENT *proto_result(const char *name, int num)
{
    if (!db_result())
        return NULL;
    size_t pos = 0;
    WS_PROTOENT *p = &db->ent.p;
    char upper[32];
    size_t i = 0;
    for (; name[i] && i < sizeof upper - 1; i++)
        upper[i] = name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i];
    upper[i] = 0;
    char *aliases[2] = {upper, NULL};
    p->p_name = copy_str(name, &pos);
    p->p_aliases = copy_list(aliases, &pos, 0, 0);
    p->p_proto = num;
    ws_set_error(0);
    return p;
}

/* getprotobyname (ws2_32) */
WS_PROTOENT *WINAPI ws_getprotobyname(const char *name)
{
    for (size_t i = 0; name && i < sizeof builtin_protocols / sizeof builtin_protocols[0]; i++)
        if (!strcasecmp(name, builtin_protocols[i].name))
            return proto_result(builtin_protocols[i].name, builtin_protocols[i].num);
    ws_set_error(WSANO_DATA);
    return NULL;
}

/* getprotobynumber (ws2_32) */
WS_PROTOENT *WINAPI ws_getprotobynumber(int num)
{
    for (size_t i = 0; i < sizeof builtin_protocols / sizeof builtin_protocols[0]; i++)
        if (builtin_protocols[i].num == num)
            return proto_result(builtin_protocols[i].name, num);
    ws_set_error(WSANO_DATA);
    return NULL;
}
