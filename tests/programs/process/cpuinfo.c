/* GetLogicalProcessorInformation[Ex]: what holds on any machine. The size
 * query answers ERROR_INSUFFICIENT_BUFFER and the size; the processor
 * cores cover GetSystemInfo's processors exactly once; there is a level-1
 * cache and a NUMA node; the _EX records chain by their Size, each
 * relationship filter returns only its kind, RelationAll the sum of them,
 * and group 0 has every processor active. */
#include <windows.h>
#include "../test.h"

static int popcount(ULONG_PTR m)
{
    int n = 0;
    for (; m; m &= m - 1)
        n++;
    return n;
}

static DWORD ex_total(LOGICAL_PROCESSOR_RELATIONSHIP rel, int *count)
{
    DWORD len = 0, off;
    BYTE *buf;
    int wrong_kind = 0, bad_size = 0, bad_core = 0;
    SetLastError(0);
    ok(!GetLogicalProcessorInformationEx(rel, NULL, &len) &&
       GetLastError() == ERROR_INSUFFICIENT_BUFFER && len > 0, "ex size query %d", rel);
    buf = HeapAlloc(GetProcessHeap(), 0, len);
    ok(GetLogicalProcessorInformationEx(rel, (void *)buf, &len), "ex %d", rel);
    *count = 0;
    for (off = 0; off < len;) {
        SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *e = (void *)(buf + off);
        if (rel != RelationAll && e->Relationship != rel)
            wrong_kind++;
        if (e->Size < 8 || off + e->Size > len) {
            bad_size++;
            break;
        }
        if (e->Relationship == RelationGroup) {
            SYSTEM_INFO si;
            GetSystemInfo(&si);
            ok(e->Group.ActiveGroupCount >= 1, "active groups");
            ok(e->Group.GroupInfo[0].ActiveProcessorCount == si.dwNumberOfProcessors,
               "group 0: %u active", e->Group.GroupInfo[0].ActiveProcessorCount);
            ok(e->Group.GroupInfo[0].ActiveProcessorMask == si.dwActiveProcessorMask, "group 0 mask");
        }
        if (e->Relationship == RelationProcessorCore &&
            !(e->Processor.GroupCount == 1 && e->Processor.GroupMask[0].Mask))
            bad_core++;
        (*count)++;
        off += e->Size;
    }
    ok(!wrong_kind, "%d records of another relationship in %d", wrong_kind, rel);
    ok(!bad_size, "record sizes chain to the end");
    ok(!bad_core, "%d core records without their group mask", bad_core);
    HeapFree(GetProcessHeap(), 0, buf);
    return len;
}

int main(void)
{
    SYSTEM_INFO si;
    SYSTEM_LOGICAL_PROCESSOR_INFORMATION *info;
    DWORD len = 0, i, n, all, sum;
    ULONG_PTR seen = 0;
    int cores = 0, l1 = 0, nodes = 0, ex_cores, c, overlap = 0;

    GetSystemInfo(&si);
    SetLastError(0);
    ok(!GetLogicalProcessorInformation(NULL, &len), "size query fails");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu", GetLastError());
    ok(len && len % sizeof(*info) == 0, "size %lu is whole records", len);
    info = HeapAlloc(GetProcessHeap(), 0, len);
    n = len - 1;
    SetLastError(0);
    ok(!GetLogicalProcessorInformation(info, &n) && GetLastError() == ERROR_INSUFFICIENT_BUFFER,
       "one byte short");
    ok(GetLogicalProcessorInformation(info, &len), "GetLogicalProcessorInformation");
    for (i = 0; i < len / sizeof(*info); i++) {
        switch (info[i].Relationship) {
        case RelationProcessorCore:
            cores++;
            if (seen & info[i].ProcessorMask)
                overlap = 1;
            seen |= info[i].ProcessorMask;
            break;
        case RelationCache:
            if (info[i].Cache.Level == 1)
                l1++;
            break;
        case RelationNumaNode:
            nodes++;
            break;
        default:
            break;
        }
    }
    ok(!overlap, "cores do not share processors");
    ok(popcount(seen) == (int)si.dwNumberOfProcessors, "cores cover %d of %lu processors",
       popcount(seen), si.dwNumberOfProcessors);
    ok(seen == si.dwActiveProcessorMask, "cores cover the active mask");
    ok(cores >= 1 && cores <= (int)si.dwNumberOfProcessors, "%d cores", cores);
    ok(l1 >= 1, "a level-1 cache");
    ok(nodes >= 1, "a NUMA node");

    all = ex_total(RelationAll, &c);
    sum = ex_total(RelationProcessorCore, &ex_cores);
    ok(ex_cores == cores, "ex cores %d, legacy %d", ex_cores, cores);
    sum += ex_total(RelationCache, &c);
    ok(c >= 1, "ex caches");
    sum += ex_total(RelationNumaNode, &c);
    ok(c >= 1, "ex nodes");
    sum += ex_total(RelationGroup, &c);
    ok(c == 1, "one group record");
    sum += ex_total(RelationProcessorPackage, &c);
    ok(c >= 1, "ex packages");
    ok(sum == all, "RelationAll %lu = the sum of the kinds %lu", all, sum);
    HeapFree(GetProcessHeap(), 0, info);
    return test_summary();
}
