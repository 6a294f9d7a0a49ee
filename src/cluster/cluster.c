#include "cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/intmap.h"
#include "../util/vec.h"

#define MAX_INDEXED_TERMS 32
#define NONE UINT32_MAX
/* Idle stories are looked for every so many articles. */
#define MAINTENANCE_EVERY 256

/* Chosen by measurement on ECB+, NeuS, the demo corpus and the seeds (see
 * docs/architecture.md, "Stories"); one configuration for all. */
const xc_cluster_params xc_cluster_defaults = {
    .threshold = 0.34,
    .name_weight = 0.10,
    .time_boost = 0.3,
    .time_boost_scale = 24 * 3600,
    .time_scale = 30 * 3600,
    .window = 7 * 24 * 3600,
    .max_active = 50000,
    .article_terms = 50,
    .centroid_terms = 120,
    .story_names = 48,
    .indexed_terms = 32,
    .query_terms = 30,
    .candidates = 40,
};

typedef struct story_slot {
    int64_t id;
    xc_docvec centroid; /* sum of the members' unit vectors, truncated */
    double norm;
    xc_docvec names;    /* name term → articles naming it              */
    uint32_t size, originals;
    int64_t first_ts, last_ts, first_seq, last_seq;
    uint32_t indexed[MAX_INDEXED_TERMS];
    uint8_t indexed_count;
    bool in_use;   /* the slot holds a story                       */
    bool active;   /* in the index                                 */
    bool dirty;    /* changed since the last flush                 */
} story_slot;

typedef struct posting {
    uint32_t *items; /* story slots; may hold stale entries */
    size_t count, capacity;
} posting;

struct xc_clusterer {
    xc_cluster_params p;
    xc_termdict *terms;
    story_slot *stories;
    size_t story_count, story_capacity, active;
    xc_u32_list free_slots;
    xc_intmap slot_of; /* story id → slot */
    xc_intmap posting_of; /* term → index into postings */
    posting *postings;
    size_t posting_count, posting_capacity;
    size_t stale_postings; /* deactivations since the index was last rebuilt */
    xc_u32_list dirty;
    int64_t next_story;
    int64_t now;
    size_t assigned;
    /* scratch */
    xc_docvec vec;
    xc_term_weight *query;
    size_t query_capacity;
    uint32_t *stamp;
    float *score;
    size_t stamp_capacity;
    uint32_t stamp_now;
    xc_u32_list touched;
    xc_u32_list article_terms;
};

xc_clusterer *xc_clusterer_new(const xc_cluster_params *p, xc_termdict *terms, int64_t next_story)
{
    xc_clusterer *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->p = p ? *p : xc_cluster_defaults;
    if (c->p.indexed_terms > MAX_INDEXED_TERMS)
        c->p.indexed_terms = MAX_INDEXED_TERMS;
    if (!c->p.max_active)
        c->p.max_active = xc_cluster_defaults.max_active;
    c->terms = terms;
    c->next_story = next_story > 0 ? next_story : 1;
    c->now = INT64_MIN;
    return c;
}

static void release_story(story_slot *s)
{
    xc_docvec_free(&s->centroid);
    xc_docvec_free(&s->names);
}

void xc_clusterer_free(xc_clusterer *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->story_count; i++)
        release_story(&c->stories[i]);
    free(c->stories);
    free(c->free_slots.items);
    xc_intmap_free(&c->slot_of);
    for (size_t i = 0; i < c->posting_count; i++)
        free(c->postings[i].items);
    free(c->postings);
    xc_intmap_free(&c->posting_of);
    free(c->dirty.items);
    xc_docvec_free(&c->vec);
    free(c->query);
    free(c->stamp);
    free(c->score);
    free(c->touched.items);
    free(c->article_terms.items);
    free(c);
}

/* ---- the inverted index --------------------------------------------- */

static bool ensure_query(xc_clusterer *c, size_t n)
{
    if (n <= c->query_capacity)
        return true;
    xc_term_weight *q = realloc(c->query, n * sizeof *q);
    if (!q)
        return false;
    c->query = q;
    c->query_capacity = n;
    return true;
}

/* The posting list of a term, or NULL. */
static posting *postings_of(const xc_clusterer *c, uint32_t term)
{
    uint32_t index;
    return xc_intmap_get(&c->posting_of, term, &index) ? &c->postings[index] : NULL;
}

static bool post(xc_clusterer *c, uint32_t term, uint32_t slot)
{
    if (term == XC_TERM_NONE)
        return true;
    posting *p = postings_of(c, term);
    if (!p) {
        if (c->posting_count == c->posting_capacity) {
            size_t capacity = c->posting_capacity ? c->posting_capacity * 2 : 1024;
            posting *grown = realloc(c->postings, capacity * sizeof *grown);
            if (!grown)
                return false;
            c->postings = grown;
            c->posting_capacity = capacity;
        }
        if (!xc_intmap_put(&c->posting_of, term, (uint32_t)c->posting_count))
            return false;
        p = &c->postings[c->posting_count++];
        *p = (posting){0};
    }
    return XC_VEC_PUSH(p, slot);
}

/* Enter a story under its heaviest centroid terms (those not yet entered). */
static bool index_story(xc_clusterer *c, uint32_t slot)
{
    story_slot *s = &c->stories[slot];
    size_t n = s->centroid.count;
    if (!ensure_query(c, n))
        return false;
    memcpy(c->query, s->centroid.items, n * sizeof *c->query);
    xc_docvec top = {c->query, n, c->query_capacity};
    xc_docvec_truncate(&top, c->p.indexed_terms);
    uint32_t fresh[MAX_INDEXED_TERMS];
    uint8_t fresh_count = 0;
    for (size_t i = 0; i < top.count && fresh_count < MAX_INDEXED_TERMS; i++) {
        uint32_t term = top.items[i].term;
        fresh[fresh_count++] = term;
        bool already = false;
        for (uint8_t k = 0; k < s->indexed_count && !already; k++)
            already = s->indexed[k] == term;
        if (!already && !post(c, term, slot))
            return false;
    }
    memcpy(s->indexed, fresh, fresh_count * sizeof *fresh);
    s->indexed_count = fresh_count;
    return true;
}

/* Rebuild every posting list from the active stories: sweeps the entries
 * of stories that left the index. */
static bool rebuild_index(xc_clusterer *c)
{
    for (size_t i = 0; i < c->posting_count; i++)
        free(c->postings[i].items);
    c->posting_count = 0;
    xc_intmap_free(&c->posting_of);
    for (size_t i = 0; i < c->story_count; i++) {
        story_slot *s = &c->stories[i];
        if (!s->active)
            continue;
        s->indexed_count = 0;
        if (!index_story(c, (uint32_t)i))
            return false;
    }
    c->stale_postings = 0;
    return true;
}

/* ---- stories -------------------------------------------------------- */

static bool mark_dirty(xc_clusterer *c, uint32_t slot)
{
    story_slot *s = &c->stories[slot];
    if (s->dirty)
        return true;
    s->dirty = true;
    return XC_VEC_PUSH(&c->dirty, slot);
}

static uint32_t new_slot(xc_clusterer *c, int64_t id)
{
    uint32_t slot;
    if (c->free_slots.count) {
        slot = c->free_slots.items[--c->free_slots.count];
    } else {
        if (c->story_count == c->story_capacity) {
            size_t capacity = c->story_capacity ? c->story_capacity * 2 : 256;
            story_slot *stories = realloc(c->stories, capacity * sizeof *stories);
            if (!stories)
                return NONE;
            c->stories = stories;
            c->story_capacity = capacity;
        }
        slot = (uint32_t)c->story_count++;
    }
    memset(&c->stories[slot], 0, sizeof c->stories[slot]);
    c->stories[slot].id = id;
    c->stories[slot].in_use = true;
    c->stories[slot].active = true;
    c->stories[slot].first_ts = c->stories[slot].last_ts = INT64_MIN;
    if (!xc_intmap_put(&c->slot_of, (uint64_t)id, slot))
        return NONE;
    c->active++;
    return slot;
}

static long slot_of(const xc_clusterer *c, int64_t id)
{
    uint32_t slot;
    if (!xc_intmap_get(&c->slot_of, (uint64_t)id, &slot))
        return -1;
    return c->stories[slot].active ? (long)slot : -1;
}

/* A story leaves the index (it stays in memory until flushed if dirty). */
static void leave_index(xc_clusterer *c, uint32_t slot)
{
    story_slot *s = &c->stories[slot];
    if (!s->active)
        return;
    s->active = false;
    c->active--;
    c->stale_postings++;
    xc_intmap_remove(&c->slot_of, (uint64_t)s->id);
}

static void free_slot(xc_clusterer *c, uint32_t slot)
{
    story_slot *s = &c->stories[slot];
    release_story(s);
    s->in_use = false;
    XC_VEC_PUSH(&c->free_slots, slot); /* on failure the slot is just not reused */
}

/* A story leaves the index; its memory goes now, or once the store has it. */
static void deactivate(xc_clusterer *c, uint32_t slot)
{
    leave_index(c, slot);
    if (!c->stories[slot].dirty)
        free_slot(c, slot);
}

static void update_span(story_slot *s, const xc_cluster_item *item)
{
    if (item->ts != INT64_MIN) {
        if (s->first_ts == INT64_MIN || item->ts < s->first_ts)
            s->first_ts = item->ts;
        if (s->last_ts == INT64_MIN || item->ts > s->last_ts)
            s->last_ts = item->ts;
    }
    if (s->size == 0 || item->seq < s->first_seq)
        s->first_seq = item->seq;
    if (s->size == 0 || item->seq > s->last_seq)
        s->last_seq = item->seq;
}

static int by_seq(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Idle stories leave the index; so do the oldest when there are too many. */
static void maintain(xc_clusterer *c)
{
    if (c->now != INT64_MIN) {
        for (size_t i = 0; i < c->story_count; i++) {
            story_slot *s = &c->stories[i];
            if (s->active && s->last_ts != INT64_MIN && s->last_ts < c->now - c->p.window)
                deactivate(c, (uint32_t)i);
        }
    }
    if (c->active > c->p.max_active) {
        /* Keep the max_active most recently updated stories (rare: only
         * undated streams get here, dated ones age out by the window). */
        int64_t *seqs = malloc(c->active * sizeof *seqs);
        if (seqs) {
            size_t n = 0;
            for (size_t i = 0; i < c->story_count; i++)
                if (c->stories[i].active)
                    seqs[n++] = c->stories[i].last_seq;
            qsort(seqs, n, sizeof *seqs, by_seq);
            int64_t cut = seqs[n - c->p.max_active - 1];
            free(seqs);
            for (size_t i = 0; i < c->story_count && c->active > c->p.max_active; i++)
                if (c->stories[i].active && c->stories[i].last_seq <= cut)
                    deactivate(c, (uint32_t)i);
        }
    }
    if (c->stale_postings > c->active + 64) /* keeps stale entries under half */
        rebuild_index(c);
}

/* ---- scoring -------------------------------------------------------- */

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
 * front of c->touched, best first. Returns how many there are. */
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

/* Share of the rarer side's name weight that the article and the story
 * have in common (names weighted by IDF); 0.5 when either has none. */
static double name_overlap(const xc_clusterer *c, const xc_analysis *a, const story_slot *s)
{
    if (a->names.count == 0 || s->names.count == 0)
        return 0.5;
    double shared = 0, article = 0, story = 0;
    for (size_t i = 0; i < a->names.count; i++) {
        uint32_t n = a->names.items[i];
        double idf = xc_termdict_idf(c->terms, n);
        article += idf;
        size_t lo = 0, hi = s->names.count;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (s->names.items[mid].term < n)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < s->names.count && s->names.items[lo].term == n)
            shared += idf;
    }
    for (size_t i = 0; i < s->names.count; i++)
        story += xc_termdict_idf(c->terms, s->names.items[i].term);
    double smaller = article < story ? article : story;
    return smaller > 0 ? shared / smaller : 0.5;
}

/* Seconds from ts to the story's span (0 inside it), -1 when unknown. */
static int64_t time_gap(const story_slot *s, int64_t ts)
{
    if (ts == INT64_MIN || s->first_ts == INT64_MIN)
        return -1;
    if (ts < s->first_ts)
        return s->first_ts - ts;
    if (ts > s->last_ts)
        return ts - s->last_ts;
    return 0;
}

/* Time proximity: reports close in time are likelier to be about the same
 * event (a boost that fades over a day), reports far apart less (a decay
 * past the time scale, nothing past the window). Unknown gap: neutral. */
static double time_factor(const xc_clusterer *c, int64_t gap)
{
    if (gap < 0)
        return 1;
    if (gap > c->p.window)
        return 0;
    double boost = 1 + c->p.time_boost * exp(-(double)gap / (double)c->p.time_boost_scale);
    if (gap <= c->p.time_scale)
        return boost;
    return boost * exp(-(double)(gap - c->p.time_scale) / (double)c->p.time_scale);
}

typedef struct fit {
    double score, cosine, names, factor;
    int64_t gap;
} fit;

static fit story_fit(const xc_clusterer *c, const xc_cluster_item *item, const story_slot *s)
{
    fit f = {0};
    f.cosine = s->norm > 0 ? xc_docvec_dot(c->vec.items, c->vec.count, s->centroid.items, s->centroid.count) / s->norm
                           : 0;
    f.names = name_overlap(c, item->analysis, s);
    f.gap = time_gap(s, item->ts);
    f.factor = time_factor(c, f.gap);
    f.score = (f.cosine + c->p.name_weight * f.names) * f.factor;
    return f;
}

/* The best and second-best active story for c->vec. */
static long best_story(xc_clusterer *c, const xc_cluster_item *item, fit *best, long *second,
                       double *second_score)
{
    memset(best, 0, sizeof *best);
    *second = -1;
    *second_score = 0;
    if (c->vec.count == 0 || c->active == 0 || !ensure_scratch(c))
        return -1;
    if (++c->stamp_now == 0) {
        memset(c->stamp, 0, c->stamp_capacity * sizeof *c->stamp);
        c->stamp_now = 1;
    }
    size_t n = c->vec.count;
    if (!ensure_query(c, n))
        return -1;
    memcpy(c->query, c->vec.items, n * sizeof *c->query);
    xc_docvec q = {c->query, n, c->query_capacity};
    xc_docvec_truncate(&q, c->p.query_terms);
    c->touched.count = 0;
    for (size_t i = 0; i < q.count; i++) {
        posting *p = postings_of(c, q.items[i].term);
        if (!p)
            continue;
        for (size_t k = 0; k < p->count; k++) {
            uint32_t s = p->items[k];
            if (!c->stories[s].active)
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
    long best_slot = -1;
    size_t limit = select_candidates(c, c->p.candidates);
    for (size_t i = 0; i < limit; i++) {
        const story_slot *s = &c->stories[c->touched.items[i]];
        fit f = story_fit(c, item, s);
        if (f.score > best->score) {
            if (best_slot >= 0) {
                *second = best_slot;
                *second_score = best->score;
            }
            *best = f;
            best_slot = (long)c->touched.items[i];
        } else if (f.score > *second_score) {
            *second = (long)c->touched.items[i];
            *second_score = f.score;
        }
    }
    return best_slot;
}

/* The shared terms that contribute most to the cosine, and the shared
 * names that weigh most (by IDF). */
static void explain(const xc_clusterer *c, const xc_cluster_item *item, const story_slot *s,
                    xc_cluster_decision *out)
{
    xc_term_weight top[XC_WHY_TERMS];
    size_t n = 0;
    size_t i = 0, j = 0;
    while (i < c->vec.count && j < s->centroid.count) {
        uint32_t a = c->vec.items[i].term, b = s->centroid.items[j].term;
        if (a != b) {
            a < b ? i++ : j++;
            continue;
        }
        float contribution = c->vec.items[i].weight * s->centroid.items[j].weight;
        i++, j++;
        if (xc_termdict_string(c->terms, a)[0] == '@')
            continue; /* names are listed on their own */
        size_t k;
        if (n < XC_WHY_TERMS)
            k = n++;
        else if (top[XC_WHY_TERMS - 1].weight < contribution)
            k = XC_WHY_TERMS - 1;
        else
            continue;
        while (k > 0 && top[k - 1].weight < contribution) {
            top[k] = top[k - 1];
            k--;
        }
        top[k] = (xc_term_weight){a, contribution};
    }
    for (size_t k = 0; k < n; k++)
        out->terms[out->term_count++] = top[k].term;
    const xc_u32_list *names = &item->analysis->names;
    for (size_t k = 0; k < names->count; k++) {
        uint32_t name = names->items[k];
        bool shared = false;
        for (size_t m = 0; m < s->names.count && !shared; m++)
            shared = s->names.items[m].term == name;
        if (!shared)
            continue;
        /* keep the rarest names (highest IDF) */
        double idf = xc_termdict_idf(c->terms, name);
        size_t slot;
        if (out->name_count < XC_WHY_TERMS)
            slot = out->name_count++;
        else if (xc_termdict_idf(c->terms, out->shared_names[XC_WHY_TERMS - 1]) < idf)
            slot = XC_WHY_TERMS - 1;
        else
            continue;
        while (slot > 0 && xc_termdict_idf(c->terms, out->shared_names[slot - 1]) < idf) {
            out->shared_names[slot] = out->shared_names[slot - 1];
            slot--;
        }
        out->shared_names[slot] = name;
    }
}

static xc_status add_names(story_slot *s, const xc_analysis *a, float sign, size_t keep)
{
    xc_term_weight *names = malloc((a->names.count ? a->names.count : 1) * sizeof *names);
    if (!names)
        return XC_ERR_NOMEM;
    for (size_t i = 0; i < a->names.count; i++)
        names[i] = (xc_term_weight){a->names.items[i], 1.0f};
    xc_docvec v = {names, a->names.count, a->names.count};
    xc_docvec_merge_duplicates(&v);
    xc_status st = xc_docvec_add(&s->names, v.items, v.count, sign);
    free(names);
    if (st == XC_OK)
        xc_docvec_truncate(&s->names, keep);
    return st;
}

static xc_status join(xc_clusterer *c, uint32_t slot, const xc_cluster_item *item)
{
    story_slot *s = &c->stories[slot];
    if (xc_docvec_add(&s->centroid, c->vec.items, c->vec.count, 1.0f) != XC_OK)
        return XC_ERR_NOMEM;
    xc_docvec_truncate(&s->centroid, c->p.centroid_terms);
    xc_docvec_shrink(&s->centroid);
    s->norm = xc_docvec_norm(s->centroid.items, s->centroid.count);
    if (add_names(s, item->analysis, 1.0f, c->p.story_names) != XC_OK)
        return XC_ERR_NOMEM;
    xc_docvec_shrink(&s->names);
    update_span(s, item);
    s->size++;
    s->originals++;
    if (!index_story(c, slot) || !mark_dirty(c, slot))
        return XC_ERR_NOMEM;
    return XC_OK;
}

static xc_status article_vector(xc_clusterer *c, const xc_analysis *a, int delta)
{
    const xc_docvec *counts = &a->counts;
    c->article_terms.count = 0;
    if (!XC_VEC_RESERVE(&c->article_terms, counts->count + 1))
        return XC_ERR_NOMEM;
    for (size_t i = 0; i < counts->count; i++)
        c->article_terms.items[i] = counts->items[i].term;
    xc_termdict_count(c->terms, c->article_terms.items, counts->count, delta);
    c->vec.count = 0;
    if (!XC_VEC_RESERVE(&c->vec, counts->count + 1))
        return XC_ERR_NOMEM;
    memcpy(c->vec.items, counts->items, counts->count * sizeof *counts->items);
    c->vec.count = counts->count;
    xc_docvec_weigh(c->terms, &c->vec, c->p.article_terms);
    return XC_OK;
}

xc_status xc_clusterer_assign(xc_clusterer *c, const xc_cluster_item *item, xc_cluster_decision *out)
{
    memset(out, 0, sizeof *out);
    out->gap = -1;
    out->second_story = 0;
    xc_status st = article_vector(c, item->analysis, +1);
    if (st != XC_OK)
        return st;
    if (item->ts != INT64_MIN && (c->now == INT64_MIN || item->ts > c->now))
        c->now = item->ts;
    if (++c->assigned % MAINTENANCE_EVERY == 0)
        maintain(c);
    fit f;
    long second;
    double second_score;
    long best = best_story(c, item, &f, &second, &second_score);
    if (second >= 0) {
        out->second_story = c->stories[second].id;
        out->second_score = second_score;
    }
    uint32_t slot;
    if (best >= 0 && f.score >= c->p.threshold) {
        slot = (uint32_t)best;
        out->score = f.score;
        out->cosine = f.cosine;
        out->names = f.names;
        out->time_factor = f.factor;
        out->gap = f.gap;
        explain(c, item, &c->stories[slot], out);
        st = join(c, slot, item);
    } else {
        if (best >= 0) { /* the runner-up is the best story it did not join */
            out->second_story = c->stories[best].id;
            out->second_score = f.score;
        }
        slot = new_slot(c, c->next_story++);
        if (slot == NONE)
            return XC_ERR_NOMEM;
        out->new_story = true;
        out->score = 1;
        out->cosine = 1;
        out->time_factor = 1;
        st = join(c, slot, item);
    }
    out->story = c->stories[slot].id;
    return st;
}

xc_status xc_clusterer_attach(xc_clusterer *c, int64_t id, const xc_cluster_item *item)
{
    long slot = slot_of(c, id);
    if (slot < 0)
        return XC_ERR_NOT_FOUND;
    story_slot *s = &c->stories[slot];
    update_span(s, item);
    s->size++;
    if (item->ts != INT64_MIN && (c->now == INT64_MIN || item->ts > c->now))
        c->now = item->ts;
    return mark_dirty(c, (uint32_t)slot) ? XC_OK : XC_ERR_NOMEM;
}

xc_status xc_clusterer_detach(xc_clusterer *c, int64_t id, const xc_cluster_item *item, bool was_copy)
{
    long slot = slot_of(c, id);
    if (!was_copy && item->analysis) {
        xc_status st = article_vector(c, item->analysis, -1);
        if (st != XC_OK)
            return st;
    }
    if (slot < 0)
        return XC_ERR_NOT_FOUND;
    story_slot *s = &c->stories[slot];
    if (!was_copy && item->analysis) {
        if (xc_docvec_add(&s->centroid, c->vec.items, c->vec.count, -1.0f) != XC_OK ||
            add_names(s, item->analysis, -1.0f, c->p.story_names) != XC_OK)
            return XC_ERR_NOMEM;
        s->norm = xc_docvec_norm(s->centroid.items, s->centroid.count);
        if (s->originals)
            s->originals--;
    }
    if (s->size)
        s->size--;
    return mark_dirty(c, (uint32_t)slot) ? XC_OK : XC_ERR_NOMEM;
}

/* ---- state for the store -------------------------------------------- */

static xc_status copy_vec(xc_docvec *dst, const xc_term_weight *items, size_t n)
{
    dst->items = malloc((n ? n : 1) * sizeof *items);
    if (!dst->items)
        return XC_ERR_NOMEM;
    memcpy(dst->items, items, n * sizeof *items);
    dst->count = n;
    dst->capacity = n ? n : 1;
    return XC_OK;
}

xc_status xc_clusterer_restore(xc_clusterer *c, const xc_story_state *state)
{
    if (slot_of(c, state->id) >= 0)
        return XC_OK;
    uint32_t slot = new_slot(c, state->id);
    if (slot == NONE)
        return XC_ERR_NOMEM;
    story_slot *s = &c->stories[slot];
    s->size = state->size;
    s->originals = state->originals;
    s->first_ts = state->first_ts;
    s->last_ts = state->last_ts;
    s->first_seq = state->first_seq;
    s->last_seq = state->last_seq;
    if (copy_vec(&s->centroid, state->centroid, state->centroid_count) != XC_OK ||
        copy_vec(&s->names, state->names, state->name_count) != XC_OK)
        return XC_ERR_NOMEM;
    s->norm = xc_docvec_norm(s->centroid.items, s->centroid.count);
    if (state->id >= c->next_story)
        c->next_story = state->id + 1;
    if (state->last_ts != INT64_MIN && (c->now == INT64_MIN || state->last_ts > c->now))
        c->now = state->last_ts;
    return index_story(c, slot) ? XC_OK : XC_ERR_NOMEM;
}

bool xc_clusterer_has(const xc_clusterer *c, int64_t id) { return slot_of(c, id) >= 0; }

xc_status xc_clusterer_flush(xc_clusterer *c, xc_story_state_fn fn, void *user)
{
    xc_status result = XC_OK;
    for (size_t i = 0; i < c->dirty.count; i++) {
        uint32_t slot = c->dirty.items[i];
        story_slot *s = &c->stories[slot];
        if (!s->in_use || !s->dirty)
            continue;
        xc_story_state state = {
            .id = s->id, .size = s->size, .originals = s->originals,
            .first_ts = s->first_ts, .last_ts = s->last_ts,
            .first_seq = s->first_seq, .last_seq = s->last_seq,
            .centroid = s->centroid.items, .centroid_count = s->centroid.count,
            .names = s->names.items, .name_count = s->names.count,
        };
        xc_status st = fn ? fn(user, &state, s->size == 0) : XC_OK;
        if (st != XC_OK && result == XC_OK)
            result = st;
        s->dirty = false;
        if (s->size == 0) /* emptied by detach: gone */
            leave_index(c, slot);
        if (!s->active)
            free_slot(c, slot);
    }
    c->dirty.count = 0;
    return result;
}

int64_t xc_clusterer_next_story(const xc_clusterer *c) { return c->next_story; }
size_t xc_clusterer_active(const xc_clusterer *c) { return c->active; }

size_t xc_clusterer_memory(const xc_clusterer *c)
{
    size_t bytes = sizeof *c + c->story_capacity * sizeof *c->stories;
    for (size_t i = 0; i < c->story_count; i++)
        bytes += (c->stories[i].centroid.capacity + c->stories[i].names.capacity) * sizeof(xc_term_weight);
    bytes += c->posting_capacity * sizeof *c->postings + xc_intmap_memory(&c->posting_of);
    for (size_t i = 0; i < c->posting_count; i++)
        bytes += c->postings[i].capacity * sizeof(uint32_t);
    bytes += xc_intmap_memory(&c->slot_of) + c->free_slots.capacity * sizeof(uint32_t) +
             c->dirty.capacity * sizeof(uint32_t) + c->stamp_capacity * (sizeof(uint32_t) + sizeof(float));
    return bytes;
}
