/* A story's articles as reports (see story_reports.h). */
#include "story_reports.h"

#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "../util/vec.h"

void xc_story_reports_free(xc_story_reports *r)
{
    xc_arena_free(&r->arena);
    free(r->reports.items);
    free(r->where.items);
    free(r->key.items);
    free(r->title.items);
    free(r->keys.items);
    memset(r, 0, sizeof *r);
}

const char *xc_story_reports_column(xc_story_reports *r, sqlite3_stmt *st, int col, bool *ok)
{
    const char *s = xc_column_text(st, col);
    if (!s)
        return NULL;
    char *c = xc_arena_strndup(&r->arena, s, (size_t)sqlite3_column_bytes(st, col));
    if (!c)
        *ok = false;
    return c;
}

static int compare_keys(const void *x, const void *y)
{
    const xc_report_key *a = x, *b = y;
    return (a->key > b->key) - (a->key < b->key);
}

int xc_story_reports_find(const xc_story_reports *r, int64_t key)
{
    if (r->keys.count == 0)
        return -1;
    xc_report_key probe = {key, 0};
    const xc_report_key *k = bsearch(&probe, r->keys.items, r->keys.count, sizeof probe, compare_keys);
    return k ? (int)k->index : -1;
}

xc_status xc_story_reports_load(xc_store *s, int64_t story, xc_story_reports *r, xc_error *err)
{
    static const char exists[] = "SELECT 1 FROM stories WHERE id = ?";
#define REPORTS_SQL(where)                                                                                \
    "SELECT a.key, a.id, a.source, a.published, a.published_ts, "                                        \
    "CASE WHEN l.grp IS NULL OR l.grp = 0 THEN -a.key ELSE l.grp END, c.id, a.title "                     \
    "FROM story_articles sa JOIN articles a ON a.key = sa.article "                                       \
    "LEFT JOIN lineage l ON l.article = a.key LEFT JOIN articles c ON c.key = l.copy_of "                 \
    "WHERE " where " ORDER BY a.published_ts IS NULL, a.published_ts, a.seq"
    /* two statements, not "?1 = 0 OR sa.story = ?1": with the OR, SQLite
     * scans every story's articles instead of using the story index */
    static const char *const sql_of[] = {REPORTS_SQL("sa.story = ?"), REPORTS_SQL("?1 = 0")};
    sqlite3_stmt *st = xc_store_prepare(s, exists, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    int rc = story == XC_ALL_ARTICLES ? SQLITE_ROW : sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? xc_fail(err, XC_ERR_NOT_FOUND, "no story %lld (see: crosscheck stories)",
                                           (long long)story)
                                 : xc_store_error(s, err, "looking up a story");
    if (!(st = xc_store_prepare(s, sql_of[story == XC_ALL_ARTICLES], err)))
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        xc_attestation where = {0};
        where.article = xc_story_reports_column(r, st, 1, &ok);
        where.source = xc_story_reports_column(r, st, 2, &ok);
        where.published = xc_story_reports_column(r, st, 3, &ok);
        where.copy_of = xc_story_reports_column(r, st, 6, &ok);
        const char *title = xc_story_reports_column(r, st, 7, &ok);
        xc_ledger_report report = {sqlite3_column_int64(st, 5),
                                   sqlite3_column_type(st, 4) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 4),
                                   (uint32_t)r->reports.count};
        /* one outlet, one number; an unknown outlet is its own */
        for (size_t i = 0; where.source && i < r->where.count; i++)
            if (r->where.items[i].source && strcmp(r->where.items[i].source, where.source) == 0) {
                report.outlet = r->reports.items[i].outlet;
                break;
            }
        int64_t key = sqlite3_column_int64(st, 0);
        xc_report_key sorted = {key, (uint32_t)r->reports.count};
        ok = ok && XC_VEC_PUSH(&r->reports, report) && XC_VEC_PUSH(&r->where, where) && XC_VEC_PUSH(&r->key, key) &&
             XC_VEC_PUSH(&r->title, title) && XC_VEC_PUSH(&r->keys, sorted);
    }
    sqlite3_reset(st);
    if (!ok)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    if (rc != SQLITE_DONE)
        return xc_store_error(s, err, "reading a story's articles");
    if (r->keys.count > 1)
        qsort(r->keys.items, r->keys.count, sizeof *r->keys.items, compare_keys);
    return XC_OK;
}
