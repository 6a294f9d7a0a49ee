/* Sparse TF-IDF vectors of articles and story centroids. */
#ifndef XC_DOCVEC_H
#define XC_DOCVEC_H

#include "termdict.h"

typedef struct xc_term_weight {
    uint32_t term;
    float weight;
} xc_term_weight;

typedef struct xc_docvec {
    xc_term_weight *items; /* sorted by term id, unique */
    size_t count, capacity;
} xc_docvec;

/* Term counts of an article: body terms count 1, capitalised mid-sentence
 * (name-like) ones `name_weight`, title terms `title_weight` (the title is
 * left out when NULL). Tokens go through `scratch`. */
xc_status xc_docvec_count(xc_termdict *d, const char *title, const char *text, size_t len,
                          float title_weight, float name_weight, xc_token_list *scratch,
                          xc_docvec *out);

/* Counts → unit-length TF-IDF (sublinear tf), keeping the `keep` heaviest
 * terms. */
void xc_docvec_weigh(const xc_termdict *d, xc_docvec *v, size_t keep);

/* Keep the `keep` heaviest entries (result sorted by term). */
void xc_docvec_truncate(xc_docvec *v, size_t keep);

double xc_docvec_norm(const xc_term_weight *items, size_t n);
/* Dot product of two term-sorted vectors. */
double xc_docvec_dot(const xc_term_weight *a, size_t na, const xc_term_weight *b, size_t nb);

/* a += scale * b (both term-sorted; result term-sorted). Entries that fall to
 * zero or below are dropped. */
xc_status xc_docvec_add(xc_docvec *a, const xc_term_weight *b, size_t nb, float scale);

void xc_docvec_free(xc_docvec *v);

#endif
