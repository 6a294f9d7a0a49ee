#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../analyze/analysis.h"
#include "../cluster/cluster.h"
#include "../cluster/why.h"
#include "../entity/extract.h"
#include "../store/claims.h"
#include "../store/entities.h"
#include "../dedup/dedup.h"
#include "../store/lineage.h"
#include "../store/stories.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/json_writer.h"
#include "../util/vec.h"

struct xc_pipeline {
    xc_ctx *ctx;
    bool loaded;        /* engines in step with the store            */
    int64_t generation; /* of the store when they were loaded/saved   */
    int64_t next_seq;
    xc_termdict terms;
    xc_dedup *dedup;
    xc_clusterer *clusterer;
    xc_analysis analysis, old_analysis;
    xc_dedup_scratch dedup_scratch;
    xc_ner_tagger tagger; /* loaded on first use */
    bool tagger_loaded;
    xc_entity_extractor entities;
    bool entities_found;   /* for the article in hand */
    int64_t *entity_ids;   /* their ids in the store   */
    size_t entity_id_capacity;
    xc_quote_list quotes;
    xc_quantity_list quantities;
    xc_timex_list dates;
    /* Stories an independent report joined or left in this batch: their
     * outlet counts are taken again before it commits. */
    struct {
        int64_t *items;
        size_t count, capacity;
    } recount;
};

xc_pipeline *xc_pipeline_new(xc_ctx *ctx)
{
    xc_pipeline *p = calloc(1, sizeof *p);
    if (p)
        p->ctx = ctx;
    return p;
}

static void unload(xc_pipeline *p)
{
    xc_clusterer_free(p->clusterer);
    p->clusterer = NULL;
    xc_dedup_free(p->dedup);
    p->dedup = NULL;
    if (p->loaded)
        xc_termdict_free(&p->terms);
    p->loaded = false;
}

void xc_pipeline_free(xc_pipeline *p)
{
    if (!p)
        return;
    unload(p);
    xc_analysis_free(&p->analysis);
    xc_analysis_free(&p->old_analysis);
    xc_dedup_scratch_free(&p->dedup_scratch);
    xc_entity_extractor_free(&p->entities);
    free(p->entity_ids);
    xc_quote_list_free(&p->quotes);
    xc_quantity_list_free(&p->quantities);
    xc_timex_list_free(&p->dates);
    free(p->recount.items);
    if (p->tagger_loaded)
        xc_ner_tagger_close(&p->tagger);
    free(p);
}

/* Make the engines match the store. Runs inside the write transaction: if
 * another process committed since we last looked (the generation counter
 * moved), our state is stale and is loaded again. */
static xc_status load(xc_pipeline *p, xc_error *err)
{
    static const char seq_sql[] = "SELECT coalesce(max(seq), 0) + 1 FROM articles";
    xc_store *store = &p->ctx->store;
    int64_t generation = xc_store_meta_int(store, "generation", 0);
    if (p->loaded && generation == p->generation)
        return XC_OK;
    unload(p);
    p->generation = generation;
    sqlite3_stmt *st = xc_store_prepare(store, seq_sql, err);
    if (!st)
        return XC_ERR_STORE;
    p->next_seq = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 1;
    sqlite3_reset(st);
    xc_status status = xc_termdict_load(&p->terms, store, p->ctx->stemmer, err);
    if (status != XC_OK)
        return status;
    p->loaded = true;
    p->dedup = xc_lineage_load(store, &p->ctx->dedup, err);
    if (!p->dedup)
        return err->status ? err->status : XC_ERR_STORE;
    p->clusterer = xc_stories_load(store, &p->terms, &p->ctx->cluster, err);
    if (!p->clusterer)
        return err->status ? err->status : XC_ERR_STORE;
    return XC_OK;
}

/* ---- one article ------------------------------------------------------ */

typedef struct existing {
    int64_t key, seq, ts;
    bool same;
    char *title, *text;
    bool title_given;
} existing;

static xc_status find_existing(xc_pipeline *p, const xc_article_in *a, existing *out, xc_error *err)
{
    static const char sql[] = "SELECT key, content_hash, title, text, published_ts, seq, "
                              "NOT title_from_text FROM articles WHERE id = ?";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = xc_store_prepare(&p->ctx->store, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->key = sqlite3_column_int64(st, 0);
        out->same = sqlite3_column_bytes(st, 1) == (int)sizeof a->hash &&
                    memcmp(sqlite3_column_blob(st, 1), a->hash, sizeof a->hash) == 0;
        if (!out->same) {
            out->title = strdup(xc_column_text(st, 2) ? xc_column_text(st, 2) : "");
            out->text = strdup(xc_column_text(st, 3) ? xc_column_text(st, 3) : "");
            out->ts = sqlite3_column_type(st, 4) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 4);
            out->seq = sqlite3_column_int64(st, 5);
            out->title_given = sqlite3_column_int(st, 6) != 0;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return xc_store_error(&p->ctx->store, err, "looking up an article");
    if (out->key && !out->same && (!out->title || !out->text))
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    return XC_OK;
}

static void bind_text_or_null(sqlite3_stmt *st, int col, const char *s)
{
    if (s)
        sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, col);
}

/* Insert (key == 0) or replace an article row; returns its key. */
static xc_status write_article(xc_pipeline *p, const xc_article_in *a, int64_t key, int64_t seq, int64_t *out_key,
                               xc_error *err)
{
    static const char insert_sql[] =
        "INSERT INTO articles(id, title, text, source, url, published, published_ts, published_raw, "
        "extra, origin, origin_line, body_offset, content_hash, seq, ingested_at, title_from_text) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?17)";
    static const char update_sql[] =
        "UPDATE articles SET id = ?1, title = ?2, text = ?3, source = ?4, url = ?5, published = ?6, "
        "published_ts = ?7, published_raw = ?8, extra = ?9, origin = ?10, origin_line = ?11, "
        "body_offset = ?12, content_hash = ?13, seq = ?14, ingested_at = ?15, title_from_text = ?17 "
        "WHERE key = ?16";
    xc_store *store = &p->ctx->store;
    sqlite3_stmt *st = xc_store_prepare(store, key ? update_sql : insert_sql, err);
    if (!st)
        return XC_ERR_STORE;
    char published[40] = "";
    bool dated = a->published.precision != XC_DATE_NONE;
    if (dated)
        xc_date_format(&a->published, published, sizeof published);
    sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, a->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, a->text, (int)a->text_len, SQLITE_STATIC);
    bind_text_or_null(st, 4, a->source);
    bind_text_or_null(st, 5, a->url);
    bind_text_or_null(st, 6, dated ? published : NULL);
    if (dated)
        sqlite3_bind_int64(st, 7, a->published.unix_seconds);
    bind_text_or_null(st, 8, a->published_raw);
    bind_text_or_null(st, 9, a->extra_json);
    sqlite3_bind_text(st, 10, a->origin, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 11, a->line);
    sqlite3_bind_int64(st, 12, a->body_offset);
    sqlite3_bind_blob(st, 13, a->hash, sizeof a->hash, SQLITE_STATIC);
    sqlite3_bind_int64(st, 14, seq);
    sqlite3_bind_int64(st, 15, (int64_t)time(NULL));
    if (key)
        sqlite3_bind_int64(st, 16, key);
    sqlite3_bind_int(st, 17, a->title_from_text);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return xc_store_error(store, err, "storing an article");
    *out_key = key ? key : sqlite3_last_insert_rowid(store->db);
    return XC_OK;
}

static xc_status recount_later(xc_pipeline *p, int64_t story, xc_error *err)
{
    if (p->recount.count && p->recount.items[p->recount.count - 1] == story)
        return XC_OK;
    if (!XC_VEC_PUSH(&p->recount, story))
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    return XC_OK;
}

static int by_value(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static xc_status recount_outlets(xc_pipeline *p, xc_error *err)
{
    int64_t *ids = p->recount.items;
    size_t n = p->recount.count;
    if (n > 1)
        qsort(ids, n, sizeof *ids, by_value);
    xc_status st = XC_OK;
    for (size_t i = 0; st == XC_OK && i < n; i++)
        if (i == 0 || ids[i] != ids[i - 1])
            st = xc_stories_count_outlets(&p->ctx->store, ids[i], err);
    p->recount.count = 0;
    return st;
}

/* Take the stored version of an article out of its story and lineage. */
static xc_status retract(xc_pipeline *p, const existing *old, xc_error *err)
{
    xc_store *store = &p->ctx->store;
    bool was_copy;
    xc_status st = xc_lineage_forget(store, old->key, &was_copy, err);
    if (st != XC_OK)
        return st;
    xc_dedup_remove(p->dedup, old->key);
    int64_t story = xc_stories_of_article(store, old->key);
    if ((st = xc_entities_forget(store, old->key, story, err)) != XC_OK ||
        (st = xc_claims_forget(store, old->key, err)) != XC_OK)
        return st;
    if (!story)
        return XC_OK;
    if ((st = recount_later(p, story, err)) != XC_OK)
        return st;
    st = xc_analyze(&p->terms, &p->ctx->analysis, old->title_given ? old->title : NULL, old->text, strlen(old->text),
                    &p->old_analysis);
    if (st != XC_OK)
        return xc_fail(err, st, "analysing an article: %s", xc_status_name(st));
    xc_cluster_item item = {.key = old->key, .seq = old->seq, .ts = old->ts, .analysis = &p->old_analysis};
    st = xc_clusterer_detach(p->clusterer, story, &item, was_copy);
    if (st == XC_ERR_NOT_FOUND) /* the story left the active index */
        st = xc_stories_shrink(store, story, was_copy, err);
    return st == XC_OK || st == XC_ERR_STORE ? st : xc_fail(err, st, "leaving a story: %s", xc_status_name(st));
}

static const char *article_id(xc_pipeline *p, int64_t key, char *buf, size_t cap)
{
    static const char sql[] = "SELECT id FROM articles WHERE key = ?";
    buf[0] = '\0';
    sqlite3_stmt *st = xc_store_prepare(&p->ctx->store, sql, NULL);
    if (!st)
        return buf;
    sqlite3_bind_int64(st, 1, key);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(buf, cap, "%s", xc_column_text(st, 0));
    sqlite3_reset(st);
    return buf;
}

/* A copy joins the story of the article it copies. */
static xc_status join_origin_story(xc_pipeline *p, const xc_cluster_item *item, const xc_dedup_result *r,
                                   xc_error *err)
{
    xc_store *store = &p->ctx->store;
    int64_t story = xc_stories_of_article(store, r->copy_of);
    if (!story)
        return xc_fail(err, XC_ERR_STORE, "article %lld copies an article in no story", (long long)item->key);
    xc_status st = xc_clusterer_attach(p->clusterer, story, item);
    if (st == XC_ERR_NOT_FOUND)
        st = xc_stories_grow(store, story, item->ts, item->seq, err);
    if (st != XC_OK)
        return st == XC_ERR_STORE ? st : xc_fail(err, st, "joining a story: %s", xc_status_name(st));
    char id[512];
    xc_buf why = {0};
    xc_json j;
    xc_json_init(&j, &why);
    xc_json_object_begin(&j);
    xc_json_key(&j, "copy_of"), xc_json_string(&j, article_id(p, r->copy_of, id, sizeof id));
    xc_json_key(&j, "kind"), xc_json_string(&j, xc_copy_kind_name(r->kind));
    xc_json_key(&j, "jaccard"), xc_json_double(&j, r->jaccard);
    xc_json_key(&j, "containment"), xc_json_double(&j, r->containment);
    xc_json_object_end(&j);
    double similarity = r->jaccard > r->containment ? r->jaccard : r->containment;
    st = xc_stories_member(store, item->key, story, similarity, xc_buf_str(&why), err);
    xc_buf_free(&why);
    return st;
}

static xc_status cluster(xc_pipeline *p, const xc_cluster_item *item, xc_error *err)
{
    xc_store *store = &p->ctx->store;
    xc_cluster_decision d;
    xc_status st = xc_clusterer_assign(p->clusterer, item, &d);
    if (st != XC_OK)
        return xc_fail(err, st, "clustering: %s", xc_status_name(st));
    if (d.new_story && (st = xc_stories_create(store, d.story, item->key, item->ts, item->seq, err)) != XC_OK)
        return st;
    char *why = xc_why_json(&p->terms, &d);
    if (!why)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    st = xc_stories_member(store, item->key, d.story, d.score, why, err);
    free(why);
    return st == XC_OK ? recount_later(p, d.story, err) : st;
}

/* Names in the article, resolved to the store's entities. */
static xc_status find_entities(xc_pipeline *p, int64_t key, const xc_article_in *a, xc_error *err)
{
    p->entities_found = false;
    if (!p->ctx->entities)
        return XC_OK;
    if (!p->tagger_loaded) {
        xc_status st = xc_ner_tagger_open(&p->tagger, NULL, err);
        if (st != XC_OK)
            return st;
        p->tagger_loaded = true;
        p->entities.tagger = &p->tagger;
    }
    xc_status st = xc_entities_extract(&p->entities, a->text, a->text_len);
    if (st != XC_OK)
        return xc_fail(err, st, "finding names: %s", xc_status_name(st));
    size_t n = p->entities.entities.count;
    if (n > p->entity_id_capacity) {
        int64_t *ids = realloc(p->entity_ids, n * sizeof *ids);
        if (!ids)
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        p->entity_ids = ids;
        p->entity_id_capacity = n;
    }
    int64_t story = xc_stories_of_article(&p->ctx->store, key);
    st = xc_entities_save(&p->ctx->store, key, story, a->text, &p->entities, p->entity_ids, err);
    p->entities_found = st == XC_OK;
    return st;
}

/* What the article says: quotes and their speakers, numeric facts, dates.
 * Relative dates count from the article's date, or from the date its own
 * text gives when it has none (stored as inferred; the clusterer does not
 * use it, so an undated article stays undated for story time). */
static xc_status find_claims(xc_pipeline *p, int64_t key, const xc_article_in *a, xc_error *err)
{
    if (!p->ctx->claims)
        return XC_OK;
    const xc_entity_extractor *entities = p->entities_found ? &p->entities : NULL;
    xc_article_claims claims = {.entities = entities, .entity_ids = entities ? p->entity_ids : NULL};
    xc_date anchor = a->published, inferred;
    char inferred_text[16], evidence[160];
    if (anchor.precision == XC_DATE_NONE &&
        xc_infer_document_date(a->text, a->text_len, &inferred, evidence, sizeof evidence) == XC_OK) {
        anchor = inferred;
        xc_date_format(&inferred, inferred_text, sizeof inferred_text);
        claims.inferred_date = inferred_text;
        claims.inferred_from = evidence;
    }
    xc_status st = xc_find_quotes(a->text, a->text_len, entities, &p->quotes);
    if (st == XC_OK) {
        p->quantities.count = 0;
        claims.quotes = &p->quotes;
        /* invalid UTF-8 was refused at reading; a failure here is memory */
        st = xc_find_quantities(a->text, a->text_len, &p->quantities);
    }
    if (st == XC_OK) {
        p->dates.count = 0;
        claims.quantities = &p->quantities;
        st = xc_find_dates(a->text, a->text_len, &anchor, &p->dates);
        claims.dates = &p->dates;
    }
    if (st != XC_OK)
        return xc_fail(err, st, "finding quotes, numbers and dates: %s", xc_status_name(st));
    return xc_claims_save(&p->ctx->store, key, a->text, &claims, err);
}

static xc_status store_one(xc_pipeline *p, xc_article_in *a, xc_item_outcome *outcome, xc_error *err)
{
    existing old;
    xc_status st = find_existing(p, a, &old, err);
    if (st == XC_OK && old.same) {
        *outcome = XC_ITEM_UNCHANGED;
        return XC_OK;
    }
    if (st == XC_OK && old.key)
        st = retract(p, &old, err);
    free(old.title);
    free(old.text);
    if (st != XC_OK)
        return st;
    int64_t key = 0, seq = p->next_seq++;
    if ((st = write_article(p, a, old.key, seq, &key, err)) != XC_OK)
        return st;
    int64_t ts = a->published.precision != XC_DATE_NONE ? a->published.unix_seconds : INT64_MIN;
    xc_dedup_item dup;
    xc_dedup_result r;
    st = xc_dedup_features(a->text, a->text_len, &p->ctx->dedup, &p->dedup_scratch, key, ts, &dup);
    if (st == XC_OK)
        st = xc_dedup_process(p->dedup, &dup, &r);
    if (st != XC_OK)
        return xc_fail(err, st, "duplicate detection: %s", xc_status_name(st));
    if ((st = xc_lineage_save_features(&p->ctx->store, &dup, err)) != XC_OK ||
        (st = xc_lineage_record(&p->ctx->store, key, &r, err)) != XC_OK)
        return st;
    xc_cluster_item item = {.key = key, .seq = seq, .ts = ts, .analysis = &p->analysis};
    if (r.is_copy) {
        /* A copy joins the story of what it copies; its words are there. */
        st = join_origin_story(p, &item, &r, err);
    } else {
        st = xc_analyze(&p->terms, &p->ctx->analysis, a->title_from_text ? NULL : a->title, a->text, a->text_len,
                        &p->analysis);
        if (st != XC_OK)
            return xc_fail(err, st, "analysing an article: %s", xc_status_name(st));
        st = cluster(p, &item, err);
    }
    if (st == XC_OK)
        st = find_entities(p, key, a, err);
    if (st == XC_OK)
        st = find_claims(p, key, a, err);
    if (st == XC_OK)
        *outcome = old.key ? XC_ITEM_UPDATED : XC_ITEM_ADDED;
    return st;
}

xc_status xc_pipeline_store(xc_pipeline *p, xc_article_in *const *articles, xc_item_outcome *outcomes, size_t n,
                            xc_error *err)
{
    xc_store *store = &p->ctx->store;
    xc_status st = xc_store_begin(store, err);
    if (st == XC_OK)
        st = load(p, err);
    p->recount.count = 0;
    for (size_t i = 0; st == XC_OK && i < n; i++)
        st = store_one(p, articles[i], &outcomes[i], err);
    if (st == XC_OK)
        st = recount_outlets(p, err);
    if (st == XC_OK)
        st = xc_stories_save(store, p->clusterer, err);
    if (st == XC_OK)
        st = xc_termdict_save(&p->terms, store, err);
    if (st == XC_OK)
        st = xc_store_set_meta_int(store, "generation", p->generation + 1, err);
    if (st == XC_OK)
        st = xc_store_commit(store, err);
    if (st != XC_OK) {
        /* Nothing of this batch is stored; the engines may be ahead of the
         * store, so they go and are loaded again next time. */
        xc_store_rollback(store);
        unload(p);
        return st;
    }
    p->generation++;
    return XC_OK;
}

/* ---- publication order --------------------------------------------------- */

typedef struct ordered {
    int64_t when;  /* publication time, undated ones carried forward */
    size_t input;  /* position in the input, for ties */
    xc_article_in *article;
} ordered;

static int by_publication(const void *a, const void *b)
{
    const ordered *x = a, *y = b;
    if (x->when != y->when)
        return x->when < y->when ? -1 : 1;
    return (x->input > y->input) - (x->input < y->input);
}

bool xc_publication_order(xc_article_in **articles, size_t n)
{
    if (n < 2)
        return true;
    ordered *keys = malloc(n * sizeof *keys);
    if (!keys)
        return false;
    int64_t carried = INT64_MIN;
    for (size_t i = 0; i < n; i++) {
        if (articles[i]->published.precision != XC_DATE_NONE)
            carried = articles[i]->published.unix_seconds;
        keys[i] = (ordered){carried, i, articles[i]};
    }
    qsort(keys, n, sizeof *keys, by_publication);
    for (size_t i = 0; i < n; i++)
        articles[i] = keys[i].article;
    free(keys);
    return true;
}
