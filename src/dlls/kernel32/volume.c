/* Volumes and disks, DOS date/time conversions, and the file-API code
 * page switch. A drive is the file system under its root directory. */
#include <errno.h>
#include <string.h>
#include <sys/statvfs.h>
#include <sys/stat.h>

#define DEBUG_CHANNEL file
#include "debug.h"
#include "file.h"
#include "kernel32_private.h"
#include "ntapi.h"
#include "path.h"

static char *root_unix(LPCWSTR root)
{
    enum path_device dev;
    NTSTATUS st;
    return path_dos_to_unix(root ? root : u"\\", &dev, &st);
}

/* GetDiskFreeSpaceExW (kernel32) */
BOOL WINAPI GetDiskFreeSpaceExW(LPCWSTR root, ULARGE_INTEGER *avail, ULARGE_INTEGER *total,
                                ULARGE_INTEGER *free_bytes)
{
    char *p = root_unix(root);
    struct statvfs sv;
    if (!p || statvfs(*p ? p : "/", &sv) < 0) {
        free(p);
        set_last_error(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    free(p);
    if (avail)
        avail->QuadPart = (ULONGLONG)sv.f_bavail * sv.f_frsize;
    if (total)
        total->QuadPart = (ULONGLONG)sv.f_blocks * sv.f_frsize;
    if (free_bytes)
        free_bytes->QuadPart = (ULONGLONG)sv.f_bfree * sv.f_frsize;
    return TRUE;
}

/* GetDiskFreeSpaceExA (kernel32) */
BOOL WINAPI GetDiskFreeSpaceExA(LPCSTR root, ULARGE_INTEGER *avail, ULARGE_INTEGER *total,
                                ULARGE_INTEGER *free_bytes)
{
    WCHAR *w = a_to_w(root);
    BOOL r = GetDiskFreeSpaceExW(w, avail, total, free_bytes);
    free(w);
    return r;
}

/* GetDiskFreeSpaceW (kernel32): clusters of 8 sectors of 512 bytes, the
 * counts clipped to 32 bits as Windows does for big volumes. */
BOOL WINAPI GetDiskFreeSpaceW(LPCWSTR root, LPDWORD spc, LPDWORD bps, LPDWORD freec,
                              LPDWORD totalc)
{
    ULARGE_INTEGER avail, total;
    if (!GetDiskFreeSpaceExW(root, &avail, &total, NULL))
        return FALSE;
    ULONGLONG cluster = 4096, f = avail.QuadPart / cluster, t = total.QuadPart / cluster;
    if (spc)
        *spc = 8;
    if (bps)
        *bps = 512;
    if (freec)
        *freec = f > 0xffffffffu ? 0xffffffffu : (DWORD)f;
    if (totalc)
        *totalc = t > 0xffffffffu ? 0xffffffffu : (DWORD)t;
    return TRUE;
}

/* GetDiskFreeSpaceA (kernel32) */
BOOL WINAPI GetDiskFreeSpaceA(LPCSTR root, LPDWORD spc, LPDWORD bps, LPDWORD freec,
                              LPDWORD totalc)
{
    WCHAR *w = a_to_w(root);
    BOOL r = GetDiskFreeSpaceW(w, spc, bps, freec, totalc);
    free(w);
    return r;
}

/* A name of `bytes` bytes into an optional buffer of `len` units, with
 * its NUL. */
static BOOL copy_name(WCHAR *dst, DWORD len, const WCHAR *name, ULONG bytes)
{
    size_t n = bytes / sizeof(WCHAR);
    if (!dst || !len)
        return TRUE;
    if (n >= len)
        return set_ntstatus(STATUS_BUFFER_TOO_SMALL);
    memcpy(dst, name, n * sizeof(WCHAR));
    dst[n] = 0;
    return TRUE;
}

/* GetVolumeInformationByHandleW (kernel32): the volume the open file or
 * directory is on, as NtQueryVolumeInformationFile describes it. */
BOOL WINAPI GetVolumeInformationByHandleW(HANDLE h, LPWSTR label, DWORD label_len,
                                          LPDWORD serial, LPDWORD max_comp, LPDWORD flags,
                                          LPWSTR fs, DWORD fs_len)
{
    union {
        struct { /* FILE_FS_VOLUME_INFORMATION */
            LARGE_INTEGER created;
            ULONG serial, label_len;
            BOOLEAN objects;
            WCHAR label[MAX_PATH + 1];
        } vol;
        struct { /* FILE_FS_ATTRIBUTE_INFORMATION */
            ULONG flags;
            LONG max_comp;
            ULONG name_len;
            WCHAR name[MAX_PATH + 1];
        } attr;
    } u;
    IO_STATUS_BLOCK io;
    NTSTATUS st = NtQueryVolumeInformationFile(h, &io, &u.vol, sizeof u.vol,
                                               1 /* FileFsVolumeInformation */);
    if (st)
        return set_ntstatus(st);
    if (serial)
        *serial = u.vol.serial;
    if (!copy_name(label, label_len, u.vol.label, u.vol.label_len))
        return FALSE;
    st = NtQueryVolumeInformationFile(h, &io, &u.attr, sizeof u.attr,
                                      5 /* FileFsAttributeInformation */);
    if (st)
        return set_ntstatus(st);
    if (max_comp)
        *max_comp = u.attr.max_comp;
    if (flags)
        *flags = u.attr.flags;
    return copy_name(fs, fs_len, u.attr.name, u.attr.name_len);
}

/* GetVolumeInformationW (kernel32): the root directory's volume (any
 * directory's here: every directory is on some volume). */
BOOL WINAPI GetVolumeInformationW(LPCWSTR root, LPWSTR label, DWORD label_len,
                                  LPDWORD serial, LPDWORD max_comp, LPDWORD flags,
                                  LPWSTR fs, DWORD fs_len)
{
    HANDLE h;
    NTSTATUS st = file_create(root ? root : u"\\", SYNCHRONIZE | FILE_READ_ATTRIBUTES, 0,
                              FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                              FILE_OPEN, FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT,
                              FALSE, &h, NULL);
    if (st) {
        set_last_error(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    BOOL r = GetVolumeInformationByHandleW(h, label, label_len, serial, max_comp, flags, fs,
                                           fs_len);
    NtClose(h);
    return r;
}

/* GetVolumeInformationA (kernel32) */
BOOL WINAPI GetVolumeInformationA(LPCSTR root, LPSTR label, DWORD label_len, LPDWORD serial,
                                  LPDWORD max_comp, LPDWORD flags, LPSTR fs, DWORD fs_len)
{
    WCHAR *w = a_to_w(root), wfs[16];
    BOOL r = GetVolumeInformationW(w, NULL, 0, serial, max_comp, flags, wfs, 16);
    free(w);
    if (r && label && label_len)
        label[0] = 0;
    if (r && fs)
        wstr_to_utf8(wfs, -1, fs, fs_len);
    return r;
}

/* GetVolumePathNameW (kernel32): the drive root. */
BOOL WINAPI GetVolumePathNameW(LPCWSTR name, LPWSTR out, DWORD len)
{
    WCHAR *full = path_full_dos(name);
    BOOL ok = len >= 4;
    if (ok) {
        out[0] = full[0];
        out[1] = ':';
        out[2] = '\\';
        out[3] = 0;
    } else {
        set_last_error(ERROR_FILENAME_EXCED_RANGE);
    }
    free(full);
    return ok;
}

/* GetLogicalDriveStringsW (kernel32): "C:\", "Z:\", ... double-NUL-ended. */
DWORD WINAPI GetLogicalDriveStringsW(DWORD len, LPWSTR buf)
{
    DWORD mask = GetLogicalDrives(), need = 1;
    for (int i = 0; i < 26; i++)
        if (mask & (1u << i))
            need += 4;
    if (need > len)
        return need;
    WCHAR *p = buf;
    for (int i = 0; i < 26; i++)
        if (mask & (1u << i)) {
            *p++ = 'A' + i;
            *p++ = ':';
            *p++ = '\\';
            *p++ = 0;
        }
    *p = 0;
    return need - 1;
}

/* GetLogicalDriveStringsA (kernel32) */
DWORD WINAPI GetLogicalDriveStringsA(DWORD len, LPSTR buf)
{
    WCHAR w[128];
    DWORD n = GetLogicalDriveStringsW(128, w);
    if (n + 1 > len)
        return n + 1;
    for (DWORD i = 0; i <= n; i++)
        buf[i] = (char)w[i];
    return n;
}

/* DeviceIoControl (kernel32): no device control codes are supported; the
 * file systems' queries answer "not supported" as on a FAT volume. */
BOOL WINAPI DeviceIoControl(HANDLE h, DWORD code, LPVOID in, DWORD in_len, LPVOID out,
                            DWORD out_len, LPDWORD returned, OVERLAPPED *ov)
{
    FIXME("DeviceIoControl code %#x", code);
    if (returned)
        *returned = 0;
    set_last_error(ERROR_INVALID_FUNCTION);
    return FALSE;
}

/* DosDateTimeToFileTime (kernel32) */
BOOL WINAPI DosDateTimeToFileTime(WORD date, WORD time, FILETIME *ft)
{
    SYSTEMTIME st = {0};
    st.wYear = (date >> 9) + 1980;
    st.wMonth = (date >> 5) & 0xf;
    st.wDay = date & 0x1f;
    st.wHour = time >> 11;
    st.wMinute = (time >> 5) & 0x3f;
    st.wSecond = (time & 0x1f) * 2;
    return SystemTimeToFileTime(&st, ft);
}

/* FileTimeToDosDateTime (kernel32): years 1980-2107 only. */
BOOL WINAPI FileTimeToDosDateTime(const FILETIME *ft, WORD *date, WORD *time)
{
    SYSTEMTIME st;
    if (!FileTimeToSystemTime(ft, &st) || st.wYear < 1980 || st.wYear > 2107) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *date = (WORD)((st.wYear - 1980) << 9 | st.wMonth << 5 | st.wDay);
    *time = (WORD)(st.wHour << 11 | st.wMinute << 5 | st.wSecond / 2);
    return TRUE;
}

/* The "A" file functions use the ANSI code page; SetFileApisToOEM would
 * switch them to OEM. Both are UTF-8 here, so only the flag moves. */
static BOOL file_apis_ansi = TRUE;

/* SetFileApisToOEM (kernel32) */
void WINAPI SetFileApisToOEM(void) { file_apis_ansi = FALSE; }

/* SetFileApisToANSI (kernel32) */
void WINAPI SetFileApisToANSI(void) { file_apis_ansi = TRUE; }

/* AreFileApisANSI (kernel32) */
BOOL WINAPI AreFileApisANSI(void) { return file_apis_ansi; }

/* SetProcessAffinityMask (kernel32): accepted, not applied. */
BOOL WINAPI SetProcessAffinityMask(HANDLE process, DWORD_PTR mask) { return mask != 0; }
