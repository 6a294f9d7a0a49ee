/* The term dictionary: stems of content words with their document
 * frequencies, persisted in the `terms` table. Term ids are dense (id =
 * index + 1) so vectors can use them directly. */
#ifndef XC_TERMDICT_H
#define XC_TERMDICT_H

#include <stdint.h>

#include "crosscheck.h"
#include "../store/store.h"
#include "../util/strmap.h"

#define XC_TERM_NONE 0u

typedef struct xc_termdict {
    xc_strmap stems;     /* stem → index                                     */
    xc_strmap surface;   /* token as written → index + 1, or 0 for "not a term" */
    const char **terms;  /* index → stem                                     */
    uint32_t *df;        /* index → articles containing it                   */
    uint8_t *dirty;      /* index → needs saving                             */
    size_t count, capacity;
    int64_t articles;    /* N: articles counted in df                        */
    bool articles_dirty;
    xc_stemmer *stemmer;
} xc_termdict;

xc_status xc_termdict_load(xc_termdict *d, xc_store *store, xc_stemmer *stemmer, xc_error *err);
void xc_termdict_free(xc_termdict *d);

/* The term of a token: its id, or XC_TERM_NONE for tokens that are not
 * content words (stopwords, punctuation, numbers, single letters). New
 * terms are added with df 0. */
uint32_t xc_termdict_term(xc_termdict *d, const char *text, const xc_token *token);

/* Inverse document frequency, smoothed: ln((N + 1) / (df + 1)) + 1. */
double xc_termdict_idf(const xc_termdict *d, uint32_t term);

/* Count an article in (delta +1) or out (-1) for each of its terms. */
void xc_termdict_count(xc_termdict *d, const uint32_t *terms, size_t n, int delta);

const char *xc_termdict_string(const xc_termdict *d, uint32_t term);

/* Write changed terms (inside the caller's transaction). */
xc_status xc_termdict_save(xc_termdict *d, xc_store *store, xc_error *err);

#endif
