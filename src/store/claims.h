/* What an article says, in the store: its quotes (with the speaker each
 * resolves to), its numeric facts and its dates, and the date read from
 * its text when it came without one. They are written with the article,
 * in its batch's transaction, and read back per story by the ledger
 * (src/ledger/) through src/store/claim_queries.c. */
#ifndef XC_STORE_CLAIMS_H
#define XC_STORE_CLAIMS_H

#include "store.h"
#include "../entity/extract.h"
#include "../quote/quotes.h"

typedef struct xc_article_claims {
    const xc_quote_list *quotes;          /* NULL: none                  */
    const xc_entity_extractor *entities;  /* the names quotes refer to, or NULL */
    const int64_t *entity_ids;            /* store ids of entities->entities, or NULL */
    const xc_quantity_list *quantities;   /* only facts are stored        */
    const xc_timex_list *dates;
    const char *inferred_date;            /* YYYY-MM-DD, or NULL          */
    const char *inferred_from;            /* the evidence, or NULL        */
} xc_article_claims;

xc_status xc_claims_save(xc_store *s, int64_t article, const char *text, const xc_article_claims *claims,
                         xc_error *err);

/* Remove an article's claims (before it is stored again). */
xc_status xc_claims_forget(xc_store *s, int64_t article, xc_error *err);

#endif
