/* An article's marks (xc_article_marks): the names, quotes, numeric facts
 * and dates stored for it at ingest, in text order, for a reader that
 * highlights them in the text. */
#include <math.h>
#include <string.h>

#include "store.h"
#include "../core/context.h"
#include "../ner/tags.h"
#include "../util/error.h"

/* One query over the four tables, merged by SQLite in text order. Columns:
 * kind, start, end, text, entity, label, detail, low, high, unit, and for
 * mentions the entity type (labels of other kinds are text already). */
static const char marks_sql[] =
    "SELECT 0, m.start, m.end, m.text, m.entity, NULL, m.role, NULL, NULL, NULL, e.type "
    "  FROM mentions m LEFT JOIN entities e ON e.id = m.entity WHERE m.article = ?1 "
    "UNION ALL "
    "SELECT 1, q.start, q.end, q.text, q.entity, q.speaker, q.cue, NULL, NULL, NULL, NULL "
    "  FROM quotes q WHERE q.article = ?1 "
    "UNION ALL "
    "SELECT 2, f.start, f.end, f.text, NULL, f.kind, coalesce(f.thing_text, f.thing), "
    "       CASE WHEN f.low_open THEN NULL ELSE f.low END, "
    "       CASE WHEN f.high_open THEN NULL ELSE f.high END, f.unit, NULL "
    "  FROM facts f WHERE f.article = ?1 "
    "UNION ALL "
    "SELECT 3, d.start, d.end, d.text, NULL, d.type, d.value, NULL, NULL, NULL, NULL "
    "  FROM dates d WHERE d.article = ?1 "
    "ORDER BY 2, 1";

xc_status xc_article_marks(xc_ctx *ctx, const char *id, xc_mark_fn fn, void *user, xc_error *err)
{
    static const char key_sql[] = "SELECT key FROM articles WHERE id = ?";
    xc_store *s = &ctx->store;
    sqlite3_stmt *st = xc_store_prepare(s, key_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int64_t key = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return xc_fail(err, XC_ERR_NOT_FOUND, "no article \"%s\"", id);
    if (rc != SQLITE_ROW)
        return xc_store_error(s, err, "reading an article");
    if (!(st = xc_store_prepare(s, marks_sql, err)))
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, key);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xc_mark m = {
            .kind = (xc_mark_kind)sqlite3_column_int(st, 0),
            .start = (size_t)sqlite3_column_int64(st, 1),
            .end = (size_t)sqlite3_column_int64(st, 2),
            .text = xc_column_text(st, 3),
            .entity = sqlite3_column_int64(st, 4),
            .detail = xc_column_text(st, 6),
            .low = sqlite3_column_type(st, 7) == SQLITE_NULL ? -HUGE_VAL : sqlite3_column_double(st, 7),
            .high = sqlite3_column_type(st, 8) == SQLITE_NULL ? HUGE_VAL : sqlite3_column_double(st, 8),
            .unit = xc_column_text(st, 9),
        };
        switch (m.kind) {
        case XC_MARK_MENTION:
            m.label = sqlite3_column_type(st, 10) == SQLITE_NULL ? NULL
                                                                 : xc_ner_type_name(sqlite3_column_int(st, 10));
            break;
        case XC_MARK_QUOTE: m.label = xc_column_text(st, 5); break;
        case XC_MARK_NUMBER: m.label = xc_quantity_kind_name((xc_quantity_kind)sqlite3_column_int(st, 5)); break;
        case XC_MARK_DATE: m.label = xc_timex_type_name((xc_timex_type)sqlite3_column_int(st, 5)); break;
        }
        if (fn(user, &m))
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "reading an article's marks");
}
