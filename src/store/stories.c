#include "stories.h"

#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "../util/error.h"

xc_clusterer *xc_stories_load(xc_store *s, xc_termdict *terms, const xc_cluster_params *p, xc_error *err)
{
    /* Active: updated within the window of the latest publication time, or
     * undated and among the most recently updated. */
    static const char sql[] =
        "SELECT id, size, originals, first_ts, last_ts, first_seq, last_seq, centroid, names "
        "FROM stories WHERE last_ts >= (SELECT max(last_ts) FROM stories) - ?1 "
        "   OR (last_ts IS NULL AND id IN (SELECT id FROM stories WHERE last_ts IS NULL "
        "                                   ORDER BY last_seq DESC LIMIT ?2)) "
        "ORDER BY last_seq";
    static const char next_sql[] =
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'stories'), 0), "
        "           coalesce((SELECT max(id) FROM stories), 0)) + 1";
    const xc_cluster_params *params = p ? p : &xc_cluster_defaults;
    sqlite3_stmt *st = xc_store_prepare(s, next_sql, err);
    if (!st)
        return NULL;
    int64_t next = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 1;
    sqlite3_reset(st);
    xc_clusterer *c = xc_clusterer_new(params, terms, next);
    if (!c) {
        xc_fail(err, XC_ERR_NOMEM, "out of memory");
        return NULL;
    }
    st = xc_store_prepare(s, sql, err);
    if (!st) {
        xc_clusterer_free(c);
        return NULL;
    }
    sqlite3_bind_int64(st, 1, params->window);
    sqlite3_bind_int64(st, 2, (int64_t)params->max_active);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xc_docvec centroid = {0}, names = {0};
        bool ok = xc_decode_weights(sqlite3_column_blob(st, 7), (size_t)sqlite3_column_bytes(st, 7), &centroid) &&
                  xc_decode_weights(sqlite3_column_blob(st, 8), (size_t)sqlite3_column_bytes(st, 8), &names);
        xc_story_state state = {
            .id = sqlite3_column_int64(st, 0),
            .size = (uint32_t)sqlite3_column_int64(st, 1),
            .originals = (uint32_t)sqlite3_column_int64(st, 2),
            .first_ts = sqlite3_column_type(st, 3) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 3),
            .last_ts = sqlite3_column_type(st, 4) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 4),
            .first_seq = sqlite3_column_int64(st, 5),
            .last_seq = sqlite3_column_int64(st, 6),
            .centroid = centroid.items,
            .centroid_count = centroid.count,
            .names = names.items,
            .name_count = names.count,
        };
        xc_status status = ok ? xc_clusterer_restore(c, &state) : XC_ERR_NOMEM;
        xc_docvec_free(&centroid);
        xc_docvec_free(&names);
        if (status != XC_OK) {
            sqlite3_reset(st);
            xc_clusterer_free(c);
            xc_fail(err, status, "loading stories: %s", xc_status_name(status));
            return NULL;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        xc_clusterer_free(c);
        xc_store_error(s, err, "loading stories");
        return NULL;
    }
    return c;
}

xc_status xc_stories_create(xc_store *s, int64_t story, int64_t article, int64_t ts, int64_t seq, xc_error *err)
{
    static const char sql[] = "INSERT INTO stories(id, title, size, originals, first_ts, last_ts, first_seq, "
                              "last_seq, centroid, names) "
                              "VALUES (?1, (SELECT title FROM articles WHERE key = ?2), 1, 1, ?3, ?3, ?4, ?4, x'', x'')";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    sqlite3_bind_int64(st, 2, article);
    if (ts != INT64_MIN)
        sqlite3_bind_int64(st, 3, ts);
    sqlite3_bind_int64(st, 4, seq);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "opening a story");
}

static xc_status save_one(void *user, const xc_story_state *state, bool emptied)
{
    static const char update_sql[] =
        "UPDATE stories SET size = ?2, originals = ?3, first_ts = ?4, last_ts = ?5, first_seq = ?6, "
        "last_seq = ?7, centroid = ?8, names = ?9, "
        "title = coalesce((SELECT a.title FROM story_articles sa JOIN articles a ON a.key = sa.article "
        "                  WHERE sa.story = ?1 ORDER BY a.published_ts IS NULL, a.published_ts, a.seq "
        "                  LIMIT 1), title) "
        "WHERE id = ?1";
    static const char drop_sql[] = "DELETE FROM stories WHERE id = ?";
    xc_store *s = user;
    sqlite3_stmt *st;
    if (emptied) {
        st = xc_store_prepare(s, drop_sql, NULL);
        if (!st)
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, state->id);
    } else {
        size_t centroid_size, names_size;
        unsigned char *centroid = xc_encode_weights(state->centroid, state->centroid_count, &centroid_size);
        unsigned char *names = xc_encode_weights(state->names, state->name_count, &names_size);
        st = xc_store_prepare(s, update_sql, NULL);
        if (!centroid || !names || !st) {
            free(centroid);
            free(names);
            return st ? XC_ERR_NOMEM : XC_ERR_STORE;
        }
        sqlite3_bind_int64(st, 1, state->id);
        sqlite3_bind_int64(st, 2, state->size);
        sqlite3_bind_int64(st, 3, state->originals);
        if (state->first_ts != INT64_MIN) {
            sqlite3_bind_int64(st, 4, state->first_ts);
            sqlite3_bind_int64(st, 5, state->last_ts);
        }
        sqlite3_bind_int64(st, 6, state->first_seq);
        sqlite3_bind_int64(st, 7, state->last_seq);
        sqlite3_bind_blob(st, 8, centroid, (int)centroid_size, free);
        sqlite3_bind_blob(st, 9, names, (int)names_size, free);
    }
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? XC_OK : XC_ERR_STORE;
}

xc_status xc_stories_save(xc_store *s, xc_clusterer *c, xc_error *err)
{
    xc_status st = xc_clusterer_flush(c, save_one, s);
    if (st != XC_OK)
        return st == XC_ERR_STORE ? xc_store_error(s, err, "saving stories") : xc_fail(err, st, "saving stories");
    return XC_OK;
}

xc_status xc_stories_grow(xc_store *s, int64_t story, int64_t ts, int64_t seq, xc_error *err)
{
    static const char sql[] = "UPDATE stories SET size = size + 1, "
                              "first_ts = CASE WHEN ?2 IS NULL THEN first_ts ELSE min(coalesce(first_ts, ?2), ?2) END, "
                              "last_ts = CASE WHEN ?2 IS NULL THEN last_ts ELSE max(coalesce(last_ts, ?2), ?2) END, "
                              "last_seq = max(last_seq, ?3) WHERE id = ?1";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    if (ts != INT64_MIN)
        sqlite3_bind_int64(st, 2, ts);
    sqlite3_bind_int64(st, 3, seq);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "updating a story");
}

xc_status xc_stories_shrink(xc_store *s, int64_t story, bool was_copy, xc_error *err)
{
    static const char sql[] = "UPDATE stories SET size = max(size - 1, 0), "
                              "originals = max(originals - ?2, 0) WHERE id = ?1";
    static const char drop_sql[] = "DELETE FROM stories WHERE id = ? AND size = 0";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    sqlite3_bind_int64(st, 2, was_copy ? 0 : 1);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return xc_store_error(s, err, "updating a story");
    st = xc_store_prepare(s, drop_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "dropping an empty story");
}

xc_status xc_stories_member(xc_store *s, int64_t article, int64_t story, double similarity, const char *why_json,
                            xc_error *err)
{
    /* The article's row is written by now; what lists read of it is copied
     * beside the membership (schema v7). */
    static const char sql[] =
        "INSERT INTO story_articles(article, story, similarity, why, published_ts, seq, source, published) "
        "SELECT ?1, ?2, ?3, ?4, a.published_ts, a.seq, a.source, a.published FROM articles a WHERE a.key = ?1 "
        "ON CONFLICT(article) DO UPDATE SET story = excluded.story, similarity = excluded.similarity, "
        "why = excluded.why, published_ts = excluded.published_ts, seq = excluded.seq, "
        "source = excluded.source, published = excluded.published";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, story);
    sqlite3_bind_double(st, 3, similarity);
    if (why_json)
        sqlite3_bind_text(st, 4, why_json, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "writing story membership");
}

int64_t xc_stories_of_article(xc_store *s, int64_t article)
{
    static const char sql[] = "SELECT story FROM story_articles WHERE article = ?";
    sqlite3_stmt *st = xc_store_prepare(s, sql, NULL);
    if (!st)
        return 0;
    sqlite3_bind_int64(st, 1, article);
    int64_t story = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return story;
}

xc_status xc_stories_count_outlets(xc_store *s, int64_t story, xc_error *err)
{
    static const char sql[] =
        "UPDATE stories SET outlets = (SELECT count(DISTINCT a.source) FROM story_articles sa "
        "  JOIN articles a ON a.key = sa.article LEFT JOIN lineage l ON l.article = a.key "
        "  WHERE sa.story = ?1 AND a.source IS NOT NULL AND l.copy_of IS NULL) WHERE id = ?1";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    return xc_store_run(s, st, "counting a story's outlets", err);
}
