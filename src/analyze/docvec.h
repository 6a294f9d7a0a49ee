/* Sparse term vectors: TF-IDF weighting, dot products, sums. */
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

/* Sort by term and add up entries of the same term. */
void xc_docvec_merge_duplicates(xc_docvec *v);

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

/* Give back the unused capacity (vectors kept for long: centroids). */
void xc_docvec_shrink(xc_docvec *v);
void xc_docvec_free(xc_docvec *v);

#endif
