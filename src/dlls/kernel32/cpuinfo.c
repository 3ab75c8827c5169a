/* Processor topology (GetLogicalProcessorInformation[Ex]) from
 * /sys/devices/system/cpu: the online Linux CPUs, in order, are Windows'
 * logical processors 0..n-1 of group 0 (at most 64, as GetSystemInfo
 * counts them). tests/programs/process/cpuinfo.c */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kernel32_private.h"

#define MAX_CPUS 64
#define MAX_ITEMS 512

enum { REL_CORE = 0, REL_NUMA = 1, REL_CACHE = 2, REL_PACKAGE = 3, REL_GROUP = 4,
       REL_ALL = 0xffff };

struct item {
    int rel;
    ULONG_PTR mask;
    BYTE flags;      /* core: LTP_PC_SMT */
    DWORD node;
    BYTE level, assoc;
    WORD line;
    DWORD size;
    int type;        /* CacheUnified 0, CacheInstruction 1, CacheData 2 */
};

static int cpu_ids[MAX_CPUS], ncpus;
static struct item items[MAX_ITEMS];
static int nitems;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int read_line(const char *path, char *buf, size_t n)
{
    FILE *f = fopen(path, "re");
    if (!f)
        return -1;
    int ok = fgets(buf, (int)n, f) != NULL;
    fclose(f);
    if (!ok)
        return -1;
    buf[strcspn(buf, "\n")] = 0;
    return 0;
}

/* "0-3,6" as a mask of Windows processor indices. */
static ULONG_PTR list_to_mask(const char *s)
{
    ULONG_PTR m = 0;
    while (*s) {
        char *end;
        long a = strtol(s, &end, 10), b = a;
        if (end == s)
            break;
        if (*end == '-')
            b = strtol(end + 1, &end, 10);
        for (long c = a; c <= b; c++)
            for (int i = 0; i < ncpus; i++)
                if (cpu_ids[i] == c)
                    m |= (ULONG_PTR)1 << i;
        s = *end == ',' ? end + 1 : end;
    }
    return m;
}

static void add(const struct item *it)
{
    for (int i = 0; i < nitems; i++) {
        const struct item *o = &items[i];
        if (o->rel == it->rel && o->mask == it->mask &&
            (it->rel != REL_CACHE || (o->level == it->level && o->type == it->type)))
            return;
    }
    if (nitems < MAX_ITEMS)
        items[nitems++] = *it;
}

static void scan(void)
{
    char buf[1024], path[128];
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (read_line("/sys/devices/system/cpu/online", buf, sizeof buf) == 0) {
        for (const char *s = buf; *s && ncpus < MAX_CPUS;) {
            char *end;
            long a = strtol(s, &end, 10), b = a;
            if (end == s)
                break;
            if (*end == '-')
                b = strtol(end + 1, &end, 10);
            for (long c = a; c <= b && ncpus < MAX_CPUS; c++)
                cpu_ids[ncpus++] = (int)c;
            s = *end == ',' ? end + 1 : end;
        }
    }
    if (ncpus != (n > MAX_CPUS ? MAX_CPUS : n)) /* no /sys: one core each */
        for (ncpus = 0; ncpus < n && ncpus < MAX_CPUS; ncpus++)
            cpu_ids[ncpus] = ncpus;
    ULONG_PTR all = ncpus >= 64 ? ~(ULONG_PTR)0 : ((ULONG_PTR)1 << ncpus) - 1;
    for (int i = 0; i < ncpus; i++) {
        struct item it = {.rel = REL_CORE, .mask = (ULONG_PTR)1 << i};
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%d/topology/thread_siblings_list",
                 cpu_ids[i]);
        if (read_line(path, buf, sizeof buf) == 0 && list_to_mask(buf))
            it.mask = list_to_mask(buf);
        it.flags = (it.mask & (it.mask - 1)) ? 1 : 0;
        add(&it);
        struct item pk = {.rel = REL_PACKAGE, .mask = all};
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%d/topology/package_cpus_list",
                 cpu_ids[i]);
        if (read_line(path, buf, sizeof buf) == 0 && list_to_mask(buf))
            pk.mask = list_to_mask(buf);
        add(&pk);
        for (int k = 0; k < 8; k++) {
            char dir[96];
            snprintf(dir, sizeof dir, "/sys/devices/system/cpu/cpu%d/cache/index%d", cpu_ids[i], k);
            struct item c = {.rel = REL_CACHE};
            snprintf(path, sizeof path, "%s/level", dir);
            if (read_line(path, buf, sizeof buf))
                break;
            c.level = (BYTE)atoi(buf);
            snprintf(path, sizeof path, "%s/type", dir);
            if (read_line(path, buf, sizeof buf) == 0)
                c.type = !strcmp(buf, "Instruction") ? 1 : !strcmp(buf, "Data") ? 2 : 0;
            snprintf(path, sizeof path, "%s/size", dir);
            if (read_line(path, buf, sizeof buf) == 0) {
                char *end;
                unsigned long v = strtoul(buf, &end, 10);
                c.size = (DWORD)(v << (*end == 'K' ? 10 : *end == 'M' ? 20 : 0));
            }
            snprintf(path, sizeof path, "%s/coherency_line_size", dir);
            if (read_line(path, buf, sizeof buf) == 0)
                c.line = (WORD)atoi(buf);
            snprintf(path, sizeof path, "%s/ways_of_associativity", dir);
            if (read_line(path, buf, sizeof buf) == 0)
                c.assoc = (BYTE)(atoi(buf) > 255 ? 255 : atoi(buf));
            c.mask = (ULONG_PTR)1 << i;
            snprintf(path, sizeof path, "%s/shared_cpu_list", dir);
            if (read_line(path, buf, sizeof buf) == 0 && list_to_mask(buf))
                c.mask = list_to_mask(buf);
            add(&c);
        }
    }
    int nodes = 0;
    for (int nd = 0; nd < 64; nd++) {
        snprintf(path, sizeof path, "/sys/devices/system/node/node%d/cpulist", nd);
        if (read_line(path, buf, sizeof buf))
            continue;
        struct item it = {.rel = REL_NUMA, .node = (DWORD)nd, .mask = list_to_mask(buf)};
        if (it.mask) {
            add(&it);
            nodes++;
        }
    }
    if (!nodes) {
        struct item it = {.rel = REL_NUMA, .mask = all};
        add(&it);
    }
}

typedef struct {
    ULONG_PTR ProcessorMask;
    DWORD Relationship;
    union {
        BYTE Flags;
        DWORD NodeNumber;
        struct {
            BYTE Level, Associativity;
            WORD LineSize;
            DWORD Size;
            DWORD Type;
        } Cache;
        ULONGLONG Reserved[2];
    };
} SLPI;

/* GetLogicalProcessorInformation (kernel32) */
BOOL WINAPI GetLogicalProcessorInformation(SLPI *buf, DWORD *len)
{
    pthread_once(&once, scan);
    if (!len) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    DWORD need = nitems * sizeof(SLPI);
    if (!buf || *len < need) {
        *len = need;
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memset(buf, 0, need);
    for (int i = 0; i < nitems; i++) {
        const struct item *it = &items[i];
        buf[i].ProcessorMask = it->mask;
        buf[i].Relationship = it->rel;
        switch (it->rel) {
        case REL_CORE: buf[i].Flags = it->flags; break;
        case REL_NUMA: buf[i].NodeNumber = it->node; break;
        case REL_CACHE:
            buf[i].Cache.Level = it->level;
            buf[i].Cache.Associativity = it->assoc;
            buf[i].Cache.LineSize = it->line;
            buf[i].Cache.Size = it->size;
            buf[i].Cache.Type = it->type;
            break;
        }
    }
    *len = need;
    return TRUE;
}

/* The _EX records: Relationship, Size, then the relationship's body with
 * one GROUP_AFFINITY (mask, group 0) at its end. */
static DWORD ex_size(int rel)
{
    switch (rel) {
    case REL_CORE:
    case REL_PACKAGE:
    case REL_NUMA: return 8 + 24 + 16;
    case REL_CACHE: return 8 + 32 + 16;
    case REL_GROUP: return 8 + 24 + 48;
    }
    return 0;
}

static void put_ex(BYTE *p, const struct item *it)
{
    DWORD size = ex_size(it->rel);
    memset(p, 0, size);
    memcpy(p, &(DWORD){(DWORD)it->rel}, 4);
    memcpy(p + 4, &size, 4);
    BYTE *b = p + 8;
    switch (it->rel) {
    case REL_CORE:
    case REL_PACKAGE:
        b[0] = it->flags;
        memcpy(b + 22, &(WORD){1}, 2); /* GroupCount */
        memcpy(b + 24, &it->mask, 8);
        break;
    case REL_NUMA:
        memcpy(b, &it->node, 4);
        memcpy(b + 22, &(WORD){1}, 2);
        memcpy(b + 24, &it->mask, 8);
        break;
    case REL_CACHE:
        b[0] = it->level;
        b[1] = it->assoc;
        memcpy(b + 2, &it->line, 2);
        memcpy(b + 4, &it->size, 4);
        memcpy(b + 8, &it->type, 4);
        memcpy(b + 30, &(WORD){1}, 2); /* GroupCount */
        memcpy(b + 32, &it->mask, 8);
        break;
    case REL_GROUP:
        memcpy(b, &(WORD){1}, 2);     /* MaximumGroupCount */
        memcpy(b + 2, &(WORD){1}, 2); /* ActiveGroupCount */
        b[24] = (BYTE)ncpus;          /* MaximumProcessorCount */
        b[25] = (BYTE)ncpus;          /* ActiveProcessorCount */
        memcpy(b + 24 + 40, &it->mask, 8);
        break;
    }
}

/* GetLogicalProcessorInformationEx (kernel32) */
BOOL WINAPI GetLogicalProcessorInformationEx(DWORD rel, BYTE *buf, DWORD *len)
{
    pthread_once(&once, scan);
    if (!len || (rel > REL_GROUP && rel != REL_ALL)) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    struct item group = {.rel = REL_GROUP,
                         .mask = ncpus >= 64 ? ~(ULONG_PTR)0 : ((ULONG_PTR)1 << ncpus) - 1};
    DWORD need = 0;
    for (int i = 0; i < nitems; i++)
        if (rel == REL_ALL || (DWORD)items[i].rel == rel)
            need += ex_size(items[i].rel);
    if (rel == REL_ALL || rel == REL_GROUP)
        need += ex_size(REL_GROUP);
    if (!buf || *len < need) {
        *len = need;
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    BYTE *p = buf;
    for (int i = 0; i < nitems; i++)
        if (rel == REL_ALL || (DWORD)items[i].rel == rel) {
            put_ex(p, &items[i]);
            p += ex_size(items[i].rel);
        }
    if (rel == REL_ALL || rel == REL_GROUP)
        put_ex(p, &group);
    *len = need;
    return TRUE;
}
