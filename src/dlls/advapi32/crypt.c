/* CryptoAPI's provider contexts, enough for what programs mostly use them
 * for: random bytes (CryptGenRandom, from decant's random source). The
 * Microsoft RSA providers of the two types asked for are known by name;
 * keys, hashes and the rest of CryptoAPI are not here (their imports trap
 * if called). Key containers are not stored: a context that names one
 * works as a CRYPT_VERIFYCONTEXT one. Tests: tests/programs/advapi/crypt.c. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL misc
#include "debug.h"
#include "status.h"
#include "win32.h"
#include "wstr.h"

typedef ULONG_PTR HCRYPTPROV;

#define PROV_RSA_FULL 1
#define PROV_RSA_AES 24

#define CRYPT_VERIFYCONTEXT 0xf0000000u
#define CRYPT_DELETEKEYSET 0x10

#define NTE_BAD_FLAGS 0x80090009u
#define NTE_BAD_PROV_TYPE 0x80090014u
#define NTE_PROV_TYPE_NOT_DEF 0x80090017u
#define NTE_KEYSET_NOT_DEF 0x80090019u
#define NTE_PROV_TYPE_NO_MATCH 0x8009001bu
#define NTE_FAIL 0x80090020u

int random_fill(void *buf, size_t len); /* bcryptprimitives/random.c */

/* The providers a Windows 10 system has for these types, by name. */
static const struct {
    const char *name;
    DWORD type;
} providers[] = {
    {"Microsoft Base Cryptographic Provider v1.0", PROV_RSA_FULL},
    {"Microsoft Enhanced Cryptographic Provider v1.0", PROV_RSA_FULL},
    {"Microsoft Strong Cryptographic Provider", PROV_RSA_FULL},
    {"Microsoft Enhanced RSA and AES Cryptographic Provider", PROV_RSA_AES},
    {"Microsoft Enhanced RSA and AES Cryptographic Provider (Prototype)", PROV_RSA_AES},
};

struct prov {
    DWORD type;
    LONG refs;
    struct prov *next;
};

/* Live contexts: a released or made-up HCRYPTPROV is refused, not used. */
static struct prov *live;
static pthread_mutex_t prov_lock = PTHREAD_MUTEX_INITIALIZER;

/* With prov_lock held: the live context h, or NULL. */
static struct prov *find_locked(HCRYPTPROV h)
{
    for (struct prov *p = live; p; p = p->next)
        if ((HCRYPTPROV)p == h)
            return p;
    return NULL;
}

static int name_is(const WCHAR *w, const char *a)
{
    for (; *w && *a; w++, a++)
        if (wstr_upper(*w) != wstr_upper((unsigned char)*a))
            return 0;
    return !*w && !*a;
}

/* CryptAcquireContextW (advapi32) */
BOOL WINAPI CryptAcquireContextW(HCRYPTPROV *out, LPCWSTR container, LPCWSTR provider,
                                 DWORD type, DWORD flags)
{
    DWORD err = 0;
    if (!out)
        err = ERROR_INVALID_PARAMETER;
    else if (!type || type > 999)
        err = NTE_BAD_PROV_TYPE;
    else if (provider && *provider) {
        size_t i = 0, n = sizeof providers / sizeof *providers;
        while (i < n && !name_is(provider, providers[i].name))
            i++;
        err = i == n ? NTE_KEYSET_NOT_DEF : providers[i].type != type ? NTE_PROV_TYPE_NO_MATCH : 0;
    } else if (type != PROV_RSA_FULL && type != PROV_RSA_AES) {
        FIXME("provider type %u", type);
        err = NTE_PROV_TYPE_NOT_DEF;
    }
    if (err) {
        SetLastError(err);
        return FALSE;
    }
    if ((flags & CRYPT_VERIFYCONTEXT) != CRYPT_VERIFYCONTEXT)
        FIXME("key containers are not stored: the context has no keys");
    if (flags & CRYPT_DELETEKEYSET) {
        *out = 0;
        return TRUE;
    }
    struct prov *p = calloc(1, sizeof *p);
    p->type = type;
    p->refs = 1;
    pthread_mutex_lock(&prov_lock);
    p->next = live;
    live = p;
    pthread_mutex_unlock(&prov_lock);
    *out = (HCRYPTPROV)p;
    return TRUE;
}

/* CryptAcquireContextA (advapi32) */
BOOL WINAPI CryptAcquireContextA(HCRYPTPROV *out, LPCSTR container, LPCSTR provider, DWORD type,
                                 DWORD flags)
{
    WCHAR *c = container ? utf8_to_wstr_alloc(container) : NULL;
    WCHAR *p = provider ? utf8_to_wstr_alloc(provider) : NULL;
    BOOL r = CryptAcquireContextW(out, c, p, type, flags);
    free(c);
    free(p);
    return r;
}

/* CryptContextAddRef (advapi32) */
BOOL WINAPI CryptContextAddRef(HCRYPTPROV h, DWORD *reserved, DWORD flags)
{
    pthread_mutex_lock(&prov_lock);
    struct prov *p = reserved || flags ? NULL : find_locked(h);
    if (p)
        p->refs++;
    pthread_mutex_unlock(&prov_lock);
    if (!p)
        SetLastError(ERROR_INVALID_PARAMETER);
    return p != NULL;
}

/* CryptReleaseContext (advapi32): flags other than 0 release the context
 * all the same and fail with NTE_BAD_FLAGS, as documented. */
BOOL WINAPI CryptReleaseContext(HCRYPTPROV h, DWORD flags)
{
    pthread_mutex_lock(&prov_lock);
    struct prov *p = find_locked(h);
    if (p && !--p->refs) {
        for (struct prov **pp = &live; *pp; pp = &(*pp)->next)
            if (*pp == p) {
                *pp = p->next;
                break;
            }
        free(p);
    }
    pthread_mutex_unlock(&prov_lock);
    if (!p || flags) {
        SetLastError(!p ? ERROR_INVALID_PARAMETER : NTE_BAD_FLAGS);
        return FALSE;
    }
    return TRUE;
}

/* CryptGenRandom (advapi32) */
BOOL WINAPI CryptGenRandom(HCRYPTPROV h, DWORD len, BYTE *buf)
{
    pthread_mutex_lock(&prov_lock);
    struct prov *p = find_locked(h);
    pthread_mutex_unlock(&prov_lock);
    if (!p) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (len && random_fill(buf, len)) {
        SetLastError(NTE_FAIL);
        return FALSE;
    }
    return TRUE;
}
