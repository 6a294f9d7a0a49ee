/* Stories in the store: loading the active ones into the clustering
 * engine, saving what it changed, and membership rows with their "why". */
#ifndef XC_STORIES_H
#define XC_STORIES_H

#include "store.h"
#include "../cluster/cluster.h"

/* An engine holding the store's active stories (the window). */
xc_clusterer *xc_stories_load(xc_store *s, xc_termdict *terms, const xc_cluster_params *p,
                              xc_error *err);

/* A row for a story the engine has just opened with `article`. */
xc_status xc_stories_create(xc_store *s, int64_t story, int64_t article, int64_t ts, int64_t seq,
                            xc_error *err);

/* Write the stories the engine changed (sizes, spans, centroids, titles). */
xc_status xc_stories_save(xc_store *s, xc_clusterer *c, xc_error *err);

/* A copy joins a story that is no longer in the engine: update its row. */
xc_status xc_stories_grow(xc_store *s, int64_t story, int64_t ts, int64_t seq, xc_error *err);

/* An article leaves a story that is no longer in the engine. */
xc_status xc_stories_shrink(xc_store *s, int64_t story, bool was_copy, xc_error *err);

xc_status xc_stories_member(xc_store *s, int64_t article, int64_t story, double similarity,
                            const char *why_json, xc_error *err);

/* Count again the distinct outlets of a story's independent reports
 * (stories.outlets), after an independent report joined or left it. */
xc_status xc_stories_count_outlets(xc_store *s, int64_t story, xc_error *err);

/* The story of an article, 0 when it has none. */
int64_t xc_stories_of_article(xc_store *s, int64_t article);

#endif
