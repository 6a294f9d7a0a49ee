/* Story clustering, first version: one pass over articles in publication
 * order; each article joins the most similar story (TF-IDF cosine to the
 * story's centroid) or opens a new one. Candidate stories come from an
 * inverted index over the centroids' heaviest terms, never from a scan of
 * all stories. Story ids are SQLite AUTOINCREMENT keys: they never change
 * as a story grows and are never reused. */
#ifndef XC_CLUSTER_H
#define XC_CLUSTER_H

#include "crosscheck.h"
#include "docvec.h"
#include "termdict.h"
#include "../store/store.h"

typedef struct xc_cluster_params {
    double threshold;      /* minimum cosine to join a story              */
    float title_weight;    /* a title word counts this many body words    */
    float name_weight;     /* so does a capitalised word mid-sentence     */
    size_t article_terms;  /* terms kept per article vector               */
    size_t centroid_terms; /* terms kept per story centroid               */
    size_t indexed_terms;  /* centroid terms entered in the inverted index */
    size_t query_terms;    /* article terms used to look up candidates    */
    size_t candidates;     /* stories scored exactly per article          */
    size_t posting_scan;   /* most recent stories read per posting list   */
    int64_t window;        /* seconds: a dated article only joins a story
                              with a dated article at most this far away  */
} xc_cluster_params;

extern const xc_cluster_params xc_cluster_defaults;

typedef struct xc_clusterer xc_clusterer;

/* Load the clustering state (terms, stories) from the store. */
xc_clusterer *xc_clusterer_load(xc_store *store, xc_stemmer *stemmer,
                                const xc_cluster_params *params, xc_error *err);
void xc_clusterer_free(xc_clusterer *c);

/* An article as the clusterer needs it. */
typedef struct xc_cluster_item {
    int64_t key;        /* articles.key                                    */
    int64_t seq;        /* processing order                                */
    int64_t ts;         /* publication time, or INT64_MIN when undated     */
    const char *title;  /* NULL when the title is just the first line      */
    const char *text;
    size_t text_len;
} xc_cluster_item;

/* Place an article in a story (writing its membership row inside the
 * caller's transaction). */
xc_status xc_clusterer_add(xc_clusterer *c, const xc_cluster_item *item, int64_t *story,
                           double *similarity, xc_error *err);

/* Take an article (as it was) out of its story before it is replaced. */
xc_status xc_clusterer_remove(xc_clusterer *c, const xc_cluster_item *item, xc_error *err);

/* Write changed terms and stories (inside the caller's transaction). */
xc_status xc_clusterer_save(xc_clusterer *c, xc_error *err);

/* Bytes held by the in-memory state, for benchmarks. */
size_t xc_clusterer_memory(const xc_clusterer *c);

#endif
