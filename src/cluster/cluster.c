#include "cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "../util/vec.h"

#define MAX_INDEXED_TERMS 32

/* Chosen by measurement on the demo corpus, the seeds and ECB+ (see
 * docs/architecture.md): on the demo, same-event articles that tell the
 * story from another angle score 0.17-0.30 and different events up to 0.14. */
const xc_cluster_params xc_cluster_defaults = {
    .threshold = 0.16,
    .title_weight = 2.0f,
    .name_weight = 2.0f,
    .article_terms = 100,
    .centroid_terms = 120,
    .indexed_terms = 32,
    .query_terms = 30,
    .candidates = 40,
    .posting_scan = 400,
    .window = 7 * 24 * 3600,
};

typedef struct story {
    int64_t id;
    xc_docvec centroid; /* sum of the members' unit vectors, truncated */
    double norm;
    uint32_t size;
    int64_t first_ts, last_ts; /* INT64_MIN when no member is dated */
    int64_t first_seq, last_seq;
    uint32_t indexed[MAX_INDEXED_TERMS]; /* terms under which it is in the index */
    uint8_t indexed_count;
    bool dirty, retitle, recount, removed;
} story;

typedef struct posting {
    uint32_t *items; /* story indices, oldest first; may hold stale entries */
    size_t count, capacity;
} posting;

struct xc_clusterer {
    xc_store *store;
    xc_cluster_params p;
    xc_termdict terms;
    story *stories;
    size_t story_count, story_capacity;
    posting *postings; /* by term index */
    size_t posting_count;
    struct {
        uint32_t *items;
        size_t count, capacity;
    } dirty; /* story indices changed since the last save */
    /* scratch, reused for every article */
    xc_token_list tokens;
    xc_docvec vec;
    xc_term_weight *query;
    size_t query_capacity;
    uint32_t *stamp;
    float *score;
    size_t stamp_capacity;
    uint32_t stamp_now;
    struct {
        uint32_t *items;
        size_t count, capacity;
    } touched;
};

/* ---- centroid blobs: little-endian (u32 term, f32 weight) pairs ------- */

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16), p[3] = (unsigned char)(v >> 24);
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned char *encode_centroid(const xc_docvec *v, size_t *size)
{
    *size = v->count * 8;
    unsigned char *blob = malloc(*size ? *size : 1);
    if (!blob)
        return NULL;
    for (size_t i = 0; i < v->count; i++) {
        uint32_t bits;
        memcpy(&bits, &v->items[i].weight, 4);
        put_u32(blob + 8 * i, v->items[i].term);
        put_u32(blob + 8 * i + 4, bits);
    }
    return blob;
}

static bool decode_centroid(const unsigned char *blob, size_t size, xc_docvec *out)
{
    size_t n = size / 8;
    out->items = malloc((n ? n : 1) * sizeof *out->items);
    if (!out->items)
        return false;
    out->capacity = n ? n : 1;
    out->count = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t bits = get_u32(blob + 8 * i + 4);
        float w;
        memcpy(&w, &bits, 4);
        uint32_t term = get_u32(blob + 8 * i);
        if (!isfinite(w) || (out->count && term <= out->items[out->count - 1].term))
            continue; /* a damaged blob loses entries, never the store */
        out->items[out->count++] = (xc_term_weight){term, w};
    }
    return true;
}

/* ---- the inverted index ------------------------------------------- */

static bool index_story(xc_clusterer *c, uint32_t s_index)
{
    story *s = &c->stories[s_index];
    /* Heaviest centroid terms. */
    size_t n = s->centroid.count;
    if (n > c->query_capacity) {
        xc_term_weight *q = realloc(c->query, n * sizeof *q);
        if (!q)
            return false;
        c->query = q;
        c->query_capacity = n;
    }
    memcpy(c->query, s->centroid.items, n * sizeof *c->query);
    xc_docvec tmp = {c->query, n, c->query_capacity};
    xc_docvec_truncate(&tmp, c->p.indexed_terms);
    n = tmp.count;
    uint32_t fresh[MAX_INDEXED_TERMS];
    uint8_t fresh_count = 0;
    for (size_t i = 0; i < n && fresh_count < MAX_INDEXED_TERMS; i++) {
        uint32_t term = tmp.items[i].term;
        fresh[fresh_count++] = term;
        bool already = false;
        for (uint8_t k = 0; k < s->indexed_count && !already; k++)
            already = s->indexed[k] == term;
        if (already)
            continue;
        if (term - 1 >= c->posting_count) {
            size_t count = c->terms.capacity > term ? c->terms.capacity : (size_t)term * 2;
            posting *p = realloc(c->postings, count * sizeof *p);
            if (!p)
                return false;
            memset(p + c->posting_count, 0, (count - c->posting_count) * sizeof *p);
            c->postings = p;
            c->posting_count = count;
        }
        if (!XC_VEC_PUSH(&c->postings[term - 1], s_index))
            return false;
    }
    memcpy(s->indexed, fresh, fresh_count * sizeof *fresh);
    s->indexed_count = fresh_count;
    return true;
}

/* ---- loading -------------------------------------------------------- */

static story *new_story_slot(xc_clusterer *c)
{
    if (c->story_count == c->story_capacity) {
        size_t cap = c->story_capacity ? c->story_capacity * 2 : 256;
        story *s = realloc(c->stories, cap * sizeof *s);
        if (!s)
            return NULL;
        c->stories = s;
        c->story_capacity = cap;
    }
    story *s = &c->stories[c->story_count++];
    memset(s, 0, sizeof *s);
    return s;
}

static xc_status load_stories(xc_clusterer *c, xc_error *err)
{
    static const char sql[] = "SELECT id, size, first_ts, last_ts, first_seq, last_seq, centroid "
                              "FROM stories ORDER BY id";
    sqlite3_stmt *st = xc_store_prepare(c->store, sql, err);
    if (!st)
        return XC_ERR_STORE;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        story *s = new_story_slot(c);
        if (!s) {
            sqlite3_reset(st);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory loading stories");
        }
        s->id = sqlite3_column_int64(st, 0);
        s->size = (uint32_t)sqlite3_column_int64(st, 1);
        s->first_ts = sqlite3_column_type(st, 2) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 2);
        s->last_ts = sqlite3_column_type(st, 3) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 3);
        s->first_seq = sqlite3_column_int64(st, 4);
        s->last_seq = sqlite3_column_int64(st, 5);
        if (!decode_centroid(sqlite3_column_blob(st, 6), (size_t)sqlite3_column_bytes(st, 6),
                             &s->centroid) ||
            !index_story(c, (uint32_t)(c->story_count - 1))) {
            sqlite3_reset(st);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory loading stories");
        }
        s->norm = xc_docvec_norm(s->centroid.items, s->centroid.count);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(c->store, err, "loading stories");
}

xc_clusterer *xc_clusterer_load(xc_store *store, xc_stemmer *stemmer,
                                const xc_cluster_params *params, xc_error *err)
{
    xc_clusterer *c = calloc(1, sizeof *c);
    if (!c) {
        xc_fail(err, XC_ERR_NOMEM, "out of memory");
        return NULL;
    }
    c->store = store;
    c->p = params ? *params : xc_cluster_defaults;
    if (c->p.indexed_terms > MAX_INDEXED_TERMS)
        c->p.indexed_terms = MAX_INDEXED_TERMS;
    if (xc_termdict_load(&c->terms, store, stemmer, err) != XC_OK ||
        load_stories(c, err) != XC_OK) {
        xc_clusterer_free(c);
        return NULL;
    }
    return c;
}

void xc_clusterer_free(xc_clusterer *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->story_count; i++)
        xc_docvec_free(&c->stories[i].centroid);
    free(c->stories);
    for (size_t i = 0; i < c->posting_count; i++)
        free(c->postings[i].items);
    free(c->postings);
    free(c->dirty.items);
    xc_termdict_free(&c->terms);
    xc_token_list_free(&c->tokens);
    xc_docvec_free(&c->vec);
    free(c->query);
    free(c->stamp);
    free(c->score);
    free(c->touched.items);
    free(c);
}

/* ---- assignment ----------------------------------------------------- */

static xc_status article_vector(xc_clusterer *c, const xc_cluster_item *item, int delta)
{
    xc_status st = xc_docvec_count(&c->terms, item->title, item->text, item->text_len,
                                   c->p.title_weight, c->p.name_weight, &c->tokens, &c->vec);
    if (st != XC_OK)
        return st;
    /* Document frequencies count each term once per article. */
    uint32_t *terms = malloc((c->vec.count ? c->vec.count : 1) * sizeof *terms);
    if (!terms)
        return XC_ERR_NOMEM;
    for (size_t i = 0; i < c->vec.count; i++)
        terms[i] = c->vec.items[i].term;
    xc_termdict_count(&c->terms, terms, c->vec.count, delta);
    free(terms);
    xc_docvec_weigh(&c->terms, &c->vec, c->p.article_terms);
    return XC_OK;
}

static bool ensure_scratch(xc_clusterer *c)
{
    if (c->stamp_capacity >= c->story_count)
        return true;
    size_t cap = c->story_count * 2;
    uint32_t *stamp = realloc(c->stamp, cap * sizeof *stamp);
    if (!stamp)
        return false;
    c->stamp = stamp;
    float *score = realloc(c->score, cap * sizeof *score);
    if (!score)
        return false;
    c->score = score;
    memset(c->stamp + c->stamp_capacity, 0, (cap - c->stamp_capacity) * sizeof *stamp);
    c->stamp_capacity = cap;
    return true;
}

/* Keep the `limit` touched stories with the highest rough score at the
 * front of c->touched, best first (ties keep first-seen order). Returns
 * how many there are. */
static size_t select_candidates(xc_clusterer *c, size_t limit)
{
    uint32_t *t = c->touched.items;
    size_t kept = 0;
    for (size_t i = 0; i < c->touched.count; i++) {
        uint32_t v = t[i];
        float score = c->score[v];
        if (kept == limit && c->score[t[kept - 1]] >= score)
            continue;
        size_t j = kept < limit ? kept++ : kept - 1;
        while (j > 0 && c->score[t[j - 1]] < score) {
            t[j] = t[j - 1];
            j--;
        }
        t[j] = v;
    }
    return kept;
}

/* Would a story still span at most the window with an article published at
 * ts? Capping a story's span keeps one pass from chaining a topic's daily
 * articles into one ever-growing "story". Undated articles and stories are
 * close to anything. */
static bool within_window(const xc_clusterer *c, const story *s, int64_t ts)
{
    if (ts == INT64_MIN || s->first_ts == INT64_MIN)
        return true;
    int64_t first = ts < s->first_ts ? ts : s->first_ts;
    int64_t last = ts > s->last_ts ? ts : s->last_ts;
    return last - first <= c->p.window;
}

/* The most similar story to c->vec: its index, or -1; *best gets the cosine. */
static long best_story(xc_clusterer *c, int64_t ts, double *best)
{
    *best = 0;
    if (c->vec.count == 0 || c->story_count == 0 || !ensure_scratch(c))
        return -1;
    if (++c->stamp_now == 0) { /* wrapped: forget all stamps */
        memset(c->stamp, 0, c->stamp_capacity * sizeof *c->stamp);
        c->stamp_now = 1;
    }
    /* Query with the article's heaviest terms. */
    size_t n = c->vec.count;
    if (n > c->query_capacity) {
        xc_term_weight *q = realloc(c->query, n * sizeof *q);
        if (!q)
            return -1;
        c->query = q;
        c->query_capacity = n;
    }
    memcpy(c->query, c->vec.items, n * sizeof *c->query);
    xc_docvec q = {c->query, n, c->query_capacity};
    xc_docvec_truncate(&q, c->p.query_terms);
    c->touched.count = 0;
    for (size_t i = 0; i < q.count; i++) {
        uint32_t term = q.items[i].term;
        if (term - 1 >= c->posting_count)
            continue;
        posting *p = &c->postings[term - 1];
        size_t from = p->count > c->p.posting_scan ? p->count - c->p.posting_scan : 0;
        for (size_t k = p->count; k-- > from;) {
            uint32_t s = p->items[k];
            if (c->stories[s].removed || !within_window(c, &c->stories[s], ts))
                continue;
            if (c->stamp[s] != c->stamp_now) {
                c->stamp[s] = c->stamp_now;
                c->score[s] = 0;
                if (!XC_VEC_PUSH(&c->touched, s))
                    return -1;
            }
            c->score[s] += q.items[i].weight;
        }
    }
    /* Rough scores can count a story twice through stale postings; the
     * exact cosine below decides. */
    long best_index = -1;
    size_t limit = select_candidates(c, c->p.candidates);
    for (size_t i = 0; i < limit; i++) {
        story *s = &c->stories[c->touched.items[i]];
        if (s->norm <= 0)
            continue;
        double cosine = xc_docvec_dot(c->vec.items, c->vec.count, s->centroid.items,
                                      s->centroid.count) / s->norm;
        if (cosine > *best) {
            *best = cosine;
            best_index = (long)c->touched.items[i];
        }
    }
    return best_index;
}

static bool mark_dirty(xc_clusterer *c, uint32_t index)
{
    story *s = &c->stories[index];
    if (s->dirty)
        return true;
    s->dirty = true;
    return XC_VEC_PUSH(&c->dirty, index);
}

static xc_status write_membership(xc_clusterer *c, int64_t article, int64_t story_id,
                                  double similarity, xc_error *err)
{
    static const char sql[] = "INSERT INTO story_articles(article, story, similarity) VALUES (?, ?, ?) "
                              "ON CONFLICT(article) DO UPDATE SET story = excluded.story, "
                              "similarity = excluded.similarity";
    sqlite3_stmt *st = xc_store_prepare(c->store, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, story_id);
    sqlite3_bind_double(st, 3, similarity);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(c->store, err, "writing story membership");
}

static xc_status open_story(xc_clusterer *c, const xc_cluster_item *item, uint32_t *index,
                            xc_error *err)
{
    static const char sql[] = "INSERT INTO stories(title, size, first_ts, last_ts, first_seq, last_seq, "
                              "centroid) VALUES ((SELECT title FROM articles WHERE key = ?), "
                              "1, ?, ?, ?, ?, x'')";
    sqlite3_stmt *st = xc_store_prepare(c->store, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, item->key);
    if (item->ts != INT64_MIN) {
        sqlite3_bind_int64(st, 2, item->ts);
        sqlite3_bind_int64(st, 3, item->ts);
    }
    sqlite3_bind_int64(st, 4, item->seq);
    sqlite3_bind_int64(st, 5, item->seq);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return xc_store_error(c->store, err, "opening a story");
    story *s = new_story_slot(c);
    if (!s)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    s->id = sqlite3_last_insert_rowid(c->store->db);
    s->size = 1;
    s->first_ts = s->last_ts = item->ts;
    s->first_seq = s->last_seq = item->seq;
    s->centroid.items = malloc((c->vec.count ? c->vec.count : 1) * sizeof *s->centroid.items);
    if (!s->centroid.items)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    memcpy(s->centroid.items, c->vec.items, c->vec.count * sizeof *c->vec.items);
    s->centroid.count = c->vec.count;
    s->centroid.capacity = c->vec.count ? c->vec.count : 1;
    s->norm = xc_docvec_norm(s->centroid.items, s->centroid.count);
    *index = (uint32_t)(c->story_count - 1);
    if (!index_story(c, *index) || !mark_dirty(c, *index))
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    return XC_OK;
}

static xc_status join_story(xc_clusterer *c, uint32_t index, const xc_cluster_item *item,
                            xc_error *err)
{
    story *s = &c->stories[index];
    if (xc_docvec_add(&s->centroid, c->vec.items, c->vec.count, 1.0f) != XC_OK)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    xc_docvec_truncate(&s->centroid, c->p.centroid_terms);
    s->norm = xc_docvec_norm(s->centroid.items, s->centroid.count);
    s->size++;
    if (item->ts != INT64_MIN) {
        if (s->first_ts == INT64_MIN || item->ts < s->first_ts) {
            s->first_ts = item->ts;
            s->retitle = true; /* the title is the earliest article's */
        }
        if (s->last_ts == INT64_MIN || item->ts > s->last_ts)
            s->last_ts = item->ts;
    }
    if (item->seq < s->first_seq)
        s->first_seq = item->seq;
    if (item->seq > s->last_seq)
        s->last_seq = item->seq;
    if (!index_story(c, index) || !mark_dirty(c, index))
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    return XC_OK;
}

xc_status xc_clusterer_add(xc_clusterer *c, const xc_cluster_item *item, int64_t *story_id,
                           double *similarity, xc_error *err)
{
    xc_status st = article_vector(c, item, +1);
    if (st != XC_OK)
        return xc_fail(err, st, "clustering: %s", xc_status_name(st));
    double best;
    long index = best_story(c, item->ts, &best);
    uint32_t chosen = 0;
    if (index >= 0 && best >= c->p.threshold) {
        chosen = (uint32_t)index;
        st = join_story(c, chosen, item, err);
    } else {
        best = 1.0; /* it is its story's first article */
        st = open_story(c, item, &chosen, err);
    }
    if (st != XC_OK)
        return st;
    *story_id = c->stories[chosen].id;
    *similarity = best;
    return write_membership(c, item->key, *story_id, best, err);
}

static long find_story(const xc_clusterer *c, int64_t id)
{
    size_t lo = 0, hi = c->story_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->stories[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->story_count && c->stories[lo].id == id ? (long)lo : -1;
}

xc_status xc_clusterer_remove(xc_clusterer *c, const xc_cluster_item *item, xc_error *err)
{
    static const char find_sql[] = "SELECT story FROM story_articles WHERE article = ?";
    static const char unlink_sql[] = "DELETE FROM story_articles WHERE article = ?";
    static const char drop_sql[] = "DELETE FROM stories WHERE id = ?";
    sqlite3_stmt *st = xc_store_prepare(c->store, find_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, item->key);
    int64_t story_id = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        story_id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    xc_status status = article_vector(c, item, -1);
    if (status != XC_OK)
        return xc_fail(err, status, "clustering: %s", xc_status_name(status));
    long index = story_id ? find_story(c, story_id) : -1;
    if (index < 0)
        return XC_OK;
    st = xc_store_prepare(c->store, unlink_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, item->key);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return xc_store_error(c->store, err, "leaving a story");
    story *s = &c->stories[index];
    if (s->size <= 1) {
        st = xc_store_prepare(c->store, drop_sql, err);
        if (!st)
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, story_id);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return xc_store_error(c->store, err, "dropping an empty story");
        s->removed = true;
        s->size = 0;
        xc_docvec_free(&s->centroid);
        s->norm = 0;
        return XC_OK;
    }
    if (xc_docvec_add(&s->centroid, c->vec.items, c->vec.count, -1.0f) != XC_OK)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    s->norm = xc_docvec_norm(s->centroid.items, s->centroid.count);
    s->size--;
    s->retitle = s->recount = true;
    if (!mark_dirty(c, (uint32_t)index))
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    return XC_OK;
}

/* ---- saving --------------------------------------------------------- */

static xc_status save_story(xc_clusterer *c, story *s, xc_error *err)
{
    static const char update_sql[] = "UPDATE stories SET size = ?, first_ts = ?, last_ts = ?, "
                                     "first_seq = ?, last_seq = ?, centroid = ? WHERE id = ?";
    static const char recount_sql[] =
        "SELECT min(a.published_ts), max(a.published_ts), min(a.seq), max(a.seq) "
        "FROM story_articles sa JOIN articles a ON a.key = sa.article WHERE sa.story = ?";
    static const char retitle_sql[] =
        "UPDATE stories SET title = (SELECT a.title FROM story_articles sa JOIN articles a "
        "ON a.key = sa.article WHERE sa.story = stories.id "
        "ORDER BY a.published_ts IS NULL, a.published_ts, a.seq LIMIT 1) WHERE id = ?";
    sqlite3_stmt *st;
    int rc;
    if (s->recount) {
        st = xc_store_prepare(c->store, recount_sql, err);
        if (!st)
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, s->id);
        if (sqlite3_step(st) == SQLITE_ROW) {
            s->first_ts = sqlite3_column_type(st, 0) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 0);
            s->last_ts = sqlite3_column_type(st, 1) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 1);
            s->first_seq = sqlite3_column_int64(st, 2);
            s->last_seq = sqlite3_column_int64(st, 3);
        }
        sqlite3_reset(st);
    }
    size_t size;
    unsigned char *blob = encode_centroid(&s->centroid, &size);
    if (!blob)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    st = xc_store_prepare(c->store, update_sql, err);
    if (!st) {
        free(blob);
        return XC_ERR_STORE;
    }
    sqlite3_bind_int64(st, 1, s->size);
    if (s->first_ts != INT64_MIN)
        sqlite3_bind_int64(st, 2, s->first_ts);
    if (s->last_ts != INT64_MIN)
        sqlite3_bind_int64(st, 3, s->last_ts);
    sqlite3_bind_int64(st, 4, s->first_seq);
    sqlite3_bind_int64(st, 5, s->last_seq);
    sqlite3_bind_blob(st, 6, blob, (int)size, free);
    sqlite3_bind_int64(st, 7, s->id);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return xc_store_error(c->store, err, "saving a story");
    if (s->retitle) {
        st = xc_store_prepare(c->store, retitle_sql, err);
        if (!st)
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, s->id);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return xc_store_error(c->store, err, "titling a story");
    }
    s->dirty = s->retitle = s->recount = false;
    return XC_OK;
}

xc_status xc_clusterer_save(xc_clusterer *c, xc_error *err)
{
    xc_status st = xc_termdict_save(&c->terms, c->store, err);
    if (st != XC_OK)
        return st;
    for (size_t i = 0; i < c->dirty.count; i++) {
        story *s = &c->stories[c->dirty.items[i]];
        if (s->removed || !s->dirty)
            continue;
        if ((st = save_story(c, s, err)) != XC_OK)
            return st;
    }
    c->dirty.count = 0;
    return XC_OK;
}

size_t xc_clusterer_memory(const xc_clusterer *c)
{
    size_t bytes = sizeof *c + c->story_capacity * sizeof *c->stories;
    for (size_t i = 0; i < c->story_count; i++)
        bytes += c->stories[i].centroid.capacity * sizeof(xc_term_weight);
    bytes += c->posting_count * sizeof *c->postings;
    for (size_t i = 0; i < c->posting_count; i++)
        bytes += c->postings[i].capacity * sizeof(uint32_t);
    bytes += c->terms.capacity * (sizeof(char *) + sizeof(uint32_t) + 1);
    bytes += c->terms.stems.capacity * sizeof(xc_strmap_slot) + c->terms.stems.keys.used_bytes;
    bytes += c->terms.surface.capacity * sizeof(xc_strmap_slot) + c->terms.surface.keys.used_bytes;
    return bytes;
}
