/* The facts ledger: numeric facts about one thing across a story's
 * reports, their readings and the verdict.
 *
 * 1. Facts are compared pairwise within their counted thing
 *    (xc_compare_quantities: agree, conflict, update, distinct or
 *    unrelated).
 * 2. Pairs from two articles that agree, then those that update, then
 *    those that conflict, join their sets — unless the joined set would
 *    hold two facts that are not comparable (two events: "launched 40
 *    rockets" / "intercepted 65") or two facts of one article that do not
 *    agree (an article does not contradict itself: its "one fatality" and
 *    "at least 14 deaths" are two facts).
 * 3. A set is split into readings: each fact, the most agreed-with first,
 *    joins the first reading all of whose members it agrees with.
 * 4. Two readings that do not meet are an update when a report says the
 *    count changed ("rose to 27"), or when, for a casualty count, every
 *    report of the higher one came at least UPDATE_HOURS after every
 *    report of the lower one (tolls grow); otherwise a conflict.
 * A fact's verdict is its worst link: conflict, else update, else agree
 * (two or more independent reports) or single. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"
#include "../quantity/numbers.h"
#include "../util/intmap.h"
#include "../util/vec.h"

#define UPDATE_HOURS 6

const char *xc_fact_verdict_name(xc_fact_verdict verdict)
{
    switch (verdict) {
    case XC_FACT_SINGLE: return "single";
    case XC_FACT_AGREE: return "agree";
    case XC_FACT_UPDATE: return "update";
    case XC_FACT_CONFLICT: return "conflict";
    }
    return "unknown";
}

typedef struct build {
    xc_fact_ledger *l;
    const xc_ledger_report *reports;
    const xc_ledger_fact *facts;
    const uint32_t *eligible; /* fact indices of one counted thing */
    size_t n;
    uint8_t *relation;        /* n × n: xc_quantity_relation */
    uint32_t *parent, *next;  /* union-find; sets as linked lists */
} build;

static uint8_t relation(const build *b, size_t i, size_t j) { return b->relation[i * b->n + j]; }

static uint32_t find(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

static uint32_t report_of(const build *b, size_t i) { return b->facts[b->eligible[i]].report; }

/* May the sets of i and j become one? */
static bool may_join(const build *b, uint32_t ri, uint32_t rj)
{
    for (uint32_t x = ri; x != UINT32_MAX; x = b->next[x])
        for (uint32_t y = rj; y != UINT32_MAX; y = b->next[y]) {
            uint8_t r = relation(b, x, y);
            if (r == XC_QREL_UNRELATED || r == XC_QREL_DISTINCT)
                return false;
            if (report_of(b, x) == report_of(b, y) && r != XC_QREL_AGREE)
                return false;
        }
    return true;
}

static void join(build *b, uint32_t ri, uint32_t rj)
{
    uint32_t tail = ri;
    while (b->next[tail] != UINT32_MAX)
        tail = b->next[tail];
    b->next[tail] = rj;
    b->parent[rj] = ri;
}

static int compare_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

typedef struct keyed {
    const char *thing;
    uint32_t fact;
} keyed;

static int compare_keyed(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    int c = strcmp(a->thing, b->thing);
    return c ? c : (a->fact > b->fact) - (a->fact < b->fact);
}

static int64_t ts_of(const build *b, uint32_t fact) { return b->reports[b->facts[fact].report].ts; }

/* Does fact y update fact x? Either says the count changed ("rose to
 * 27"), or — for casualty counts, which only grow — y came at least
 * UPDATE_HOURS after x with a higher figure. */
static bool updates(const build *b, uint32_t x, uint32_t y)
{
    const xc_quantity *qx = &b->facts[x].q, *qy = &b->facts[y].q;
    xc_quantity_relation r = xc_compare_quantities(qx, qy);
    if (r == XC_QREL_UPDATE)
        return (qy->flags & XC_QF_CHANGE) || !(qx->flags & XC_QF_CHANGE);
    int64_t tx = ts_of(b, x), ty = ts_of(b, y);
    return r == XC_QREL_CONFLICT && xc_qt_casualty_class(qx->thing) && tx != INT64_MIN && ty != INT64_MIN &&
           ty >= tx + (int64_t)UPDATE_HOURS * 3600 && qy->low >= qx->high;
}

/* How readings ra and rb relate: an update when every report of one
 * updates every report of the other (*later_first: ra is the later one),
 * else a conflict — two reports at odds at the same time. */
static uint8_t link_between(const build *b, const xc_fact_ledger *l, uint32_t ra, uint32_t rb, bool *later_first)
{
    const xc_fact_reading *a = &l->readings.items[ra], *c = &l->readings.items[rb];
    bool b_updates = true, a_updates = true;
    for (uint32_t i = 0; i < a->count; i++)
        for (uint32_t k = 0; k < c->count; k++) {
            uint32_t x = l->members.items[a->first + i], y = l->members.items[c->first + k];
            b_updates &= updates(b, x, y);
            a_updates &= updates(b, y, x);
        }
    *later_first = a_updates && !b_updates;
    return a_updates != b_updates ? XC_QREL_UPDATE : XC_QREL_CONFLICT;
}

/* Split the set starting at `root` into readings and link them. */
static bool readings_of(build *b, uint32_t root)
{
    xc_fact_ledger *l = b->l;
    /* members of the set, the most agreed-with first */
    l->scratch.count = 0;
    for (uint32_t x = root; x != UINT32_MAX; x = b->next[x])
        if (!XC_VEC_PUSH(&l->scratch, x))
            return false;
    size_t m = l->scratch.count;
    /* (agreements, member) keys: one count per member, then one sort (a
     * set of copies can hold thousands) */
    uint64_t *ranked = malloc(m * sizeof *ranked);
    if (!ranked)
        return false;
    for (size_t i = 0; i < m; i++) {
        uint64_t agree = 0;
        for (size_t k = 0; k < m; k++)
            agree += relation(b, l->scratch.items[i], l->scratch.items[k]) == XC_QREL_AGREE;
        ranked[i] = (UINT32_MAX - agree) << 32 | l->scratch.items[i]; /* most first, then by index */
    }
    qsort(ranked, m, sizeof *ranked, compare_u64);
    uint32_t *set = l->scratch.items;
    for (size_t i = 0; i < m; i++)
        set[i] = (uint32_t)ranked[i];
    free(ranked);
    xc_fact_group g = {(uint32_t)l->readings.count, 0, (uint32_t)l->links.count, 0, 0, XC_FACT_SINGLE};
    /* assign: reading of each member (indices into the set) */
    uint32_t *reading_of = malloc(2 * m * sizeof *reading_of), *report_list = reading_of + m;
    if (!reading_of)
        return false;
    uint32_t readings = 0;
    for (size_t i = 0; i < m; i++) {
        uint32_t r = 0;
        for (; r < readings; r++) {
            bool all = true;
            for (size_t k = 0; k < i && all; k++)
                if (reading_of[k] == r && relation(b, set[i], set[k]) != XC_QREL_AGREE)
                    all = false;
            if (all)
                break;
        }
        reading_of[i] = r;
        if (r == readings)
            readings++;
    }
    bool ok = true;
    for (uint32_t r = 0; r < readings && ok; r++) {
        xc_fact_reading reading = {(uint32_t)l->members.count, 0, 0, 0, -HUGE_VAL, HUGE_VAL, false, false};
        for (size_t i = 0; i < m && ok; i++) {
            if (reading_of[i] != r)
                continue;
            uint32_t fact = b->eligible[set[i]];
            ok = XC_VEC_PUSH(&l->members, fact);
            reading.count++;
        }
        if (!ok)
            break;
        /* members by time (undated last), then reports, duplicates, interval */
        uint32_t *mem = l->members.items + reading.first;
        for (uint32_t i = 1; i < reading.count; i++)
            for (uint32_t j = i; j > 0; j--) {
                int64_t tj = ts_of(b, mem[j]), tp = ts_of(b, mem[j - 1]);
                bool earlier = (tj != INT64_MIN && (tp == INT64_MIN || tj < tp)) ||
                               (tj == tp && b->facts[mem[j]].report < b->facts[mem[j - 1]].report);
                if (!earlier)
                    break;
                uint32_t t = mem[j];
                mem[j] = mem[j - 1];
                mem[j - 1] = t;
            }
        const xc_quantity *first = &b->facts[mem[0]].q;
        for (uint32_t i = 0; i < reading.count; i++)
            report_list[i] = b->facts[mem[i]].report;
        xc_ledger_count_reports(b->reports, report_list, reading.count, &reading.independent, &reading.outlets);
        for (uint32_t i = 0; i < reading.count; i++) {
            /* the shared interval, over members in the first one's unit */
            const xc_quantity *q = &b->facts[mem[i]].q;
            if (q->kind != first->kind || strcmp(q->unit, first->unit) != 0)
                continue;
            if (q->low > reading.low || (q->low == reading.low && q->low_open))
                reading.low = q->low, reading.low_open = q->low_open;
            if (q->high < reading.high || (q->high == reading.high && q->high_open))
                reading.high = q->high, reading.high_open = q->high_open;
        }
        ok = XC_VEC_PUSH(&l->readings, reading);
        g.reading_count++;
    }
    if (ok) { /* independent reports of the whole fact */
        for (uint32_t i = 0; i < m; i++)
            report_list[i] = report_of(b, set[i]);
        xc_ledger_count_reports(b->reports, report_list, m, &g.independent, NULL);
    }
    free(reading_of);
    if (!ok)
        return false;
    /* readings: most independent reports first */
    xc_fact_reading *rd = l->readings.items + g.first_reading;
    for (uint32_t i = 1; i < g.reading_count; i++)
        for (uint32_t j = i; j > 0 && rd[j].independent > rd[j - 1].independent; j--) {
            xc_fact_reading t = rd[j];
            rd[j] = rd[j - 1];
            rd[j - 1] = t;
        }
    bool conflict = false, update = false;
    for (uint32_t x = 0; x < g.reading_count && ok; x++)
        for (uint32_t y = x + 1; y < g.reading_count && ok; y++) {
            bool swap; /* x is the later: the link runs y → x */
            uint8_t rel = link_between(b, l, g.first_reading + x, g.first_reading + y, &swap);
            xc_reading_link link = {g.first_reading + (swap ? y : x), g.first_reading + (swap ? x : y), rel};
            ok = XC_VEC_PUSH(&l->links, link);
            g.link_count++;
            conflict |= rel == XC_QREL_CONFLICT;
            update |= rel == XC_QREL_UPDATE;
        }
    g.verdict = conflict ? XC_FACT_CONFLICT : update ? XC_FACT_UPDATE
                : g.independent >= 2 ? XC_FACT_AGREE : XC_FACT_SINGLE;
    return ok && XC_VEC_PUSH(&l->groups, g);
}

static int compare_groups(const void *x, const void *y)
{
    const xc_fact_group *a = x, *b = y;
    if (a->verdict != b->verdict)
        return a->verdict > b->verdict ? -1 : 1; /* conflicts first */
    if (a->independent != b->independent)
        return a->independent > b->independent ? -1 : 1;
    return (a->first_reading > b->first_reading) - (a->first_reading < b->first_reading);
}

typedef struct pair {
    uint32_t a, b;
    uint8_t rank;
} pair;

typedef struct pair_list {
    pair *items;
    size_t count, capacity;
} pair_list;

static int compare_pairs(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

/* One counted thing's facts: eligible[0 .. n). */
static bool build_thing(build *b, pair_list *pairs)
{
    size_t n = b->n;
    xc_fact_ledger *l = b->l;
    l->relation.count = l->parent.count = 0;
    if (!XC_VEC_RESERVE(&l->relation, n * n) || !XC_VEC_RESERVE(&l->parent, 2 * n))
        return false;
    b->relation = l->relation.items;
    b->parent = l->parent.items;
    b->next = l->parent.items + n;
    pairs->count = 0;
    for (size_t i = 0; i < n; i++) {
        b->parent[i] = (uint32_t)i;
        b->next[i] = UINT32_MAX;
        b->relation[i * n + i] = XC_QREL_AGREE;
        for (size_t j = i + 1; j < n; j++) {
            uint8_t r = (uint8_t)xc_compare_quantities(&b->facts[b->eligible[i]].q, &b->facts[b->eligible[j]].q);
            b->relation[i * n + j] = b->relation[j * n + i] = r;
            /* one article's facts join only where they agree (a figure
             * repeated, or given in two units) */
            if (report_of(b, i) == report_of(b, j) && r != XC_QREL_AGREE)
                continue;
            uint8_t rank = r == XC_QREL_AGREE ? 0 : r == XC_QREL_UPDATE ? 1 : r == XC_QREL_CONFLICT ? 2 : 9;
            if (rank < 9 && !XC_VEC_PUSH(pairs, ((pair){(uint32_t)i, (uint32_t)j, rank})))
                return false;
        }
    }
    if (pairs->count)
        qsort(pairs->items, pairs->count, sizeof *pairs->items, compare_pairs);
    /* A join refused stays refused as sets only grow: remember it by the
     * two roots, so the pairs between two sets are not all tried again. */
    xc_intmap refused = {0};
    bool ok = true;
    for (size_t p = 0; p < pairs->count && ok; p++) {
        uint32_t ra = find(b->parent, pairs->items[p].a), rb = find(b->parent, pairs->items[p].b);
        if (ra == rb)
            continue;
        uint32_t lo = ra < rb ? ra : rb, hi = ra < rb ? rb : ra, dummy;
        uint64_t key = (uint64_t)lo << 32 | hi;
        if (xc_intmap_get(&refused, key, &dummy))
            continue;
        if (may_join(b, ra, rb))
            join(b, lo, hi);
        else
            ok = xc_intmap_put(&refused, key, 1);
    }
    xc_intmap_free(&refused);
    if (!ok)
        return false;
    for (size_t i = 0; i < n; i++)
        if (b->parent[i] == i && !readings_of(b, (uint32_t)i))
            return false;
    return true;
}

xc_status xc_fact_ledger_build(xc_fact_ledger *l, const xc_ledger_report *reports, size_t report_count,
                               const xc_ledger_fact *facts, size_t fact_count)
{
    (void)report_count;
    l->groups.count = l->readings.count = l->links.count = l->members.count = 0;
    struct { keyed *items; size_t count, capacity; } keys = {0};
    for (size_t i = 0; i < fact_count; i++)
        if (facts[i].q.thing[0] && xc_quantity_is_fact(&facts[i].q) &&
            !XC_VEC_PUSH(&keys, ((keyed){facts[i].q.thing, (uint32_t)i}))) {
            free(keys.items);
            return XC_ERR_NOMEM;
        }
    if (keys.count)
        qsort(keys.items, keys.count, sizeof *keys.items, compare_keyed);
    l->order.count = 0;
    bool ok = XC_VEC_RESERVE(&l->order, keys.count + 1);
    for (size_t i = 0; ok && i < keys.count; i++)
        l->order.items[l->order.count++] = keys.items[i].fact;
    free(keys.items);
    pair_list pairs = {0};
    /* facts of different things never relate: one thing at a time */
    for (size_t start = 0; ok && start < l->order.count;) {
        size_t end = start + 1;
        while (end < l->order.count &&
               strcmp(facts[l->order.items[end]].q.thing, facts[l->order.items[start]].q.thing) == 0)
            end++;
        size_t n = end - start;
        if (n > XC_LEDGER_MAX_FACTS_PER_THING)
            n = XC_LEDGER_MAX_FACTS_PER_THING; /* bounded: the earliest of a very common thing */
        build b = {l, reports, facts, l->order.items + start, n, NULL, NULL, NULL};
        ok = build_thing(&b, &pairs);
        start = end;
    }
    free(pairs.items);
    if (!ok)
        return XC_ERR_NOMEM;
    if (l->groups.count)
        qsort(l->groups.items, l->groups.count, sizeof *l->groups.items, compare_groups);
    return XC_OK;
}

void xc_fact_ledger_free(xc_fact_ledger *l)
{
    free(l->groups.items);
    free(l->readings.items);
    free(l->links.items);
    free(l->members.items);
    free(l->order.items);
    free(l->parent.items);
    free(l->scratch.items);
    free(l->relation.items);
    memset(l, 0, sizeof *l);
}
