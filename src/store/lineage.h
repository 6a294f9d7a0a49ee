/* Duplicate lineage in the store: each article's dedup features, and for
 * articles in a duplicate group their group, what they copy, how and how
 * closely (the origin has no copy_of). */
#ifndef XC_LINEAGE_H
#define XC_LINEAGE_H

#include "store.h"
#include "../dedup/dedup.h"

/* A dedup engine holding the store's recent articles (the window). */
xc_dedup *xc_lineage_load(xc_store *s, const xc_dedup_params *p, xc_error *err);

xc_status xc_lineage_save_features(xc_store *s, const xc_dedup_item *item, xc_error *err);

/* Write what dedup found for `article`: its row, and the rows of the
 * article it copies (new group) or of the old origin (re-rooted). */
xc_status xc_lineage_record(xc_store *s, int64_t article, const xc_dedup_result *r, xc_error *err);

/* Before an article is replaced: its own lineage row goes (the copies of
 * it keep pointing at it). *was_copy says whether it copied something. */
xc_status xc_lineage_forget(xc_store *s, int64_t article, bool *was_copy, xc_error *err);

#endif
