// build: -lntdll
/* NtQueryDirectoryFile on a directory handle: "." and ".." first, then
 * the names in NTFS's order (case-insensitive); entries 8-byte aligned,
 * the last with NextEntryOffset 0; STATUS_NO_MORE_FILES at the end and
 * RestartScan; ReturnSingleEntry; a mask (wildcards, case-insensitive)
 * taken from the first call only; STATUS_NO_SUCH_FILE when a first call
 * finds nothing; an entry that does not fit (left for the next call) and
 * a first entry whose name does not fit (STATUS_BUFFER_OVERFLOW with the
 * part that fits); every class's minimum length; the fields of each
 * class; errors, which leave the IO_STATUS_BLOCK alone. */
#include <windows.h>
#include <winternl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

NTSTATUS NTAPI NtQueryDirectoryFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK,
                                    PVOID, ULONG, FILE_INFORMATION_CLASS, BOOLEAN,
                                    PUNICODE_STRING, BOOLEAN);

#define S_NO_MORE_FILES ((NTSTATUS)0x80000006)
#define S_BUFFER_OVERFLOW ((NTSTATUS)0x80000005)
#define S_NO_SUCH_FILE ((NTSTATUS)0xc000000f)
#define S_INFO_LENGTH_MISMATCH ((NTSTATUS)0xc0000004)
#define S_INVALID_INFO_CLASS ((NTSTATUS)0xc0000003)
#define S_INVALID_PARAMETER ((NTSTATUS)0xc000000d)
#define S_INVALID_HANDLE ((NTSTATUS)0xc0000008)
#define S_ACCESS_DENIED ((NTSTATUS)0xc0000022)

#define ALIGN8(x) (((x) + 7) & ~7)

static BYTE data[8192];

static HANDLE open_dir(const WCHAR *name, DWORD access)
{
    return CreateFileW(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                       OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
}

static void touch(const WCHAR *name, DWORD size)
{
    static char zeros[100];
    DWORD n;
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, zeros, size, &n, NULL);
    CloseHandle(h);
}

static NTSTATUS query(HANDLE h, IO_STATUS_BLOCK *io, ULONG len, int cls, BOOLEAN single,
                      const WCHAR *mask, BOOLEAN restart)
{
    UNICODE_STRING us;
    if (mask) {
        us.Buffer = (WCHAR *)mask;
        us.Length = us.MaximumLength = wcslen(mask) * sizeof(WCHAR);
    }
    io->Status = 0xdeadbeef;
    io->Information = 0xdeadbeef;
    return NtQueryDirectoryFile(h, NULL, NULL, NULL, io, data, len, cls, single,
                                mask ? &us : NULL, restart);
}

/* Prints the names of a FileNamesInformation buffer, checking the links. */
static int print_names(ULONG info)
{
    ULONG pos = 0;
    int n = 0;
    for (;;) {
        FILE_NAMES_INFORMATION *e = (FILE_NAMES_INFORMATION *)(data + pos);
        printf(" %.*ls", (int)(e->FileNameLength / 2), e->FileName);
        n++;
        if (!e->NextEntryOffset) {
            ok(pos + offsetof(FILE_NAMES_INFORMATION, FileName) + e->FileNameLength == info,
               "Information ends with the last name: %lu", info);
            break;
        }
        ok(e->NextEntryOffset ==
               ALIGN8(offsetof(FILE_NAMES_INFORMATION, FileName) + e->FileNameLength),
           "the next entry at the next 8-byte boundary: %lu", e->NextEntryOffset);
        pos += e->NextEntryOffset;
    }
    printf("\n");
    return n;
}

/* The names a handle lists from here on, FileNamesInformation, one call. */
static void list(const char *what, HANDLE h, const WCHAR *mask, BOOLEAN restart)
{
    IO_STATUS_BLOCK io;
    NTSTATUS st = query(h, &io, sizeof data, FileNamesInformation, FALSE, mask, restart);
    printf("%s: %#lx", what, st);
    if (st == 0)
        print_names(io.Information);
    else
        printf(" (io %#lx)\n", io.Status);
}

static void test_classes(HANDLE dir)
{
    static const struct {
        int cls;
        size_t name_off;
    } classes[] = {
        {FileDirectoryInformation, offsetof(FILE_DIRECTORY_INFORMATION, FileName)},
        {FileFullDirectoryInformation, offsetof(FILE_FULL_DIR_INFORMATION, FileName)},
        {FileBothDirectoryInformation, offsetof(FILE_BOTH_DIR_INFORMATION, FileName)},
        {FileNamesInformation, offsetof(FILE_NAMES_INFORMATION, FileName)},
        {FileIdBothDirectoryInformation, offsetof(FILE_ID_BOTH_DIR_INFORMATION, FileName)},
        {FileIdFullDirectoryInformation, offsetof(FILE_ID_FULL_DIR_INFORMATION, FileName)},
    };
    IO_STATUS_BLOCK io;
    for (int i = 0; i < 6; i++) {
        ULONG min = ALIGN8(classes[i].name_off + 2), len;
        NTSTATUS st;
        for (len = 0; len < 200; len++)
            if ((st = query(dir, &io, len, classes[i].cls, FALSE, NULL, TRUE)) !=
                S_INFO_LENGTH_MISMATCH)
                break;
            else if (io.Status != (NTSTATUS)0xdeadbeef)
                break;
        ok(len == min && st == 0, "class %d: shortest buffer %lu (want %lu), status %#lx",
           classes[i].cls, len, min, st);
        ok(io.Information == classes[i].name_off + 2, "class %d: \".\" alone: %lu",
           classes[i].cls, (ULONG)io.Information);
    }
    NTSTATUS st = query(dir, &io, sizeof data, FileBasicInformation, FALSE, NULL, TRUE);
    ok(st == S_INVALID_INFO_CLASS && io.Status == (NTSTATUS)0xdeadbeef,
       "FileBasicInformation is not a directory class: %#lx", st);
}

/* The entry for `name` in a buffer of FILE_ID_BOTH_DIR_INFORMATION. */
static FILE_ID_BOTH_DIR_INFORMATION *find_both(const WCHAR *name)
{
    ULONG pos = 0;
    for (;;) {
        FILE_ID_BOTH_DIR_INFORMATION *e = (FILE_ID_BOTH_DIR_INFORMATION *)(data + pos);
        if (e->FileNameLength == wcslen(name) * 2 && !memcmp(e->FileName, name, e->FileNameLength))
            return e;
        if (!e->NextEntryOffset)
            return NULL;
        pos += e->NextEntryOffset;
    }
}

static void test_fields(HANDLE dir)
{
    IO_STATUS_BLOCK io;
    NTSTATUS st = query(dir, &io, sizeof data, FileIdBothDirectoryInformation, FALSE, NULL, TRUE);
    ok(st == 0 && io.Status == 0, "FileIdBothDirectoryInformation: %#lx", st);
    FILE_ID_BOTH_DIR_INFORMATION *sub = find_both(L"sub"), *b = find_both(L"b.txt");
    ok(sub && b, "sub and b.txt listed");
    if (!sub || !b)
        return;
    ok(sub->FileAttributes & FILE_ATTRIBUTE_DIRECTORY, "sub is a directory: %lx", sub->FileAttributes);
    ok(!(b->FileAttributes & FILE_ATTRIBUTE_DIRECTORY) && b->FileAttributes & FILE_ATTRIBUTE_ARCHIVE,
       "b.txt is a file: %lx", b->FileAttributes);
    ok(b->EndOfFile.QuadPart == 7, "b.txt's size: %lld", b->EndOfFile.QuadPart);
    ok(b->LastWriteTime.QuadPart > 0, "b.txt's write time");

    /* the FileId is the file's index, as the file itself reports it */
    HANDLE hs = open_dir(L"qd\\sub", FILE_READ_ATTRIBUTES);
    FILE_INTERNAL_INFORMATION internal;
    IO_STATUS_BLOCK io2;
    NtQueryInformationFile(hs, &io2, &internal, sizeof internal, FileInternalInformation);
    BY_HANDLE_FILE_INFORMATION bh;
    GetFileInformationByHandle(hs, &bh);
    CloseHandle(hs);
    ok(sub->FileId.QuadPart == internal.IndexNumber.QuadPart && sub->FileId.QuadPart != 0,
       "sub's FileId is its index");
    ok(sub->FileId.LowPart == bh.nFileIndexLow && (DWORD)sub->FileId.HighPart == bh.nFileIndexHigh,
       "and GetFileInformationByHandle's");

    st = query(dir, &io, sizeof data, FileFullDirectoryInformation, FALSE, L"b.txt", FALSE);
    /* the mask was set by this handle's first query: ignored, the listing goes on */
    ok(st == S_NO_MORE_FILES, "at the end, a new mask changes nothing: %#lx", st);
    st = query(dir, &io, sizeof data, FileFullDirectoryInformation, TRUE, NULL, TRUE);
    FILE_FULL_DIR_INFORMATION *full = (FILE_FULL_DIR_INFORMATION *)data;
    ok(st == 0 && full->NextEntryOffset == 0 && full->FileNameLength == 2 && full->FileName[0] == '.',
       "FileFullDirectoryInformation, one entry: \".\"");
    ok(full->FileAttributes & FILE_ATTRIBUTE_DIRECTORY, "\".\" is a directory");
    st = query(dir, &io, sizeof data, FileIdFullDirectoryInformation, TRUE, NULL, FALSE);
    FILE_ID_FULL_DIR_INFORMATION *idf = (FILE_ID_FULL_DIR_INFORMATION *)data;
    ok(st == 0 && idf->FileNameLength == 4 && idf->FileName[1] == '.', "then \"..\" (%#lx)", st);
    st = query(dir, &io, sizeof data, FileDirectoryInformation, TRUE, NULL, FALSE);
    FILE_DIRECTORY_INFORMATION *d = (FILE_DIRECTORY_INFORMATION *)data;
    ok(st == 0 && d->FileNameLength == 10 && !memcmp(d->FileName, L"A.dat", 10),
       "then A.dat, FileDirectoryInformation (%#lx)", st);
    ok(d->EndOfFile.QuadPart == 3 && io.Information == offsetof(FILE_DIRECTORY_INFORMATION, FileName) + 10,
       "its size and length: %lld %lu", d->EndOfFile.QuadPart, (ULONG)io.Information);
}

int main(void)
{
    IO_STATUS_BLOCK io;
    NTSTATUS st;

    CreateDirectoryW(L"qd", NULL);
    CreateDirectoryW(L"qd\\sub", NULL);
    CreateDirectoryW(L"qd\\empty", NULL);
    touch(L"qd\\b.txt", 7);
    touch(L"qd\\A.dat", 3);
    touch(L"qd\\c", 0);
    touch(L"qd\\Zeta.TXT", 1);
    touch(L"qd\\long_name_for_overflow.txt", 2);

    HANDLE dir = open_dir(L"qd", FILE_LIST_DIRECTORY | SYNCHRONIZE);
    ok(dir != INVALID_HANDLE_VALUE, "open qd: %lu", GetLastError());

    /* the whole listing, then the end, then again */
    list("all", dir, NULL, FALSE);
    st = query(dir, &io, sizeof data, FileNamesInformation, FALSE, NULL, FALSE);
    ok(st == S_NO_MORE_FILES && io.Status == S_NO_MORE_FILES && io.Information == 0,
       "then STATUS_NO_MORE_FILES in the status block too: %#lx %#lx %lu", st, io.Status,
       (ULONG)io.Information);
    list("restarted", dir, NULL, TRUE);

    /* one entry per call */
    int count = 0;
    for (BOOLEAN restart = TRUE;; restart = FALSE) {
        st = query(dir, &io, sizeof data, FileNamesInformation, TRUE, NULL, restart);
        if (st)
            break;
        ok(((FILE_NAMES_INFORMATION *)data)->NextEntryOffset == 0, "a single entry");
        count++;
    }
    ok(st == S_NO_MORE_FILES && count == 9, "single entries: %d, then %#lx", count, st);

    /* an entry that does not fit waits for the next call */
    ULONG two = ALIGN8(offsetof(FILE_NAMES_INFORMATION, FileName) + 2) +
                offsetof(FILE_NAMES_INFORMATION, FileName) + 2;
    st = query(dir, &io, two, FileNamesInformation, FALSE, NULL, TRUE);
    ok(st == 0 && io.Information == offsetof(FILE_NAMES_INFORMATION, FileName) + 2 &&
           ((FILE_NAMES_INFORMATION *)data)->NextEntryOffset == 0,
       "room for \".\" and half of \"..\": only \".\" (%#lx, %lu)", st, (ULONG)io.Information);
    list("after it", dir, NULL, FALSE);

    test_classes(dir);
    test_fields(dir);
    CloseHandle(dir);

    /* masks: wildcards and case-insensitive names, on a handle's first query */
    static const WCHAR *masks[] = {L"*.txt", L"B.TXT", L"?", L"*", L"*.*", L"a*", L"*e*"};
    for (int i = 0; i < 7; i++) {
        char what[32];
        dir = open_dir(L"qd", FILE_LIST_DIRECTORY | SYNCHRONIZE);
        snprintf(what, sizeof what, "mask %ls", masks[i]);
        list(what, dir, masks[i], FALSE);
        list("  later, mask c", dir, L"c", FALSE);
        CloseHandle(dir);
    }
    dir = open_dir(L"qd", FILE_LIST_DIRECTORY | SYNCHRONIZE);
    st = query(dir, &io, sizeof data, FileNamesInformation, FALSE, L"nothing*", FALSE);
    ok(st == S_NO_SUCH_FILE && io.Status == (NTSTATUS)0xdeadbeef,
       "a first query that finds nothing: STATUS_NO_SUCH_FILE, the status block untouched: %#lx", st);
    st = query(dir, &io, sizeof data, FileNamesInformation, FALSE, NULL, FALSE);
    ok(st == S_NO_MORE_FILES && io.Status == S_NO_MORE_FILES, "then STATUS_NO_MORE_FILES: %#lx", st);
    st = query(dir, &io, sizeof data, FileNamesInformation, FALSE, NULL, TRUE);
    ok(st == S_NO_MORE_FILES, "restarted too: %#lx", st);
    CloseHandle(dir);

    /* a first entry whose name does not fit */
    dir = open_dir(L"qd", FILE_LIST_DIRECTORY | SYNCHRONIZE);
    ULONG min = ALIGN8(offsetof(FILE_BOTH_DIR_INFORMATION, FileName) + 2);
    memset(data, 0x55, sizeof data);
    st = query(dir, &io, min, FileBothDirectoryInformation, FALSE, L"long_name_for_overflow.txt", FALSE);
    FILE_BOTH_DIR_INFORMATION *both = (FILE_BOTH_DIR_INFORMATION *)data;
    ok(st == S_BUFFER_OVERFLOW && io.Status == S_BUFFER_OVERFLOW && io.Information == min,
       "a name that does not fit: %#lx %#lx %lu", st, io.Status, (ULONG)io.Information);
    ok(both->NextEntryOffset == 0 && both->FileNameLength == 26 * 2,
       "the whole name's length: %lu", both->FileNameLength);
    ok(both->FileName[0] == 'l' && both->FileName[1] == 0x5555, "as much of it as fits");
    CloseHandle(dir);

    /* an empty directory has "." and ".." */
    dir = open_dir(L"qd\\empty", FILE_LIST_DIRECTORY | SYNCHRONIZE);
    list("empty", dir, NULL, FALSE);
    CloseHandle(dir);

    /* errors */
    dir = open_dir(L"qd", FILE_READ_ATTRIBUTES | SYNCHRONIZE);
    st = query(dir, &io, sizeof data, FileNamesInformation, FALSE, NULL, FALSE);
    ok(st == S_ACCESS_DENIED && io.Status == (NTSTATUS)0xdeadbeef,
       "without FILE_LIST_DIRECTORY: %#lx", st);
    CloseHandle(dir);
    HANDLE file = CreateFileW(L"qd\\b.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    st = query(file, &io, sizeof data, FileNamesInformation, FALSE, NULL, FALSE);
    ok(st == S_INVALID_PARAMETER && io.Status == (NTSTATUS)0xdeadbeef, "a file: %#lx", st);
    CloseHandle(file);
    st = query((HANDLE)0xbeef, &io, sizeof data, FileNamesInformation, FALSE, NULL, FALSE);
    ok(st == S_INVALID_HANDLE && io.Status == (NTSTATUS)0xdeadbeef, "a bad handle: %#lx", st);
    return test_summary();
}
