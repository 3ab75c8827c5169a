/* Volumes and drives: GetVolumeInformationW on C:\ (only what does not
 * depend on the machine: success, a file system name, 255-character
 * components, case-preserved names), GetDiskFreeSpace(Ex)W,
 * GetLogicalDrives and GetLogicalDriveStringsW (C: is there),
 * GetDriveTypeW, GetVolumePathNameW. */
#include <windows.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

/* a drive letter that is not in use */
static WCHAR unused_drive(void)
{
    DWORD mask = GetLogicalDrives();
    for (int i = 25; i >= 3; i--)
        if (!(mask & (1u << i)))
            return L'A' + i;
    return 0;
}

int main(void)
{
    WCHAR label[MAX_PATH + 1], fs[MAX_PATH + 1], buf[512];
    DWORD serial = 0, maxcomp = 0, flags = 0;
    ULARGE_INTEGER avail, total, freeb;
    DWORD spc, bps, freec, totalc;
    BOOL r;

    memset(fs, 0, sizeof fs);
    r = GetVolumeInformationW(L"C:\\", label, MAX_PATH + 1, &serial, &maxcomp, &flags, fs, MAX_PATH + 1);
    ok(r, "GetVolumeInformationW C:\\: %lu", GetLastError());
    ok(fs[0] != 0, "a file system name");
    ok(maxcomp == 255, "component length %lu", maxcomp);
    ok(flags & FILE_CASE_PRESERVED_NAMES, "case-preserved names: %lx", flags);
    r = GetVolumeInformationW(L"C:\\", NULL, 0, NULL, NULL, NULL, NULL, 0);
    ok(r, "GetVolumeInformationW with nothing to return: %lu", GetLastError());
    r = GetVolumeInformationW(NULL, NULL, 0, &serial, NULL, NULL, NULL, 0);
    ok(r, "GetVolumeInformationW(NULL): the current drive: %lu", GetLastError());

    WCHAR none[] = L"?:\\";
    none[0] = unused_drive();
    SetLastError(0xdeadbeef);
    r = GetVolumeInformationW(none, NULL, 0, NULL, NULL, NULL, NULL, 0);
    ok(!r && (GetLastError() == ERROR_PATH_NOT_FOUND || GetLastError() == ERROR_INVALID_DRIVE),
       "a drive that does not exist: %lu", GetLastError());

    r = GetDiskFreeSpaceExW(L"C:\\", &avail, &total, &freeb);
    ok(r, "GetDiskFreeSpaceExW: %lu", GetLastError());
    ok(total.QuadPart > 0 && freeb.QuadPart <= total.QuadPart && avail.QuadPart <= freeb.QuadPart,
       "free <= total, available <= free");
    ok(GetDiskFreeSpaceExW(NULL, &avail, NULL, NULL), "GetDiskFreeSpaceExW(NULL)");
    ok(GetDiskFreeSpaceExW(L"C:\\windows\\", &avail, NULL, NULL), "a directory on the drive");
    r = GetDiskFreeSpaceW(L"C:\\", &spc, &bps, &freec, &totalc);
    ok(r && spc > 0 && (bps == 512 || bps == 4096) && totalc > 0 && freec <= totalc, "GetDiskFreeSpaceW: %lu %lu",
       spc, bps);

    DWORD drives = GetLogicalDrives();
    ok(drives & (1 << 2), "C: in GetLogicalDrives: %lx", drives);
    DWORD n = GetLogicalDriveStringsW(0, NULL);
    ok(n > 4 && n < 512, "GetLogicalDriveStringsW size %lu", n);
    DWORD n2 = GetLogicalDriveStringsW(512, buf);
    ok(n2 == n - 1, "the strings without the final NUL: %lu", n2);
    int found_c = 0, count = 0;
    for (WCHAR *p = buf; *p; p += wcslen(p) + 1) {
        count++;
        found_c |= !wcscmp(p, L"C:\\");
        ok(wcslen(p) == 3 && p[1] == ':' && p[2] == '\\', "a root: %ls", p);
    }
    ok(found_c, "C:\\ listed");
    ok(count == __builtin_popcount(drives), "one string per drive: %d", count);

    ok(GetDriveTypeW(L"C:\\") == DRIVE_FIXED, "C: is fixed: %u", GetDriveTypeW(L"C:\\"));
    ok(GetDriveTypeW(L"c:\\") == DRIVE_FIXED, "c: is fixed");
    ok(GetDriveTypeW(none) == DRIVE_NO_ROOT_DIR, "unused drive: %u", GetDriveTypeW(none));

    r = GetVolumePathNameW(L"C:\\windows\\system32\\kernel32.dll", buf, 512);
    ok(r && !wcscmp(buf, L"C:\\"), "GetVolumePathNameW: %ls", buf);
    return test_summary();
}
