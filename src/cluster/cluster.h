/* Streaming story clustering. Articles come in publication order; each
 * joins the story it fits best or opens a new one. The fit combines the
 * TF-IDF cosine of the article and the story's centroid (document
 * frequencies updated as articles arrive; title and name words weighted
 * up), the overlap of the names they mention, and their distance in time.
 *
 * Candidate stories come from an inverted index over the heaviest terms of
 * the active stories, never from a scan of all stories. A story idle for
 * longer than the window leaves the active set (and memory); story ids are
 * handed out once and never change as stories grow.
 *
 * The engine knows nothing of the store: cluster_store.c loads and saves
 * its state, so the same engine runs in benchmarks without SQLite. */
#ifndef XC_CLUSTER_H
#define XC_CLUSTER_H

#include "crosscheck.h"
#include "../analyze/analysis.h"
#include "../analyze/docvec.h"
#include "../analyze/termdict.h"

typedef struct xc_cluster_params {
    double threshold;      /* minimum score to join a story                   */
    double name_weight;    /* weight of the name overlap in the score         */
    double time_boost;     /* extra weight for reports close in time ...      */
    int64_t time_boost_scale; /* ... fading over this many seconds           */
    int64_t time_scale;    /* seconds: the score fades beyond this time gap   */
    int64_t window;        /* seconds: a story idle this long leaves the index */
    size_t max_active;     /* stories in the active index at most             */
    size_t article_terms;  /* terms kept per article vector                   */
    size_t centroid_terms; /* terms kept per story centroid                   */
    size_t story_names;    /* names kept per story                            */
    size_t indexed_terms;  /* centroid terms entered in the inverted index    */
    size_t query_terms;    /* article terms used to look up candidates        */
    size_t candidates;     /* stories scored exactly per article              */
} xc_cluster_params;

extern const xc_cluster_params xc_cluster_defaults;

/* An article as the engine sees it. */
typedef struct xc_cluster_item {
    int64_t key;               /* the article's key (or any id)               */
    int64_t seq;               /* processing order                            */
    int64_t ts;                /* publication time, INT64_MIN when undated    */
    const xc_analysis *analysis;
} xc_cluster_item;

#define XC_WHY_TERMS 8

/* Why an article is where it is. */
typedef struct xc_cluster_decision {
    int64_t story;
    bool new_story;
    double score;        /* the combined fit (1 for a story's first article) */
    double cosine;       /* TF-IDF cosine to the centroid                    */
    double names;        /* name overlap                                     */
    double time_factor;  /* 1 within the time scale, less beyond             */
    int64_t gap;         /* seconds to the story's nearest article; -1 unknown */
    uint32_t terms[XC_WHY_TERMS];  /* the shared terms that weigh most        */
    size_t term_count;
    uint32_t shared_names[XC_WHY_TERMS];
    size_t name_count;
    /* the runner-up, for judging how close the call was */
    int64_t second_story;
    double second_score;
} xc_cluster_decision;

typedef struct xc_clusterer xc_clusterer;

/* A new engine over a term dictionary (not owned). Story ids start at
 * next_story. */
xc_clusterer *xc_clusterer_new(const xc_cluster_params *p, xc_termdict *terms, int64_t next_story);
void xc_clusterer_free(xc_clusterer *c);

/* Place an article. Its terms are counted into the document frequencies. */
xc_status xc_clusterer_assign(xc_clusterer *c, const xc_cluster_item *item, xc_cluster_decision *out);

/* A copy joins the story of the article it copies: counted in the story's
 * size and time span, not in its centroid (its words are already there).
 * XC_ERR_NOT_FOUND when the story is not active (the caller updates it in
 * the store directly). */
xc_status xc_clusterer_attach(xc_clusterer *c, int64_t story, const xc_cluster_item *item);

/* Take an article out of a story (before it is replaced). `analysis` may be
 * NULL for a copy (nothing was added to the centroid). */
xc_status xc_clusterer_detach(xc_clusterer *c, int64_t story, const xc_cluster_item *item,
                              bool was_copy);

/* ---- state, for the store layer ------------------------------------ */

typedef struct xc_story_state {
    int64_t id;
    uint32_t size;              /* articles, copies included               */
    uint32_t originals;         /* articles in the centroid                */
    int64_t first_ts, last_ts;  /* INT64_MIN when no member is dated       */
    int64_t first_seq, last_seq;
    const xc_term_weight *centroid;
    size_t centroid_count;
    const xc_term_weight *names; /* name term → articles naming it         */
    size_t name_count;
} xc_story_state;

/* Put back a story loaded from the store (becomes active). */
xc_status xc_clusterer_restore(xc_clusterer *c, const xc_story_state *s);
/* Is a story active? */
bool xc_clusterer_has(const xc_clusterer *c, int64_t story);
/* Stories changed since the last call, each once; `fn` sees their state.
 * Returns the first non-OK status `fn` returned. */
typedef xc_status (*xc_story_state_fn)(void *user, const xc_story_state *s, bool emptied);
xc_status xc_clusterer_flush(xc_clusterer *c, xc_story_state_fn fn, void *user);

int64_t xc_clusterer_next_story(const xc_clusterer *c);
size_t xc_clusterer_active(const xc_clusterer *c);
size_t xc_clusterer_memory(const xc_clusterer *c);

#endif
