/* The pipeline each stored article goes through, inside its batch's
 * transaction: analysis, duplicate detection and lineage, then either
 * joining the story of the article it copies or story clustering. The
 * engines' state lives here between batches. */
#ifndef XC_PIPELINE_H
#define XC_PIPELINE_H

#include "article.h"
#include "../core/context.h"

typedef struct xc_pipeline xc_pipeline;

xc_pipeline *xc_pipeline_new(xc_ctx *ctx);
void xc_pipeline_free(xc_pipeline *p);

/* Store `n` articles (already in processing order) in one transaction and
 * set each one's outcome (added, updated or unchanged). On failure nothing
 * of the batch is stored and the in-memory state is dropped, to be loaded
 * again from the store. */
xc_status xc_pipeline_store(xc_pipeline *p, xc_article_in *const *articles, xc_item_outcome *outcomes,
                            size_t n, xc_error *err);

/* Put `articles` (given in input order) into publication order, in place:
 * an undated article keeps the place of the one before it, and equal
 * times keep input order. False when out of memory (order unchanged). */
bool xc_publication_order(xc_article_in **articles, size_t n);

#endif
