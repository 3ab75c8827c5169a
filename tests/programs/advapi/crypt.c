/* CryptAcquireContext with the default provider of PROV_RSA_FULL and
 * PROV_RSA_AES, or one named (A and W), CRYPT_VERIFYCONTEXT; its errors
 * (provider type 0 or out of range, an undefined type, an unknown name,
 * a name of the other type); CryptGenRandom's bytes (only
 * plausibility: not all zero, different each call); CryptContextAddRef;
 * CryptReleaseContext, after which the handle is refused. */
#include <windows.h>
#include <wincrypt.h>
#include <string.h>
#include "test.h"

static int plausible(const BYTE *a, const BYTE *b, size_t n)
{
    size_t zero = 0;
    for (size_t i = 0; i < n; i++)
        zero += !a[i];
    return zero < n / 2 && memcmp(a, b, n) != 0;
}

static void acquire_fails(const char *prov, DWORD type, DWORD flags, DWORD want, const char *what)
{
    HCRYPTPROV h = 0;
    SetLastError(0xdeadbeef);
    BOOL r = CryptAcquireContextA(&h, NULL, prov, type, flags);
    ok(!r && GetLastError() == want, "%s: %d, error %#lx", what, r, GetLastError());
}

int main(void)
{
    HCRYPTPROV h = 0, h2 = 0;
    BYTE a[64], b[64];

    ok(CryptAcquireContextA(&h, NULL, NULL, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
       "PROV_RSA_FULL: %#lx", GetLastError());
    ok(h != 0, "a handle");
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    ok(CryptGenRandom(h, sizeof a, a) && CryptGenRandom(h, sizeof b, b), "CryptGenRandom: %#lx",
       GetLastError());
    ok(plausible(a, b, sizeof a), "random bytes");
    ok(CryptGenRandom(h, 0, a), "no bytes");
    ok(CryptContextAddRef(h, NULL, 0), "CryptContextAddRef");
    ok(CryptReleaseContext(h, 0), "release once");
    ok(CryptGenRandom(h, 4, a), "still referenced");
    ok(CryptReleaseContext(h, 0), "release twice");
    SetLastError(0xdeadbeef);
    ok(!CryptReleaseContext(h, 0) && GetLastError() == ERROR_INVALID_PARAMETER,
       "released: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CryptGenRandom(h, 4, a) && GetLastError() == ERROR_INVALID_PARAMETER,
       "CryptGenRandom on it: %lu", GetLastError());

    ok(CryptAcquireContextW(&h, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT | CRYPT_SILENT),
       "PROV_RSA_AES (W): %#lx", GetLastError());
    ok(CryptAcquireContextW(&h2, NULL, MS_ENH_RSA_AES_PROV_W, PROV_RSA_AES, CRYPT_VERIFYCONTEXT),
       "by name: %#lx", GetLastError());
    ok(h != h2, "two contexts");
    ok(CryptGenRandom(h2, sizeof a, a), "random from the second");
    ok(CryptReleaseContext(h, 0) && CryptReleaseContext(h2, 0), "release both");
    ok(CryptAcquireContextA(&h, NULL, MS_DEF_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
       "MS_DEF_PROV: %#lx", GetLastError());
    CryptReleaseContext(h, 0);
    ok(CryptAcquireContextA(&h, NULL, "", PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
       "an empty name is the default: %#lx", GetLastError());
    CryptReleaseContext(h, 0);
    ok(CryptAcquireContextA(&h, NULL, "microsoft strong cryptographic provider", PROV_RSA_FULL,
                            CRYPT_VERIFYCONTEXT),
       "names ignore case: %#lx", GetLastError());
    CryptReleaseContext(h, 0);

    acquire_fails(NULL, 0, CRYPT_VERIFYCONTEXT, NTE_BAD_PROV_TYPE, "type 0");
    acquire_fails(NULL, 1000, CRYPT_VERIFYCONTEXT, NTE_BAD_PROV_TYPE, "type 1000");
    acquire_fails(NULL, 999, CRYPT_VERIFYCONTEXT, NTE_PROV_TYPE_NOT_DEF, "type 999");
    acquire_fails("No Such Provider", PROV_RSA_FULL, CRYPT_VERIFYCONTEXT, NTE_KEYSET_NOT_DEF,
                  "an unknown provider");
    acquire_fails(MS_DEF_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT, NTE_PROV_TYPE_NO_MATCH,
                  "a provider of another type");
    return test_summary();
}
