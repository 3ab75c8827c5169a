// build: -lshell32 -lole32 -luuid
/* SHGetKnownFolderPath and SHGetFolderPathW: the Windows 10 profile
 * layout under %USERPROFILE%, the shared folders under %ProgramData%,
 * %PUBLIC%, %ProgramFiles% and %windir%; the result in task memory;
 * unknown IDs and CSIDLs. Printed relative to those variables and in
 * lower case (Windows says "Users" and "Startup" where Wine and decant
 * say "users" and "StartUp"; names are case-insensitive). */
#define INITGUID
#include <windows.h>
#include <shlobj.h>
#include <knownfolders.h>
#include <stdio.h>
#include <wchar.h>
#include "test.h"

static const WCHAR *vars[] = {L"USERPROFILE", L"PUBLIC", L"ProgramData", L"ProgramFiles", L"windir"};
static WCHAR values[5][MAX_PATH];

static void print_path(const WCHAR *p)
{
    size_t best = 0;
    int which = -1;
    for (int i = 0; i < 5; i++) {
        size_t n = wcslen(values[i]);
        if (n > best && !_wcsnicmp(p, values[i], n) && (p[n] == 0 || p[n] == '\\')) {
            best = n;
            which = i;
        }
    }
    if (which >= 0)
        printf("%%%ls%%", vars[which]);
    for (const WCHAR *s = p + best; *s; s++)
        printf("%lc", towlower(*s));
    printf("\n");
}

#define K(x) {&FOLDERID_##x, #x}
static const struct { const GUID *id; const char *name; } known[] = {
    K(Profile), K(RoamingAppData), K(LocalAppData), K(LocalAppDataLow), K(Desktop),
    K(Documents), K(Downloads), K(Music), K(Pictures), K(Videos), K(Favorites), K(Links),
    K(Contacts), K(SavedGames), K(SavedSearches), K(Templates), K(Recent), K(SendTo),
    K(StartMenu), K(Programs), K(Startup), K(InternetCache), K(Cookies), K(History),
    K(ProgramData), K(CommonStartMenu), K(CommonPrograms), K(CommonStartup),
    K(CommonTemplates), K(Public), K(PublicDesktop), K(PublicDocuments), K(UserProfiles),
    K(ProgramFiles), K(ProgramFilesX64), K(ProgramFilesX86), K(ProgramFilesCommon),
    K(ProgramFilesCommonX64), K(ProgramFilesCommonX86), K(Windows), K(System),
    K(SystemX86), K(Fonts),
};

static const struct { int csidl; const char *name; } csidls[] = {
    {CSIDL_DESKTOP, "DESKTOP"}, {CSIDL_DESKTOPDIRECTORY, "DESKTOPDIRECTORY"},
    {CSIDL_PERSONAL, "PERSONAL"}, {CSIDL_APPDATA, "APPDATA"},
    {CSIDL_LOCAL_APPDATA, "LOCAL_APPDATA"}, {CSIDL_COMMON_APPDATA, "COMMON_APPDATA"},
    {CSIDL_PROFILE, "PROFILE"}, {CSIDL_WINDOWS, "WINDOWS"}, {CSIDL_SYSTEM, "SYSTEM"},
    {CSIDL_PROGRAM_FILES, "PROGRAM_FILES"}, {CSIDL_PROGRAM_FILES_COMMON, "PROGRAM_FILES_COMMON"},
    {CSIDL_FONTS, "FONTS"}, {CSIDL_STARTUP, "STARTUP"}, {CSIDL_COMMON_DOCUMENTS, "COMMON_DOCUMENTS"},
    {CSIDL_MYMUSIC, "MYMUSIC"}, {CSIDL_MYPICTURES, "MYPICTURES"}, {CSIDL_MYVIDEO, "MYVIDEO"},
    {CSIDL_APPDATA | CSIDL_FLAG_CREATE, "APPDATA|FLAG_CREATE"},
};

int main(void)
{
    for (int i = 0; i < 5; i++)
        GetEnvironmentVariableW(vars[i], values[i], MAX_PATH);
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
        WCHAR *p = (WCHAR *)1;
        HRESULT hr = SHGetKnownFolderPath(known[i].id, 0, NULL, &p);
        printf("%s: ", known[i].name);
        if (hr != S_OK) {
            printf("%#lx\n", hr);
            continue;
        }
        print_path(p);
        ok(GetFileAttributesW(p) & FILE_ATTRIBUTE_DIRECTORY, "%s exists", known[i].name);
        CoTaskMemFree(p);
    }
    WCHAR *p = (WCHAR *)1;
    GUID unknown = {0x12345678, 0x1234, 0x1234, {1, 2, 3, 4, 5, 6, 7, 8}};
    HRESULT hr = SHGetKnownFolderPath(&unknown, 0, NULL, &p);
    printf("unknown id: %#lx, path %s\n", hr, p ? "set" : "NULL");

    for (size_t i = 0; i < sizeof csidls / sizeof *csidls; i++) {
        WCHAR buf[MAX_PATH];
        hr = SHGetFolderPathW(NULL, csidls[i].csidl, NULL, SHGFP_TYPE_CURRENT, buf);
        printf("CSIDL_%s: ", csidls[i].name);
        if (hr != S_OK)
            printf("%#lx\n", hr);
        else
            print_path(buf);
    }
    WCHAR buf[MAX_PATH];
    printf("CSIDL 0x77: %#lx\n", SHGetFolderPathW(NULL, 0x77, NULL, 0, buf));
    printf("CSIDL_DRIVES (virtual): %#lx\n", SHGetFolderPathW(NULL, CSIDL_DRIVES, NULL, 0, buf));
    return test_summary();
}
