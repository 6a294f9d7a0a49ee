/* A story's timeline: the dates its reports name, each with the sentence
 * that names it. The dates come resolved (src/temporal/, at ingest:
 * "Tuesday" is 2025-03-11 in a report of March 12); only dates with a
 * known year or a known month count, and only in sentences of five words or more, which
 * leaves out datelines and "Updated: ..." lines. One date named by several
 * reports in like sentences (cosine >= SAME_EVENT) is one event, told by
 * all of them; the same date in unlike sentences is two events ("talks
 * began on Tuesday" / "drones struck on Tuesday"). */
#include "brief.h"

#include <string.h>

#include "../temporal/tvalue.h"

#define SAME_EVENT 0.3
#define MIN_WORDS 5

/* A month or day whose year neither the text nor the article's date
 * gives (XXXX-02-28 in an undated report) still places an event among
 * the story's others: after every dated one, by month and day, as news
 * names the year only when it is not the current one. */
#define UNKNOWN_YEAR_DAYS ((int64_t)1 << 40)

static bool parse_month_day(const char *value, int64_t *first_day, const char **precision)
{
    int month = 0, day = 0;
    if (strncmp(value, "XXXX-", 5) != 0)
        return false;
    const char *p = value + 5;
    if (p[0] < '0' || p[0] > '1' || p[1] < '0' || p[1] > '9')
        return false;
    month = (p[0] - '0') * 10 + (p[1] - '0');
    p += 2;
    if (*p == '-' && p[1] >= '0' && p[1] <= '3' && p[2] >= '0' && p[2] <= '9' && p[3] == '\0')
        day = (p[1] - '0') * 10 + (p[2] - '0');
    else if (*p != '\0')
        return false;
    if (month < 1 || month > 12 || (day == 0 && *p) || day > 31)
        return false;
    *first_day = UNKNOWN_YEAR_DAYS + month * 32 + day;
    *precision = day ? "day" : "month";
    return true;
}

typedef struct timeline_mention {
    char value[XC_TIMEX_VALUE_MAX];
    uint32_t doc, start;    /* where it is named                            */
    uint32_t dated;         /* index into the dates                         */
    uint32_t unit;
    uint32_t draft;
    int64_t first_day;
    const char *precision;
} timeline_mention;

typedef struct timeline_draft {
    uint32_t first_mention; /* the mention whose sentence describes it      */
    uint32_t first_doc, doc_count;
    uint32_t independent;
} timeline_draft;

/* The unit of doc `doc` whose text span holds byte `at` (units come by
 * doc, then position; titles first). */
static size_t unit_at(const xc_units *u, uint32_t doc, uint32_t at)
{
    size_t lo = 0, hi = u->units.count;
    while (lo < hi) { /* the first unit of the doc */
        size_t mid = lo + (hi - lo) / 2;
        if (u->units.items[mid].doc < doc)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < u->units.count && u->units.items[i].doc == doc; i++) {
        const xc_unit *unit = &u->units.items[i];
        if (!unit->title && unit->start <= at && at < unit->end)
            return i;
    }
    return SIZE_MAX;
}

/* Mentions by value, then doc, then place. */
static int compare_mentions(const void *x, const void *y)
{
    const timeline_mention *a = x, *b = y;
    int c = strcmp(a->value, b->value);
    if (c)
        return c;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    return (a->start > b->start) - (a->start < b->start);
}

static int compare_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

static int compare_i64(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}

/* Most independent reports first, then most docs, then earliest told. */
static int compare_rank(const void *x, const void *y)
{
    const timeline_draft *a = x, *b = y;
    if (a->independent != b->independent)
        return a->independent > b->independent ? -1 : 1;
    if (a->doc_count != b->doc_count)
        return a->doc_count > b->doc_count ? -1 : 1;
    return (a->first_mention > b->first_mention) - (a->first_mention < b->first_mention);
}

static int compare_items(const void *x, const void *y)
{
    const xc_timeline_item *a = x, *b = y;
    if (a->first_day != b->first_day)
        return a->first_day < b->first_day ? -1 : 1;
    /* a coarser period first: "March" before "March 11" */
    return strcmp(a->value, b->value);
}

xc_status xc_timeline_build(xc_timeline *t, const xc_units *u, const xc_summary_doc *docs, size_t doc_count,
                            const xc_dated *dates, size_t date_count, size_t limit)
{
    t->items.count = t->docs.count = t->mentions.count = t->drafts.count = 0;
    for (size_t i = 0; i < date_count; i++) {
        xc_tval v;
        int64_t first_day;
        const char *precision;
        if (dates[i].doc >= doc_count)
            continue;
        if (xc_tval_parse(dates[i].value, &v)) {
            first_day = xc_tval_first_day(&v);
            precision = xc_tval_precision(&v);
        } else if (!parse_month_day(dates[i].value, &first_day, &precision)) {
            continue;
        }
        size_t unit = unit_at(u, dates[i].doc, dates[i].start);
        if (unit == SIZE_MAX || u->units.items[unit].words < MIN_WORDS)
            continue;
        timeline_mention m = {.doc = dates[i].doc, .start = dates[i].start, .dated = (uint32_t)i,
                              .unit = (uint32_t)unit, .first_day = first_day, .precision = precision};
        memcpy(m.value, dates[i].value, sizeof m.value);
        m.value[sizeof m.value - 1] = '\0';
        if (!XC_VEC_PUSH(&t->mentions, m))
            return XC_ERR_NOMEM;
    }
    if (t->mentions.count > 1) /* qsort wants a non-null array, even empty */
        qsort(t->mentions.items, t->mentions.count, sizeof *t->mentions.items, compare_mentions);

    /* Drafts: a mention joins a draft of its value whose sentence is like
     * its own, else opens one. */
    size_t value_start = 0; /* the current value's first draft */
    for (size_t i = 0; i < t->mentions.count; i++) {
        timeline_mention *m = &t->mentions.items[i];
        if (i == 0 || strcmp(m->value, t->mentions.items[i - 1].value) != 0)
            value_start = t->drafts.count;
        size_t draft = SIZE_MAX;
        for (size_t d = value_start; d < t->drafts.count && draft == SIZE_MAX; d++) {
            uint32_t described = t->mentions.items[t->drafts.items[d].first_mention].unit;
            if (described == m->unit || xc_units_similarity(u, described, m->unit) >= SAME_EVENT)
                draft = d;
        }
        if (draft == SIZE_MAX) {
            draft = t->drafts.count;
            if (!XC_VEC_PUSH(&t->drafts, ((timeline_draft){(uint32_t)i, 0, 0, 0})))
                return XC_ERR_NOMEM;
        }
        m->draft = (uint32_t)draft;
    }

    /* Each draft's docs and independent reports. */
    xc_u32_list docs_of = {0};
    struct { int64_t *items; size_t count, capacity; } groups = {0};
    bool ok = true;
    for (size_t d = 0; ok && d < t->drafts.count; d++) {
        docs_of.count = groups.count = 0;
        for (size_t i = t->drafts.items[d].first_mention; ok && i < t->mentions.count; i++)
            if (t->mentions.items[i].draft == d)
                ok = XC_VEC_PUSH(&docs_of, u->units.items[t->mentions.items[i].unit].doc);
        if (docs_of.count > 1) /* qsort wants a non-null array, even empty */
            qsort(docs_of.items, docs_of.count, sizeof *docs_of.items, compare_u32);
        timeline_draft *draft = &t->drafts.items[d];
        draft->first_doc = (uint32_t)t->docs.count;
        for (size_t k = 0; ok && k < docs_of.count; k++)
            if (k == 0 || docs_of.items[k] != docs_of.items[k - 1])
                ok = XC_VEC_PUSH(&t->docs, docs_of.items[k]) && XC_VEC_PUSH(&groups, docs[docs_of.items[k]].group);
        draft->doc_count = (uint32_t)(t->docs.count - draft->first_doc);
        if (groups.count > 1) /* qsort wants a non-null array, even empty */
            qsort(groups.items, groups.count, sizeof *groups.items, compare_i64);
        for (size_t k = 0; k < groups.count; k++)
            draft->independent += k == 0 || groups.items[k] != groups.items[k - 1];
    }
    free(groups.items);

    /* The `limit` best told, in date order (the drafts are done with). */
    if (ok) {
        if (t->drafts.count > 1) /* qsort wants a non-null array, even empty */
            qsort(t->drafts.items, t->drafts.count, sizeof *t->drafts.items, compare_rank);
        size_t keep = limit && limit < t->drafts.count ? limit : t->drafts.count;
        ok = XC_VEC_RESERVE(&t->items, keep);
        for (size_t k = 0; ok && k < keep; k++) {
            const timeline_draft *draft = &t->drafts.items[k];
            const timeline_mention *m = &t->mentions.items[draft->first_mention];
            xc_timeline_item item = {.precision = m->precision, .first_day = m->first_day, .unit = m->unit,
                                     .dated = m->dated, .first_doc = draft->first_doc,
                                     .doc_count = draft->doc_count, .independent = draft->independent};
            memcpy(item.value, m->value, sizeof item.value);
            t->items.items[t->items.count++] = item;
        }
        if (t->items.count > 1) /* qsort wants a non-null array, even empty */
            qsort(t->items.items, t->items.count, sizeof *t->items.items, compare_items);
    }
    free(docs_of.items);
    return ok ? XC_OK : XC_ERR_NOMEM;
}

void xc_timeline_free(xc_timeline *t)
{
    free(t->items.items);
    free(t->docs.items);
    free(t->mentions.items);
    free(t->drafts.items);
    memset(t, 0, sizeof *t);
}
