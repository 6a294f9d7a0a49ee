#include "lineage.h"

#include <string.h>

#include "codec.h"
#include "../util/error.h"

xc_dedup *xc_lineage_load(xc_store *s, const xc_dedup_params *p, xc_error *err)
{
    /* The most recent max_docs articles by processing order, with their
     * group and its origin; the engine then drops those outside the time
     * window itself. */
    static const char sql[] =
        "SELECT f.article, a.published_ts, f.text_hash, f.lead_hash, f.shingles, f.minhash, "
        "       l.grp, o.article, oa.published_ts "
        "FROM article_features f JOIN articles a ON a.key = f.article "
        "LEFT JOIN lineage l ON l.article = f.article "
        "LEFT JOIN lineage o ON o.grp = l.grp AND o.copy_of IS NULL "
        "LEFT JOIN articles oa ON oa.key = o.article "
        "WHERE a.seq > (SELECT coalesce(max(seq), 0) FROM articles) - ?1 "
        "ORDER BY a.seq";
    static const char groups_sql[] = "SELECT coalesce(max(grp), 0) + 1 FROM lineage";
    const xc_dedup_params *params = p ? p : &xc_dedup_defaults;
    sqlite3_stmt *st = xc_store_prepare(s, groups_sql, err);
    if (!st)
        return NULL;
    int64_t next_group = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 1;
    sqlite3_reset(st);
    xc_dedup *d = xc_dedup_new(params, next_group);
    if (!d) {
        xc_fail(err, XC_ERR_NOMEM, "out of memory");
        return NULL;
    }
    st = xc_store_prepare(s, sql, err);
    if (!st) {
        xc_dedup_free(d);
        return NULL;
    }
    sqlite3_bind_int64(st, 1, (int64_t)params->max_docs);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xc_dedup_item item = {
            .key = sqlite3_column_int64(st, 0),
            .ts = sqlite3_column_type(st, 1) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 1),
            .text_hash = (uint64_t)sqlite3_column_int64(st, 2),
            .lead_hash = (uint64_t)sqlite3_column_int64(st, 3),
            .shingles = (uint32_t)sqlite3_column_int64(st, 4),
        };
        if (!xc_decode_minhash(sqlite3_column_blob(st, 5), (size_t)sqlite3_column_bytes(st, 5), &item.sig))
            continue; /* a damaged row: the article just cannot be matched */
        int64_t group = sqlite3_column_int64(st, 6);
        int64_t origin = sqlite3_column_type(st, 7) == SQLITE_NULL ? item.key : sqlite3_column_int64(st, 7);
        int64_t origin_ts = sqlite3_column_type(st, 8) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 8);
        if (xc_dedup_restore(d, &item, group, origin, origin_ts) != XC_OK) {
            sqlite3_reset(st);
            xc_dedup_free(d);
            xc_fail(err, XC_ERR_NOMEM, "out of memory loading dedup state");
            return NULL;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        xc_dedup_free(d);
        xc_store_error(s, err, "loading dedup state");
        return NULL;
    }
    return d;
}

xc_status xc_lineage_save_features(xc_store *s, const xc_dedup_item *item, xc_error *err)
{
    static const char sql[] = "INSERT OR REPLACE INTO article_features(article, text_hash, lead_hash, "
                              "shingles, minhash) VALUES (?, ?, ?, ?, ?)";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    unsigned char blob[XC_MINHASH_BYTES];
    xc_encode_minhash(&item->sig, blob);
    sqlite3_bind_int64(st, 1, item->key);
    sqlite3_bind_int64(st, 2, (int64_t)item->text_hash);
    sqlite3_bind_int64(st, 3, (int64_t)item->lead_hash);
    sqlite3_bind_int64(st, 4, item->shingles);
    sqlite3_bind_blob(st, 5, blob, sizeof blob, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "saving dedup features");
}

static xc_status write_row(xc_store *s, int64_t article, int64_t group, int64_t copy_of, xc_copy_kind kind,
                           double jaccard, double containment, xc_error *err)
{
    static const char sql[] = "INSERT OR REPLACE INTO lineage(article, grp, copy_of, kind, jaccard, containment) "
                              "VALUES (?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, group);
    if (copy_of) {
        sqlite3_bind_int64(st, 3, copy_of);
        sqlite3_bind_text(st, 4, xc_copy_kind_name(kind), -1, SQLITE_STATIC);
        sqlite3_bind_double(st, 5, jaccard);
        sqlite3_bind_double(st, 6, containment);
    }
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "saving lineage");
}

xc_status xc_lineage_record(xc_store *s, int64_t article, const xc_dedup_result *r, xc_error *err)
{
    if (!r->is_copy)
        return XC_OK;
    xc_status st = XC_OK;
    if (r->rerooted) {
        /* The item is the origin; the old origin copies it. */
        st = write_row(s, article, r->group, 0, XC_COPY_NONE, 0, 0, err);
        if (st == XC_OK && r->old_origin != article)
            st = write_row(s, r->old_origin, r->group, article, r->old_origin_kind, r->old_origin_jaccard,
                           r->old_origin_containment, err);
        if (st == XC_OK && r->copy_of != r->old_origin && r->new_group)
            st = write_row(s, r->copy_of, r->group, article, r->kind, r->jaccard, r->containment, err);
        return st;
    }
    if (r->new_group)
        st = write_row(s, r->copy_of, r->group, 0, XC_COPY_NONE, 0, 0, err);
    if (st == XC_OK)
        st = write_row(s, article, r->group, r->copy_of, r->kind, r->jaccard, r->containment, err);
    return st;
}

xc_status xc_lineage_forget(xc_store *s, int64_t article, bool *was_copy, xc_error *err)
{
    static const char find_sql[] = "SELECT copy_of IS NOT NULL FROM lineage WHERE article = ?";
    static const char delete_sql[] = "DELETE FROM lineage WHERE article = ? AND copy_of IS NOT NULL";
    *was_copy = false;
    sqlite3_stmt *st = xc_store_prepare(s, find_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, article);
    if (sqlite3_step(st) == SQLITE_ROW)
        *was_copy = sqlite3_column_int(st, 0) != 0;
    sqlite3_reset(st);
    st = xc_store_prepare(s, delete_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, article);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "updating lineage");
}
