/* Writing an article's quotes, facts and dates. */
#include "claims.h"

#include <stdio.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/error.h"

static void bind_span_or_null(sqlite3_stmt *st, int col, uint32_t start, uint32_t end)
{
    if (end > start) {
        sqlite3_bind_int64(st, col, start);
        sqlite3_bind_int64(st, col + 1, end);
    } else {
        sqlite3_bind_null(st, col);
        sqlite3_bind_null(st, col + 1);
    }
}

/* The content of a quote (its parts joined by " … ") and its spans. */
static bool quote_content(const xc_quote_list *list, const xc_quote *q, const char *text, xc_buf *content,
                          xc_buf *parts)
{
    xc_buf_reset(content);
    xc_buf_reset(parts);
    for (uint32_t i = 0; i < q->part_count; i++) {
        const xc_quote_part *part = &list->parts.items[q->first_part + i];
        if (i > 0) {
            xc_buf_puts(content, " \xE2\x80\xA6 ");
            xc_buf_putc(parts, ',');
        }
        xc_buf_append(content, text + part->start, part->end - part->start);
        xc_buf_printf(parts, "%u-%u", part->start, part->end);
    }
    return !content->failed && !parts->failed;
}

static xc_status save_quotes(xc_store *s, int64_t article, const char *text, const xc_article_claims *c,
                             xc_error *err)
{
    static const char sql[] =
        "INSERT OR REPLACE INTO quotes (article, start, end, parts, text, flags, cue, cue_start, cue_end, "
        "mention_start, mention_end, mention_kind, speaker, entity) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
    const xc_quote_list *list = c->quotes;
    xc_buf content = {0}, parts = {0};
    xc_status status = XC_OK;
    for (size_t i = 0; i < list->count && status == XC_OK; i++) {
        const xc_quote *q = &list->items[i];
        if (!quote_content(list, q, text, &content, &parts)) {
            status = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            break;
        }
        sqlite3_stmt *st = xc_store_prepare(s, sql, err);
        if (!st) {
            status = XC_ERR_STORE;
            break;
        }
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, q->start);
        sqlite3_bind_int64(st, 3, q->end);
        sqlite3_bind_text(st, 4, xc_buf_str(&parts), (int)parts.len, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, xc_buf_str(&content), (int)content.len, SQLITE_STATIC);
        sqlite3_bind_int(st, 6, q->flags);
        if (q->cue)
            sqlite3_bind_text(st, 7, q->cue, -1, SQLITE_STATIC);
        bind_span_or_null(st, 8, q->cue_start, q->cue_end);
        bind_span_or_null(st, 10, q->speaker_start, q->speaker_end);
        sqlite3_bind_int(st, 12, q->speaker_kind);
        /* the speaker: the named person the mention resolves to; a name
         * the tagger did not group stands for itself */
        size_t name_len = 0;
        const char *name = xc_quote_entity_name(c->entities, text, q->entity, &name_len);
        if (!name && q->speaker_kind == XC_SPEAKER_NAME) {
            name = text + q->speaker_start;
            name_len = q->speaker_end - q->speaker_start;
        }
        if (name && name_len)
            sqlite3_bind_text(st, 13, name, (int)name_len, SQLITE_STATIC);
        if (c->entity_ids && c->entities && q->entity >= 0 && (size_t)q->entity < c->entities->entities.count)
            sqlite3_bind_int64(st, 14, c->entity_ids[q->entity]);
        status = xc_store_run(s, st, "storing a quote", err);
    }
    xc_buf_free(&content);
    xc_buf_free(&parts);
    return status;
}

static xc_status save_facts(xc_store *s, int64_t article, const char *text, const xc_quantity_list *list,
                            xc_error *err)
{
    static const char sql[] =
        "INSERT OR REPLACE INTO facts (article, start, end, text, kind, hedge, flags, value, low, high, low_open, "
        "high_open, unit, thing, thing_text, predicate, sentence_start, sentence_end, event, predicate_text, "
        "event_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
        "?20, ?21)";
    for (size_t i = 0; i < list->count; i++) {
        const xc_quantity *q = &list->items[i];
        if (!xc_quantity_is_fact(q))
            continue; /* years, dates, scores: kept apart, not compared */
        sqlite3_stmt *st = xc_store_prepare(s, sql, err);
        if (!st)
            return XC_ERR_STORE;
        /* the words a reader checks: "at least 91 drones", not "at least 91" */
        uint32_t end = q->thing_end > q->end && q->thing_start >= q->end ? q->thing_end : q->end;
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, q->start);
        sqlite3_bind_int64(st, 3, end);
        sqlite3_bind_text(st, 4, text + q->start, (int)(end - q->start), SQLITE_STATIC);
        sqlite3_bind_int(st, 5, q->kind);
        sqlite3_bind_int(st, 6, q->hedge);
        sqlite3_bind_int(st, 7, q->flags);
        sqlite3_bind_double(st, 8, q->value);
        sqlite3_bind_double(st, 9, q->low); /* SQLite keeps infinities */
        sqlite3_bind_double(st, 10, q->high);
        sqlite3_bind_int(st, 11, q->low_open);
        sqlite3_bind_int(st, 12, q->high_open);
        sqlite3_bind_text(st, 13, q->unit, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 14, q->thing, -1, SQLITE_STATIC);
        if (q->thing_end > q->thing_start)
            sqlite3_bind_text(st, 15, text + q->thing_start, (int)(q->thing_end - q->thing_start), SQLITE_STATIC);
        sqlite3_bind_text(st, 16, q->predicate, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 17, q->sentence_start);
        sqlite3_bind_int64(st, 18, q->sentence_end);
        sqlite3_bind_text(st, 19, q->event, -1, SQLITE_STATIC);
        if (q->predicate_end > q->predicate_start)
            sqlite3_bind_text(st, 20, text + q->predicate_start, (int)(q->predicate_end - q->predicate_start),
                              SQLITE_STATIC);
        if (q->event_end > q->event_start)
            sqlite3_bind_text(st, 21, text + q->event_start, (int)(q->event_end - q->event_start), SQLITE_STATIC);
        xc_status status = xc_store_run(s, st, "storing a fact", err);
        if (status != XC_OK)
            return status;
    }
    return XC_OK;
}

static xc_status save_dates(xc_store *s, int64_t article, const char *text, const xc_timex_list *list,
                            xc_error *err)
{
    static const char sql[] = "INSERT OR REPLACE INTO dates (article, start, end, text, type, value, mod) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    for (size_t i = 0; i < list->count; i++) {
        const xc_timex *t = &list->items[i];
        sqlite3_stmt *st = xc_store_prepare(s, sql, err);
        if (!st)
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, t->start);
        sqlite3_bind_int64(st, 3, t->end);
        sqlite3_bind_text(st, 4, text + t->start, (int)(t->end - t->start), SQLITE_STATIC);
        sqlite3_bind_int(st, 5, (int)t->type);
        sqlite3_bind_text(st, 6, t->value, -1, SQLITE_STATIC);
        if (t->mod)
            sqlite3_bind_text(st, 7, t->mod, -1, SQLITE_STATIC);
        xc_status status = xc_store_run(s, st, "storing a date", err);
        if (status != XC_OK)
            return status;
    }
    return XC_OK;
}

xc_status xc_claims_save(xc_store *s, int64_t article, const char *text, const xc_article_claims *c,
                         xc_error *err)
{
    static const char inferred[] = "UPDATE articles SET inferred_date = ?2, inferred_from = ?3 WHERE key = ?1";
    xc_status status = XC_OK;
    if (c->quotes)
        status = save_quotes(s, article, text, c, err);
    if (status == XC_OK && c->quantities)
        status = save_facts(s, article, text, c->quantities, err);
    if (status == XC_OK && c->dates)
        status = save_dates(s, article, text, c->dates, err);
    if (status == XC_OK && c->inferred_date) {
        sqlite3_stmt *st = xc_store_prepare(s, inferred, err);
        if (!st)
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_text(st, 2, c->inferred_date, -1, SQLITE_STATIC);
        if (c->inferred_from)
            sqlite3_bind_text(st, 3, c->inferred_from, -1, SQLITE_STATIC);
        status = xc_store_run(s, st, "storing an inferred date", err);
    }
    return status;
}

xc_status xc_claims_forget(xc_store *s, int64_t article, xc_error *err)
{
    static const char *const sql[] = {
        "DELETE FROM quotes WHERE article = ?",
        "DELETE FROM facts WHERE article = ?",
        "DELETE FROM dates WHERE article = ?",
        "UPDATE articles SET inferred_date = NULL, inferred_from = NULL WHERE key = ?",
    };
    for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
        sqlite3_stmt *st = xc_store_prepare(s, sql[i], err);
        if (!st)
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, article);
        xc_status status = xc_store_run(s, st, "forgetting an article's claims", err);
        if (status != XC_OK)
            return status;
    }
    return XC_OK;
}
