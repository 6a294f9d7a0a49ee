/* Entities in the store: an article's mentions resolved to identities that
 * hold across articles. A name already known (its folded form, for people
 * only full names) is the same entity everywhere; otherwise the entities
 * already named in the article's story are the candidates, where
 * surnames, spelling variants, nicknames and acronyms may match — so two
 * people who share a surname in different stories stay apart. */
#ifndef XC_STORE_ENTITIES_H
#define XC_STORE_ENTITIES_H

#include "store.h"
#include "../entity/extract.h"

/* Store the entities `x` found in `text` (article `article`, in `story`).
 * When `ids` is not NULL, ids[e] gets the store's id of x's entity e
 * (x->entities.count of them). */
xc_status xc_entities_save(xc_store *s, int64_t article, int64_t story, const char *text,
                           const xc_entity_extractor *x, int64_t *ids, xc_error *err);

/* Remove an article's mentions (before it is stored again). */
xc_status xc_entities_forget(xc_store *s, int64_t article, int64_t story, xc_error *err);

#endif
