/* Who am I: OpenProcessToken + GetTokenInformation (TokenUser,
 * TokenElevation, TokenElevationType) with the buffer-size protocol, and
 * GetUserNameW/A's length rules (the count includes the terminator, both
 * when it succeeds and when it asks for more room). Values differ between
 * machines, so only their shape is checked. */
#include <windows.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

int main(void)
{
    HANDLE tok = NULL;
    DWORD len, len2;
    BYTE buf[512];
    BOOL r;

    ok(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &tok) && tok, "OpenProcessToken");

    len = 0;
    SetLastError(0xdeadbeef);
    r = GetTokenInformation(tok, TokenUser, NULL, 0, &len);
    ok(!r && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "TokenUser size query: %lu", GetLastError());
    ok(len >= sizeof(TOKEN_USER) + 8 && len <= sizeof buf, "TokenUser needs %lu bytes", len);
    len2 = 0;
    r = GetTokenInformation(tok, TokenUser, buf, len - 1, &len2);
    ok(!r && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len2 == len, "one byte short: %lu", len2);
    r = GetTokenInformation(tok, TokenUser, buf, sizeof buf, &len2);
    ok(r && len2 == len, "TokenUser: %d %lu", r, len2);
    TOKEN_USER *tu = (TOKEN_USER *)buf;
    SID *sid = (SID *)tu->User.Sid;
    ok((BYTE *)sid >= buf && (BYTE *)sid < buf + len, "the SID is inside the buffer");
    ok(IsValidSid(sid), "a valid SID");
    ok(sid->Revision == 1 && sid->SubAuthorityCount >= 1, "revision %d, %d subauthorities", sid->Revision,
       sid->SubAuthorityCount);
    ok(GetLengthSid(sid) == 8 + 4u * sid->SubAuthorityCount, "GetLengthSid %lu", GetLengthSid(sid));
    ok(tu->User.Attributes == 0, "attributes %lx", tu->User.Attributes);

    TOKEN_ELEVATION el = {0xdead};
    r = GetTokenInformation(tok, TokenElevation, &el, sizeof el, &len);
    ok(r && len == sizeof el && el.TokenIsElevated <= 1, "TokenElevation: %d %lu %lu", r, len,
       el.TokenIsElevated);
    SetLastError(0xdeadbeef);
    r = GetTokenInformation(tok, TokenElevation, &el, 2, &len);
    ok(!r && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len == 4, "TokenElevation, 2 bytes: %lu %lu",
       GetLastError(), len);
    TOKEN_ELEVATION_TYPE et = 0;
    r = GetTokenInformation(tok, TokenElevationType, &et, sizeof et, &len);
    ok(r && et >= TokenElevationTypeDefault && et <= TokenElevationTypeLimited, "TokenElevationType %d", et);
    ok(CloseHandle(tok), "close the token");

    /* GetUserNameW: too small asks for the size with its terminator */
    WCHAR name[256];
    len = 0;
    SetLastError(0xdeadbeef);
    r = GetUserNameW(NULL, &len);
    ok(!r && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len >= 2, "W size query: %lu %lu",
       GetLastError(), len);
    len2 = len - 1;
    r = GetUserNameW(name, &len2);
    ok(!r && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len2 == len, "W one short: %lu", len2);
    len2 = 256;
    r = GetUserNameW(name, &len2);
    ok(r && len2 == len && wcslen(name) == len - 1 && name[0], "GetUserNameW: %lu", len2);

    char aname[256];
    len = 0;
    r = GetUserNameA(NULL, &len);
    ok(!r && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len >= 2, "A size query: %lu", len);
    len2 = 256;
    r = GetUserNameA(aname, &len2);
    ok(r && len2 == len && strlen(aname) == len - 1, "GetUserNameA: %lu", len2);
    ok(aname[0] != 0, "non-empty");
    return test_summary();
}
