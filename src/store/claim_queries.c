/* Reading a story's claims and cross-checking them: the facts ledger and
 * the quote ledger of one story (src/ledger/), handed out as the public
 * xc_fact and xc_remark. Everything read lives in one arena per call. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "story_reports.h"
#include "../core/context.h"
#include "../ledger/ledger.h"
#include "../util/arena.h"
#include "../util/error.h"
#include "../util/vec.h"

/* ---- facts ------------------------------------------------------------ */

typedef struct fact_rows {
    struct { xc_ledger_fact *items; size_t count, capacity; } facts;
    struct { const char **items; size_t count, capacity; } text, thing_text, event_text; /* per fact */
} fact_rows;

static xc_status load_facts(xc_store *s, int64_t story, xc_story_reports *r, fact_rows *out, xc_error *err)
{
#define FACTS_SQL(where)                                                                                    \
    "SELECT f.article, f.start, f.end, f.text, f.kind, f.hedge, f.flags, f.value, f.low, f.high, f.low_open, " \
    "f.high_open, f.unit, f.thing, f.thing_text, f.predicate, f.event, f.sentence_start, f.sentence_end, "    \
    "coalesce(f.event_text, f.predicate_text) "                                                               \
    "FROM story_articles sa JOIN facts f ON f.article = sa.article WHERE " where " "                         \
    "ORDER BY f.article, f.start"
    static const char *const sql_of[] = {FACTS_SQL("sa.story = ?"), FACTS_SQL("?1 = 0")};
    const char *sql = sql_of[story == XC_ALL_ARTICLES];
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int report = xc_story_reports_find(r, sqlite3_column_int64(st, 0));
        if (report < 0)
            continue;
        xc_ledger_fact f = {.report = (uint32_t)report};
        xc_quantity *q = &f.q;
        q->start = (uint32_t)sqlite3_column_int64(st, 1);
        q->end = (uint32_t)sqlite3_column_int64(st, 2);
        q->kind = (uint8_t)sqlite3_column_int(st, 4);
        q->hedge = (uint8_t)sqlite3_column_int(st, 5);
        q->flags = (uint16_t)sqlite3_column_int(st, 6);
        q->value = sqlite3_column_double(st, 7);
        /* an infinity comes back as REAL; a NULL (never written) as open */
        q->low = sqlite3_column_type(st, 8) == SQLITE_NULL ? -HUGE_VAL : sqlite3_column_double(st, 8);
        q->high = sqlite3_column_type(st, 9) == SQLITE_NULL ? HUGE_VAL : sqlite3_column_double(st, 9);
        q->low_open = sqlite3_column_int(st, 10) != 0;
        q->high_open = sqlite3_column_int(st, 11) != 0;
        const char *unit = xc_column_text(st, 12), *thing = xc_column_text(st, 13);
        const char *predicate = xc_column_text(st, 15), *event = xc_column_text(st, 16);
        snprintf(q->unit, sizeof q->unit, "%s", unit ? unit : "");
        snprintf(q->thing, sizeof q->thing, "%s", thing ? thing : "");
        snprintf(q->predicate, sizeof q->predicate, "%s", predicate ? predicate : "");
        snprintf(q->event, sizeof q->event, "%s", event ? event : "");
        q->sentence_start = (uint32_t)sqlite3_column_int64(st, 17);
        q->sentence_end = (uint32_t)sqlite3_column_int64(st, 18);
        const char *text = xc_story_reports_column(r, st, 3, &ok), *thing_text = xc_story_reports_column(r, st, 14, &ok);
        const char *event_text = xc_story_reports_column(r, st, 19, &ok);
        ok = ok && XC_VEC_PUSH(&out->facts, f) && XC_VEC_PUSH(&out->text, text) &&
             XC_VEC_PUSH(&out->thing_text, thing_text) && XC_VEC_PUSH(&out->event_text, event_text);
    }
    sqlite3_reset(st);
    if (!ok)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "reading a story's facts");
}

xc_status xc_story_reports_facts(xc_store *s, int64_t story, xc_story_reports *r, xc_fact_fn fn, void *user,
                                 xc_error *err)
{
    fact_rows rows = {0};
    xc_fact_ledger ledger = {0};
    struct { xc_fact_value *items; size_t count, capacity; } values = {0};
    struct { xc_fact_link *items; size_t count, capacity; } links = {0};
    struct { xc_attestation *items; size_t count, capacity; } reports = {0};
    xc_status status = load_facts(s, story, r, &rows, err);
    if (status == XC_OK && xc_fact_ledger_build(&ledger, r->reports.items, r->reports.count, rows.facts.items,
                                                rows.facts.count) != XC_OK)
        status = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    for (size_t g = 0; status == XC_OK && g < ledger.groups.count; g++) {
        const xc_fact_group *group = &ledger.groups.items[g];
        values.count = links.count = reports.count = 0;
        bool ok = XC_VEC_RESERVE(&values, group->reading_count) && XC_VEC_RESERVE(&links, group->link_count);
        /* every report first, so that pointers into `reports` stay put */
        size_t total = 0;
        for (uint32_t k = 0; k < group->reading_count; k++)
            total += ledger.readings.items[group->first_reading + k].count;
        ok = ok && XC_VEC_RESERVE(&reports, total);
        if (!ok) {
            status = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            break;
        }
        const xc_ledger_fact *first = NULL;
        size_t first_index = 0;
        for (uint32_t k = 0; k < group->reading_count; k++) {
            const xc_fact_reading *reading = &ledger.readings.items[group->first_reading + k];
            const xc_ledger_fact *head = &rows.facts.items[ledger.members.items[reading->first]];
            xc_fact_value v = {reading->low, reading->high, reading->low_open, reading->high_open, head->q.unit,
                               reading->independent, reading->outlets, reports.items + reports.count, reading->count};
            for (uint32_t m = 0; m < reading->count; m++) {
                uint32_t fact = ledger.members.items[reading->first + m];
                const xc_ledger_fact *f = &rows.facts.items[fact];
                xc_attestation a = r->where.items[f->report];
                a.start = f->q.start;
                a.end = f->q.end;
                a.text = rows.text.items[fact];
                reports.items[reports.count++] = a;
                if (!first || fact < first_index)
                    first = f, first_index = fact;
            }
            values.items[values.count++] = v;
        }
        for (uint32_t k = 0; k < group->link_count; k++) {
            const xc_reading_link *link = &ledger.links.items[group->first_link + k];
            links.items[links.count++] = (xc_fact_link){link->a - group->first_reading, link->b - group->first_reading,
                                                        xc_quantity_relation_name(link->relation)};
        }
        xc_fact fact = {xc_quantity_kind_name((xc_quantity_kind)first->q.kind),
                        first->q.thing,
                        rows.thing_text.items[first_index],
                        first->q.event[0] ? first->q.event : first->q.predicate,
                        rows.event_text.items[first_index],
                        xc_fact_verdict_name((xc_fact_verdict)group->verdict),
                        group->independent,
                        values.items,
                        values.count,
                        links.items,
                        links.count};
        if (fn(user, &fact) != 0)
            break;
    }
    free(values.items);
    free(links.items);
    free(reports.items);
    xc_fact_ledger_free(&ledger);
    free(rows.facts.items);
    free(rows.text.items);
    free(rows.thing_text.items);
    free(rows.event_text.items);
    return status;
}

xc_status xc_story_facts(xc_ctx *ctx, int64_t story, xc_fact_fn fn, void *user, xc_error *err)
{
    xc_story_reports r = {0};
    xc_status status = xc_story_reports_load(&ctx->store, story, &r, err);
    if (status == XC_OK)
        status = xc_story_reports_facts(&ctx->store, story, &r, fn, user, err);
    xc_story_reports_free(&r);
    return status;
}

/* ---- remarks ---------------------------------------------------------- */

typedef struct change_span {
    size_t first, count; /* a variant's word changes */
} change_span;

typedef struct quote_rows {
    struct { xc_ledger_quote *items; size_t count, capacity; } quotes;
    struct { xc_quote_report *items; size_t count, capacity; } info; /* where, speaker_text, cue */
    struct { const char **items; size_t count, capacity; } speaker;
} quote_rows;

static xc_status load_quotes(xc_store *s, int64_t story, xc_story_reports *r, quote_rows *out, xc_error *err)
{
#define QUOTES_SQL(where)                                                                                   \
    "SELECT q.article, q.start, q.end, q.text, q.entity, coalesce(e.name, q.speaker), q.cue, "               \
    "CAST(substr(CAST(a.text AS BLOB), q.mention_start + 1, q.mention_end - q.mention_start) AS TEXT) "      \
    "FROM story_articles sa JOIN quotes q ON q.article = sa.article JOIN articles a ON a.key = q.article "   \
    "LEFT JOIN entities e ON e.id = q.entity "                                                               \
    "WHERE " where " ORDER BY q.article, q.start"
    static const char *const sql_of[] = {QUOTES_SQL("sa.story = ?"), QUOTES_SQL("?1 = 0")};
    const char *sql = sql_of[story == XC_ALL_ARTICLES];
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int report = xc_story_reports_find(r, sqlite3_column_int64(st, 0));
        if (report < 0)
            continue;
        xc_quote_report info = {.where = r->where.items[report]};
        info.where.start = (size_t)sqlite3_column_int64(st, 1);
        info.where.end = (size_t)sqlite3_column_int64(st, 2);
        info.where.text = xc_story_reports_column(r, st, 3, &ok);
        info.cue = xc_story_reports_column(r, st, 6, &ok);
        info.speaker_text = xc_story_reports_column(r, st, 7, &ok);
        const char *speaker = xc_story_reports_column(r, st, 5, &ok);
        xc_ledger_quote q = {info.where.text, info.where.text ? strlen(info.where.text) : 0,
                             sqlite3_column_type(st, 4) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 4),
                             (uint32_t)report};
        ok = ok && info.where.text && XC_VEC_PUSH(&out->quotes, q) && XC_VEC_PUSH(&out->info, info) &&
             XC_VEC_PUSH(&out->speaker, speaker);
    }
    sqlite3_reset(st);
    if (!ok)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "reading a story's quotes");
}

xc_status xc_story_remarks(xc_ctx *ctx, int64_t story, xc_remark_fn fn, void *user, xc_error *err)
{
    xc_story_reports r = {0};
    quote_rows rows = {0};
    xc_remark_ledger ledger = {0};
    xc_diff diff = {0};
    struct { xc_quote_report *items; size_t count, capacity; } reports = {0};
    struct { xc_word_change *items; size_t count, capacity; } changes = {0};
    struct { change_span *items; size_t count, capacity; } spans = {0};
    xc_status status = xc_story_reports_load(&ctx->store, story, &r, err);
    if (status == XC_OK)
        status = load_quotes(&ctx->store, story, &r, &rows, err);
    if (status == XC_OK && xc_remark_ledger_build(&ledger, r.reports.items, r.reports.count, rows.quotes.items,
                                                  rows.quotes.count) != XC_OK)
        status = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    for (size_t k = 0; status == XC_OK && k < ledger.remarks.count; k++) {
        const xc_remark_group *g = &ledger.remarks.items[k];
        const xc_ledger_quote *main_quote = &rows.quotes.items[ledger.members.items[g->first].quote];
        reports.count = changes.count = 0;
        bool ok = XC_VEC_RESERVE(&reports, g->count);
        /* the diffs first: their pointers must not move afterwards */
        spans.count = 0;
        ok = ok && XC_VEC_RESERVE(&spans, g->count);
        size_t variants = 0;
        for (uint32_t m = 0; ok && m < g->count; m++) {
            const xc_remark_member *member = &ledger.members.items[g->first + m];
            spans.items[m] = (change_span){0, 0};
            if (member->wording != XC_WORDING_VARIANT)
                continue;
            variants++;
            const xc_ledger_quote *q = &rows.quotes.items[member->quote];
            ok = xc_word_diff(main_quote->text, main_quote->len, q->text, q->len, &diff) == XC_OK;
            size_t first = changes.count;
            for (size_t d = 0; ok && d < diff.ops.count; d++) {
                const xc_diff_op *op = &diff.ops.items[d];
                const char *base = op->op == '+' ? q->text : main_quote->text;
                ok = XC_VEC_PUSH(&changes, ((xc_word_change){op->op, base + op->start, op->end - op->start}));
            }
            spans.items[m] = (change_span){first, changes.count - first};
        }
        if (!ok) {
            status = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            break;
        }
        const char *speaker = NULL;
        for (uint32_t m = 0; m < g->count; m++) {
            const xc_remark_member *member = &ledger.members.items[g->first + m];
            xc_quote_report info = rows.info.items[member->quote];
            info.wording = xc_wording_name((xc_wording)member->wording);
            if (member->wording == XC_WORDING_VARIANT && spans.items[m].count) {
                info.diff = changes.items + spans.items[m].first;
                info.diff_count = spans.items[m].count;
            }
            if (!speaker && rows.quotes.items[member->quote].entity == g->entity)
                speaker = rows.speaker.items[member->quote];
            reports.items[reports.count++] = info;
        }
        if (!speaker) /* a name the tagger left ungrouped */
            for (uint32_t m = 0; m < g->count && !speaker; m++)
                speaker = rows.speaker.items[ledger.members.items[g->first + m].quote];
        xc_remark remark = {speaker,       g->entity,     main_quote->text, g->independent, g->outlets,
                            variants,      reports.items, reports.count};
        if (fn(user, &remark) != 0)
            break;
    }
    free(reports.items);
    free(changes.items);
    free(spans.items);
    xc_diff_free(&diff);
    xc_remark_ledger_free(&ledger);
    free(rows.quotes.items);
    free(rows.info.items);
    free(rows.speaker.items);
    xc_story_reports_free(&r);
    return status;
}
