/* Known folders (SHGetKnownFolderPath) and their older CSIDL numbers
 * (SHGetFolderPath): the Windows 10 layout of a profile, placed where
 * decant's environment says the profile is (USERPROFILE =
 * C:\users\<user>, APPDATA, LOCALAPPDATA, ProgramData...: process.c).
 * On Windows these folders always exist, made with the profile; decant
 * makes them the first time a program asks, unless it asks not to
 * verify the path. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEBUG_CHANNEL misc
#include "debug.h"
#include "path.h"
#include "process.h"
#include "wstr.h"

typedef LONG HRESULT;
typedef struct {
    DWORD Data1;
    WORD Data2, Data3;
    BYTE Data4[8];
} GUID;

void *WINAPI CoTaskMemAlloc(SIZE_T size);

#define S_OK 0
#define E_FAIL ((HRESULT)0x80004005)
#define E_INVALIDARG ((HRESULT)0x80070057)
#define E_OUTOFMEMORY ((HRESULT)0x8007000e)
#define HRESULT_FILE_NOT_FOUND ((HRESULT)0x80070002)
#define KF_FLAG_DONT_VERIFY 0x4000
#define CSIDL_FLAG_DONT_VERIFY 0x4000
#define CSIDL_FLAG_MASK 0xff00

enum base { IN_PROFILE, ON_C };

static const struct folder {
    GUID id;
    int csidl; /* -1: none */
    enum base base;
    const WCHAR *path; /* after the profile, or after C:\ */
} folders[] = {
    {{0xb4bfcc3a, 0xdb2c, 0x424c, {0xb0, 0x29, 0x7f, 0xe9, 0x9a, 0x87, 0xc6, 0x41}}, 0x10, IN_PROFILE, u"\\Desktop"}, /* Desktop */
    {{0xfdd39ad0, 0x238f, 0x46af, {0xad, 0xb4, 0x6c, 0x85, 0x48, 0x03, 0x69, 0xc7}}, 0x05, IN_PROFILE, u"\\Documents"}, /* Documents */
    {{0x374de290, 0x123f, 0x4565, {0x91, 0x64, 0x39, 0xc4, 0x92, 0x5e, 0x46, 0x7b}}, -1, IN_PROFILE, u"\\Downloads"}, /* Downloads */
    {{0x4bd8d571, 0x6d19, 0x48d3, {0xbe, 0x97, 0x42, 0x22, 0x20, 0x08, 0x0e, 0x43}}, 0x0d, IN_PROFILE, u"\\Music"}, /* Music */
    {{0x33e28130, 0x4e1e, 0x4676, {0x83, 0x5a, 0x98, 0x39, 0x5c, 0x3b, 0xc3, 0xbb}}, 0x27, IN_PROFILE, u"\\Pictures"}, /* Pictures */
    {{0x18989b1d, 0x99b5, 0x455b, {0x84, 0x1c, 0xab, 0x7c, 0x74, 0xe4, 0xdd, 0xfc}}, 0x0e, IN_PROFILE, u"\\Videos"}, /* Videos */
    {{0x1777f761, 0x68ad, 0x4d8a, {0x87, 0xbd, 0x30, 0xb7, 0x59, 0xfa, 0x33, 0xdd}}, 0x06, IN_PROFILE, u"\\Favorites"}, /* Favorites */
    {{0xbfb9d5e0, 0xc6a9, 0x404c, {0xb2, 0xb2, 0xae, 0x6d, 0xb6, 0xaf, 0x49, 0x68}}, -1, IN_PROFILE, u"\\Links"}, /* Links */
    {{0x56784854, 0xc6cb, 0x462b, {0x81, 0x69, 0x88, 0xe3, 0x50, 0xac, 0xb8, 0x82}}, -1, IN_PROFILE, u"\\Contacts"}, /* Contacts */
    {{0x4c5c32ff, 0xbb9d, 0x43b0, {0xb5, 0xb4, 0x2d, 0x72, 0xe5, 0x4e, 0xaa, 0xa4}}, -1, IN_PROFILE, u"\\Saved Games"}, /* SavedGames */
    {{0x7d1d3a04, 0xdebb, 0x4115, {0x95, 0xcf, 0x2f, 0x29, 0xda, 0x29, 0x20, 0xda}}, -1, IN_PROFILE, u"\\Searches"}, /* SavedSearches */
    {{0x5e6c858f, 0x0e22, 0x4760, {0x9a, 0xfe, 0xea, 0x33, 0x17, 0xb6, 0x71, 0x73}}, 0x28, IN_PROFILE, u""}, /* Profile */
    {{0x3eb685db, 0x65f9, 0x4cf6, {0xa0, 0x3a, 0xe3, 0xef, 0x65, 0x72, 0x9f, 0x3d}}, 0x1a, IN_PROFILE, u"\\AppData\\Roaming"}, /* RoamingAppData */
    {{0xf1b32785, 0x6fba, 0x4fcf, {0x9d, 0x55, 0x7b, 0x8e, 0x7f, 0x15, 0x70, 0x91}}, 0x1c, IN_PROFILE, u"\\AppData\\Local"}, /* LocalAppData */
    {{0xa520a1a4, 0x1780, 0x4ff6, {0xbd, 0x18, 0x16, 0x73, 0x43, 0xc5, 0xaf, 0x16}}, -1, IN_PROFILE, u"\\AppData\\LocalLow"}, /* LocalAppDataLow */
    {{0x5cd7aee2, 0x2219, 0x4a67, {0xb8, 0x5d, 0x6c, 0x9c, 0xe1, 0x56, 0x60, 0xcb}}, -1, IN_PROFILE, u"\\AppData\\Local\\Programs"}, /* UserProgramFiles */
    {{0x352481e8, 0x33be, 0x4251, {0xba, 0x85, 0x60, 0x07, 0xca, 0xed, 0xcf, 0x9d}}, 0x20, IN_PROFILE, u"\\AppData\\Local\\Microsoft\\Windows\\INetCache"}, /* InternetCache */
    {{0x2b0f765d, 0xc0e9, 0x4171, {0x90, 0x8e, 0x08, 0xa6, 0x11, 0xb8, 0x4f, 0xf6}}, 0x21, IN_PROFILE, u"\\AppData\\Local\\Microsoft\\Windows\\INetCookies"}, /* Cookies */
    {{0xd9dc8a3b, 0xb784, 0x432e, {0xa7, 0x81, 0x5a, 0x11, 0x30, 0xa7, 0x59, 0x63}}, 0x22, IN_PROFILE, u"\\AppData\\Local\\Microsoft\\Windows\\History"}, /* History */
    {{0xa63293e8, 0x664e, 0x48db, {0xa0, 0x79, 0xdf, 0x75, 0x9e, 0x05, 0x09, 0xf7}}, 0x15, IN_PROFILE, u"\\AppData\\Roaming\\Microsoft\\Windows\\Templates"}, /* Templates */
    {{0xae50c081, 0xebd2, 0x438a, {0x86, 0x55, 0x8a, 0x09, 0x2e, 0x34, 0x98, 0x7a}}, 0x08, IN_PROFILE, u"\\AppData\\Roaming\\Microsoft\\Windows\\Recent"}, /* Recent */
    {{0x8983036c, 0x27c0, 0x404b, {0x8f, 0x08, 0x10, 0x2d, 0x10, 0xdc, 0xfd, 0x74}}, 0x09, IN_PROFILE, u"\\AppData\\Roaming\\Microsoft\\Windows\\SendTo"}, /* SendTo */
    {{0x625b53c3, 0xab48, 0x4ec1, {0xba, 0x1f, 0xa1, 0xef, 0x41, 0x46, 0xfc, 0x19}}, 0x0b, IN_PROFILE, u"\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu"}, /* StartMenu */
    {{0xa77f5d77, 0x2e2b, 0x44c3, {0xa6, 0xa2, 0xab, 0xa6, 0x01, 0x05, 0x4a, 0x51}}, 0x02, IN_PROFILE, u"\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs"}, /* Programs */
    {{0xb97d20bb, 0xf46a, 0x4c97, {0xba, 0x10, 0x5e, 0x36, 0x08, 0x43, 0x08, 0x54}}, 0x07, IN_PROFILE, u"\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup"}, /* Startup */
    {{0x62ab5d82, 0xfdc1, 0x4dc3, {0xa9, 0xdd, 0x07, 0x0d, 0x1d, 0x49, 0x5d, 0x97}}, 0x23, ON_C, u"ProgramData"}, /* ProgramData */
    {{0xa4115719, 0xd62e, 0x491d, {0xaa, 0x7c, 0xe7, 0x4b, 0x8b, 0xe3, 0xb0, 0x67}}, 0x16, ON_C, u"ProgramData\\Microsoft\\Windows\\Start Menu"}, /* CommonStartMenu */
    {{0x0139d44e, 0x6afe, 0x49f2, {0x86, 0x90, 0x3d, 0xaf, 0xca, 0xe6, 0xff, 0xb8}}, 0x17, ON_C, u"ProgramData\\Microsoft\\Windows\\Start Menu\\Programs"}, /* CommonPrograms */
    {{0x82a5ea35, 0xd9cd, 0x47c5, {0x96, 0x29, 0xe1, 0x5d, 0x2f, 0x71, 0x4e, 0x6e}}, 0x18, ON_C, u"ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp"}, /* CommonStartup */
    {{0xb94237e7, 0x57ac, 0x4347, {0x91, 0x51, 0xb0, 0x8c, 0x6c, 0x32, 0xd1, 0xf7}}, 0x2d, ON_C, u"ProgramData\\Microsoft\\Windows\\Templates"}, /* CommonTemplates */
    {{0x0762d272, 0xc50a, 0x4bb0, {0xa3, 0x82, 0x69, 0x7d, 0xcd, 0x72, 0x9b, 0x80}}, -1, ON_C, u"users"}, /* UserProfiles */
    {{0xdfdf76a2, 0xc82a, 0x4d63, {0x90, 0x6a, 0x56, 0x44, 0xac, 0x45, 0x73, 0x85}}, -1, ON_C, u"users\\Public"}, /* Public */
    {{0xc4aa340d, 0xf20f, 0x4863, {0xaf, 0xef, 0xf8, 0x7e, 0xf2, 0xe6, 0xba, 0x25}}, 0x19, ON_C, u"users\\Public\\Desktop"}, /* PublicDesktop */
    {{0xed4824af, 0xdce4, 0x45a8, {0x81, 0xe2, 0xfc, 0x79, 0x65, 0x08, 0x36, 0x34}}, 0x2e, ON_C, u"users\\Public\\Documents"}, /* PublicDocuments */
    {{0x3214fab5, 0x9757, 0x4298, {0xbb, 0x61, 0x92, 0xa9, 0xde, 0xaa, 0x44, 0xff}}, 0x35, ON_C, u"users\\Public\\Music"}, /* PublicMusic */
    {{0xb6ebfb86, 0x6907, 0x413c, {0x9a, 0xf7, 0x4f, 0xc2, 0xab, 0xf0, 0x7c, 0xc5}}, 0x36, ON_C, u"users\\Public\\Pictures"}, /* PublicPictures */
    {{0x2400183a, 0x6185, 0x49fb, {0xa2, 0xd8, 0x4a, 0x39, 0x2a, 0x60, 0x2b, 0xa3}}, 0x37, ON_C, u"users\\Public\\Videos"}, /* PublicVideos */
    {{0x3d644c9b, 0x1fb8, 0x4f30, {0x9b, 0x45, 0xf6, 0x70, 0x23, 0x5f, 0x79, 0xc0}}, -1, ON_C, u"users\\Public\\Downloads"}, /* PublicDownloads */
    {{0x905e63b6, 0xc1bf, 0x494e, {0xb2, 0x9c, 0x65, 0xb7, 0x32, 0xd3, 0xd2, 0x1a}}, 0x26, ON_C, u"Program Files"}, /* ProgramFiles */
    {{0x6d809377, 0x6af0, 0x444b, {0x89, 0x57, 0xa3, 0x77, 0x3f, 0x02, 0x20, 0x0e}}, -1, ON_C, u"Program Files"}, /* ProgramFilesX64 */
    {{0x7c5a40ef, 0xa0fb, 0x4bfc, {0x87, 0x4a, 0xc0, 0xf2, 0xe0, 0xb9, 0xfa, 0x8e}}, 0x2a, ON_C, u"Program Files (x86)"}, /* ProgramFilesX86 */
    {{0xf7f1ed05, 0x9f6d, 0x47a2, {0xaa, 0xae, 0x29, 0xd3, 0x17, 0xc6, 0xf0, 0x66}}, 0x2b, ON_C, u"Program Files\\Common Files"}, /* ProgramFilesCommon */
    {{0x6365d5a7, 0x0f0d, 0x45e5, {0x87, 0xf6, 0x0d, 0xa5, 0x6b, 0x6a, 0x4f, 0x7d}}, -1, ON_C, u"Program Files\\Common Files"}, /* ProgramFilesCommonX64 */
    {{0xde974d24, 0xd9c6, 0x4d3e, {0xbf, 0x91, 0xf4, 0x45, 0x51, 0x20, 0xb9, 0x17}}, 0x2c, ON_C, u"Program Files (x86)\\Common Files"}, /* ProgramFilesCommonX86 */
    {{0xf38bf404, 0x1d43, 0x42f2, {0x93, 0x05, 0x67, 0xde, 0x0b, 0x28, 0xfc, 0x23}}, 0x24, ON_C, u"windows"}, /* Windows */
    {{0x1ac14e77, 0x02e7, 0x4e5d, {0xb7, 0x44, 0x2e, 0xb1, 0xae, 0x51, 0x98, 0xb7}}, 0x25, ON_C, u"windows\\system32"}, /* System */
    {{0xd65231b0, 0xb2f1, 0x4857, {0xa4, 0xce, 0xa8, 0xe7, 0xc6, 0xea, 0x7d, 0x27}}, 0x29, ON_C, u"windows\\SysWOW64"}, /* SystemX86 */
    {{0xfd228cb7, 0xae11, 0x4ae3, {0x86, 0x4c, 0x16, 0xf3, 0x91, 0x0a, 0xb8, 0xfe}}, 0x14, ON_C, u"windows\\Fonts"}, /* Fonts */
    {{0x8ad10c31, 0x2adb, 0x4296, {0xa8, 0xf7, 0xe4, 0x70, 0x12, 0x32, 0xc9, 0x72}}, 0x38, ON_C, u"windows\\resources"}, /* ResourceDir */
};

static const struct folder *by_id(const GUID *id)
{
    for (size_t i = 0; i < sizeof folders / sizeof *folders; i++)
        if (!memcmp(&folders[i].id, id, sizeof *id))
            return &folders[i];
    return NULL;
}

static const struct folder *by_csidl(int csidl)
{
    if (csidl == 0) /* CSIDL_DESKTOP: its file system folder */
        csidl = 0x10;
    for (size_t i = 0; i < sizeof folders / sizeof *folders; i++)
        if (folders[i].csidl == csidl)
            return &folders[i];
    return NULL;
}

/* The folder's DOS path, malloc'ed. */
static WCHAR *folder_path(const struct folder *f)
{
    WCHAR *prefix;
    if (f->base == IN_PROFILE) {
        char buf[512];
        snprintf(buf, sizeof buf, "C:\\users\\%s", process_user_name());
        prefix = utf8_to_wstr_alloc(buf);
    } else {
        prefix = wstr_dup(u"C:\\");
    }
    size_t a = wstr_len(prefix), b = wstr_len(f->path);
    WCHAR *r = malloc((a + b + 1) * sizeof(WCHAR));
    memcpy(r, prefix, a * sizeof(WCHAR));
    memcpy(r + a, f->path, (b + 1) * sizeof(WCHAR));
    free(prefix);
    return r;
}

/* Makes the folder and its parents; 0 when it exists afterwards. */
static int materialise(const WCHAR *dos)
{
    enum path_device dev;
    NTSTATUS st;
    char *u = path_dos_to_unix(dos, &dev, &st);
    if (!u)
        return -1;
    struct stat sb;
    int r = 0;
    if (stat(u, &sb) < 0) {
        for (char *s = u + 1; *s; s++)
            if (*s == '/') {
                *s = 0;
                mkdir(u, 0777);
                *s = '/';
            }
        if (mkdir(u, 0777) < 0 && errno != EEXIST)
            r = -1;
        else
            TRACE("made %s", u);
    } else if (!S_ISDIR(sb.st_mode)) {
        r = -1;
    }
    free(u);
    return r;
}

/* SHGetKnownFolderPath (shell32): the path in task memory (the caller
 * frees it with CoTaskMemFree, also after a failure, when it is NULL).
 * An ID that is not a known folder fails with
 * HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND), as Windows answers for an
 * unregistered one. */
HRESULT WINAPI SHGetKnownFolderPath(const GUID *id, DWORD flags, HANDLE token, WCHAR **out)
{
    if (!out)
        return E_INVALIDARG;
    *out = NULL;
    const struct folder *f = id ? by_id(id) : NULL;
    if (!f)
        return HRESULT_FILE_NOT_FOUND;
    WCHAR *p = folder_path(f);
    if (!(flags & KF_FLAG_DONT_VERIFY) && materialise(p) < 0) {
        free(p);
        return HRESULT_FILE_NOT_FOUND;
    }
    size_t bytes = (wstr_len(p) + 1) * sizeof(WCHAR);
    *out = CoTaskMemAlloc(bytes);
    if (*out)
        memcpy(*out, p, bytes);
    free(p);
    return *out ? S_OK : E_OUTOFMEMORY;
}

/* SHGetFolderPathW (shell32): CSIDL numbers, into a MAX_PATH buffer.
 * Virtual folders (printers, the network...) have no path: E_INVALIDARG. */
HRESULT WINAPI SHGetFolderPathW(HANDLE hwnd, int csidl, HANDLE token, DWORD flags,
                                WCHAR *buf)
{
    if (!buf)
        return E_INVALIDARG;
    *buf = 0;
    const struct folder *f = by_csidl(csidl & ~CSIDL_FLAG_MASK);
    if (!f)
        return E_INVALIDARG;
    WCHAR *p = folder_path(f);
    HRESULT hr = S_OK;
    if (wstr_len(p) >= MAX_PATH)
        hr = E_FAIL;
    else if (!(csidl & CSIDL_FLAG_DONT_VERIFY) && materialise(p) < 0)
        hr = E_FAIL; /* the folder does not exist (SHGetFolderPathW's code) */
    else
        memcpy(buf, p, (wstr_len(p) + 1) * sizeof(WCHAR));
    free(p);
    return hr;
}

/* SHGetFolderPathA (shell32) */
HRESULT WINAPI SHGetFolderPathA(HANDLE hwnd, int csidl, HANDLE token, DWORD flags, char *buf)
{
    WCHAR w[MAX_PATH];
    HRESULT hr = SHGetFolderPathW(hwnd, csidl, token, flags, w);
    if (buf)
        *buf = 0;
    if (hr == S_OK && buf && wstr_to_utf8(w, -1, buf, MAX_PATH) > MAX_PATH) {
        *buf = 0;
        hr = E_FAIL;
    }
    return hr;
}

/* SHGetSpecialFolderPathW (shell32) */
BOOL WINAPI SHGetSpecialFolderPathW(HANDLE hwnd, WCHAR *buf, int csidl, BOOL create)
{
    return SHGetFolderPathW(hwnd, csidl, NULL, 0, buf) == S_OK;
}
