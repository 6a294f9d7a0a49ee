/* A story's brief, read from the store: the story's independent reports
 * (one text per duplicate group) go to the summariser and the timeline
 * (src/brief/), and what they pick is cited to every article that carries
 * it, copies included. Figures the facts ledger finds in conflict are
 * never left to the summariser's choice: the brief says who says what.
 * Everything handed out lives in one arena per call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store.h"
#include "story_reports.h"
#include "../brief/brief.h"
#include "../core/context.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/vec.h"

/* The summariser reads this many independent reports of a big story (the
 * most copied, then the earliest) and this much of each: the lead of a
 * news text is where its facts are. */
#define MAX_DOCS 40
#define MAX_TEXT_BYTES 20000
#define DEFAULT_WORDS 120
#define DEFAULT_TIMELINE 12
#define MAX_CONFLICTS 4

typedef struct conflict {
    const char *text;       /* the sentence that says who says what     */
    struct { xc_attestation *items; size_t count, capacity; } reports;
    size_t independent;
} conflict;

typedef struct brief_state {
    xc_ctx *ctx;
    xc_arena arena;
    bool ok;                /* false once out of memory                 */
    xc_story_reports r;     /* the story's articles, earliest first      */
    struct { xc_summary_doc *items; size_t count, capacity; } docs;
    struct { uint32_t *items; size_t count, capacity; } doc_article;   /* doc → article index */
    struct { conflict *items; size_t count, capacity; } conflicts;
    struct { xc_dated *items; size_t count, capacity; } dates;
    xc_units units;
    xc_timeline timeline;
    xc_u32_list picked, carriers;
    size_t groups;          /* independent reports in the story         */
    const char *title;
} brief_state;

static const char *keep(brief_state *b, const char *s, size_t len)
{
    if (!s)
        return NULL;
    char *c = xc_arena_strndup(&b->arena, s, len);
    if (!c)
        b->ok = false;
    return c;
}

/* ---- reading the story ----------------------------------------------- */

/* The story's articles, and its title (for a whole store: the earliest
 * article's). */
static xc_status load_articles(brief_state *b, int64_t story, xc_error *err)
{
    static const char title_sql[] = "SELECT title FROM stories WHERE id = ?";
    xc_status status = xc_story_reports_load(&b->ctx->store, story, &b->r, err);
    if (status != XC_OK)
        return status;
    if (story == XC_ALL_ARTICLES) {
        b->title = b->r.title.count > 0 ? b->r.title.items[0] : NULL;
        return XC_OK;
    }
    sqlite3_stmt *st = xc_store_prepare(&b->ctx->store, title_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    if (sqlite3_step(st) == SQLITE_ROW)
        b->title = xc_story_reports_column(&b->r, st, 0, &b->ok);
    sqlite3_reset(st);
    return b->ok ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "out of memory");
}

typedef struct group_rank {
    int64_t group;
    uint32_t first;         /* the group's earliest article            */
    uint32_t size;
} group_rank;

static int compare_groups(const void *x, const void *y)
{
    const group_rank *a = x, *b = y;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

static int compare_rank(const void *x, const void *y)
{
    const group_rank *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

static int compare_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* The reports the summariser reads: each group's earliest article, the
 * MAX_DOCS most copied groups, earliest first. */
static xc_status choose_docs(brief_state *b, xc_error *err)
{
    size_t n = b->r.reports.count;
    group_rank *ranks = malloc((n ? n : 1) * sizeof *ranks);
    uint32_t *chosen = malloc((n ? n : 1) * sizeof *chosen);
    if (!ranks || !chosen) {
        free(ranks);
        free(chosen);
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        ranks[i] = (group_rank){b->r.reports.items[i].group, (uint32_t)i, 1};
    qsort(ranks, n, sizeof *ranks, compare_groups);
    size_t groups = 0;
    for (size_t i = 0; i < n; i++) {
        if (groups > 0 && ranks[groups - 1].group == ranks[i].group)
            ranks[groups - 1].size++;
        else
            ranks[groups++] = ranks[i];
    }
    qsort(ranks, groups, sizeof *ranks, compare_rank);
    b->groups = groups;
    size_t count = groups < MAX_DOCS ? groups : MAX_DOCS;
    for (size_t i = 0; i < count; i++)
        chosen[i] = ranks[i].first;
    qsort(chosen, count, sizeof *chosen, compare_u32);
    for (size_t i = 0; i < count && b->ok; i++)
        b->ok = XC_VEC_PUSH(&b->doc_article, chosen[i]);
    free(ranks);
    free(chosen);
    return b->ok ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "out of memory");
}

/* At most `cap` bytes of UTF-8 text, cut before a character. */
static size_t utf8_prefix(const char *text, size_t len, size_t cap)
{
    if (len <= cap)
        return len;
    while (cap > 0 && ((unsigned char)text[cap] & 0xC0) == 0x80)
        cap--;
    return cap;
}

static xc_status load_docs(brief_state *b, xc_error *err)
{
    xc_store *s = &b->ctx->store;
    static const char text_sql[] = "SELECT text FROM articles WHERE key = ?";
    static const char dates_sql[] = "SELECT start, end, value FROM dates WHERE article = ? AND type IN (0, 1) "
                                    "ORDER BY start";
    for (size_t d = 0; d < b->doc_article.count && b->ok; d++) {
        uint32_t i = b->doc_article.items[d];
        const xc_ledger_report *a = &b->r.reports.items[i];
        int64_t key = b->r.key.items[i];
        const char *title = b->r.title.items[i];
        sqlite3_stmt *st = xc_store_prepare(s, text_sql, err);
        if (!st)
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, key);
        xc_summary_doc doc = {.title = title, .title_len = title ? strlen(title) : 0,
                              .group = a->group, .outlet = a->outlet, .ts = a->ts, .text = ""};
        if (sqlite3_step(st) == SQLITE_ROW) {
            const char *text = xc_column_text(st, 0);
            size_t len = (size_t)sqlite3_column_bytes(st, 0);
            doc.text_len = text ? utf8_prefix(text, len, MAX_TEXT_BYTES) : 0;
            doc.text = text ? keep(b, text, doc.text_len) : "";
        }
        sqlite3_reset(st);
        b->ok = b->ok && XC_VEC_PUSH(&b->docs, doc);

        if (!(st = xc_store_prepare(s, dates_sql, err)))
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, key);
        while (b->ok && sqlite3_step(st) == SQLITE_ROW) {
            xc_dated dated = {.doc = (uint32_t)d, .start = (uint32_t)sqlite3_column_int64(st, 0),
                              .end = (uint32_t)sqlite3_column_int64(st, 1)};
            const char *value = xc_column_text(st, 2);
            snprintf(dated.value, sizeof dated.value, "%s", value ? value : "");
            if (dated.end <= doc.text_len)
                b->ok = XC_VEC_PUSH(&b->dates, dated);
        }
        sqlite3_reset(st);
    }
    return b->ok ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "out of memory");
}

/* ---- conflicts ---------------------------------------------------------- */

/* "one fatality" (The Guardian, Reuters) */
static void describe_value(xc_buf *text, const xc_fact_value *v)
{
    const xc_attestation *first = &v->reports[0];
    xc_buf_printf(text, "\xE2\x80\x9C%s\xE2\x80\x9D (", first->text ? first->text : "?");
    size_t shown = 0;
    for (size_t r = 0; r < v->report_count && shown < 4; r++) {
        const char *source = v->reports[r].source ? v->reports[r].source : v->reports[r].article;
        bool again = false;
        for (size_t k = 0; k < r && !again; k++) {
            const char *other = v->reports[k].source ? v->reports[k].source : v->reports[k].article;
            again = strcmp(other, source) == 0;
        }
        if (!again) {
            xc_buf_printf(text, "%s%s", shown ? ", " : "", source);
            shown++;
        }
    }
    if (v->report_count > shown && shown == 4)
        xc_buf_printf(text, ", \xE2\x80\xA6");
    xc_buf_putc(text, ')');
}

/* Whether a casualty count's event as written reads after "in the": "the
 * drone strike", "the bombing" do; a participle ("capsized") or the counted
 * class itself ("missing") does not. Other facts' events are their verbs. */
static bool names_an_event(const char *event_text, const char *thing)
{
    size_t n = strlen(event_text);
    if (n < 3 || strcasecmp(event_text, thing) == 0)
        return false;
    return !(event_text[n - 2] == 'e' && event_text[n - 1] == 'd');
}

static int collect_conflict(void *user, const xc_fact *fact)
{
    brief_state *b = user;
    if (strcmp(fact->verdict, "conflict") != 0)
        return 1; /* conflicts come first: the rest is not needed */
    if (b->conflicts.count >= MAX_CONFLICTS)
        return 1;
    /* casualty classes (src/quantity/things.c) read as what is counted */
    static const char *const casualties[][2] = {
        {"deaths", "the number of dead"}, {"injured", "the number of injured"},
        {"missing", "the number missing"}, {"arrested", "the number of arrests"},
        {"displaced", "the number displaced"}, {"casualties", "the number of casualties"}};
    const char *counted = NULL;
    for (size_t k = 0; k < sizeof casualties / sizeof casualties[0] && !counted; k++)
        if (strcmp(fact->thing, casualties[k][0]) == 0)
            counted = casualties[k][1];
    xc_buf text = {0};
    if (counted)
        xc_buf_printf(&text, "Reports differ on %s", counted);
    else
        xc_buf_printf(&text, "Reports differ on the figure for \xE2\x80\x9C%s\xE2\x80\x9D",
                      fact->thing_text ? fact->thing_text : fact->thing);
    if (counted && fact->event_text && names_an_event(fact->event_text, fact->thing))
        xc_buf_printf(&text, " in the %s", fact->event_text);
    xc_buf_append(&text, ": ", 2);
    size_t shown = 0;
    conflict c = {0};
    for (size_t v = 0; v < fact->value_count && b->ok; v++) {
        if (shown++)
            xc_buf_append(&text, "; ", 2);
        describe_value(&text, &fact->values[v]);
        for (size_t r = 0; r < fact->values[v].report_count && b->ok; r++) {
            xc_attestation a = fact->values[v].reports[r];
            a.article = keep(b, a.article, strlen(a.article));
            a.source = a.source ? keep(b, a.source, strlen(a.source)) : NULL;
            a.published = a.published ? keep(b, a.published, strlen(a.published)) : NULL;
            a.copy_of = a.copy_of ? keep(b, a.copy_of, strlen(a.copy_of)) : NULL;
            a.text = a.text ? keep(b, a.text, strlen(a.text)) : NULL;
            b->ok = b->ok && XC_VEC_PUSH(&c.reports, a);
        }
    }
    xc_buf_append(&text, ".", 1);
    c.text = keep(b, xc_buf_str(&text), text.len);
    c.independent = fact->independent;
    xc_buf_free(&text);
    if (!b->ok || !XC_VEC_PUSH(&b->conflicts, c)) {
        free(c.reports.items);
        b->ok = false;
        return 1;
    }
    return 0;
}

/* ---- citations ---------------------------------------------------------- */

typedef struct cited {
    struct { xc_attestation *items; size_t count, capacity; } sources;
    size_t independent;
} cited;

/* The sentence of doc `doc` most like unit `unit` (the unit itself in its
 * own doc). */
static size_t best_unit_in(const xc_units *u, size_t unit, uint32_t doc)
{
    if (u->units.items[unit].doc == doc)
        return unit;
    size_t best = SIZE_MAX;
    double best_sim = -1;
    for (size_t j = 0; j < u->units.count; j++) {
        if (u->units.items[j].doc != doc || u->units.items[j].title)
            continue;
        double sim = xc_units_similarity(u, unit, j);
        if (sim > best_sim)
            best_sim = sim, best = j;
    }
    return best;
}

/* Cite the docs in `carriers` (the unit's own first) and every copy of
 * them: a copy carries what its original says. */
static void cite(brief_state *b, size_t unit, const xc_u32_list *carriers, cited *out)
{
    out->sources.count = 0;
    out->independent = 0;
    for (size_t k = 0; k < carriers->count && b->ok; k++) {
        uint32_t doc = carriers->items[k];
        uint32_t origin = b->doc_article.items[doc];
        int64_t group = b->r.reports.items[origin].group;
        size_t best = unit == SIZE_MAX ? SIZE_MAX : best_unit_in(&b->units, unit, doc);
        out->independent++;
        for (size_t i = 0; i < b->r.reports.count && b->ok; i++) {
            if (b->r.reports.items[i].group != group)
                continue;
            xc_attestation where = b->r.where.items[i];
            if (i == origin && best != SIZE_MAX) {
                const xc_unit *x = &b->units.units.items[best];
                size_t len;
                const char *text = xc_unit_text(b->docs.items, x, &len);
                where.start = x->start, where.end = x->end;
                where.text = keep(b, text, len);
            }
            b->ok = b->ok && XC_VEC_PUSH(&out->sources, where);
        }
    }
}

/* The unit's own doc first, then the others in doc order. */
static void own_first(xc_u32_list *carriers, uint32_t own)
{
    for (size_t k = 0; k < carriers->count; k++)
        if (carriers->items[k] == own) {
            memmove(carriers->items + 1, carriers->items, k * sizeof *carriers->items);
            carriers->items[0] = own;
            return;
        }
}

static const xc_attestation *keep_sources(brief_state *b, const cited *c)
{
    size_t bytes = c->sources.count * sizeof *c->sources.items;
    xc_attestation *copy = xc_arena_alloc(&b->arena, bytes ? bytes : 1);
    if (!copy) {
        b->ok = false;
        return NULL;
    }
    if (bytes)
        memcpy(copy, c->sources.items, bytes);
    return copy;
}

/* The figure of a conflict that this extract states, else NULL. */
static const char *contested_in(const brief_state *b, const xc_unit *unit)
{
    const char *article = b->r.where.items[b->doc_article.items[unit->doc]].article;
    for (size_t c = 0; c < b->conflicts.count; c++)
        for (size_t r = 0; r < b->conflicts.items[c].reports.count; r++) {
            const xc_attestation *x = &b->conflicts.items[c].reports.items[r];
            if (strcmp(x->article, article) == 0 && x->start >= unit->start && x->end <= unit->end)
                return x->text;
        }
    return NULL;
}

/* ---- the brief ----------------------------------------------------------- */

static xc_status compose(brief_state *b, int64_t story, const xc_brief_options *o, xc_brief_fn fn, void *user,
                         xc_error *err)
{
    size_t budget = o && o->words ? o->words : DEFAULT_WORDS;
    size_t limit = o && o->timeline ? o->timeline : DEFAULT_TIMELINE;
    const xc_brief_params *p = &xc_brief_defaults;
    if (xc_units_build(&b->units, b->ctx->stemmer, b->docs.items, b->docs.count, 0) != XC_OK ||
        xc_summarize_brief_with(p, &b->units, b->docs.items, b->docs.count, budget, &b->picked) != XC_OK ||
        xc_timeline_build(&b->timeline, &b->units, b->docs.items, b->docs.count, b->dates.items, b->dates.count,
                          limit) != XC_OK)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");

    xc_brief brief = {.story = story, .title = b->title, .articles = b->r.reports.count};
    struct { xc_brief_sentence *items; size_t count, capacity; } sentences = {0};
    struct { xc_timeline_entry *items; size_t count, capacity; } timeline = {0};
    cited c = {0};
    for (size_t i = 0; i < b->picked.count && b->ok; i++) {
        size_t unit = b->picked.items[i];
        const xc_unit *x = &b->units.units.items[unit];
        b->ok = xc_brief_carriers(p, &b->units, unit, &b->carriers) == XC_OK;
        own_first(&b->carriers, x->doc);
        cite(b, unit, &b->carriers, &c);
        size_t len;
        const char *text = xc_unit_text(b->docs.items, x, &len);
        xc_brief_sentence s = {.kind = XC_BRIEF_EXTRACT, .text = keep(b, text, len), .sources = keep_sources(b, &c),
                               .source_count = c.sources.count, .independent = c.independent,
                               .contested = contested_in(b, x)};
        brief.words += x->words;
        b->ok = b->ok && XC_VEC_PUSH(&sentences, s);
    }
    for (size_t k = 0; k < b->conflicts.count && b->ok; k++) {
        const conflict *f = &b->conflicts.items[k];
        xc_brief_sentence s = {.kind = XC_BRIEF_CONFLICT, .text = f->text, .sources = f->reports.items,
                               .source_count = f->reports.count, .independent = f->independent};
        b->ok = XC_VEC_PUSH(&sentences, s);
    }
    for (size_t k = 0; k < b->timeline.items.count && b->ok; k++) {
        const xc_timeline_item *item = &b->timeline.items.items[k];
        const xc_unit *x = &b->units.units.items[item->unit];
        const xc_dated *dated = &b->dates.items[item->dated];
        b->carriers.count = 0;
        for (uint32_t d = 0; d < item->doc_count && b->ok; d++)
            b->ok = XC_VEC_PUSH(&b->carriers, b->timeline.docs.items[item->first_doc + d]);
        own_first(&b->carriers, x->doc);
        cite(b, SIZE_MAX, &b->carriers, &c);
        size_t len;
        const char *text = xc_unit_text(b->docs.items, x, &len);
        xc_timeline_entry e = {.date = keep(b, item->value, strlen(item->value)), .precision = item->precision,
                               .text = keep(b, text, len),
                               .date_text = keep(b, b->docs.items[x->doc].text + dated->start,
                                                 dated->end - dated->start),
                               .sources = keep_sources(b, &c), .source_count = c.sources.count,
                               .independent = item->independent};
        b->ok = b->ok && XC_VEC_PUSH(&timeline, e);
    }
    free(c.sources.items);

    brief.independent = b->groups;
    for (size_t i = 0; i < b->r.reports.count; i++)
        brief.outlets += b->r.reports.items[i].outlet == i; /* an outlet's first article */

    xc_status status = XC_OK;
    if (!b->ok)
        status = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    else {
        brief.sentences = sentences.items;
        brief.sentence_count = sentences.count;
        brief.timeline = timeline.items;
        brief.timeline_count = timeline.count;
        fn(user, &brief);
    }
    free(sentences.items);
    free(timeline.items);
    return status;
}

xc_status xc_story_brief(xc_ctx *ctx, int64_t story, const xc_brief_options *options, xc_brief_fn fn,
                         void *user, xc_error *err)
{
    brief_state b = {.ctx = ctx, .ok = true};
    xc_status status = load_articles(&b, story, err);
    if (status == XC_OK)
        status = choose_docs(&b, err);
    if (status == XC_OK)
        status = load_docs(&b, err);
    if (status == XC_OK)
        status = xc_story_reports_facts(&ctx->store, story, &b.r, collect_conflict, &b, err);
    if (status == XC_OK && !b.ok)
        status = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    if (status == XC_OK)
        status = compose(&b, story, options, fn, user, err);
    for (size_t k = 0; k < b.conflicts.count; k++)
        free(b.conflicts.items[k].reports.items);
    free(b.conflicts.items);
    xc_story_reports_free(&b.r);
    free(b.docs.items);
    free(b.doc_article.items);
    free(b.dates.items);
    xc_units_free(&b.units);
    xc_timeline_free(&b.timeline);
    free(b.picked.items);
    free(b.carriers.items);
    xc_arena_free(&b.arena);
    return status;
}
