/* Security: one user, no privileges to grant, no access checks beyond the
 * file system's. Tokens answer the questions programs ask (who am I, am I
 * elevated) the way a standard Windows user's token would. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define DEBUG_CHANNEL misc
#include "debug.h"
#include "object.h"
#include "process.h"
#include "status.h"
#include "win32.h"
#include "wstr.h"

#define ERROR_NOT_ALL_ASSIGNED 1300
#define ERROR_NO_SUCH_PRIVILEGE 1313
#define ERROR_NONE_MAPPED 1332

static void set_error(DWORD e) { SetLastError(e); }

struct token {
    struct object obj;
};

static const struct object_ops token_ops = {NULL, NULL, NULL};

static HANDLE new_token(void)
{
    struct token *t = calloc(1, sizeof *t);
    object_init(&t->obj, OBJ_TOKEN, &token_ops);
    HANDLE h = handle_alloc(&t->obj, FALSE);
    object_put(&t->obj);
    return h;
}

/* OpenProcessToken (advapi32) */
BOOL WINAPI OpenProcessToken(HANDLE process, DWORD access, HANDLE *token)
{
    *token = new_token();
    return TRUE;
}

/* OpenThreadToken (advapi32): threads do not impersonate. */
BOOL WINAPI OpenThreadToken(HANDLE thread, DWORD access, BOOL self, HANDLE *token)
{
    set_error(1008); /* ERROR_NO_TOKEN */
    return FALSE;
}

typedef struct {
    DWORD LowPart;
    LONG HighPart;
} LUID;

static const char *const privileges[] = {
    NULL, NULL, "SeCreateTokenPrivilege", "SeAssignPrimaryTokenPrivilege",
    "SeLockMemoryPrivilege", "SeIncreaseQuotaPrivilege", "SeMachineAccountPrivilege",
    "SeTcbPrivilege", "SeSecurityPrivilege", "SeTakeOwnershipPrivilege",
    "SeLoadDriverPrivilege", "SeSystemProfilePrivilege", "SeSystemtimePrivilege",
    "SeProfileSingleProcessPrivilege", "SeIncreaseBasePriorityPrivilege",
    "SeCreatePagefilePrivilege", "SeCreatePermanentPrivilege", "SeBackupPrivilege",
    "SeRestorePrivilege", "SeShutdownPrivilege", "SeDebugPrivilege",
    "SeAuditPrivilege", "SeSystemEnvironmentPrivilege", "SeChangeNotifyPrivilege",
    "SeRemoteShutdownPrivilege", "SeUndockPrivilege", "SeSyncAgentPrivilege",
    "SeEnableDelegationPrivilege", "SeManageVolumePrivilege", "SeImpersonatePrivilege",
    "SeCreateGlobalPrivilege", "SeTrustedCredManAccessPrivilege", "SeRelabelPrivilege",
    "SeIncreaseWorkingSetPrivilege", "SeTimeZonePrivilege", "SeCreateSymbolicLinkPrivilege",
};

/* LookupPrivilegeValueW (advapi32): Windows' fixed LUIDs. */
BOOL WINAPI LookupPrivilegeValueW(LPCWSTR system, LPCWSTR name, LUID *luid)
{
    char *n = wstr_to_utf8_alloc(name);
    for (unsigned i = 2; n && i < sizeof privileges / sizeof *privileges; i++)
        if (!strcasecmp(n, privileges[i])) {
            free(n);
            luid->LowPart = i;
            luid->HighPart = 0;
            return TRUE;
        }
    free(n);
    set_error(ERROR_NO_SUCH_PRIVILEGE);
    return FALSE;
}

/* LookupPrivilegeValueA (advapi32) */
BOOL WINAPI LookupPrivilegeValueA(LPCSTR system, LPCSTR name, LUID *luid)
{
    WCHAR *w = utf8_to_wstr_alloc(name);
    BOOL r = LookupPrivilegeValueW(NULL, w, luid);
    free(w);
    return r;
}

/* AdjustTokenPrivileges (advapi32): a standard user has none of the
 * interesting privileges, so the call "succeeds" with
 * ERROR_NOT_ALL_ASSIGNED, exactly as on Windows without elevation. */
BOOL WINAPI AdjustTokenPrivileges(HANDLE token, BOOL disable_all, void *state, DWORD len,
                                  void *prev, DWORD *ret_len)
{
    if (ret_len)
        *ret_len = 0;
    set_error(ERROR_NOT_ALL_ASSIGNED);
    return TRUE;
}

/* The user's SID: S-1-5-21-0-0-0-1000, a local account. */
static const BYTE user_sid[] = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 0, 0, 0, 0,
                                0, 0, 0, 0, 0, 0, 0, 0, 0xe8, 3, 0, 0};

#define TokenUser 1
#define TokenElevation 20
#define TokenElevationType 18

/* GetTokenInformation (advapi32) */
BOOL WINAPI GetTokenInformation(HANDLE token, int cls, LPVOID info, DWORD len, DWORD *ret)
{
    switch (cls) {
    case TokenUser: {
        DWORD need = 16 + sizeof user_sid;
        *ret = need;
        if (len < need) {
            set_error(ERROR_INSUFFICIENT_BUFFER);
            return FALSE;
        }
        memset(info, 0, 16);
        *(void **)info = (BYTE *)info + 16; /* TOKEN_USER { SID_AND_ATTRIBUTES } */
        memcpy((BYTE *)info + 16, user_sid, sizeof user_sid);
        return TRUE;
    }
    case TokenElevation:
    case TokenElevationType:
        *ret = 4;
        if (len < 4) {
            set_error(ERROR_INSUFFICIENT_BUFFER);
            return FALSE;
        }
        *(DWORD *)info = cls == TokenElevation ? 0 : 1; /* not elevated / default */
        return TRUE;
    default:
        FIXME("token information class %d", cls);
        set_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
}

/* GetFileSecurityW (advapi32): no ACLs to report. */
BOOL WINAPI GetFileSecurityW(LPCWSTR name, DWORD what, void *sd, DWORD len, DWORD *need)
{
    FIXME("file security descriptors");
    set_error(ERROR_NOT_SUPPORTED);
    return FALSE;
}

/* SetFileSecurityW (advapi32): accepted, nothing stored. */
BOOL WINAPI SetFileSecurityW(LPCWSTR name, DWORD what, void *sd) { return TRUE; }

/* GetUserNameW (advapi32) */
BOOL WINAPI GetUserNameW(LPWSTR buf, LPDWORD len)
{
    WCHAR *u = process_getenv_w(u"USERNAME");
    DWORD n = u ? wstr_len(u) + 1 : 5;
    if (*len < n) {
        *len = n;
        free(u);
        set_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(buf, u ? u : u"user", n * sizeof(WCHAR));
    *len = n;
    free(u);
    return TRUE;
}

/* GetUserNameA (advapi32) */
BOOL WINAPI GetUserNameA(LPSTR buf, LPDWORD len)
{
    WCHAR w[256];
    DWORD n = 256;
    if (!GetUserNameW(w, &n))
        return FALSE;
    DWORD need = wstr_to_utf8(w, -1, NULL, 0);
    if (*len < need) {
        *len = need;
        set_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    wstr_to_utf8(w, -1, buf, *len);
    *len = need;
    return TRUE;
}

int random_fill(void *buf, size_t len);

/* SystemFunction036 (advapi32): RtlGenRandom. */
BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len) { return random_fill(buf, len) == 0; }

/* IsValidSid (advapi32) */
BOOL WINAPI IsValidSid(const BYTE *sid) { return sid && sid[0] == 1 && sid[1] <= 15; }

/* GetLengthSid (advapi32) */
DWORD WINAPI GetLengthSid(const BYTE *sid) { return 8 + 4 * sid[1]; }
